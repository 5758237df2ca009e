namespace NestSharp.Connections.Rules;

/// <summary>
/// pairwise_poisson (NEST 3.7+, PoissonBuilder): each (source, target) pair is connected n times, n drawn from a
/// Poisson distribution with mean <c>pairwise_avg_num_conns</c> (0 or more; may exceed 1), independently per pair; so
/// multapses are part of the rule and allow_multapses false is refused. A forbidden autapse is skipped before its draw.
/// The mean may be a <see cref="Parameter"/>, drawn for every pair from a second stream of the target (as NEST draws it
/// per pair). Each target's stream makes one Poisson draw per source, so the connections do not depend on the number
/// of threads. Array-valued synapse parameters are not allowed (the number of connections is random).
/// </summary>
/// <remarks>
/// Reference: NEST documentation, "Connectivity concepts: pairwise Poisson"; Senk et al. (2022), "Connectivity concepts
/// in neuronal network modeling", PLoS Comput Biol 18(9): e1010086.
/// </remarks>
[ConnectionRuleName("pairwise_poisson")]
internal sealed class PairwisePoissonRule : ConnectionRule
{
    /// <summary>The conn_spec key of the mean number of connections per pair.</summary>
    public const string MeanKey = "pairwise_avg_num_conns";

    private readonly double _mean;
    private readonly Parameter? _meanParameter;

    public PairwisePoissonRule(ConnSpec spec) : base(spec, MeanKey)
    {
        (_mean, _meanParameter) = MeanOf(spec);
        if (!spec.AllowMultapses)
            throw new BadPropertyException("allow_multapses", false, "Multapses must be allowed for this connection rule (pairwise_poisson).");
    }

    /// <summary>The mean of <paramref name="spec"/>: a number at least 0, or a parameter drawn per pair.</summary>
    internal static (double Mean, Parameter? Parameter) MeanOf(ConnSpec spec)
    {
        if (!spec.Parameters.TryGetValue(MeanKey, out var value))
            throw new BadPropertyException(MeanKey, null, $"pairwise_poisson needs the mean number of connections per pair, {MeanKey} >= 0");
        if (value is ConstantParameter constant) value = constant.Value;
        if (value is Parameter parameter) return (0.0, parameter);
        double mean = StatusValue.ToDouble(MeanKey, value);
        if (!(mean >= 0) || double.IsPositiveInfinity(mean))
            throw new BadPropertyException(MeanKey, mean, $"Connection parameter 0 ≤ {MeanKey} required (and finite).");
        return (mean, null);
    }

    /// <summary>One draw of the number of connections of a pair with mean <paramref name="mean"/> (a parameter's value, checked).</summary>
    internal static ulong Draw(ref RandomStream stream, double mean)
    {
        if (!(mean >= 0) || double.IsPositiveInfinity(mean))
            throw new BadPropertyException(MeanKey, mean, $"the mean number of connections of a pair must be finite and at least 0, not {mean}");
        return PoissonSampler.Sample(ref stream, mean);
    }

    public override ArrayShape? ArrayShape(RuleContext context) => null;

    /// <summary>The expected number for a fixed mean; with a parameter, one per pair (the mean is not known before drawing).</summary>
    public override double PlannedConnections(RuleContext context) =>
        (_meanParameter is null ? _mean : 1.0) * context.Sources.Length * context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink)
    {
        var sampler = _meanParameter is null ? new PoissonSampler(_mean) : null;
        ConnectPairs(context, thread, sink, 0x9_0155, new Draws(sampler, _meanParameter));
    }

    /// <summary>
    /// A Poisson number of connections (none for a forbidden autapse, without a draw): of the fixed mean through
    /// <paramref name="sampler"/>, or of a mean drawn from the second stream.
    /// </summary>
    private readonly struct Draws(PoissonSampler? sampler, Parameter? meanParameter) : IPairConnections
    {
        public ulong Of(int s, int t, bool forbiddenAutapse, ref RandomStream stream, ref RandomStream second) =>
            forbiddenAutapse ? 0UL
            : sampler is not null ? sampler.Sample(ref stream)
            : Draw(ref stream, meanParameter!.Draw(ref second));
    }
}
