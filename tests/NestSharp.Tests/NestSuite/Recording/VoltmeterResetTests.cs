using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/other/test_voltmeter_reset.py</c> (a device-only test of other/).</summary>
public sealed class VoltmeterResetTests
{
    // NEST: testsuite/pytests/other/test_voltmeter_reset.py::test_voltmeter_reset
    [Fact]
    public void VoltmeterReset()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var vm = nest.Create("voltmeter");
        vm.Set(new Dictionary<string, object> { ["interval"] = 1.0 });

        nest.Connect(vm, n);

        // Simulate and check initial recording
        nest.Simulate(10.5);
        Assert.Equal(10, vm.Get<long>("n_events"));
        Assert.Equal(10, Doubles(vm, "times").Length);
        Assert.Equal(10, Doubles(vm, "V_m").Length);

        // Reset voltmeter and check
        vm.Set(new Dictionary<string, object> { ["n_events"] = 0 });
        Assert.Equal(0, vm.Get<long>("n_events"));
        Assert.Empty(Doubles(vm, "times"));
        Assert.Empty(Doubles(vm, "V_m"));

        // Simulate more and check recording
        nest.Simulate(5.0);
        Assert.Equal(5, vm.Get<long>("n_events"));
        Assert.Equal(5, Doubles(vm, "times").Length);
        Assert.Equal(5, Doubles(vm, "V_m").Length);
    }
}
