namespace NestSharp.Connections.Rules;

/// <summary>
/// pairwise_bernoulli: each (source, target) pair is connected with probability <c>p</c>, independently; each target's
/// stream makes one draw per source. Array-valued parameters are not allowed (the number of connections is random).
/// <c>p</c> may be a <see cref="Parameter"/>: drawn for every pair from a second stream of the target (as NEST draws
/// it per pair), with values above 1 connecting always and values below 0 never.
/// </summary>
[ConnectionRuleName("pairwise_bernoulli")]
internal sealed class PairwiseBernoulliRule : ConnectionRule
{
    private readonly double _p;
    private readonly Parameter? _pParameter;

    public PairwiseBernoulliRule(ConnSpec spec) : base(spec, "p")
    {
        if (!spec.Parameters.TryGetValue("p", out var value)) throw new BadPropertyException("p", null, "pairwise_bernoulli needs a probability 0 <= p <= 1");
        if (value is ConstantParameter constant) value = constant.Value;
        if (value is Parameter parameter)
        {
            _pParameter = parameter;
            return;
        }
        _p = StatusValue.ToDouble("p", value);
        if (!(_p >= 0 && _p <= 1)) throw new BadPropertyException("p", _p, "pairwise_bernoulli needs a probability 0 <= p <= 1");
    }

    public override ArrayShape? ArrayShape(RuleContext context) => null;

    /// <summary>The expected number for a fixed p; with a parameter p, the most there can be.</summary>
    public override double PlannedConnections(RuleContext context) =>
        (_pParameter is null ? _p : 1.0) * context.Sources.Length * context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink) =>
        ConnectPairs(context, thread, sink, 0x9_0BAB, new Draws(_p, _pParameter));

    /// <summary>
    /// One connection with probability p: p drawn from the second stream when it is a parameter, then one uniform draw
    /// from the target's stream, both also for a forbidden autapse (which is then not connected).
    /// </summary>
    private readonly struct Draws(double p, Parameter? pParameter) : IPairConnections
    {
        public ulong Of(int s, int t, bool forbiddenAutapse, ref RandomStream stream, ref RandomStream second)
        {
            double probability = pParameter is null ? p : pParameter.Draw(ref second);
            bool draw = stream.NextDouble() < probability;
            return draw && !forbiddenAutapse ? 1UL : 0UL;
        }
    }
}
