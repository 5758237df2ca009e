namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_recording_backends.py</c>.</summary>
public sealed class RecordingBackendsTests
{
    /// <summary>NEST's HAVE_SIONLIB: build_info["have_sionlib"] (NestSharp's build_info has no such entry: no SIONlib).</summary>
    private static bool HaveSionlib(Simulator nest) =>
        ((Dictionary<string, object>)nest.GetKernelStatus("build_info")).TryGetValue("have_sionlib", out var have) && (bool)have;

    private static object[] Get(Dictionary<string, object> status, params string[] keys) => keys.Select(k => status[k]).ToArray();

    // NEST: testsuite/pytests/recording/test_recording_backends.py::TestRecordingBackends::testAAAResetKernel
    [Fact]
    public void ResetKernelRestoresBackendDefaults()
    {
        var nest = new Simulator();

        string[] rbProperties = ["record_to", "time_in_steps"];
        var rbDefaultsInitial = Get(nest.GetDefaults("multimeter"), rbProperties);

        Assert.Equal(["memory", false], rbDefaultsInitial);

        nest.SetDefaults("multimeter", new() { ["record_to"] = "ascii", ["time_in_steps"] = true });

        Assert.Equal(["ascii", true], Get(nest.GetDefaults("multimeter"), rbProperties));

        nest.ResetKernel();

        Assert.Equal(rbDefaultsInitial, Get(nest.GetDefaults("multimeter"), rbProperties));
    }

    // NEST: testsuite/pytests/recording/test_recording_backends.py::TestRecordingBackends::testDefaultBackendsAvailable
    [Fact]
    public void DefaultBackendsAvailable()
    {
        var nest = new Simulator();

        var backends = (string[])nest.GetKernelStatus("recording_backends");
        string[] expectedBackends = ["ascii", "memory", "screen"];

        Assert.All(expectedBackends, b => Assert.Contains(b, backends));

        if (HaveSionlib(nest)) Assert.Contains("sionlib", backends);
    }

    // NEST: testsuite/pytests/recording/test_recording_backends.py::TestRecordingBackends::testGlobalRecordingBackendProperties
    [Fact]
    public void GlobalRecordingBackendProperties()
    {
        // NEST sets and gets sion_chunksize only when built with SIONlib, the only backend with global parameters;
        // without it (as NestSharp, which has no SIONlib backend) the test checks nothing beyond a kernel reset.
        var nest = new Simulator();
        Assert.False(HaveSionlib(nest));
    }

    // NEST: testsuite/pytests/recording/test_recording_backends.py::TestRecordingBackends::testSetDefaultRecordingBackend
    [Fact]
    public void SetDefaultRecordingBackend()
    {
        var nest = new Simulator();

        nest.SetDefaults("multimeter", new() { ["record_to"] = "ascii" });
        var rbDefaultsMm = nest.GetDefaults("multimeter")["record_to"];
        var rbDefaultsSr = nest.GetDefaults("spike_recorder")["record_to"];

        Assert.Equal("ascii", rbDefaultsMm);
        Assert.Equal("memory", rbDefaultsSr);
    }

    // NEST: testsuite/pytests/recording/test_recording_backends.py::TestRecordingBackends::testSetDefaultsRecordingBackendProperties
    [Fact]
    public void SetDefaultsRecordingBackendProperties()
    {
        var nest = new Simulator();

        nest.SetDefaults("spike_recorder", new() { ["record_to"] = "ascii", ["file_extension"] = "nest" });
        var srDefaults = nest.GetDefaults("spike_recorder");

        Assert.Equal("ascii", srDefaults["record_to"]);
        Assert.Equal("nest", srDefaults["file_extension"]);
    }

    // NEST: testsuite/pytests/recording/test_recording_backends.py::TestRecordingBackends::testRecordingBackendDefaultsToInstances
    [Fact]
    public void RecordingBackendDefaultsToInstances()
    {
        var nest = new Simulator();

        nest.SetDefaults("multimeter", new() { ["record_to"] = "ascii", ["file_extension"] = "multimeter" });

        var mmStatus = nest.Create("multimeter").GetStatus()[0];
        Assert.Equal("ascii", mmStatus["record_to"]);
        Assert.Equal("multimeter", mmStatus["file_extension"]);

        nest.SetDefaults("spike_recorder", new() { ["record_to"] = "ascii" });
        var srStatus = nest.Create("spike_recorder").GetStatus()[0];
        Assert.Equal("ascii", srStatus["record_to"]);
        Assert.Equal("dat", srStatus["file_extension"]);
    }
}
