using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/other/test_events.py</c>, its voltmeter half (test_EventsSpikes is ported with
/// the other/ tests, in NestSuite/Other/ThreadsAndVirtualProcessesTests).
/// </summary>
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
}
