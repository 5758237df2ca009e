using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/recording/test_multimeter.py</c>. The parametrisation over "all models
/// with a non-empty recordables list" takes NestSharp's models, dc_generator among them (NEST's list also holds models
/// NestSharp lacks; see /work/notes/nestsuite-devices.md).
/// </summary>
public sealed class MultimeterTests
{
    public static TheoryData<string> AllModelsWithRec() => ModelsWithRecordables();

    // NEST: testsuite/pytests/recording/test_multimeter.py::test_connect_multimeter_twice
    [Fact]
    public void ConnectMultimeterTwice()
    {
        var nest = new Simulator();
        var nrn = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter");
        nest.Connect(mm, nrn);

        Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, nrn));
    }

    // NEST: testsuite/pytests/recording/test_multimeter.py::test_receptors_with_multiple_multimeters
    [Theory]
    [MemberData(nameof(AllModelsWithRec))]
    public void ReceptorsWithMultipleMultimeters(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        var mm1 = nest.Create("multimeter", 1, new() { ["record_from"] = Recordables(nrn) });
        var mm2 = nest.Create("multimeter", 1, new() { ["record_from"] = Recordables(nrn) });
        nest.Connect(mm1, nrn);
        nest.Connect(mm2, nrn);

        var mm1Receptor = nest.GetConnections(mm1).Receptor;
        var mm2Receptor = nest.GetConnections(mm2).Receptor;

        Assert.Equal([1L], mm1Receptor);
        Assert.Equal([2L], mm2Receptor);
    }

    // NEST: testsuite/pytests/recording/test_multimeter.py::test_recordables_are_recorded
    [Theory]
    [MemberData(nameof(AllModelsWithRec))]
    public void RecordablesAreRecorded(string model)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", Math.Pow(2, -3)); // power of two to avoid rounding issues
        const double recordingInterval = 2;
        const double simtime = 10;
        int numDataExpected = (int)(simtime / recordingInterval - 1);

        var nrn = nest.Create(model);
        var recordables = Recordables(nrn);
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = recordingInterval, ["record_from"] = recordables });
        nest.Connect(mm, nrn);
        nest.Simulate(simtime);

        var result = Events(mm);

        foreach (var r in recordables.Concat(["times", "senders"]))
        {
            Assert.True(result.ContainsKey(r), $"events has no '{r}'");
            Assert.Equal(numDataExpected, ((Array)result[r]).Length);
        }
    }

    // NEST: testsuite/pytests/recording/test_multimeter.py::test_identical_recording_from_multiple_multimeters
    [Theory]
    [MemberData(nameof(AllModelsWithRec))]
    public void IdenticalRecordingFromMultipleMultimeters(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        // (NEST adds a root compartment to compartmental models; NestSharp has none.)
        var recordables = Recordables(nrn);
        var mm1 = nest.Create("multimeter", 1, new() { ["record_from"] = recordables });
        var mm2 = nest.Create("multimeter", 1, new() { ["record_from"] = recordables });

        nest.Connect(mm1, nrn);
        nest.Connect(mm2, nrn);

        nest.Simulate(10.0);

        foreach (var recordable in recordables)
            Assert.Equal(Doubles(mm1, recordable), Doubles(mm2, recordable));
    }

    // NEST: testsuite/pytests/recording/test_multimeter.py::test_bad_intervals_detected
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.05)]
    [InlineData(0.15)]
    public void BadIntervalsDetected(double interval)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.1);

        Assert.Throws<BadPropertyException>(() => nest.Create("multimeter", 1, new() { ["interval"] = interval }));
    }
}
