namespace NestSharp.Connections.Rules;

/// <summary>
/// The positions of one spatial Connect call: where each source and target of the rule's context is (by its position
/// in the context), and the layer whose extent and boundaries the connection parameters measure in (NEST: the source
/// layer, or the target layer when the mask is applied around sources: use_on_source and fixed_outdegree).
/// </summary>
internal sealed class SpatialPositions(SpatialLayer sourceLayer, int[] sourceIndex, SpatialLayer targetLayer, int[] targetIndex, SpatialLayer metric)
{
    public SpatialLayer SourceLayer => sourceLayer;

    public SpatialLayer TargetLayer => targetLayer;

    public SpatialLayer Metric => metric;

    public ReadOnlySpan<double> Source(int s) => sourceLayer.PositionSpan(sourceIndex[s]);

    public ReadOnlySpan<double> Target(int t) => targetLayer.PositionSpan(targetIndex[t]);

    /// <summary>Where a connection from source <paramref name="s"/> to target <paramref name="t"/> draws its parameters.</summary>
    public ParameterSite Site(int s, int t) => ParameterSite.ForConnection(metric, Source(s), Target(t));

    /// <summary>The same connection measured in <paramref name="layer"/> (NEST measures fixed_outdegree's p in the source layer).</summary>
    public ParameterSite SiteIn(SpatialLayer layer, int s, int t) => ParameterSite.ForConnection(layer, Source(s), Target(t));
}

/// <summary>
/// What the spatial rules (NEST's ConnectionCreator: nest.Connect with a mask or a spatial parameter) share: the
/// positions, the mask with NEST's checks of it against the layer, and the connection probability (NEST's kernel:
/// conn_spec <c>p</c>, a number or a parameter, spatial or not).
/// </summary>
/// <remarks>
/// A mask is centred on the node the rule draws for (the target for pairwise_bernoulli and fixed_indegree, the source
/// for use_on_source and fixed_outdegree): a partner is inside when the mask holds its displacement from that node. With
/// periodic boundaries the displacement is taken into the layer's range, and the images one extent away are tried
/// where the mask reaches beyond half the extent; a partner counts once whichever image is inside. A mask wider than a
/// periodic layer is refused unless allow_oversized_mask is set (BadProperty, as NEST).
/// </remarks>
internal abstract class SpatialRule : ConnectionRule
{
    private readonly Mask? _mask;
    private readonly bool _allowOversized;
    private Mask? _layerMask;
    private double[] _shiftBelow = [], _shiftAbove = [];

    /// <param name="spec">The rule's conn_spec (rule, p, mask, indegree/outdegree, use_on_source, allow_*).</param>
    /// <param name="mask">The mask, or null for all partners.</param>
    /// <param name="kernel">The probability per pair, or null to connect every partner.</param>
    /// <param name="allowOversized">NEST's allow_oversized_mask.</param>
    /// <param name="parameterKeys">The keys of <paramref name="spec"/> the rule reads.</param>
    protected SpatialRule(ConnSpec spec, Mask? mask, Parameter? kernel, bool allowOversized, params string[] parameterKeys)
        : base(spec, parameterKeys)
    {
        _mask = mask;
        Kernel = kernel;
        _allowOversized = allowOversized;
    }

    /// <summary>The positions of the call's sources and targets (set before the rule is used).</summary>
    public SpatialPositions Positions { get; private set; } = null!;

    /// <summary>The connection probability per pair, or null.</summary>
    protected Parameter? Kernel { get; }

    /// <summary>Whether the mask is centred on sources (use_on_source, fixed_outdegree) rather than on targets.</summary>
    public abstract bool MaskAroundSource { get; }

    public override ArrayShape? ArrayShape(RuleContext context) => null;

    /// <summary>Binds the rule to the call's positions and checks the mask against the layer it is applied in.</summary>
    public void Bind(SpatialPositions positions)
    {
        Positions = positions;
        if (_mask is null) return;
        var layer = MaskAroundSource ? positions.TargetLayer : positions.SourceLayer;
        if (_mask.Dimensions != layer.Dimensions && _mask is not GridMask)
            throw new BadPropertyException("mask", _mask.Dimensions, "Mask is incompatible with layer.");
        if (_mask is GridMask grid && !_allowOversized && grid.Oversized(layer))
            throw new BadPropertyException("mask", "grid", "Mask size must not exceed layer size; set allow_oversized_mask to override.");
        _layerMask = _mask.For(layer);
        int dims = layer.Dimensions;
        Span<double> lower = stackalloc double[dims];
        Span<double> upper = stackalloc double[dims];
        _layerMask.BoundingBox(lower, upper);
        if (_mask is not GridMask && !_allowOversized && layer.EdgeWrap)
        {
            for (int d = 0; d < dims; d++)
            {
                if (upper[d] - lower[d] > layer.ExtentOf(d))
                    throw new BadPropertyException("mask", "oversized", "Mask size must not exceed layer size; set allow_oversized_mask to override.");
            }
        }
        _shiftBelow = new double[dims];
        _shiftAbove = new double[dims];
        if (!layer.EdgeWrap) return;
        for (int d = 0; d < dims; d++)
        {
            double half = layer.ExtentOf(d) / 2;
            _shiftBelow[d] = lower[d] < -half ? -layer.ExtentOf(d) : 0;
            _shiftAbove[d] = upper[d] >= half ? layer.ExtentOf(d) : 0;
        }
    }

