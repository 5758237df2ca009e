using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/other/test_events.py</c> (a device-only test of other/).</summary>
public sealed class EventsTests
{
    // NEST: testsuite/pytests/other/test_events.py::EventsTestCase::test_EventsVoltage
    [Fact]
    public void EventsVoltage()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var vm = nest.Create("voltmeter", 1, new() { ["interval"] = 1.0 });

        nest.Connect(vm, n);
        nest.Simulate(10);

        Assert.Equal(9, Doubles(vm, "V_m").Length);
    }

    // NEST: testsuite/pytests/other/test_events.py::EventsTestCase::test_EventsSpikes
    [Fact]
    public void EventsSpikes()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1000.0 });
        var sr = nest.Create("spike_recorder");

        nest.Connect(n, sr);
        nest.Simulate(1000);

        Assert.True(Doubles(sr, "times").Length > 0);
    }
}
