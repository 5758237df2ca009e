namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_delay_after_res_change.py: min_delay, max_delay and the default delay when the resolution changes.</summary>
public sealed class TestDelayAfterResChange
{
    private static double MinDelay(Simulator nest) => (double)nest.GetKernelStatus("min_delay");

    private static double MaxDelay(Simulator nest) => (double)nest.GetKernelStatus("max_delay");

    // NEST: testsuite/pytests/connect/test_delay_after_res_change.py::test_change_to_high_resolution
    [Fact]
    public void Test_change_to_high_resolution()
    {
        // min delay, max delay and default delay are not changed when increasing the resolution.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["min_delay"] = 2.1, ["max_delay"] = 12.3 });
        nest.SetKernelStatus(new() { ["resolution"] = 0.001 });

        nest.SetDefaults("static_synapse", new() { ["delay"] = 3.5 });

        Assert.True(MinDelay(nest) == 2.1 && MaxDelay(nest) == 12.3);
        Assert.Equal(3.5, nest.GetDefaults<double>("static_synapse", "delay"));
    }

    // NEST: testsuite/pytests/connect/test_delay_after_res_change.py::test_change_to_low_resolution
    [Fact]
    public void Test_change_to_low_resolution()
    {
        // min delay, max delay and default delay are rounded when decreasing the resolution: min delay is always
        // rounded down, max delay always up.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["min_delay"] = 2.1, ["max_delay"] = 12.3 });
        nest.SetKernelStatus("resolution", 1.0);

        nest.SetDefaults("static_synapse", new() { ["delay"] = 3.5 });

        Assert.True(MinDelay(nest) == 2.0 && MaxDelay(nest) == 13.0);
        Assert.Equal(4.0, nest.GetDefaults<double>("static_synapse", "delay"));
    }

    // NEST: testsuite/pytests/connect/test_delay_after_res_change.py::test_change_tics_per_ms
    [Fact]
    public void Test_change_tics_per_ms()
    {
        // min delay, max delay and default delay are not changed when setting tics_per_ms to 10000.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = 10000.0, ["resolution"] = 0.001, ["min_delay"] = 2.1, ["max_delay"] = 12.3 });

        nest.SetDefaults("static_synapse", new() { ["delay"] = 3.5 });

        Assert.True(MinDelay(nest) == 2.1 && MaxDelay(nest) == 12.3);
        Assert.Equal(3.5, nest.GetDefaults<double>("static_synapse", "delay"));
    }
}
