using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_split_simulation.py</c>: PyNEST's <c>RunManager</c>
/// context is Prepare, the Run calls, and Cleanup.
/// </summary>
public sealed class SplitSimulationTests
{
    private const int Steps = 100;
    private const double Time = 100;

    private static List<(long Sender, double Time)> SetupAndExtractData(Action<Simulator> f)
    {
        var nest = new Simulator();
        var n1 = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 376.0 });
        var spike = nest.Create("spike_recorder");
        nest.Connect(n1, spike);
        f(nest);
        return Longs(spike, "senders").Zip(Doubles(spike, "times")).ToList();
    }

    private static List<(long, double)> Runs() => SetupAndExtractData(nest =>
    {
        nest.Prepare();
        try
        {
            for (int i = 0; i < Steps; i++) nest.Run(Time);
        }
        finally
        {
            nest.Cleanup();
        }
    });

    private static List<(long, double)> Simulate() => SetupAndExtractData(nest => nest.Simulate(Time * Steps));

    // NEST: testsuite/pytests/stimulating/test_split_simulation.py::TestSplit::test_split_match
    [Fact]
    public void SplitMatch()
    {
        var r0 = Runs();
        var r1 = Simulate();
        Assert.NotEmpty(r0); // (not in NEST: the lists must not both be empty)
        Assert.Equal(r0, r1);
    }
}
