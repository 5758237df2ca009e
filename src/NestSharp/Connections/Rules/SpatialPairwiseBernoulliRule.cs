namespace NestSharp.Connections.Rules;

/// <summary>
/// Spatial pairwise_bernoulli (NEST's ConnectionCreator, pairwise_bernoulli_on_target and _on_source): by default a
/// source connects to the targets inside the mask around it, measured in the target layer (NEST's _on_target); with
/// use_on_source the mask lies around each target in the source layer (NEST's _on_source). Each pair inside is
/// connected with the probability <c>p</c> of the pair (a number or a parameter, spatial or not, measured in the same
/// layer as the mask; without <c>p</c>, every pair inside the mask). Autapses are skipped before drawing when
/// forbidden; each pair is drawn once, so multapses never arise. Draws come from the target's keyed streams, so the
/// connections do not depend on the number of threads. Only use_on_source can connect to devices (no proxies), as in NEST.
/// </summary>
internal sealed class SpatialPairwiseBernoulliRule(ConnSpec spec, Mask? mask, Parameter? kernel, bool allowOversized, bool useOnSource)
    : SpatialRule(spec, mask, kernel, allowOversized, "p", "mask", "use_on_source", "allow_oversized_mask")
{
    public override bool MaskAroundSource => !useOnSource;

    public override bool RequiresProxies => !useOnSource;

    public override double PlannedConnections(RuleContext context) =>
        MaskFraction() * (Kernel is ConstantParameter c ? Math.Clamp(c.Value, 0, 1) : 1.0) * context.Sources.Length * context.Targets.Length;

    public override void Generate(RuleContext context, int thread, ConnectionSink sink) =>
        ConnectPairsInMask(context, thread, sink, 0x5BA7_1A1, default(OnceWithKernelProbability));

    /// <summary>One connection, or with a kernel one with the kernel's probability (one draw from the target's stream).</summary>
    private readonly struct OnceWithKernelProbability : IPairCount
    {
        public ulong Of(ref RandomStream stream, double kernelValue, bool hasKernel) =>
            hasKernel && !(stream.NextDouble() < kernelValue) ? 0UL : 1UL;
    }
}
