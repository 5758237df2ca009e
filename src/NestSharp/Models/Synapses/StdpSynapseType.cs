namespace NestSharp.Models.Synapses;

/// <summary>A parameter of an STDP rule: its position in the values the rule reads.</summary>
internal readonly record struct RuleParameter(int Index);

/// <summary>The parameters of an STDP rule, declared once with their defaults and checks.</summary>
internal sealed class RuleParameters
{
    private readonly List<SynapseKey> _keys = [];

    public IReadOnlyList<SynapseKey> Keys => _keys;

    public RuleParameter Add(string key, double defaultValue, Requirement? requirement = null)
    {
        _keys.Add(new SynapseKey(key, defaultValue, requirement));
        return new RuleParameter(_keys.Count - 1);
    }
}

/// <summary>The weight-update rule of a pair-based STDP synapse, reading its parameters by their handles.</summary>
internal interface IStdpRule
{
    /// <summary>The rule's parameters, in the order of the values the functions below read.</summary>
    static abstract RuleParameters Parameters { get; }

    /// <summary>Potentiation by a post-synaptic spike, given the decayed pre-synaptic trace.</summary>
    static abstract double Facilitate(double weight, double kplus, ReadOnlySpan<double> p);

    /// <summary>Depression by a pre-synaptic spike, given the post-synaptic trace.</summary>
    static abstract double Depress(double weight, double kminus, ReadOnlySpan<double> p);

    /// <summary>The decay factor of the pre-synaptic trace over <paramref name="dt"/> (negative) ms.</summary>
    static abstract double PlusDecay(double dt, ReadOnlySpan<double> p);

    /// <summary>
    /// What a connection's Kplus must satisfy in the _hom models (<see cref="StdpHomSynapseType{TRule}"/>): nothing,
    /// unless the rule says otherwise (jonke_synapse refuses a negative Kplus).
    /// </summary>
    static virtual Requirement? KplusRequirement => null;
}

/// <summary>
/// A pair-based STDP synapse (Morrison et al. 2008, "all-to-all" pairing): at each pre-synaptic spike at t_pre with
/// dendritic delay d, every post-synaptic spike t_post with t_last - d &lt; t_post &lt;= t_pre - d potentiates
/// w ← Facilitate(w, K+·exp((t_last - (t_post + d))/tau_plus)); then w ← Depress(w, K-(t_pre - d)); the spike is
/// transmitted with the new weight; finally K+ ← K+·exp((t_last - t_pre)/tau_plus) + 1 and t_last ← t_pre.
/// Here each connection has its own rule parameters, and every synapse keeps K+ (the per-connection parameter Kplus,
/// default 0) and t_last; the _hom models, whose parameters are common, are
/// <see cref="StdpHomSynapseType{TRule}"/>.
/// </summary>
internal abstract class StdpSynapseType<TRule>(string name) : HistoryReadingSynapseType(name) where TRule : struct, IStdpRule
{
    public override bool SupportsCheckpoint => true;

    private static readonly SynapseSchema Declared = new();

    // Kplus: NEST checks it (non-negative) only in stdp_synapse, whose rule parameters are per connection.
    private static readonly SynapseColumn Kplus = Declared.Parameter("Kplus", 0.0, Requirement.NonNegative("Kplus must be non-negative"));
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);

    /// <summary>The per-synapse column of the rule's first parameter.</summary>
    private static readonly int RuleColumns = DeclareRule();

    private static int DeclareRule()
    {
        int first = -1;
        foreach (var p in TRule.Parameters.Keys)
        {
            var column = Declared.Parameter(p.Key, p.Default, p.Requirement);
            if (first < 0) first = column.Index;
        }
        return first;
    }

    protected sealed override SynapseSchema DeclaredSchema => Declared;

    protected sealed override StoredColumn LastSpikeColumn => LastSpike;

    public sealed override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var rule = new PairRule(block, context, stackalloc double[TRule.Parameters.Keys.Count]);
        Deliver(rule, block, spikes, context, model);
    }

    /// <summary>The pair rule over the columns of one block: potentiation by the target's spikes since the last pre-synaptic spike, depression, then the trace.</summary>
    private ref struct PairRule(SynapseBlock block, in DeliveryContext context, Span<double> parameters) : IPlasticityRule
    {
        private readonly double[] _kplus = block.State[Kplus.Index], _lastSpike = block.State[LastSpike.Index];
        private readonly double[][] _state = block.State;
        private readonly Plasticity.SpikeArchive _archive = context.Archive;
        private readonly TimeGrid _time = context.Time;
        private readonly Span<double> _parameters = parameters;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
        {
            for (int c = 0; c < _parameters.Length; c++) _parameters[c] = _state[RuleColumns + c][synapse];
            ReadOnlySpan<double> p = _parameters;
            var history = _archive.Of(target)!;
            double dendriticDelay = _time.DelayStepsToMs(delaySteps);
            double tLast = _lastSpike[synapse];
            double w = weight;
            var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
            for (int h = from; h < to; h++)
            {
                double minusDt = tLast - (history.At(h).T + dendriticDelay);
                w = TRule.Facilitate(w, _kplus[synapse] * TRule.PlusDecay(minusDt, p), p);
            }
            w = TRule.Depress(w, history.KValue(tSpike - dendriticDelay), p);
            _kplus[synapse] = _kplus[synapse] * TRule.PlusDecay(tLast - tSpike, p) + 1.0;
            _lastSpike[synapse] = tSpike;
            return w;
        }
    }
}
