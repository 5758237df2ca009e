namespace NestSharp.Models.Synapses;

/// <summary>
/// clopath_synapse: voltage-based STDP (Clopath et al. 2010). The weight depends on the pre-synaptic spike train through
/// the trace x̄ and on the post-synaptic membrane potential through the target's <see cref="ClopathHistory"/> (only
/// aeif_psc_delta_clopath keeps one). A pre-synaptic spike at t_pre through a connection with delay d (previous spike
/// at t_last, 0 for the first) does, in this order:
/// <code>
/// for every LTP entry (t, dw) with t_last - d &lt; t &lt;= t_pre - d:  w ← min(Wmax, w + dw · x̄·exp((t_last - (t + d))/tau_x))
/// w ← max(Wmin, w - LTD(t_pre - d))            (the target's LTD value for the step ending at t_pre - d, else 0)
/// transmit w
/// x̄ ← x̄·exp((t_last - t_pre)/tau_x) + 1/tau_x,   t_last ← t_pre
/// </code>
/// The weight_recorder of the model (set with CopyModel or SetDefaults) records w after each spike.
/// <para>Parameters (per connection): weight, delay (ms), x_bar (initial trace, 1/ms, default 0), tau_x (ms, 15),
/// Wmin (0), Wmax (100). When a connection's status is set (a syn_spec with more than weight and delay, Set, or the
/// model's defaults), weight must have the sign of Wmin, and of Wmax (weight &gt;= 0 needs Wmax &gt; 0), as NEST checks;
/// tau_x is not checked (as in NEST).</para>
/// <para>References: Clopath C, Büsing L, Vasilaki E, Gerstner W (2010) Connectivity reflects coding: a model of
/// voltage-based STDP with homeostasis. Nat Neurosci 13:344-352. NEST model documentation, clopath_synapse (NEST 3.10).</para>
/// </summary>
[SynapseModelName("clopath_synapse", Labelled = true)]
internal sealed class ClopathSynapse(string name)
    : VoltageHistorySynapseType<ClopathHistory>(name, "membrane-potential history (kept by aeif_psc_delta_clopath)")
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn XBar = Declared.Parameter("x_bar", 0.0);
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);
    private static readonly SynapseColumn TauX = Declared.Parameter("tau_x", 15.0);
    private static readonly SynapseColumn Wmin = Declared.Parameter("Wmin", 0.0);
    private static readonly SynapseColumn Wmax = Declared.Parameter("Wmax", 100.0);

    protected override SynapseSchema DeclaredSchema => Declared;

    protected override StoredColumn LastSpikeColumn => LastSpike;

    private static readonly int WminIndex = Declared.IndexOfPerConnection("Wmin");
    private static readonly int WmaxIndex = Declared.IndexOfPerConnection("Wmax");

    /// <summary>
    /// NEST's checks: weight and Wmin on the same side of 0 (0 counting as positive for both); weight and Wmax on the
    /// same side (a weight of 0 counting as positive, a Wmax of 0 as negative).
    /// </summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        double wmin = perConnection[WminIndex], wmax = perConnection[WmaxIndex];
        if ((weight >= 0) != (wmin >= 0))
            throw new BadPropertyException("Wmin", wmin, $"weight ({StatusValue.Format(weight)}) and Wmin must have the same sign");
        if ((weight >= 0) != (wmax > 0))
            throw new BadPropertyException("Wmax", wmax, $"weight ({StatusValue.Format(weight)}) and Wmax must have the same sign (a Wmax of 0 counts as negative)");
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        DeliverReadingHistory(new Rule(block), block, spikes, context, model);

    /// <summary>The rule over the columns of one block: the LTP entries since the last spike, then LTD, then the trace.</summary>
    private readonly struct Rule(SynapseBlock block) : IVoltageHistoryRule<ClopathHistory>
    {
        private readonly double[] _xBar = block.State[XBar.Index], _lastSpike = block.State[LastSpike.Index],
            _tauX = block.State[TauX.Index], _wmin = block.State[Wmin.Index], _wmax = block.State[Wmax.Index];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, ClopathHistory history, double dendriticDelay, double tSpike)
        {
            double tLast = _lastSpike[synapse], tau = _tauX[synapse], trace = _xBar[synapse], upper = _wmax[synapse];
            double w = weight;

            var (from, to) = history.ReadLtp(tLast - dendriticDelay, tSpike - dendriticDelay);
            for (int h = from; h < to; h++)
            {
                ref readonly var entry = ref history.LtpAt(h);
                double minusDt = tLast - (entry.T + dendriticDelay);
                w += entry.Dw * (trace * Math.Exp(minusDt / tau));
                w = w < upper ? w : upper;
            }
            w -= history.LtdValue(tSpike - dendriticDelay);
            w = w > _wmin[synapse] ? w : _wmin[synapse];

            _xBar[synapse] = trace * Math.Exp((tLast - tSpike) / tau) + 1.0 / tau;
            _lastSpike[synapse] = tSpike;
            return w;
        }
    }
}
