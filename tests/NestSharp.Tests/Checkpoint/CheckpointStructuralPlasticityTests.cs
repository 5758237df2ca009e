namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// A structural-plasticity network (excitatory and inhibitory neurons whose synaptic elements grow and retract with
/// their calcium, two structural-plasticity synapse types, one with a delay of its own, element defaults given to a
/// model copy, structural updates every 2.5 ms), split by a checkpoint at 23.4 ms, between two updates and with
/// spikes in flight, continues bitwise as the uninterrupted run: every node's status (Ca, synaptic_elements with z and
/// z_connected, spikes) and every connection, for 1 and 2 threads and across a change of the thread count; nodes made
/// after the restore receive the model's elements as they would have.
/// </summary>
public sealed class CheckpointStructuralPlasticityTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-sp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, object> Element(string curve, double rate, double eps, bool continuous) => new()
    {
        ["growth_curve"] = curve, ["growth_rate"] = rate, ["eps"] = eps, ["continuous"] = continuous, ["tau_vacant"] = 0.3,
    };

    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new()
        {
            ["rng_seed"] = 4242L, ["resolution"] = 0.1, ["min_delay"] = 0.5, ["max_delay"] = 3.0,
            ["structural_plasticity_update_interval"] = 2.5,
        });
        nest.CopyModel("static_synapse", "sp_excitatory", new() { ["weight"] = 30.0, ["delay"] = 1.0 });
        nest.CopyModel("static_synapse", "sp_inhibitory", new() { ["weight"] = -90.0, ["delay"] = 1.0 });
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object>
        {
            ["excitatory"] = new Dictionary<string, object>
            {
                ["synapse_model"] = "sp_excitatory", ["pre_synaptic_element"] = "Axon_ex", ["post_synaptic_element"] = "Den_ex",
            },
            ["inhibitory"] = new Dictionary<string, object>
            {
                ["synapse_model"] = "sp_inhibitory", ["pre_synaptic_element"] = "Axon_in", ["post_synaptic_element"] = "Den_in",
                ["delay"] = 1.7, ["allow_autapses"] = false,
            },
        });
        var neuron = new Dictionary<string, object> { ["tau_Ca"] = 40.0, ["beta_Ca"] = 0.02, ["V_th"] = -58.0 };
        nest.CopyModel("iaf_psc_alpha", "sp_neuron", new(neuron)
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["Axon_ex"] = Element("linear", 0.4, 0.15, continuous: false),
                ["Den_ex"] = Element("gaussian", 0.6, 0.2, continuous: true),
                ["Den_in"] = Element("linear", 0.3, 0.2, continuous: false),
            },
        });
        var excitatory = nest.Create("sp_neuron", 30);
        var inhibitory = nest.Create("iaf_psc_alpha", 8, new(neuron)
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["Axon_in"] = Element("sigmoid", 0.5, 0.1, continuous: false),
                ["Den_ex"] = Element("linear", 0.5, 0.2, continuous: true),
            },
        });
        var all = excitatory + inhibitory;
        all.Set("V_m", nest.Random.Uniform(-70.0, -59.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 9000.0 });
        nest.Connect(noise, all, syn: new Dictionary<string, object> { ["weight"] = 40.0, ["delay"] = 1.0 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(all, recorder);
        nest.EnableStructuralPlasticity();
    }

    [Fact]
    public void SplitRun_EqualsUninterruptedRun_ForOneAndTwoThreadsAndAThreadChange()
    {
        var reference = new Simulator();
        Build(reference);
        reference.Simulate(23.4);
        int connectionsAtSplit = reference.GetConnections().Count;
        string atSplit = CheckpointSplitRunTests.Observe(reference);
        reference.Simulate(31.3);
        string expected = CheckpointSplitRunTests.Observe(reference);
        // the structural updates after the split change the network
        Assert.NotEqual(atSplit, expected);
        Assert.NotEqual(connectionsAtSplit, reference.GetConnections().Count);
        Assert.True(connectionsAtSplit > 38, "the updates before the split made no synapses: the test would not see bound elements");

        string path = Path.Combine(_folder, "sp.nscp");
        foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(Build, path, 23.4, before, after);
            Assert.True(resumed.StructuralPlasticityEnabled);
            resumed.Simulate(31.3);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }

    [Fact]
    public void Restore_KeepsTheSettingsAndTheElementsModelsGiveNewNodes()
    {
        var source = new Simulator();
        Build(source);
        source.Simulate(12.2);
        string path = Path.Combine(_folder, "settings.nscp");
        source.SaveCheckpoint(path);
        var restored = new Simulator();
        restored.LoadCheckpoint(path, 2);

        Assert.Equal(
            NestJson.ToJson(source.GetKernelStatus("structural_plasticity_synapses")),
            NestJson.ToJson(restored.GetKernelStatus("structural_plasticity_synapses")));
        Assert.Equal(2.5, restored.GetKernelStatus("structural_plasticity_update_interval"));
        Assert.Equal(NestJson.ToJson(source.GetDefaults("sp_neuron")), NestJson.ToJson(restored.GetDefaults("sp_neuron")));
        // nodes made after the restore receive the model's elements, and the run goes on as it would have
        foreach (var nest in new[] { source, restored })
        {
            nest.Create("sp_neuron", 4);
            nest.Simulate(14.9);
        }
        Assert.Equal(CheckpointSplitRunTests.Observe(source), CheckpointSplitRunTests.Observe(restored));
    }
}
