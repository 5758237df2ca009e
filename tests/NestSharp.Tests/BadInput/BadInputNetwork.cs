using System.Text;

namespace NestSharp.Tests.BadInput;

/// <summary>
/// The network every bad-input case starts from: one or more nodes of every model, connections of every synapse model,
/// a recorder writing an ASCII file, simulated for 10 ms. <see cref="Snapshot"/> records everything a failing call
/// must leave as it was: the kernel status, every node's status, every connection and the files written.
/// </summary>
internal sealed class BadInputNetwork : IDisposable
{
    public Simulator Nest { get; } = new();
    public string DataPath { get; } = Directory.CreateTempSubdirectory("nestsharp-badinput-").FullName;
    public NodeCollection Iaf { get; }
    public NodeCollection Exp { get; }
    public NodeCollection Clopath { get; }

    /// <summary>Two hh_psc_alpha_clopath neurons, driven by the Poisson generator, with clopath synapses from the parrots.</summary>
    public NodeCollection HhClopath { get; }
    public NodeCollection Urbanczik { get; }

    /// <summary>An iaf_cond_alpha_mc neuron, driven by the Poisson generator on its soma_exc receptor.</summary>
    public NodeCollection Mc { get; }
    public NodeCollection IgnoreAndFire { get; }
    public NodeCollection Parrots { get; }
    public NodeCollection Poisson { get; }
    public NodeCollection SpikeGenerator { get; }
    public NodeCollection Dc { get; }
    public NodeCollection SpikeRecorder { get; }
    public NodeCollection AsciiRecorder { get; }
    public NodeCollection Multimeter { get; }
    public NodeCollection WeightRecorder { get; }

    /// <summary>A correlation_detector and a correlomatrix_detector (2 channels) fed by the parrots.</summary>
    public NodeCollection CorrelationDetector { get; }
    public NodeCollection Correlomatrix { get; }

    /// <summary>One node each of iaf_cond_exp, iaf_cond_alpha, iaf_cond_beta, hh_psc_alpha, hh_cond_exp_traub.</summary>
    public NodeCollection ConductanceAndHh { get; }

    public BadInputNetwork()
    {
        var nest = Nest;
        nest.SetKernelStatus(new() { ["data_path"] = DataPath, ["rng_seed"] = 12L });
        Iaf = nest.Create("iaf_psc_alpha", 4, new() { ["I_e"] = 300.0 });
        Exp = nest.Create("iaf_psc_exp", 2);
        Clopath = nest.Create("aeif_psc_delta_clopath", 2);
        HhClopath = nest.Create("hh_psc_alpha_clopath", 2);
        Urbanczik = nest.Create("pp_cond_exp_mc_urbanczik");
        Mc = nest.Create("iaf_cond_alpha_mc");
        IgnoreAndFire = nest.Create("ignore_and_fire", 2);
        Parrots = nest.Create("parrot_neuron", 2);
        Poisson = nest.Create("poisson_generator", 1, new() { ["rate"] = 20000.0 });
        SpikeGenerator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 2.0, 3.0 } });
        Dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 100.0 });
        SpikeRecorder = nest.Create("spike_recorder");
        AsciiRecorder = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii" });
        Multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 1.0 });
        WeightRecorder = nest.Create("weight_recorder");
        ConductanceAndHh = nest.Create("iaf_cond_exp") + nest.Create("iaf_cond_alpha") + nest.Create("iaf_cond_beta")
            + nest.Create("hh_psc_alpha") + nest.Create("hh_cond_exp_traub");
        nest.CopyModel("stdp_synapse", "stdp_recorded", new() { ["weight_recorder"] = WeightRecorder });
        CorrelationDetector = nest.Create("correlation_detector");
        Correlomatrix = nest.Create("correlomatrix_detector", 1, new() { ["N_channels"] = 2L });

        nest.Connect(Poisson, Iaf + Parrots);
        nest.Connect(SpikeGenerator, Parrots);
        nest.Connect(Dc, Exp);
        nest.Connect(Iaf, Exp, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 2L });
        nest.Connect(Parrots, Iaf, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "stdp_recorded", ["weight"] = 5.0 });
        nest.Connect(Parrots, Clopath, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse", ["weight"] = 1.0 });
        nest.Connect(Parrots, HhClopath, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse", ["weight"] = 1.0 });
        nest.Connect(Poisson, HhClopath, syn: new Dictionary<string, object> { ["weight"] = 50.0 });
        nest.Connect(Poisson, Mc, syn: new Dictionary<string, object> { ["weight"] = 5.0, ["receptor_type"] = 1L });
        nest.Connect(Parrots, Urbanczik, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "urbanczik_synapse", ["receptor_type"] = 3L, ["weight"] = 1.0 });
        foreach (var model in new[] { "tsodyks_synapse", "tsodyks2_synapse", "quantal_stp_synapse", "bernoulli_synapse", "tsodyks_synapse_hom", "static_synapse_hom_w" })
            nest.Connect(Parrots, Exp, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = model });
        // Counts its synapses at their first spike (common values changed by delivery).
        nest.Connect(Parrots, Exp, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "stdp_facetshw_synapse_hom" });
        nest.Connect(Multimeter, Iaf);
        nest.Connect(Iaf + Exp + IgnoreAndFire, SpikeRecorder);
        nest.Connect(Iaf, AsciiRecorder);
        nest.Connect(Poisson, ConductanceAndHh);
        nest.Connect(Parrots, CorrelationDetector + Correlomatrix, "one_to_one", new Dictionary<string, object> { ["receptor_type"] = 1L });
        nest.Connect(Parrots, CorrelationDetector + Correlomatrix, "one_to_one");
        nest.Simulate(10.0);
    }

    /// <summary>Everything a failing call must not change, as text.</summary>
    public string Snapshot()
    {
        var text = new StringBuilder();
        var kernel = new SortedDictionary<string, object>(StringComparer.Ordinal);
        foreach (var (key, value) in Nest.GetKernelStatus())
        {
            // Wall-clock timings and the free memory move by themselves.
            if (key.StartsWith("time_", StringComparison.Ordinal) || key is "memory_size" or "min_update_time" or "max_update_time") continue;
            kernel[key] = value;
        }
        text.AppendLine(NestJson.ToJson(kernel));
        for (int id = 1; id <= Nest.NetworkSize; id++)
            text.AppendLine(NestJson.ToJson(new SortedDictionary<string, object>(Nest.Nodes(id).GetStatus()[0], StringComparer.Ordinal)));
        var connections = Nest.GetConnections();
        text.AppendLine(NestJson.ToJson(connections.Source)).AppendLine(NestJson.ToJson(connections.Target))
            .AppendLine(NestJson.ToJson(connections.Weight)).AppendLine(NestJson.ToJson(connections.Delay))
            .AppendLine(NestJson.ToJson(connections.SynapseModel));
        foreach (string file in Directory.GetFiles(DataPath).Order(StringComparer.Ordinal))
            text.Append(Path.GetFileName(file)).Append(": ").AppendLine(File.ReadAllText(file));
        return text.ToString();
    }

    public void Dispose()
    {
        Nest.ResetKernel();
        Directory.Delete(DataPath, recursive: true);
    }
}
