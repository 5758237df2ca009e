using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_recording_backend_memory.py</c>.</summary>
public sealed class RecordingBackendMemoryTests
{
    // NEST: testsuite/pytests/recording/test_recording_backend_memory.py::TestRecordingBackendMemory::testEventsDict
    [Fact]
    public void EventsDict()
    {
        var nest = new Simulator();

        var mm = nest.Create("multimeter", 1, new() { ["record_to"] = "memory" });
        _ = Events(mm);
    }

    // NEST: testsuite/pytests/recording/test_recording_backend_memory.py::TestRecordingBackendMemory::testEventCounter
    [Fact]
    public void EventCounter()
    {
        var nest = new Simulator();

        var mm = nest.Create("multimeter", 1, new() { ["record_to"] = "memory" });
        mm.Set(new Dictionary<string, object> { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, nest.Create("iaf_psc_alpha"));

        nest.Simulate(15);
        Assert.Equal(140, mm.Get<long>("n_events"));
        Assert.Equal(140, Doubles(mm, "times").Length);

        nest.Simulate(1);
        Assert.Equal(150, mm.Get<long>("n_events"));
        Assert.Equal(150, Doubles(mm, "times").Length);

        // Now with multithreading

        nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 2);

        mm = nest.Create("multimeter", 1, new() { ["record_to"] = "memory" });
        mm.Set(new Dictionary<string, object> { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, nest.Create("iaf_psc_alpha", 2));

        nest.Simulate(15);
        Assert.Equal(280, mm.Get<long>("n_events"));
        Assert.Equal(280, Doubles(mm, "times").Length);

        nest.Simulate(1);
        Assert.Equal(300, mm.Get<long>("n_events"));
        Assert.Equal(300, Doubles(mm, "times").Length);
    }

    // NEST: testsuite/pytests/recording/test_recording_backend_memory.py::TestRecordingBackendMemory::testResetEventCounter
    [Fact]
    public void ResetEventCounter()
    {
        var nest = new Simulator();

        var mm = nest.Create("multimeter", 1, new() { ["record_to"] = "memory" });
        mm.Set(new Dictionary<string, object> { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        nest.Connect(mm, nest.Create("iaf_psc_alpha"));

        nest.Simulate(15);

        // Check that an error is raised when setting n_events to a number != 0
        Assert.ThrowsAny<NestException>(() => mm.Set("n_events", 10L));

        // Check that the event counter was indeed not changed and the events dictionary is still intact
        Assert.Equal(140, mm.Get<long>("n_events"));
        Assert.Equal(140, Doubles(mm, "times").Length);

        // Check that the events dict is cleared when setting n_events to 0
        mm.Set("n_events", 0L);
        Assert.Empty(Doubles(mm, "times"));
    }

    // NEST: testsuite/pytests/recording/test_recording_backend_memory.py::TestRecordingBackendMemory::testTimeInSteps
    [Fact]
    public void TimeInSteps()
    {
        var nest = new Simulator();

        var mm = nest.Create("multimeter", 1, new() { ["record_to"] = "memory" });

        // Check that time_in_steps is set False by default
        Assert.False(mm.Get<bool>("time_in_steps"));

        // Check times are in float (i.e. ms) and offsets are not there if time_in_steps == False
        Assert.IsType<double[]>(Events(mm)["times"]);
        Assert.False(Events(mm).ContainsKey("offsets"));

        // Check times are in int (i.e. steps) and offsets are there and of type float if time_in_steps == True
        mm.Set("time_in_steps", true);
        Assert.IsType<long[]>(Events(mm)["times"]);

        // Check that time_in_steps cannot be set after Simulate has been called.
        nest.Simulate(10);
        Assert.ThrowsAny<NestException>(() => mm.Set("time_in_steps", false));
    }
}
