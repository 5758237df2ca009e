namespace NestSharp.Models.Synapses;

/// <summary>
/// Base of the nearest-neighbour STDP synapses (stdp_nn_symm_synapse, stdp_nn_pre_centered_synapse,
/// stdp_nn_restr_synapse, with their _hpc and _lbl names): stdp_synapse's parameters per connection (tau_plus, lambda,
/// alpha, mu_plus, mu_minus, Wmax, <see cref="StdpSoftBoundRule"/>) and its soft-bound potentiation and depression,
/// with pairs chosen by <typeparamref name="TPairing"/> (<see cref="StdpPairing"/>). The target supplies its spike history and the
/// nearest-neighbour trace exp(-(t - t_post)/tau_minus) of its latest spike before t
/// (<see cref="NeuronHistory.NearestNeighbourKValue"/>), which does not change its post_trace. Each synapse keeps the
/// time of its last spike (t_lastspike, 0 at first, not in the status) and, for the pre-centred scheme, Kplus.
/// </summary>
internal abstract class StdpNearestNeighbourSynapseType<TPairing>(string name) : HistoryReadingSynapseType(name)
    where TPairing : struct, IStdpPairing
{
    public override bool SupportsCheckpoint => true;

    private static readonly SynapseSchema Declared = new();

    /// <summary>The per-synapse column of the rule's first parameter (the others follow it).</summary>
    private static readonly int RuleColumns = StdpSoftBoundRule.Parameters.DeclarePerConnection(Declared);

    /// <summary>Kplus's column, -1 for the schemes that keep no pre-synaptic trace.</summary>
    private static readonly int KplusColumn = TPairing.KeepsKplus
        ? Declared.Parameter("Kplus", 0.0, Requirement.NonNegative("Kplus must be non-negative")).Index
        : -1;

    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);

    /// <summary>Wmax's position among the per-connection values <see cref="SynapseType.CheckStatus"/> receives.</summary>
    protected static readonly int WmaxIndex = Declared.IndexOfPerConnection("Wmax");

    protected sealed override SynapseSchema DeclaredSchema => Declared;

    protected sealed override StoredColumn LastSpikeColumn => LastSpike;

    /// <summary>
    /// NEST's check: weight and Wmax on the same side of 0, 0 counting as positive (stdp_nn_pre_centered_synapse and
    /// stdp_nn_restr_synapse compare with 0; stdp_nn_symm_synapse overrides this with the sign bit).
    /// </summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        double wmax = perConnection[WmaxIndex];
        if ((weight >= 0) != (wmax >= 0)) throw SignMismatch(weight, wmax);
    }

    /// <summary>The error of a weight and a Wmax of different signs.</summary>
    protected static BadPropertyException SignMismatch(double weight, double wmax) =>
        new("Wmax", wmax, $"weight ({StatusValue.Format(weight)}) and Wmax must have the same sign");

    public sealed override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var rule = new StdpPairRule<StdpSoftBoundRule, TPairing>(
            block, context, RuleColumns, KplusColumn, LastSpike.Index, stackalloc double[StdpSoftBoundRule.Parameters.Keys.Count]);
        Deliver(rule, block, spikes, context, model);
    }
}