    /// <summary>The share of all pairs the mask can hold at most (its bounding box over the layer's volume), 1 without a mask.</summary>
    protected double MaskFraction()
    {
        if (_layerMask is null) return 1.0;
        var layer = MaskAroundSource ? Positions.TargetLayer : Positions.SourceLayer;
        int dims = layer.Dimensions;
        Span<double> lower = stackalloc double[dims];
        Span<double> upper = stackalloc double[dims];
        _layerMask.BoundingBox(lower, upper);
        double fraction = 1.0;
        for (int d = 0; d < dims; d++) fraction *= Math.Min(1.0, (upper[d] - lower[d]) / layer.ExtentOf(d));
        return Math.Clamp(fraction, 0.0, 1.0);
    }

    /// <summary>Whether the pair (source <paramref name="s"/>, target <paramref name="t"/>) lies inside the mask (true without one).</summary>
    protected bool InMask(int s, int t)
    {
        if (_layerMask is null) return true;
        var layer = MaskAroundSource ? Positions.TargetLayer : Positions.SourceLayer;
        var centre = MaskAroundSource ? Positions.Source(s) : Positions.Target(t);
        var partner = MaskAroundSource ? Positions.Target(t) : Positions.Source(s);
        int dims = layer.Dimensions;
        Span<double> displacement = stackalloc double[dims];
        if (layer.EdgeWrap)
        {
            layer.Displacement(centre, partner, displacement);
        }
        else
        {
            for (int d = 0; d < dims; d++) displacement[d] = partner[d] - centre[d];
        }
        if (_layerMask.Contains(displacement)) return true;
        if (!layer.EdgeWrap) return false;
        return InShiftedImage(displacement, 0);
    }

    // Tries the images one extent below or above in every dimension where the mask reaches that far.
    private bool InShiftedImage(Span<double> displacement, int dimension)
    {
        if (dimension == displacement.Length) return false;
        if (InShiftedImage(displacement, dimension + 1)) return true;
        double original = displacement[dimension];
        foreach (double shift in (ReadOnlySpan<double>)[_shiftBelow[dimension], _shiftAbove[dimension]])
        {
            if (shift == 0) continue;
            displacement[dimension] = original + shift;
            bool inside = _layerMask!.Contains(displacement) || InShiftedImage(displacement, dimension + 1);
            displacement[dimension] = original;
            if (inside) return true;
        }
        return false;
    }

    /// <summary>How many connections a pair inside the mask gets.</summary>
    protected interface IPairCount
    {
        /// <summary>
        /// The number for a pair whose kernel gave <paramref name="kernelValue"/> (1 when the rule has no kernel:
        /// <paramref name="hasKernel"/> false), drawing from the target's <paramref name="stream"/>.
        /// </summary>
        ulong Of(ref RandomStream stream, double kernelValue, bool hasKernel);
    }

    /// <summary>
    /// The pairwise loop (<see cref="ConnectionRule.ConnectPairs{TPairs}"/>) over the sources inside the mask (forbidden
    /// autapses skipped before any draw), each connected as many times as <paramref name="count"/> says; the kernel
    /// draws from the target's second stream, keyed by <paramref name="kernelTag"/>.
    /// </summary>
    protected void ConnectPairsInMask<TCount>(RuleContext context, int thread, ConnectionSink sink, ulong kernelTag, TCount count)
        where TCount : struct, IPairCount =>
        ConnectPairs(context, thread, sink, kernelTag, new InsideMask<TCount>(this, count));

    /// <summary>The pairs inside the mask, counted by <typeparamref name="TCount"/> with the kernel's value.</summary>
    private readonly struct InsideMask<TCount>(SpatialRule rule, TCount count) : IPairConnections
        where TCount : struct, IPairCount
    {
        public ulong Of(int s, int t, bool forbiddenAutapse, ref RandomStream stream, ref RandomStream second) =>
            forbiddenAutapse || !rule.InMask(s, t) ? 0UL : count.Of(ref stream, rule.Probability(ref second, s, t), rule.Kernel is not null);
    }

    /// <summary>
    /// The layer the kernel measures distances in: that of the weights and delays (<see cref="SpatialPositions.Metric"/>),
    /// but for fixed_outdegree, whose p NEST measures in the source layer and its weights and delays in the target layer.
    /// </summary>
    protected virtual SpatialLayer KernelMetric => Positions.Metric;

    /// <summary>The probability of the pair from the kernel, drawn from <paramref name="stream"/> (1 without a kernel).</summary>
    protected double Probability(ref RandomStream stream, int s, int t) =>
        Kernel is null ? 1.0 : Kernel.Draw(ref stream, Positions.SiteIn(KernelMetric, s, t));
}
