using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_ac_generator.py</c>.</summary>
public sealed class AcGeneratorTests
{
    // NEST: testsuite/pytests/stimulating/test_ac_generator.py::test_ac_generaor
    [Fact]
    public void AcGeneratorEqualsStepCurrentOfItsValues()
    {
        double dc = 1000.0, ac = 550.0, freq = 100.0, phi = 0.0, start = 5.0, stop = 6.0, dt = 0.1;
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);
        double om = freq / 1000.0 * 2 * Math.PI;
        // np.arange(start, stop, dt)
        var stepCurrTimes = Enumerable.Range(0, (int)Math.Ceiling((stop - start) / dt)).Select(i => start + i * dt).ToArray();
        var stepCurrAmps = stepCurrTimes.Select(x => Math.Sin(x * om + phi) * ac + dc).ToArray();

        var nAc = nest.Create("iaf_psc_alpha");
        var nSc = nest.Create("iaf_psc_alpha");
        var acGen = nest.Create("ac_generator", 1, new()
        {
            ["amplitude"] = ac, ["offset"] = dc, ["frequency"] = freq, ["phase"] = phi, ["start"] = start, ["stop"] = stop,
        });
        var scGen = nest.Create("step_current_generator", 1, new()
        {
            ["amplitude_times"] = stepCurrTimes, ["amplitude_values"] = stepCurrAmps, ["start"] = start, ["stop"] = stop,
        });
        var vmAc = nest.Create("voltmeter", 1, new() { ["interval"] = 0.1 });
        var vmSc = nest.Create("voltmeter", 1, new() { ["interval"] = 0.1 });
        var mmAc = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I" }, ["interval"] = 0.1 });
        var mmSc = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I" }, ["interval"] = 0.1 });
        nest.Connect(acGen, nAc);
        nest.Connect(vmAc, nAc);
        nest.Connect(mmAc, acGen);
        nest.Connect(scGen, nSc);
        nest.Connect(vmSc, nSc);
        nest.Connect(mmSc, scGen);

        nest.Simulate(10.0);

        // pytest.approx: relative 1e-6, absolute 1e-12
        AssertApprox(Doubles(vmSc, "V_m"), Doubles(vmAc, "V_m"));
        AssertApprox(Doubles(mmSc, "I"), Doubles(mmAc, "I"));
    }

    private static void AssertApprox(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(actual[i] - expected[i]) <= Math.Max(1e-6 * Math.Abs(expected[i]), 1e-12), $"[{i}]: {actual[i]} vs {expected[i]}");
    }
}
