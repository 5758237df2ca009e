using NestSharp.Kernel;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Every synapse model of the catalog: Poisson-driven parrots send through it to firing neurons (so that plastic
/// models see pre- and post-synaptic spikes on both sides of the split), with a weight recorder on the model where it
/// takes one (the e-prop synapses: with one-step delays to e-prop neurons that learn from their firing-rate
/// regularisation, with Adam); split by a checkpoint inside a slice with spikes in flight, the run continues bitwise as the
/// uninterrupted one (every key of every connection, every node's status, the recorded weights), from 1 thread onto 2
/// and from 2 onto 1. Every synapse model is kept.
/// </summary>
public sealed class CheckpointSynapseTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-synapses-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The synapse models whose checkpoints are (<paramref name="supported"/>) or are not implemented.</summary>
    public static TheoryData<string> SynapseModels(bool supported)
    {
        var models = new TheoryData<string>();
        foreach (var (name, make) in Catalog.SynapseModels.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            // the synapses of rate connections join rate neurons: Models/RateNeuronTests checks their split runs
            var type = make();
            if (type.SupportsCheckpoint == supported && (type is not NestSharp.Connections.SecondarySynapseType || !supported)) models.Add(name);
        }
        return models;
    }

    /// <summary>The neuron model a synapse model's targets must be (the voltage-history rules need their own).</summary>
    private static string TargetModel(string synapse) => synapse switch
    {
        _ when synapse.StartsWith("clopath_synapse", StringComparison.Ordinal) => "aeif_psc_delta_clopath",
        _ when IsUrbanczik(synapse) => "pp_cond_exp_mc_urbanczik",
        _ when IsEpropBsshslm2020(synapse) => "eprop_iaf_bsshslm_2020",
        _ when IsEprop(synapse) => "eprop_iaf",
        _ => "iaf_psc_alpha",
    };

    /// <summary>The e-prop synapses (both families, with their _hpc twins): one-step delays between e-prop neurons.</summary>
    private static bool IsEprop(string synapse) => synapse.StartsWith("eprop_synapse", StringComparison.Ordinal);

    /// <summary>eprop_synapse_bsshslm_2020 and its _hpc twin.</summary>
    private static bool IsEpropBsshslm2020(string synapse) => synapse.StartsWith("eprop_synapse_bsshslm_2020", StringComparison.Ordinal);

    /// <summary>urbanczik_synapse and its labelled variant.</summary>
    private static bool IsUrbanczik(string synapse) => synapse.StartsWith("urbanczik_synapse", StringComparison.Ordinal);

    private static void Build(Simulator nest, string synapse)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 77L });
        bool eprop = IsEprop(synapse);
        // bsshslm_2020: weight updates every 5 ms, so that some fall on each side of the split
        if (IsEpropBsshslm2020(synapse)) nest.SetKernelStatus(new() { ["eprop_update_interval"] = 5.0 });
        var sources = nest.Create("parrot_neuron", 12);
        // e-prop targets without readouts learn from the firing-rate regularisation alone (c_reg > 0)
        var targets = nest.Create(TargetModel(synapse), 8, eprop
            ? new Dictionary<string, object>
            {
                ["c_reg"] = 300.0, ["f_target"] = 10.0, ["surrogate_gradient_function"] = "exponential", ["surrogate_gradient_width"] = 20.0,
            }
            : null);
        var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 60.0 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 12000.0 });
        nest.Connect(drive, sources);
        // pp_cond_exp_mc_urbanczik has no receptor 0: noise to the soma, the plastic synapses to the dendrite
        bool compartments = IsUrbanczik(synapse);
        nest.Connect(noise, targets, syn: new Dictionary<string, object>
        {
            // e-prop neurons take an input spike as a jump of V_m (mV): a drive that keeps V_m near the threshold
            ["weight"] = eprop ? 0.2 : 90.0, ["delay"] = 1.0, ["receptor_type"] = compartments ? 1 : 0,
        });

        var defaults = nest.GetDefaults(synapse);
        var model = "checkpointed_" + synapse;
        var copy = new Dictionary<string, object> { ["weight"] = eprop ? 2.0 : 40.0 };
        if (defaults.ContainsKey("volume_transmitter"))
        {
            var vt = nest.Create("volume_transmitter");
            nest.Connect(sources[..3], vt);
            copy["volume_transmitter"] = vt;
        }
        if (defaults.ContainsKey("weight_recorder"))
        {
            var recorder = nest.Create("weight_recorder");
            copy["weight_recorder"] = recorder;
        }
        if (eprop)
        {
            // Adam (the optimizer with the most state per synapse); eta changed twice, so that the synapses' first
            // optimisation uses the first change (NEST's eta_first_change), which a checkpoint must keep
            copy["optimizer"] = new Dictionary<string, object> { ["type"] = "adam", ["eta"] = 2e-2 };
        }
        nest.CopyModel(synapse, model, copy);
        if (eprop) nest.SetDefaults(model, new() { ["optimizer"] = new Dictionary<string, object> { ["eta"] = 1e-2 } });
        // NEST's e-prop synapses take a delay of one step only
        double delay = eprop ? (double)nest.GetKernelStatus("resolution") : 1.7;
        nest.Connect(sources, targets, Rule.FixedIndegree(5), new Dictionary<string, object>
        {
            ["synapse_model"] = model, ["delay"] = delay, ["receptor_type"] = compartments ? 3 : 0,
        });
        var spikes = nest.Create("spike_recorder");
        nest.Connect(targets, spikes);
    }

    /// <summary>Keys that number a connection by where it is stored: the same for the same threads, not across a change.</summary>
    private static readonly string[] StorageKeys = ["port", "ports", "target_thread", "thread", "vp", "thread_local_id"];

    /// <summary>
    /// Every node's status (recorded events included) and every key of every connection, sorted. With
    /// <paramref name="storage"/> false, the keys that number connections and nodes by where they are stored are left
    /// out: a restore onto another number of threads lays the synapses of a source out as that layout's blocks take
    /// them, not in the order a Connect on that layout would have made them.
    /// </summary>
    private static string Observe(Simulator nest, bool storage)
    {
        var ids = Enumerable.Range(1, nest.NetworkSize).ToArray();
        var status = nest.Nodes(ids).GetStatus();
        foreach (var node in status)
        {
            if (storage) continue;
            foreach (var key in StorageKeys) node.Remove(key);
            if (node.TryGetValue("events", out var events) && events is Dictionary<string, object> columns) columns.Remove("ports");
        }
        var connections = nest.GetConnections().Get();
        int count = ((Array)connections["source"]).Length;
        var rows = Enumerable.Range(0, count)
            .Select(i => string.Join(' ', connections.Keys.Where(key => storage || !StorageKeys.Contains(key))
                .Select(key => $"{key}={NestJson.ToJson(((Array)connections[key]).GetValue(i))}")))
            .Order(StringComparer.Ordinal);
        return NestJson.ToJson(status.ToArray()) + "\n" + string.Join('\n', rows);
    }

    [Theory]
    [MemberData(nameof(SynapseModels), true)]
    public void SplitRun_ContinuesBitwise(string synapse)
    {
        string path = Path.Combine(_folder, $"{synapse}.nscp");
        foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) })
        {
            bool storage = before == after;
            var reference = new Simulator();
            reference.SetKernelStatus("local_num_threads", after);
            Build(reference, synapse);
            reference.Simulate(23.4);
            string atSplit = Observe(reference, storage);
            reference.Simulate(31.3);
            string expected = Observe(reference, storage);
            Assert.NotEqual(atSplit, expected);
            long spikes = (long)reference.Nodes(reference.NetworkSize).Get("n_events");
            Assert.True(spikes > 0, $"the targets of {synapse} did not fire: the test would not see post-synaptic state");

            var resumed = CheckpointSplitRunTests.Restored(nest => Build(nest, synapse), path, 23.4, before, after);
            resumed.Simulate(31.3);
            Assert.Equal(expected, Observe(resumed, storage));
        }
    }

    [Fact]
    public void EverySynapseModel_IsKept()
    {
        Assert.Empty(SynapseModels(false));
        Assert.NotEmpty(SynapseModels(true));
    }
}
