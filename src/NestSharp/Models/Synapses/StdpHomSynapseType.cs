namespace NestSharp.Models.Synapses;

/// <summary>
/// A pair-based STDP synapse with its rule's parameters common to the model (the _hom models: stdp_synapse_hom,
/// stdp_pl_synapse_hom, and jonke_synapse, with their _hpc and _lbl names), the rule of <see cref="StdpSynapseType{TRule}"/>: at each
/// pre-synaptic spike at t_pre with dendritic delay d, every post-synaptic spike t_post with t_last - d &lt; t_post
/// &lt;= t_pre - d potentiates w ← Facilitate(w, K+·exp((t_last - (t_post + d))/tau_plus)); then w ← Depress(w,
/// K-(t_pre - d)); the spike is transmitted with the new weight; finally K+ ← K+·exp((t_last - t_pre)/tau_plus) + 1
/// and t_last ← t_pre.
/// <para>
/// Storage: K+ and t_last change only with the source's own spikes, by the same function for every synapse of the
/// source (tau_plus being common), so synapses of one source that hold the same K+ and t_last stay in step. They are
/// kept once per run of such synapses (<see cref="SynapseBlock.Runs"/>, usually one run per source and thread), and a
/// synapse keeps only its channel, weight and delay (14 bytes, as a static synapse). A synapse made after its source spiked (a
/// later Connect, structural plasticity) or given its own Kplus (an array in the syn_spec, a Set on one connection)
/// starts a run of its own, as it starts from its own trace in NEST. Delivery computes the per-synapse part
/// (facilitation from the target's history, depression, the weight) for each synapse and the trace once per run.
/// </para>
/// </summary>
internal abstract class StdpHomSynapseType<TRule>(string name) : HistoryReadingSynapseType(name) where TRule : struct, IStdpRule
{
    public override bool SupportsCheckpoint => true;

    private static readonly SynapseSchema Declared = new();

    // Kplus per connection (stdp_synapse_hom and stdp_pl_synapse_hom check nothing, jonke_synapse that it is not
    // negative), shared with the source's other synapses while equal.
    private static readonly SourceColumn Kplus = Declared.SourceParameter("Kplus", 0.0, TRule.KplusRequirement);
    private static readonly SourceColumn LastSpike = Declared.SourceState("t_lastspike", 0.0);

    static StdpHomSynapseType()
    {
        foreach (var p in TRule.Parameters.Keys) Declared.CommonParameter(p.Key, p.Default, p.Requirement);
    }

    protected sealed override SynapseSchema DeclaredSchema => Declared;

    protected sealed override StoredColumn LastSpikeColumn => LastSpike;

    public sealed override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        DeliverByRuns(new PairRule(block, context, model.CommonValues), block, spikes, context, model);

    /// <summary>
    /// The pair rule over one block: per synapse, potentiation by the target's spikes since the run's last spike and
    /// depression; per run (after its synapses), the trace K+ and the last spike time.
    /// </summary>
    private ref struct PairRule(SynapseBlock block, in DeliveryContext context, ReadOnlySpan<double> parameters) : ISourceTraceRule
    {
        private readonly double[] _kplusOfRun = block.Runs!.Values[Kplus.Index], _lastSpikeOfRun = block.Runs!.Values[LastSpike.Index];
        private readonly Plasticity.SpikeArchive _archive = context.Archive;
        private readonly TimeGrid _time = context.Time;
        private readonly ReadOnlySpan<double> _parameters = parameters;

        // The current run's K+ and last spike time, before this spike.
        private double _kplus, _tLast;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public void BeginRun(int run)
        {
            _kplus = _kplusOfRun[run];
            _tLast = _lastSpikeOfRun[run];
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public readonly double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
        {
            ReadOnlySpan<double> p = _parameters;
            var history = _archive.Of(target)!;
            double dendriticDelay = _time.DelayStepsToMs(delaySteps);
            double tLast = _tLast;
            double w = weight;
            var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
            for (int h = from; h < to; h++)
            {
                double minusDt = tLast - (history.At(h).T + dendriticDelay);
                w = TRule.Facilitate(w, _kplus * TRule.PlusDecay(minusDt, p), p);
            }
            return TRule.Depress(w, history.KValue(tSpike - dendriticDelay), p);
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public readonly void EndRun(int run, double tSpike)
        {
            _kplusOfRun[run] = _kplus * TRule.PlusDecay(_tLast - tSpike, _parameters) + 1.0;
            _lastSpikeOfRun[run] = tSpike;
        }
    }
}
