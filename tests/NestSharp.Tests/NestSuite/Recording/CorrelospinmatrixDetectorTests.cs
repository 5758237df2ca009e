namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_correlospinmatrix_detector.py</c>.</summary>
public sealed class CorrelospinmatrixDetectorTests
{
    // NEST: testsuite/pytests/recording/test_correlospinmatrix_detector.py::test_correlospinmatrix_detector
    [Fact]
    public void CorrelospinmatrixDetector()
    {
        var nest = new Simulator();

        // 3-tensor of correlation functions
        long[][][] expectedCorr =
        [
            [
                [0, 0, 0, 0, 0, 10, 20, 30, 40, 50, 60, 50, 40, 30, 20, 10, 0, 0, 0, 0, 0],
                [0, 10, 20, 30, 40, 50, 50, 40, 30, 20, 10, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            ],
            [
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 10, 20, 30, 40, 50, 50, 40, 30, 20, 10, 0],
                [0, 0, 0, 0, 0, 0, 10, 20, 30, 40, 50, 40, 30, 20, 10, 0, 0, 0, 0, 0, 0],
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            ],
            [
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
                [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
            ],
        ];

        var sg1 = nest.Create("spike_generator");
        var sg2 = nest.Create("spike_generator");
        var sg3 = nest.Create("spike_generator");

        var csd = nest.Create("correlospinmatrix_detector");

        csd.Set(new Dictionary<string, object> { ["N_channels"] = 3, ["tau_max"] = 10.0, ["delta_tau"] = 1.0 });

        sg1.Set("spike_times", new[] { 10.0, 10.0, 16.0 }); // binary pulse starting at 10. ending at 16.
        sg2.Set("spike_times", new[] { 15.0, 15.0, 20.0 }); // binary pulse starting at 15. ending at 20.

        // one final event needed so that last down transition will be detected
        sg3.Set("spike_times", new[] { 25.0 });

        nest.Connect(sg1, csd, syn: new Dictionary<string, object> { ["receptor_type"] = 0 });
        nest.Connect(sg2, csd, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        nest.Connect(sg3, csd, syn: new Dictionary<string, object> { ["receptor_type"] = 2 });

        nest.Simulate(100.0);

        var actual = (long[][][])csd.Get("count_covariance");
        Assert.Equal(expectedCorr.Length, actual.Length);
        for (int i = 0; i < expectedCorr.Length; i++)
        {
            Assert.Equal(expectedCorr[i].Length, actual[i].Length);
            for (int j = 0; j < expectedCorr[i].Length; j++) Assert.Equal(expectedCorr[i][j], actual[i][j]);
        }
    }
}
