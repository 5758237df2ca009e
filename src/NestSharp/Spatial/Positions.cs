namespace NestSharp;

/// <summary>
/// How <c>Simulator.Create(model, positions)</c> places its nodes (PyNEST's <c>nest.spatial.grid</c> and
/// <c>nest.spatial.free</c>): <see cref="Grid"/> or <see cref="Free(IReadOnlyList{IReadOnlyList{double}}, IReadOnlyList{double}?, bool)"/>.
/// </summary>
public sealed class Positions
{
    private Positions() { }

    internal long[]? Shape { get; private init; }
    internal double[]? Center { get; private init; }
    internal double[]? Extent { get; private init; }
    internal double[][]? Points { get; private init; }
    internal PositionParameters? Drawn { get; private init; }

    /// <summary>Whether the boundaries are periodic (NEST's <c>edge_wrap</c>).</summary>
    public bool EdgeWrap { get; private init; }

    /// <summary>Whether this is a grid (its size is the product of the shape) rather than free positions.</summary>
    public bool IsGrid => Shape is not null;

    /// <summary>
    /// A grid of <paramref name="shape"/> (columns, rows[, depth]) nodes over <paramref name="extent"/> (default 1 in
    /// every dimension) around <paramref name="center"/> (default the origin), as <c>nest.spatial.grid</c>.
    /// </summary>
    public static Positions Grid(IReadOnlyList<long> shape, IReadOnlyList<double>? extent = null, IReadOnlyList<double>? center = null, bool edgeWrap = false)
    {
        ArgumentNullException.ThrowIfNull(shape);
        return new Positions { Shape = [.. shape], Extent = extent?.ToArray(), Center = center?.ToArray(), EdgeWrap = edgeWrap };
    }

    /// <summary>
    /// Nodes at <paramref name="points"/> (each of 2 or 3 coordinates), in a layer of <paramref name="extent"/> (by
    /// default the points' extent rounded up), as <c>nest.spatial.free(list)</c>.
    /// </summary>
    public static Positions Free(IReadOnlyList<IReadOnlyList<double>> points, IReadOnlyList<double>? extent = null, bool edgeWrap = false)
    {
        ArgumentNullException.ThrowIfNull(points);
        var copy = new double[points.Count][];
        for (int i = 0; i < points.Count; i++)
        {
            copy[i] = points[i].ToArray();
            if (copy[i].Length != copy[0].Length)
                throw new BadPropertyException("positions", i, "every position needs the same number of coordinates");
        }
        return new Positions { Points = copy, Extent = extent?.ToArray(), EdgeWrap = edgeWrap };
    }

    /// <summary>
    /// Positions drawn per node from <paramref name="coordinates"/> (one parameter per dimension, x first), as
    /// <c>nest.spatial.free([px, py])</c>. Each node draws from its own keyed stream.
    /// </summary>
    public static Positions Free(IReadOnlyList<Parameter> coordinates, IReadOnlyList<double>? extent = null, bool edgeWrap = false)
    {
        ArgumentNullException.ThrowIfNull(coordinates);
        return new Positions { Drawn = new PositionParameters([.. coordinates]), Extent = extent?.ToArray(), EdgeWrap = edgeWrap };
    }

    /// <summary>
    /// One parameter for each of <paramref name="numDimensions"/> coordinates (or as many as <paramref name="extent"/>
    /// has), as <c>nest.spatial.free(nest.random.uniform(), num_dimensions=2)</c>.
    /// </summary>
    public static Positions Free(Parameter coordinate, int? numDimensions = null, IReadOnlyList<double>? extent = null, bool edgeWrap = false)
    {
        ArgumentNullException.ThrowIfNull(coordinate);
        if (extent is not null && numDimensions is not null)
            throw new BadParameterException("num_dimensions", numDimensions, "extent and number of dimensions cannot be specified at the same time");
        int dims = extent?.Count ?? numDimensions
            ?? throw new BadParameterException("num_dimensions", null, "could not infer number of dimensions. Set num_dimensions or extent when using Parameter as pos");
        return Free(Enumerable.Repeat(coordinate, dims).ToArray(), extent, edgeWrap);
    }
}
