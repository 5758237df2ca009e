namespace NestSharp.Connections.Rules;

/// <summary>
/// Spatial pairwise_poisson (NEST's ConnectionCreator, pairwise_poisson): each target takes the sources inside the mask
/// around it (measured in the source layer, as NEST's target-driven rules) and connects each of them n times, n drawn
/// from a Poisson distribution whose mean is <c>pairwise_avg_num_conns</c> of the pair (a number or a parameter,
/// spatial or not, measured in the source layer). Forbidden autapses are skipped before drawing; as for the non-spatial
/// rule, multapses are part of the rule and allow_multapses false is refused. Draws come from the target's keyed
/// streams, so the connections do not depend on the number of threads.
/// </summary>
internal sealed class SpatialPairwisePoissonRule : SpatialRule
{
    public SpatialPairwisePoissonRule(ConnSpec spec, Mask? mask, bool allowOversized)
        : base(spec, mask, MeanParameter(spec), allowOversized, PairwisePoissonRule.MeanKey, "mask", "allow_oversized_mask")
    {
        if (!spec.AllowMultapses)
            throw new BadPropertyException("allow_multapses", false, "Multapses must be allowed for this connection rule (pairwise_poisson).");
    }

    /// <summary>The mean of the spec (checked as the non-spatial rule checks it) as a parameter.</summary>
    private static Parameter MeanParameter(ConnSpec spec)
    {
        var (mean, parameter) = PairwisePoissonRule.MeanOf(spec);
        return parameter ?? Parameter.FromDouble(mean);
    }

    public override bool MaskAroundSource => false;

    /// <summary>The expected number for a fixed mean within the mask's bounding box; with a parameter, one per pair.</summary>
    public override double PlannedConnections(RuleContext context) =>
        MaskFraction() * (Kernel is ConstantParameter c ? c.Value : 1.0) * context.Sources.Length * context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink) =>
        ConnectPairsInMask(context, thread, sink, 0x5BA7_9015, default(PoissonCount));

    /// <summary>A Poisson number with the pair's mean (the mean parameter always exists: a number becomes a constant one).</summary>
    private readonly struct PoissonCount : IPairCount
    {
        public ulong Of(ref RandomStream stream, double kernelValue, bool hasKernel) => PairwisePoissonRule.Draw(ref stream, kernelValue);
    }
}
