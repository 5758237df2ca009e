namespace NestSharp.Tests.Kernel;

/// <summary>
/// SetStatus between Prepare and Cleanup (PyNEST's <c>with nest.RunManager(): ... nodes.set(...); nest.Run(...)</c>):
/// a change of a neuron's or a generator's parameters takes effect at the next Run, with the state kept, so the run
/// equals the same protocol made of separate Simulate calls; recorders refuse changes as NEST's do.
/// </summary>
public sealed class StatusBetweenRunsTests
{
    /// <summary>V_m of one neuron over 3 × 40 ms, with <paramref name="change"/> applied before the 2nd and 3rd part.</summary>
    private static double[] Protocol(bool runManager, string model, Action<Simulator, NodeCollection, NodeCollection, int> change)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model);
        var generator = nest.Create("poisson_generator", 1, new() { ["rate"] = 8000.0 });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 100.0 });
        nest.Connect(generator, neuron, syn: new Dictionary<string, object> { ["weight"] = 20.0 });
        nest.Connect(dc, neuron);
        var multimeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        nest.Connect(multimeter, neuron);
        if (runManager) nest.Prepare();
        for (int part = 0; part < 3; part++)
        {
            if (part > 0) change(nest, neuron, generator + dc, part);
            if (runManager) nest.Run(40.0);
            else nest.Simulate(40.0);
        }
        if (runManager) nest.Cleanup();
        return (double[])((Dictionary<string, object>)multimeter.Get("events"))["V_m"];
    }

    [Theory]
    [InlineData("iaf_psc_alpha")]
    [InlineData("iaf_psc_exp")]
    [InlineData("aeif_psc_delta_clopath")]
    public void NeuronParameters_ChangedBetweenRuns_AsBetweenSimulateCalls(string model)
    {
        void Change(Simulator nest, NodeCollection neuron, NodeCollection devices, int part) =>
            neuron.Set(new Dictionary<string, object> { ["I_e"] = 150.0 * part, ["C_m"] = 250.0 + 50.0 * part });
        var expected = Protocol(false, model, Change);
        Assert.True(expected.Length > 1000);
        Assert.Equal(expected, Protocol(true, model, Change));
        Assert.NotEqual(expected, Protocol(true, model, (_, _, _, _) => { }));
    }

    [Fact]
    public void GeneratorParameters_ChangedBetweenRuns_AsBetweenSimulateCalls()
    {
        static void Change(Simulator nest, NodeCollection neuron, NodeCollection devices, int part)
        {
            devices[0].Set("rate", 8000.0 + 4000.0 * part);
            devices[1].Set("amplitude", 100.0 - 80.0 * part);
        }
        var expected = Protocol(false, "iaf_psc_alpha", Change);
        Assert.Equal(expected, Protocol(true, "iaf_psc_alpha", Change));
        Assert.NotEqual(expected, Protocol(true, "iaf_psc_alpha", (_, _, _, _) => { }));
    }

    [Fact]
    public void AcGeneratorAmplitude_ChangedBetweenRuns_KeepsThePhaseOfTheCurrentTime()
    {
        static double[] Current(bool runManager)
        {
            var nest = new Simulator();
            var ac = nest.Create("ac_generator", 1, new() { ["amplitude"] = 100.0, ["frequency"] = 30.0, ["phase"] = 45.0 });
            var multimeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "I" } });
            nest.Connect(multimeter, ac);
            if (runManager) nest.Prepare();
            for (int part = 0; part < 3; part++)
            {
                if (part > 0) ac.Set("amplitude", 100.0 + 50.0 * part);
                if (runManager) nest.Run(40.0);
                else nest.Simulate(40.0);
            }
            if (runManager) nest.Cleanup();
            return (double[])((Dictionary<string, object>)multimeter.Get("events"))["I"];
        }
        var expected = Current(false);
        Assert.True(expected.Length > 1000);
        Assert.Equal(expected, Current(true));
    }

    [Fact]
    public void RecorderParameters_BetweenPrepareAndCleanup_AreRefusedAndUnchanged()
    {
        var nest = new Simulator();
        var recorder = nest.Create("spike_recorder");
        nest.Prepare();
        var error = Assert.Throws<BadPropertyException>(() => recorder.Set("start", 5.0));
        Assert.Contains("start", error.Message);
        Assert.Contains("Prepare and Cleanup", error.Message);
        Assert.Equal(0.0, recorder.Get<double>("start"));
        nest.Cleanup();
        recorder.Set("start", 5.0);
        Assert.Equal(5.0, recorder.Get<double>("start"));
    }
}
