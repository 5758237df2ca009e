using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_multimeter_offset.py</c>: the offset of multimeter sampling.</summary>
public sealed class MultimeterOffsetTests
{
    private static readonly Dictionary<string, object> AllToAll = new() { ["rule"] = "all_to_all" };

    private static Dictionary<string, object> Delay(double delay) => new() { ["delay"] = delay };

    // NEST: testsuite/pytests/recording/test_multimeter_offset.py::test_recorded_times_relative_to_offset
    [Fact]
    public void RecordedTimesRelativeToOffset()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", Math.Pow(2, -3)); // power of two to avoid rounding issues
        var nrn = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter", 1, new()
        {
            ["interval"] = 3.0, // different from default
            ["offset"] = 5.0, // different from default
            ["record_from"] = new[] { "V_m" },
        });

        nest.Connect(mm, nrn);
        nest.Simulate(15.0);

        Assert.Equal([5.0, 8.0, 11.0, 14.0], Doubles(mm, "times"));
    }

    // NEST: testsuite/pytests/recording/test_multimeter_offset.py::test_correct_data_logger_initialization
    [Fact]
    public void CorrectDataLoggerInitialization()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", Math.Pow(2, -3));

        // Create and connect one multimeter and simulate
        var nrn = nest.Create("iaf_psc_alpha");
        Dictionary<string, object> Params() => new()
        {
            ["start"] = 20.0, ["stop"] = 30.0, ["interval"] = 3.0, ["offset"] = 5.0, ["record_from"] = new[] { "V_m" },
        };
        var mm1 = nest.Create("multimeter", 1, Params());

        nest.Connect(mm1, nrn);
        nest.Simulate(10.0);

        // Create and connect a second multimeter then simulate further
        var mm2 = nest.Create("multimeter", 1, Params());

        nest.Connect(mm2, nrn);
        nest.Simulate(20.0);

        // Compare recordings with reference data
        double[] expectedTimes = [23.0, 26.0, 29.0];
        Assert.Equal(expectedTimes, Doubles(mm1, "times"));
        Assert.Equal(expectedTimes, Doubles(mm2, "times"));
    }

    // NEST: testsuite/pytests/recording/test_multimeter_offset.py::test_offset_cannot_be_changed_after_connect
    [Fact]
    public void OffsetCannotBeChangedAfterConnect()
    {
        var nest = new Simulator();
        var nrn = nest.Create("iaf_psc_exp");
        var mm = nest.Create("multimeter");
        nest.Connect(mm, nrn);

        Assert.Throws<BadPropertyException>(() => mm.Set("offset", 5.0));
    }

    // NEST: testsuite/pytests/recording/test_multimeter_offset.py::test_offset_wrt_origin_start_stop
    [Fact]
    public void OffsetWrtOriginStartStop()
    {
        double[] expectedTimes1 = [5.0, 8.0, 11.0, 14.0];
        double[] expectedTimes2 = [5.0, 8.0, 11.0, 14.0, 26.0, 29.0, 32.0, 35.0];

        var nest = new Simulator();
        nest.SetKernelStatus("resolution", Math.Pow(2, -3));

        // Create and connect one multimeter and simulate
        var nrn = nest.Create("iaf_psc_exp");
        var mm = nest.Create("multimeter", 1, new()
        {
            ["start"] = 3.0, ["stop"] = 15.0, ["interval"] = 3.0, ["offset"] = 5.0, ["record_from"] = new[] { "V_m" },
        });

        nest.Connect(mm, nrn);
        nest.Simulate(20.0);

        // Compare to first reference data
        Assert.Equal(expectedTimes1, Doubles(mm, "times"));

        // Change origin; this shouldn't affect the offset but only shift start-stop window
        mm.Set("origin", 20.0);
        nest.Simulate(20.0);

        // Compare to extended reference
        Assert.Equal(expectedTimes2, Doubles(mm, "times"));
    }

    // NEST: testsuite/pytests/recording/test_multimeter_offset.py::test_creation_after_initial_simulation
    [Fact]
    public void CreationAfterInitialSimulation()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);

        Dictionary<string, object> Params() => new()
        {
            ["start"] = 20.0, ["stop"] = 30.0, ["interval"] = 3.0, ["offset"] = 5.0, ["record_from"] = new[] { "V_m" },
        };

        // Create and connect one multimeter and simulate
        var nrn = nest.Create("iaf_psc_exp");
        var mm1 = nest.Create("multimeter", 1, Params());

        nest.Connect(mm1, nrn, AllToAll, Delay(0.1));

        nest.Simulate(10.0);

        // Create and connect a second multimeter then simulate further
        var mm2 = nest.Create("multimeter", 1, Params());

        nest.Connect(mm2, nrn, AllToAll, Delay(0.1));
        nest.Simulate(20.0);

        // Compare multimeter recordings
        Assert.Equal(Doubles(mm1, "times"), Doubles(mm2, "times"));
    }

    /// <summary>numpy.arange(start, stop, step) for doubles.</summary>
    private static double[] Arange(double start, double stop, double step)
    {
        int n = (int)Math.Ceiling((stop - start) / step);
        return Enumerable.Range(0, Math.Max(0, n)).Select(i => start + i * step).ToArray();
    }

    // NEST: testsuite/pytests/recording/test_multimeter_offset.py::test_offset_after_initial_simulation
    [Fact]
    public void OffsetAfterInitialSimulation()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);

        const double initSimTime = 110.0, simTime = 250.0, interval = 60.0, offset = 170.3;

        var expectedTimes = Arange(offset, initSimTime + simTime, interval);

        // Create neuron and perform initial simulation
        var nrn = nest.Create("iaf_psc_exp");
        nest.Simulate(initSimTime);

        // Create multimeter and continue simulation
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = interval, ["offset"] = offset, ["record_from"] = new[] { "V_m" } });

        nest.Connect(mm, nrn, AllToAll, Delay(0.1));
        nest.Simulate(simTime);

        // Compare to reference data
        Assert.Equal(expectedTimes, Doubles(mm, "times"));
    }

    // NEST: testsuite/pytests/recording/test_multimeter_offset.py::test_initial_simulation_longer_than_offset
    [Fact]
    public void InitialSimulationLongerThanOffset()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);

        const double initSimTime = 250.0, simTime = 250.0, interval = 60.0, offset = 170.3;

        var expectedTimes = Arange(offset + 2 * interval, initSimTime + simTime, interval);

        // Create neuron and perform initial simulation
        var nrn = nest.Create("iaf_psc_exp");
        nest.Simulate(initSimTime);

        // Create multimeter and continue simulation
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = interval, ["offset"] = offset, ["record_from"] = new[] { "V_m" } });

        nest.Connect(mm, nrn, AllToAll, Delay(0.1));
        nest.Simulate(simTime);

        // Compare to reference data
        Assert.Equal(expectedTimes, Doubles(mm, "times"));
    }
}
