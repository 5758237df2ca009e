namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>What NEST's structural-plasticity pytests share: their synapse-model lists and testutil's dict_is_subset_of.</summary>
internal static class SpTestUtil
{
    /// <summary>Synapse models the SP pytests leave out (test_sp_manager, test_disconnect_multiple's first part).</summary>
    public static readonly string[] SpManagerExcluded =
    [
        "stdp_dopamine_synapse", "stdp_dopamine_synapse_lbl", "stdp_dopamine_synapse_hpc", "stdp_dopamine_synapse_hpc_lbl",
        "gap_junction", "gap_junction_lbl", "diffusion_connection", "diffusion_connection_lbl",
        "rate_connection_instantaneous", "rate_connection_instantaneous_lbl", "rate_connection_delayed", "rate_connection_delayed_lbl",
    ];

    /// <summary>test_disconnect_multiple's list: <see cref="SpManagerExcluded"/> and the models that need special neurons.</summary>
    public static readonly string[] DisconnectMultipleExcluded =
    [
        .. SpManagerExcluded,
        "clopath_synapse", "clopath_synapse_lbl", "clopath_synapse_hpc",
        "urbanczik_synapse", "urbanczik_synapse_lbl", "urbanczik_synapse_hpc",
        "eprop_synapse_bsshslm_2020", "eprop_synapse_bsshslm_2020_hpc",
        "eprop_learning_signal_connection_bsshslm_2020", "eprop_learning_signal_connection_bsshslm_2020_lbl",
        "eprop_learning_signal_connection_bsshslm_2020_hpc", "eprop_synapse", "eprop_synapse_hpc",
        "eprop_learning_signal_connection", "eprop_learning_signal_connection_lbl", "eprop_learning_signal_connection_hpc",
        "sic_connection",
    ];

    /// <summary>test_disconnect's list.</summary>
    public static readonly string[] DisconnectExcluded =
    [
        "stdp_dopamine_synapse", "stdp_dopamine_synapse_lbl", "stdp_dopamine_synapse_hpc", "stdp_dopamine_synapse_hpc_lbl",
        "rate_connection_instantaneous", "rate_connection_instantaneous_lbl", "rate_connection_delayed", "rate_connection_delayed_lbl",
        "gap_junction", "gap_junction_lbl", "diffusion_connection", "diffusion_connection_lbl",
        "clopath_synapse", "clopath_synapse_lbl", "clopath_synapse_hpc",
        "urbanczik_synapse", "urbanczik_synapse_lbl", "urbanczik_synapse_hpc", "sic_connection",
    ];

    /// <summary>nest.set(min_delay=..., max_delay=...).</summary>
    public static void SetMinMaxDelay(Simulator nest, double minDelay, double maxDelay) =>
        nest.SetKernelStatus(new() { ["min_delay"] = minDelay, ["max_delay"] = maxDelay });

    /// <summary>NestSharp's synapse models (as nest.synapse_models) without <paramref name="excluded"/>, as theory rows.</summary>
    public static TheoryData<string> SynapseModelsWithout(string[] excluded)
    {
        var rows = new TheoryData<string>();
        foreach (string model in new Simulator().SynapseModels())
            if (!excluded.Contains(model)) rows.Add(model);
        return rows;
    }

    /// <summary>testutil.dict_is_subset_of: every entry of <paramref name="small"/> is in <paramref name="big"/> with an equal value.</summary>
    public static bool DictIsSubsetOf(IReadOnlyDictionary<string, object> small, IReadOnlyDictionary<string, object> big) =>
        small.All(kv => big.TryGetValue(kv.Key, out var value) && ValuesEqual(kv.Value, value));

    // Python compares 15.0 == 15 and True == 1 by value: numbers compare as numbers here too.
    private static bool ValuesEqual(object a, object b) => a switch
    {
        double or float or int or long when b is double or float or int or long => Convert.ToDouble(a) == Convert.ToDouble(b),
        _ => Equals(a, b),
    };

    /// <summary>The synaptic_elements of each node of <paramref name="nodes"/> (NEST's <c>nodes.synaptic_elements</c>).</summary>
    public static Dictionary<string, object>[] SynapticElements(NodeCollection nodes) =>
        nodes.GetValues<Dictionary<string, object>>("synaptic_elements");

    /// <summary><c>status[element]["z_connected"]</c>.</summary>
    public static long ZConnected(Dictionary<string, object> status, string element) =>
        (long)((Dictionary<string, object>)status[element])["z_connected"];

    /// <summary>The params the SP tests create neurons with: elements SE1 and SE2 with the given z and growth_rate 0.</summary>
    public static Dictionary<string, object> Se1Se2(double z = 0.0) => new()
    {
        ["synaptic_elements"] = new Dictionary<string, object>
        {
            ["SE1"] = new Dictionary<string, object> { ["z"] = z, ["growth_rate"] = 0.0 },
            ["SE2"] = new Dictionary<string, object> { ["z"] = z, ["growth_rate"] = 0.0 },
        },
    };

    /// <summary>{"synapse_model": model, "pre_synaptic_element": "SE1", "post_synaptic_element": "SE2"}.</summary>
    public static Dictionary<string, object> SynDict(string model) => new()
    {
        ["synapse_model"] = model, ["pre_synaptic_element"] = "SE1", ["post_synaptic_element"] = "SE2",
    };
}
