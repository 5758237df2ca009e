namespace NestSharp.Models.Synapses;

/// <summary>
/// A pairing scheme of pair-based STDP (Morrison et al. 2008, fig. 7): which pre/post pairs of a pre-synaptic spike at
/// t_pre change the weight. The post-synaptic spikes that can potentiate are those of the window t_last - d &lt; t_post
/// &lt;= t_pre - d since the previous pre-synaptic spike (d the dendritic delay); depression reads a trace of the
/// target's spikes at t_pre - d. The schemes differ only in the answers below, each no unless the scheme says yes
/// (<see cref="StdpPairing.Update{TRule, TPairing}"/> applies them): all-to-all (<see cref="AllToAllPairing"/>) and the
/// three nearest-neighbour schemes.
/// </summary>
internal interface IStdpPairing
{
    /// <summary>
    /// Whether the synapse keeps a pre-synaptic trace Kplus: it scales the potentiation, decays with tau_plus and grows
    /// by 1 at each pre-synaptic spike.
    /// </summary>
    static virtual bool KeepsKplus => false;

    /// <summary>Whether a potentiation resets Kplus to 0 (the pre-synaptic centred scheme).</summary>
    static virtual bool PotentiationResetsKplus => false;

    /// <summary>Whether every post-synaptic spike of the window potentiates, or only the earliest one.</summary>
    static virtual bool PairsEveryPostSpike => false;

    /// <summary>Whether a pre-synaptic spike depresses only when the window holds a post-synaptic spike, or always.</summary>
    static virtual bool DepressesOnlyAfterPotentiation => false;

    /// <summary>
    /// Whether depression reads the nearest-neighbour trace of the target's latest spike
    /// (<see cref="NeuronHistory.NearestNeighbourKValue"/>) rather than its post_trace K- (<see cref="NeuronHistory.KValue"/>).
    /// </summary>
    static virtual bool DepressesByNearestSpike => false;
}

/// <summary>The all-to-all scheme of stdp_synapse: every post-synaptic spike of the window potentiates, scaled by Kplus.</summary>
internal readonly struct AllToAllPairing : IStdpPairing
{
    public static bool KeepsKplus => true;

    public static bool PairsEveryPostSpike => true;
}

/// <summary>The weight update of pair-based STDP at a pre-synaptic spike, for any rule and pairing scheme.</summary>
internal static class StdpPairing
{
    /// <summary>
    /// The weight after a pre-synaptic spike at <paramref name="tSpike"/> that follows one at <paramref name="tLast"/>,
    /// through a connection with <paramref name="dendriticDelay"/> onto a target with <paramref name="history"/>: reads
    /// the window of post-synaptic spikes (marking the entries read), potentiates w ← Facilitate(w, [Kplus·]
    /// exp((t_last - (t_post + d))/tau_plus)) for the window's pairs, depresses w ← Depress(w, trace(t_pre - d)), then
    /// advances <paramref name="kplus"/> to Kplus·exp((t_last - t_pre)/tau_plus) + 1 where the scheme keeps it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Update<TRule, TPairing>(NeuronHistory history, double weight, double tLast, double tSpike, double dendriticDelay,
        ref double kplus, ReadOnlySpan<double> p)
        where TRule : struct, IStdpRule
        where TPairing : struct, IStdpPairing
    {
        double w = weight;
        var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
        int potentiating = TPairing.PairsEveryPostSpike || from == to ? to : from + 1;
        for (int h = from; h < potentiating; h++)
        {
            double plusDecay = TRule.PlusDecay(tLast - (history.At(h).T + dendriticDelay), p);
            w = TRule.Facilitate(w, TPairing.KeepsKplus ? kplus * plusDecay : plusDecay, p);
        }
        if (TPairing.PotentiationResetsKplus && from != to) kplus = 0.0;
        if (!TPairing.DepressesOnlyAfterPotentiation || from != to)
        {
            double tDepression = tSpike - dendriticDelay;
            w = TRule.Depress(w, TPairing.DepressesByNearestSpike ? history.NearestNeighbourKValue(tDepression) : history.KValue(tDepression), p);
        }
        if (TPairing.KeepsKplus) kplus = kplus * TRule.PlusDecay(tLast - tSpike, p) + 1.0;
        return w;
    }
}

/// <summary>
/// A pair-based STDP rule with per-connection parameters over the columns of one block: the rule's parameters from
/// <paramref name="ruleColumns"/> on, the synapse's last spike time in column <paramref name="lastSpikeColumn"/> and,
/// where the scheme keeps it, Kplus in column <paramref name="kplusColumn"/>; each spike updates the weight by
/// <see cref="StdpPairing.Update{TRule, TPairing}"/>.
/// </summary>
internal ref struct StdpPairRule<TRule, TPairing>(
    SynapseBlock block, in DeliveryContext context, int ruleColumns, int kplusColumn, int lastSpikeColumn, Span<double> parameters)
    : IPlasticityRule
    where TRule : struct, IStdpRule
    where TPairing : struct, IStdpPairing
{
    private readonly double[] _lastSpike = block.State[lastSpikeColumn];
    private readonly double[]? _kplus = TPairing.KeepsKplus ? block.State[kplusColumn] : null;
    private readonly double[][] _state = block.State;
    private readonly int _ruleColumns = ruleColumns;
    private readonly SpikeArchive _archive = context.Archive;
    private readonly TimeGrid _time = context.Time;
    private readonly Span<double> _parameters = parameters;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
    {
        for (int c = 0; c < _parameters.Length; c++) _parameters[c] = _state[_ruleColumns + c][synapse];
        double kplus = TPairing.KeepsKplus ? _kplus![synapse] : 0.0;
        double w = StdpPairing.Update<TRule, TPairing>(
            _archive.Of(target)!, weight, _lastSpike[synapse], tSpike, _time.DelayStepsToMs(delaySteps), ref kplus, _parameters);
        if (TPairing.KeepsKplus) _kplus![synapse] = kplus;
        _lastSpike[synapse] = tSpike;
        return w;
    }
}
