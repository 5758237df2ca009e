using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Every neuron model of the catalog: a noise-driven, recurrently connected group recorded by a multimeter (all its
/// recordables) and a spike recorder, split by a checkpoint at a time inside slices, refractory periods and with spikes
/// in flight, continues bitwise as the uninterrupted run, on 1 and 2 threads and across a change (1 -> 2, 2 -> 1).
/// Every neuron model is kept.
/// </summary>
public sealed class CheckpointModelTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-models-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The neuron models of the catalog whose checkpoints are (<paramref name="supported"/>) or are not implemented.</summary>
    public static TheoryData<string> NeuronModels(bool supported)
    {
        var models = new TheoryData<string>();
        foreach (var (name, make) in Catalog.NodeModels.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var prototype = new NodeModel(name, make, static _ => { }).Prototype;
            // spike_train_injector is a neuron that takes no input: CheckpointGeneratorTests has it
            // binary neurons take no Poisson input (NEST's SignalType): Models/BinaryNeuronTests checks their split runs
            // The network below connects the neurons among themselves and records their spikes: astrocyte_lr_1994 sends
            // none (Models/AstrocyteTests checks its split runs), and the rate models take none (they exchange rates)
            bool neuron = prototype.ElementType == ElementType.Neuron && name != "spike_train_injector" && (prototype.ReceivesSignal & SignalType.Spike) != 0
                && prototype.EmitsSpikes && prototype.TakesSpikes;
            if (neuron && prototype.SupportsCheckpoint == supported) models.Add(name);
        }
        return models;
    }

    /// <summary>The input weight that makes a model fire under 20 kHz of Poisson input (by the kind of its synapses).</summary>
    private static double DriveWeight(string model) => model switch
    {
        _ when model.Contains("parrot", StringComparison.Ordinal) => 1.0,
        _ when model.Contains("cond", StringComparison.Ordinal) => 6.0,
        _ when model.Contains("delta", StringComparison.Ordinal) || model == "izhikevich" => 3.0,
        _ when model.StartsWith("aeif_psc", StringComparison.Ordinal) => 400.0,
        "cm_default" => 2.0,
        _ => 120.0,
    };

    private static void Build(Simulator nest, string model)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 2026L });
        var defaults = nest.GetDefaults(model);
        var parameters = new Dictionary<string, object>();
        int receptor = 0;
        if (defaults.ContainsKey("n_synapses"))
        {
            parameters["tau_syn"] = new[] { 2.0, 5.0 };
            receptor = 1;
        }
        else if (defaults.TryGetValue("n_receptors", out var ports) && Convert.ToInt64(ports) > 0)
        {
            receptor = 1;
        }
        else if (defaults.ContainsKey("has_connections"))
        {
            // ports sized by an array without a count key (the GLIF models); with all mechanisms on (GLIF5)
            receptor = 1;
            if (defaults.ContainsKey("adapting_threshold"))
            {
                foreach (string flag in new[] { "spike_dependent_threshold", "after_spike_currents", "adapting_threshold" }) parameters[flag] = true;
            }
        }
        else if (defaults.TryGetValue("receptor_types", out var types) && types is System.Collections.IDictionary { Count: > 0 } named)
        {
            receptor = named.Values.Cast<object>().Select(Convert.ToInt32).Min();
        }
        if (model == "ignore_and_fire") parameters["rate"] = 150.0;
        // spike-triggered elements (gif_*, pp_psc_delta) that act across the split: NEST's defaults have none or q = 0
        if (defaults.TryGetValue("q_sfa", out var qSfa) && qSfa is double[])
        {
            parameters["tau_sfa"] = new[] { 15.0, 80.0 };
            parameters["q_sfa"] = new[] { 3.0, 1.0 };
        }
        if (defaults.ContainsKey("q_stc"))
        {
            parameters["tau_stc"] = new[] { 8.0, 60.0 };
            parameters["q_stc"] = new[] { 10.0, 2.0 };
        }
        if (defaults.ContainsKey("t_ref")) parameters["t_ref"] = 4.0;
        if (model == "cm_default")
        {
            // a compartmental neuron has what it is given: an active soma (NEST's example two_comps.py, pF and nS), a
            // passive dendrite, AMPA on the soma
            parameters["V_th"] = -50.0;
            parameters["compartments"] = new[]
            {
                new Dictionary<string, object>
                {
                    ["parent_idx"] = -1L, ["params"] = new Dictionary<string, object>
                    {
                        ["C_m"] = 89.245535, ["g_L"] = 8.924572508, ["e_L"] = -75.0, ["v_comp"] = -75.0,
                        ["gbar_Na"] = 4608.698576715, ["e_Na"] = 60.0, ["gbar_K"] = 956.1127729, ["e_K"] = -90.0,
                    },
                },
                new Dictionary<string, object> { ["parent_idx"] = 0L, ["params"] = new Dictionary<string, object> { ["g_C"] = 1.2, ["C_m"] = 1.9 } },
            };
            parameters["receptors"] = new Dictionary<string, object> { ["comp_idx"] = 0L, ["receptor_type"] = "AMPA" };
        }
        var neurons = nest.Create(model, 24, parameters);
        if (defaults.TryGetValue("V_m", out var vm) && vm is double v) neurons.Set("V_m", nest.Random.Uniform(v - 4.0, v + 2.0));
        double weight = DriveWeight(model);
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 20000.0 });
        var syn = new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.0, ["receptor_type"] = receptor };
        nest.Connect(noise, neurons, syn: syn);
        // parrots repeat every spike they get: connected among themselves their spikes would multiply without end
        if (!model.Contains("parrot", StringComparison.Ordinal))
        {
            nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object>
            {
                // iaf_tum_2000 takes its own model's spikes on receptor 1 only (with the released fraction)
                ["weight"] = weight, ["delay"] = 1.3, ["receptor_type"] = model == "iaf_tum_2000" ? 1 : receptor,
            });
        }
        // precise neurons also through synapses that make the transmitted weight, or the decision to transmit, as they
        // deliver (what they pass reaches the neurons beside the delivery, with each spike's weight)
        if (model.EndsWith("_ps", StringComparison.Ordinal) && !model.Contains("parrot", StringComparison.Ordinal))
        {
            nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object>
            {
                ["synapse_model"] = "tsodyks2_synapse", ["weight"] = 2.0 * weight, ["delay"] = 1.1,
            });
            nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object>
            {
                ["synapse_model"] = "bernoulli_synapse", ["p_transmit"] = 0.5, ["weight"] = -weight, ["delay"] = 0.8,
            });
        }
        var recordables = defaults.TryGetValue("recordables", out var r) ? (string[])r : [];
        if (model == "cm_default") recordables = neurons[0].Get<string[]>("recordables"); // the recordables of its tree
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = recordables, ["interval"] = 0.3 });
        nest.Connect(meter, neurons);
        var spikes = nest.Create("spike_recorder");
        nest.Connect(neurons, spikes);
    }

    [Theory]
    [MemberData(nameof(NeuronModels), true)]
    public void SplitRun_ContinuesBitwise(string model)
    {
        string path = Path.Combine(_folder, $"{model}.nscp");
        var reference = new Simulator();
        Build(reference, model);
        reference.Simulate(23.4);
        reference.Simulate(31.3);
        string expected = CheckpointSplitRunTests.Observe(reference);
        long spikes = (long)reference.Nodes(reference.NetworkSize).Get("n_events");
        Assert.True(spikes > 0, $"{model} did not fire: the test would not see spike-related state");

        foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(nest => Build(nest, model), path, 23.4, before, after);
            resumed.Simulate(31.3);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }

    [Fact]
    public void EveryNeuronModel_IsKept()
    {
        Assert.Empty(NeuronModels(false));
        Assert.NotEmpty(NeuronModels(true));
    }
}
