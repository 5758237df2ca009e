namespace NestSharp.Models.Synapses;

/// <summary>
/// vogels_sprekeler_synapse (and vogels_sprekeler_synapse_hpc): the symmetric inhibitory STDP rule of Vogels et al.
/// (2011), which drives the post-synaptic rate towards 2·alpha·tau. Pre and post traces x_pre = Kplus and x_post = K-
/// both decay with tau (the post trace with the target's tau_minus, which should equal tau). A pre-synaptic spike at
/// t_pre through a connection with delay d (previous spike at t_last, 0 for the first) does, in this order (|w| is
/// changed, the sign of Wmax kept):
/// <code>
/// for every post spike t with t_last - d &lt; t &lt;= t_pre - d:  |w| ← min(|Wmax|, |w| + eta · Kplus·exp((t_last - (t + d))/tau))
/// |w| ← min(|Wmax|, |w| + eta · K-(t_pre - d))
/// |w| ← max(0, |w| - alpha · eta)
/// transmit w;   Kplus ← Kplus·exp((t_last - t_pre)/tau) + 1,   t_last ← t_pre
/// </code>
/// <para>Parameters (per connection): weight (default 0.5), delay (ms), tau (ms, 20), alpha (0.12), eta (0.001),
/// Wmax (1); state Kplus (0, non-negative). When a connection's status is set (a syn_spec with more than weight and
/// delay, Set, or the model's defaults) a non-zero weight must have the sign of Wmax.</para>
/// <para>Reference: Vogels TP, Sprekeler H, Zenke F, Clopath C, Gerstner W (2011) Inhibitory plasticity balances
/// excitation and inhibition in sensory pathways and memory networks. Science 334:1569-1573.</para>
/// </summary>
[SynapseModelName("vogels_sprekeler_synapse", Labelled = true)]
[SynapseModelName("vogels_sprekeler_synapse_hpc")]
internal sealed class VogelsSprekelerSynapse(string name) : HistoryReadingSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn Tau = Declared.Parameter("tau", 20.0);
    private static readonly SynapseColumn Alpha = Declared.Parameter("alpha", 0.12);
    private static readonly SynapseColumn Eta = Declared.Parameter("eta", 0.001);
    private static readonly SynapseColumn Wmax = Declared.Parameter("Wmax", 1.0);
    private static readonly SynapseColumn Kplus = Declared.Parameter("Kplus", 0.0, Requirement.NonNegative("the state Kplus must not be negative"));
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);

    private static readonly int WmaxIndex = Declared.IndexOfPerConnection("Wmax");

    protected override SynapseSchema DeclaredSchema => Declared;

    public override bool SupportsCheckpoint => true;

    public override double DefaultWeight => 0.5;

    protected override StoredColumn LastSpikeColumn => LastSpike;

    /// <summary>NEST's check: a weight other than 0 has the sign of Wmax (the sign bit decides, so -0 counts as negative).</summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        double wmax = perConnection[WmaxIndex];
        if (weight != 0 && double.IsNegative(weight) != double.IsNegative(wmax))
            throw new BadPropertyException("Wmax", wmax, $"a non-zero weight ({StatusValue.Format(weight)}) must have the sign of Wmax");
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var rule = new Rule(block, context);
        Deliver(rule, block, spikes, context, model);
    }

    /// <summary>The rule over the columns of one block.</summary>
    private readonly struct Rule(SynapseBlock block, in DeliveryContext context) : IPlasticityRule
    {
        private readonly double[] _tau = block.State[Tau.Index], _alpha = block.State[Alpha.Index], _eta = block.State[Eta.Index],
            _wmax = block.State[Wmax.Index], _kplus = block.State[Kplus.Index], _lastSpike = block.State[LastSpike.Index];
        private readonly SpikeArchive _archive = context.Archive;
        private readonly TimeGrid _time = context.Time;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static double Facilitate(double w, double trace, double eta, double wmax)
        {
            double grown = Math.Abs(w) + eta * trace;
            return Math.CopySign(grown < Math.Abs(wmax) ? grown : wmax, wmax);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
        {
            var history = _archive.Of(target)!;
            double dendriticDelay = _time.DelayStepsToMs(delaySteps);
            double tLast = _lastSpike[synapse], tau = _tau[synapse], eta = _eta[synapse], wmax = _wmax[synapse];
            double kplus = _kplus[synapse];
            double w = weight;

            var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
            for (int h = from; h < to; h++)
            {
                double minusDt = tLast - (history.At(h).T + dendriticDelay);
                w = Facilitate(w, kplus * Math.Exp(minusDt / tau), eta, wmax);
            }
            w = Facilitate(w, history.KValue(tSpike - dendriticDelay), eta, wmax);
            double shrunk = Math.Abs(w) - _alpha[synapse] * eta;
            w = Math.CopySign(shrunk > 0.0 ? shrunk : 0.0, wmax);

            _kplus[synapse] = kplus * Math.Exp((tLast - tSpike) / tau) + 1.0;
            _lastSpike[synapse] = tSpike;
            return w;
        }
    }
}
