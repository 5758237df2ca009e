using System.Globalization;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// astrocyte_lr_1994 against a reference solution of its equations by SciPy's odeint (NEST's test_astrocyte.dat, in
/// Reference/pytests/): IP3, Ca_astro and h_IP3R on the 0.1 ms grid over 100 ms, one spike of weight 1 at 10 ms.
/// </summary>
public sealed class AstrocyteTests
{
    private static (double[] Ip3, double[] Ca, double[] H) ReadReference()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "pytests", "test_astrocyte.dat");
        var rows = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (rows.Select(r => r[1]).ToArray(), rows.Select(r => r[2]).ToArray(), rows.Select(r => r[3]).ToArray());
    }

    // NEST: testsuite/pytests/neurons/test_astrocyte.py::test_closeness_nest_odeint
    [Fact]
    public void ClosenessNestOdeint()
    {
        var nest = new Simulator();
        double resolution = (double)nest.GetKernelStatus("resolution");
        const double simtime = 100.0;
        double[] spikeTimes = [10.0 - resolution]; // compensate for the delay
        double[] spikeWeights = [1.0];

        var (refIp3, refCa, refH) = ReadReference();

        var astrocyte = nest.Create("astrocyte_lr_1994", 1, new() { ["IP3"] = 1.0, ["Ca_astro"] = 1.0, ["h_IP3R"] = 1.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = resolution, ["record_from"] = new[] { "IP3", "Ca_astro", "h_IP3R" } });
        var spkGe = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes, ["spike_weights"] = spikeWeights });

        nest.Connect(mm, astrocyte);
        nest.Connect(spkGe, astrocyte, syn: new Dictionary<string, object> { ["delay"] = resolution });

        nest.Simulate(simtime);

        AssertAllApprox(refIp3, NestSuiteHelpers.Doubles(mm, "IP3"));
        AssertAllApprox(refCa, NestSuiteHelpers.Doubles(mm, "Ca_astro"));
        AssertAllApprox(refH, NestSuiteHelpers.Doubles(mm, "h_IP3R"));
    }

    /// <summary>pytest.approx of two sequences: equal lengths, each element within its default tolerances.</summary>
    private static void AssertAllApprox(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++) IafPsPspAccuracyTests.AssertApprox(expected[i], actual[i]);
    }
}
