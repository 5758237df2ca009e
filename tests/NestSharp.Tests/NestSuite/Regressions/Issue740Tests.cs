namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NEST's testsuite/pytests/regressions/test_issue_740.py: step_current_generator requires strictly increasing
/// amplitude times after they are converted to steps.
/// </summary>
public sealed class Issue740Tests
{
    private static readonly double[] AmplitudeTimes = [1.0, 1.0625, 1.125, 1.1875, 1.25, 2.0, 2.5];
    private static readonly double[] AmplitudeValues = [10.0, -20.0, 40.0, -80.0, 160.0, -320.0, 640.0];

    private static void Simulate(double resolution, bool allowOffgrid)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new Dictionary<string, object> { ["tics_per_ms"] = 1024, ["resolution"] = resolution });

        var scg = nest.Create("step_current_generator", 1, new()
        {
            ["amplitude_times"] = AmplitudeTimes,
            ["amplitude_values"] = AmplitudeValues,
            ["allow_offgrid_times"] = allowOffgrid,
        });

        var neuron = nest.Create("iaf_psc_alpha", 1, new()
        {
            ["V_th"] = 1e10,
            ["C_m"] = 1.0,
            ["tau_m"] = 1.0,
            ["E_L"] = 0.0,
            ["V_m"] = 0.0,
            ["V_reset"] = 0.0,
        });

        nest.Connect(scg, neuron);

        int steps = (int)(5.0 / resolution);
        double simTime = steps * resolution;
        simTime = Math.Max(simTime, resolution);

        nest.Simulate(simTime);
    }

    /// <summary>NEST's rows: resolution, allow_offgrid, should_raise.</summary>
    public static TheoryData<double, bool, bool> Rows() => new()
    {
        { Math.Pow(2.0, -5), false, false },
        { Math.Pow(2.0, -10) * 3.0, false, true },
        { Math.Pow(2.0, -10) * 3.0, true, false },
        { Math.Pow(2.0, -4), false, false },
        { Math.Pow(2.0, -3), false, true },
        { Math.Pow(2.0, -3), true, true },
    };

    // NEST: testsuite/pytests/regressions/test_issue_740.py::test_issue_740_step_current_generator_time_checks
    [Theory]
    [MemberData(nameof(Rows))]
    public void Test_issue_740_step_current_generator_time_checks(double resolution, bool allowOffgrid, bool shouldRaise)
    {
        if (shouldRaise)
        {
            var e = Assert.Throws<BadPropertyException>(() => Simulate(resolution, allowOffgrid));
            Assert.Matches("(increasing|representable)", e.Message);
        }
        else
        {
            Simulate(resolution, allowOffgrid);
        }
    }
}
