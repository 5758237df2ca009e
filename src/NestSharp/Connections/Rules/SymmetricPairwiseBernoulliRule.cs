namespace NestSharp.Connections.Rules;

/// <summary>
/// symmetric_pairwise_bernoulli (NEST's SymmetricBernoulliBuilder): every target draws an in-degree k from the
/// binomial distribution B(n_sources, p), redrawn until k &lt; n_sources, then k distinct sources uniformly, never
/// itself; each drawn pair (s, t) is connected in both directions, s → t and t → s, with the same synapse values. A
/// node can thus reach another twice (once by its own draw, once by the other's), so multapses must be allowed;
/// autapses must be forbidden and make_symmetric must be true, and 0 ≤ p &lt; 1, as NEST requires.
/// </summary>
/// <remarks>
/// The draws of a target come from its own keyed stream, so the connections do not depend on the number of threads:
/// the forward pass makes s → t on the thread owning t; <see cref="Reversed"/> replays every target's draws and makes
/// t → s on the thread owning s. NEST draws from one stream shared by all threads, in target order.
/// Array-valued synapse parameters are not allowed (the number of connections is random).
/// Reference: NEST documentation, "Connectivity concepts: symmetric pairwise Bernoulli".
/// </remarks>
[ConnectionRuleName("symmetric_pairwise_bernoulli")]
internal sealed class SymmetricPairwiseBernoulliRule : ConnectionRule
{
    private readonly double _p;

    /// <summary>
    /// True for the reverse pass: then the collections are swapped (the call's targets are the sources here) and the
    /// draws are made by the sources.
    /// </summary>
    private readonly bool _reverse;

    public SymmetricPairwiseBernoulliRule(ConnSpec spec) : base(spec, "p")
    {
        if (!spec.Parameters.TryGetValue("p", out var value))
            throw new BadPropertyException("p", null, "symmetric_pairwise_bernoulli needs a connection probability 0 <= p < 1");
        if (value is ConstantParameter constant) value = constant.Value;
        _p = StatusValue.ToDouble("p", value);
        if (!(_p >= 0 && _p < 1)) throw new BadPropertyException("p", _p, "Connection probability 0 <= p < 1 required");
        if (!spec.AllowMultapses) throw new BadPropertyException("allow_multapses", false, "Multapses must be enabled");
        if (spec.AllowAutapses) throw new BadPropertyException("allow_autapses", true, "Autapses must be disabled");
        if (!spec.MakeSymmetric) throw new BadPropertyException("make_symmetric", false, "Symmetric connections must be enabled");
    }

    private SymmetricPairwiseBernoulliRule(SymmetricPairwiseBernoulliRule forward) : base(forward.Spec, "p")
    {
        _p = forward._p;
        _reverse = true;
    }

    public override bool SupportsSymmetric => true;

    public override ConnectionRule Reversed => new SymmetricPairwiseBernoulliRule(this);

    public override ArrayShape? ArrayShape(RuleContext context) => null;

    /// <summary>The expected number in one direction (in-degrees of p·n_sources, slightly fewer through the truncation).</summary>
    public override double PlannedConnections(RuleContext context) => _p * context.Sources.Length * context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        // The drawing nodes and the pool they draw from: the targets and sources of the call, whichever way round
        // this pass has them.
        var drawers = _reverse ? context.Sources : context.Targets;
        var pool = _reverse ? context.Targets : context.Sources;
        var chosen = new HashSet<int>();
        for (int d = 0; d < drawers.Length; d++)
        {
            if (!_reverse && context.TargetOwner[d] != thread) continue;
            int drawer = drawers[d];
            var stream = context.StreamOf(drawer);
            long k;
            do k = BinomialSampler.Sample(ref stream, pool.Length, _p);
            while (k >= pool.Length);
            chosen.Clear();
            for (int j = 0; j < k; j++)
            {
                int s;
                do s = (int)stream.NextBelow((ulong)pool.Length);
                while (pool[s] == drawer || !chosen.Add(s));
                if (!_reverse) sink.Add(s, d, drawer, j, -1);
                else if (context.TargetOwner[s] == thread) sink.Add(d, s, drawer, j, -1);
            }
        }
    }
}
