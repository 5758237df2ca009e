namespace NestSharp.Models.Synapses;

/// <summary>
/// stdp_triplet_synapse (and stdp_triplet_synapse_hpc): the triplet STDP rule of Pfister and Gerstner (2006), all-to-all
/// interaction. The synapse keeps two pre-synaptic traces, r1 = Kplus (time constant tau_plus) and r2 = Kplus_triplet
/// (tau_plus_triplet); the target keeps o1 = K- (its tau_minus) and o2 = K-triplet (its tau_minus_triplet) in its spike
/// history. A pre-synaptic spike at t_pre through a connection with delay d (previous spike at t_last, 0 for the
/// first) does, in this order (|w| is changed, the sign of Wmax kept):
/// <code>
/// for every post spike t with t_last - d &lt; t &lt;= t_pre - d:
///     |w| ← min(|Wmax|, |w| + r1·exp((t_last - (t + d))/tau_plus) · (Aplus + Aplus_triplet · (o2(t) - 1)))
/// r2 ← r2·exp((t_last - t_pre)/tau_plus_triplet)
/// |w| ← max(0, |w| - o1(t_pre - d) · (Aminus + Aminus_triplet · r2))
/// r2 ← r2 + 1,   r1 ← r1·exp((t_last - t_pre)/tau_plus) + 1,   transmit w,   t_last ← t_pre
/// </code>
/// o2(t) - 1 is the triplet trace just before the post spike at t (o2 jumps by 1 at each post spike).
/// <para>Parameters (per connection): weight, delay (ms), tau_plus (ms, default 16.8), tau_plus_triplet (ms, 101),
/// Aplus (5e-10), Aminus (7e-3), Aplus_triplet (6.2e-3), Aminus_triplet (2.3e-4), Wmax (100); state Kplus (0) and
/// Kplus_triplet (0), both non-negative. When a connection's status is set (a syn_spec with more than weight and
/// delay, Set, or the model's defaults) weight and Wmax must lie on the same side of 0 (0 counting as positive).</para>
/// <para>Reference: Pfister JP, Gerstner W (2006) Triplets of spikes in a model of spike timing-dependent plasticity.
/// J Neurosci 26:9673-9682.</para>
/// </summary>
[SynapseModelName("stdp_triplet_synapse", Labelled = true)]
[SynapseModelName("stdp_triplet_synapse_hpc")]
internal sealed class StdpTripletSynapse(string name) : HistoryReadingSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn TauPlus = Declared.Parameter("tau_plus", 16.8);
    private static readonly SynapseColumn TauPlusTriplet = Declared.Parameter("tau_plus_triplet", 101.0);
    private static readonly SynapseColumn Aplus = Declared.Parameter("Aplus", 5e-10);
    private static readonly SynapseColumn Aminus = Declared.Parameter("Aminus", 7e-3);
    private static readonly SynapseColumn AplusTriplet = Declared.Parameter("Aplus_triplet", 6.2e-3);
    private static readonly SynapseColumn AminusTriplet = Declared.Parameter("Aminus_triplet", 2.3e-4);
    private static readonly SynapseColumn Kplus = Declared.Parameter("Kplus", 0.0, Requirement.NonNegative("the state Kplus must not be negative"));
    private static readonly SynapseColumn KplusTriplet = Declared.Parameter("Kplus_triplet", 0.0,
        new Requirement(static v => !(v < 0), "the state Kplus_triplet must not be negative"));
    private static readonly SynapseColumn Wmax = Declared.Parameter("Wmax", 100.0);
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);

    private static readonly int WmaxIndex = Declared.IndexOfPerConnection("Wmax");

    protected override SynapseSchema DeclaredSchema => Declared;

    public override bool SupportsCheckpoint => true;

    protected override StoredColumn LastSpikeColumn => LastSpike;

    /// <summary>NEST's check: weight and Wmax on the same side of 0 (0 counting as positive for both).</summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        double wmax = perConnection[WmaxIndex];
        if ((weight >= 0) != (wmax >= 0))
            throw new BadPropertyException("Wmax", wmax, $"weight ({StatusValue.Format(weight)}) and Wmax must have the same sign (0 counting as positive)");
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var rule = new Rule(block, context);
        Deliver(rule, block, spikes, context, model);
    }

    /// <summary>The triplet rule over the columns of one block.</summary>
    private readonly struct Rule(SynapseBlock block, in DeliveryContext context) : IPlasticityRule
    {
        private readonly double[] _tauPlus = block.State[TauPlus.Index], _tauPlusTriplet = block.State[TauPlusTriplet.Index],
            _aplus = block.State[Aplus.Index], _aminus = block.State[Aminus.Index],
            _aplusTriplet = block.State[AplusTriplet.Index], _aminusTriplet = block.State[AminusTriplet.Index],
            _kplus = block.State[Kplus.Index], _kplusTriplet = block.State[KplusTriplet.Index],
            _wmax = block.State[Wmax.Index], _lastSpike = block.State[LastSpike.Index];
        private readonly SpikeArchive _archive = context.Archive;
        private readonly TimeGrid _time = context.Time;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
        {
            var history = _archive.Of(target)!;
            double dendriticDelay = _time.DelayStepsToMs(delaySteps);
            double tLast = _lastSpike[synapse], tauPlus = _tauPlus[synapse], wmax = _wmax[synapse];
            double kplus = _kplus[synapse];
            double w = weight;

            var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
            for (int h = from; h < to; h++)
            {
                ref readonly var entry = ref history.At(h);
                double minusDt = tLast - (entry.T + dendriticDelay);
                double tripletBefore = entry.KminusTriplet - 1.0;
                double grown = Math.Abs(w) + kplus * Math.Exp(minusDt / tauPlus) * (_aplus[synapse] + _aplusTriplet[synapse] * tripletBefore);
                w = Math.CopySign(grown < Math.Abs(wmax) ? grown : wmax, wmax);
            }

            double kplusTriplet = _kplusTriplet[synapse] * Math.Exp((tLast - tSpike) / _tauPlusTriplet[synapse]);
            double shrunk = Math.Abs(w) - history.KValue(tSpike - dendriticDelay) * (_aminus[synapse] + _aminusTriplet[synapse] * kplusTriplet);
            w = Math.CopySign(shrunk > 0.0 ? shrunk : 0.0, wmax);

            _kplusTriplet[synapse] = kplusTriplet + 1.0;
            _kplus[synapse] = kplus * Math.Exp((tLast - tSpike) / tauPlus) + 1.0;
            _lastSpike[synapse] = tSpike;
            return w;
        }
    }
}
