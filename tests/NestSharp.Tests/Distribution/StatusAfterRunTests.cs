using System.Text;

namespace NestSharp.Tests.Distribution;

/// <summary>
/// After a run on several processes every process shows every neuron's status as the process that updated it: columns,
/// per-port state and what a model keeps outside its columns (spike-triggered elements, after-spike currents,
/// compartments, ...). Checked for every neuron model on two in-process ranks against one process of two threads (the
/// same two virtual processes).
/// </summary>
public sealed class StatusAfterRunTests
{
    public static TheoryData<string> NeuronModels()
    {
        var nest = new Simulator();
        var models = new TheoryData<string>();
        // spike_train_injector, of element type neuron, shows nothing a run changes.
        foreach (string model in nest.NodeModels())
            if ((string)nest.GetDefaults(model)["element_type"] == "neuron" && model != "spike_train_injector") models.Add(model);
        return models;
    }

    [Theory]
    [MemberData(nameof(NeuronModels))]
    public void EveryRankShowsTheStatusOfOneProcess(string model)
    {
        string single = Probe(model, () =>
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new Dictionary<string, object> { ["local_num_threads"] = 2L });
            return nest;
        });
        var ranks = InProcessRanks.Run(2, make => Probe(model, make));
        Assert.Equal(single, ranks[0]);
        Assert.Equal(single, ranks[1]);
    }

    /// <summary>
    /// Six neurons driven by their bias current, Poisson spikes or a rate neuron, whichever the model takes, 30 ms in two
    /// runs; their statuses, which the runs must have changed.
    /// </summary>
    private static string Probe(string model, Func<Simulator> make)
    {
        var nest = make();
        var defaults = nest.GetDefaults(model);
        var neurons = nest.Create(model, 6, ModelSetUp(model, defaults));
        if (defaults.ContainsKey("I_e")) neurons.Set("I_e", 400.0);
        var spikes = nest.Create("poisson_generator", 1, new Dictionary<string, object> { ["rate"] = 5000.0 });
        if (!Drive(nest, spikes, neurons, new() { ["weight"] = model == "cm_default" ? 1.0 : 5.0 }))
        {
            var rates = nest.Create("lin_rate_ipn", 1, new Dictionary<string, object> { ["mu"] = 1.0 });
            Drive(nest, rates, neurons, new() { ["synapse_model"] = "rate_connection_instantaneous" });
        }
        if (!defaults.ContainsKey("I_e")) Drive(nest, nest.Create("dc_generator", 1, new Dictionary<string, object> { ["amplitude"] = 400.0 }), neurons, []);
        string before = Statuses(neurons);
        nest.Simulate(10.0);
        nest.Simulate(20.0);
        string after = Statuses(neurons);
        Assert.NotEqual(before, after);
        return after;
    }

    /// <summary>
    /// Connects <paramref name="source"/> to receptor 0 of <paramref name="neurons"/>, else to receptor 1; false when the
    /// model takes no such input.
    /// </summary>
    private static bool Drive(Simulator nest, NodeCollection source, NodeCollection neurons, Dictionary<string, object> syn)
    {
        foreach (long receptor in (long[])[0, 1])
        {
            try
            {
                nest.Connect(source, neurons, syn: new Dictionary<string, object>(syn) { ["receptor_type"] = receptor });
                return true;
            }
            catch (NestException)
            {
            }
        }
        return false;
    }

    private static string Statuses(NodeCollection neurons)
    {
        var text = new StringBuilder();
        foreach (var status in neurons.GetStatus())
        {
            foreach (string layoutKey in (string[])["local", "thread", "thread_local_id"]) status.Remove(layoutKey);
            text.Append(NestJson.ToJson(status)).Append('\n');
        }
        return text.ToString();
    }

    /// <summary>
    /// What makes a model's status change in the probe's run: the GLIF models' after-spike currents (all mechanisms on),
    /// cm_default's compartments (a passive soma with an AMPA receptor, the spikes' port 0), a siegert_neuron's mean
    /// input, a McCulloch-Pitts neuron's threshold below its input, an ignore_and_fire neuron's rate, a width for
    /// rate_transformer_gauss (whose default 0 maps every input but 0 to 0).
    /// </summary>
    private static Dictionary<string, object>? ModelSetUp(string model, Dictionary<string, object> defaults)
    {
        if (defaults.ContainsKey("after_spike_currents"))
            return new() { ["spike_dependent_threshold"] = true, ["after_spike_currents"] = true, ["adapting_threshold"] = true };
        if (model == "siegert_neuron") return new() { ["mean"] = 10.0 };
        if (model == "mcculloch_pitts_neuron") return new() { ["theta"] = -1.0 };
        if (model == "ignore_and_fire") return new() { ["rate"] = 500.0 };
        if (model == "rate_transformer_gauss") return new() { ["sigma"] = 1.0 };
        if (model != "cm_default") return null;
        var soma = new Dictionary<string, object> { ["C_m"] = 10.0, ["g_L"] = 1.0, ["e_L"] = -70.0, ["v_comp"] = -70.0 };
        return new()
        {
            ["compartments"] = new[] { new Dictionary<string, object> { ["parent_idx"] = -1L, ["params"] = soma } },
            ["receptors"] = new[] { new Dictionary<string, object> { ["comp_idx"] = 0L, ["receptor_type"] = "AMPA" } },
        };
    }
}
