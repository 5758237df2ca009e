namespace NestSharp.Tests.Kernel;

/// <summary>
/// A built-in model's prototype is made on its first use (<c>NodeModel.Prototype</c>); one made after resolution
/// changes must hold what it would hold had it existed through them, as NEST's prototypes, which exist from the start.
/// </summary>
public sealed class ModelPrototypeTests
{
    private static readonly double[] Resolutions = [0.2, 0.1, 0.05];

    [Fact]
    public void DefaultsAfterResolutionChanges_AreTheSameWhetherThePrototypesWereMadeBeforeOrAfter()
    {
        var early = new Simulator();
        var models = early.NodeModels();
        foreach (string model in models) early.GetDefaults(model);
        foreach (double resolution in Resolutions) early.SetKernelStatus(new Dictionary<string, object> { ["resolution"] = resolution });

        var late = new Simulator();
        foreach (double resolution in Resolutions) late.SetKernelStatus(new Dictionary<string, object> { ["resolution"] = resolution });

        foreach (string model in models)
            Assert.Equal(NestJson.ToJson(early.GetDefaults(model)), NestJson.ToJson(late.GetDefaults(model)));
        // The correlation detectors' delta_tau went through 0.2 ms steps (5 steps of 0.2 ms, then a multiple of the
        // finer steps): a prototype made only at 0.05 ms would have 5 steps of 0.05 ms.
        Assert.Equal(1.0, (double)late.GetDefaults("correlation_detector")["delta_tau"]);
    }

    [Fact]
    public void ARecorderMadeFromALatePrototype_Records()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha", 1, new Dictionary<string, object> { ["I_e"] = 500.0 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);
        nest.Simulate(100.0);
        Assert.True((long)recorder.Get("n_events") > 0);
    }
}
