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

    /// <summary>
    /// Declares the parameters, in their order, as per-connection parameters of <paramref name="schema"/>, and returns
    /// the column of the first one (the others follow it), or -1 when there are none.
    /// </summary>
    public int DeclarePerConnection(SynapseSchema schema)
    {
        int first = -1;
        foreach (var p in _keys)
        {
            var column = schema.Parameter(p.Key, p.Default, p.Requirement);
            if (first < 0) first = column.Index;
        }
        return first;
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
    private static readonly int RuleColumns = TRule.Parameters.DeclarePerConnection(Declared);

    protected sealed override SynapseSchema DeclaredSchema => Declared;

    protected sealed override StoredColumn LastSpikeColumn => LastSpike;

    public sealed override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var rule = new StdpPairRule<TRule, AllToAllPairing>(
            block, context, RuleColumns, Kplus.Index, LastSpike.Index, stackalloc double[TRule.Parameters.Keys.Count]);
        Deliver(rule, block, spikes, context, model);
    }
}
