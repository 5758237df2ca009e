namespace NestSharp;

/// <summary>
/// The positions of the nodes of one <c>Create(..., positions: ...)</c> call (NEST's layer): 2 or 3 dimensions, a grid
/// (<see cref="Grid"/>: positions from a shape, extent and center) or free positions (<see cref="Free"/>: listed or
/// drawn), an extent and center, and periodic boundaries (<c>edge_wrap</c>).
/// </summary>
/// <remarks>
/// NEST's rules (nestkernel/grid_layer.h, free_layer.h, layer_impl.h):
/// <list type="bullet">
/// <item>A grid of shape (columns, rows[, depth]) with extent e and lower left corner ll puts node k at column
/// c = k / (rows · depth), row r = (k / depth) mod rows, (layer l = k mod depth) and x = ll<sub>x</sub> + e<sub>x</sub>/columns · (c + 1/2),
/// y = ll<sub>y</sub> + e<sub>y</sub> - e<sub>y</sub>/rows · (r + 1/2) (matrix convention: the first row is at the top),
/// z as x. The default extent is 1 in every dimension and the default center the origin.</item>
/// <item>Free positions without an extent get the extent of the points rounded up in each dimension, centered on the
/// middle of the points (a single node needs an extent); with an extent, the center is the middle of the points and
/// every point must lie inside.</item>
/// <item>Displacement from a to b: b - a per dimension; in a periodic dimension of extent L it is wrapped into
/// [-L/2, L/2) (<see cref="Displacement(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>); spatial
/// parameters wrap it as d - L · round(d / L) (<see cref="ParameterDisplacement"/>), as NEST does.</item>
/// </list>
/// </remarks>
public sealed class SpatialLayer
{
    private readonly double[] _coordinates;
    private readonly double[] _extent;
    private readonly double[] _lowerLeft;
    private readonly int[]? _shape;

    private SpatialLayer(int firstId, int count, int dimensions, double[] coordinates, double[] extent, double[] lowerLeft,
        bool edgeWrap, int[]? shape)
    {
        FirstId = firstId;
        Count = count;
        Dimensions = dimensions;
        _coordinates = coordinates;
        _extent = extent;
        _lowerLeft = lowerLeft;
        EdgeWrap = edgeWrap;
        _shape = shape;
    }

    /// <summary>The id of the layer's first node; its nodes are FirstId ... FirstId + Count - 1.</summary>
    public int FirstId { get; }

    /// <summary>The number of nodes.</summary>
    public int Count { get; }

    /// <summary>2 or 3.</summary>
    public int Dimensions { get; }

    /// <summary>Whether the boundaries are periodic in every dimension (NEST's <c>edge_wrap</c>).</summary>
    public bool EdgeWrap { get; }

    /// <summary>Whether the positions are a grid (<see cref="Shape"/>) rather than free.</summary>
    public bool IsGrid => _shape is not null;

    /// <summary>The grid's number of columns, rows (and layers), or null for free positions.</summary>
    public IReadOnlyList<int>? Shape => _shape;

    /// <summary>The size of the layer in each dimension.</summary>
    public IReadOnlyList<double> Extent => _extent;

    /// <summary>The lower left (front) corner.</summary>
    public IReadOnlyList<double> LowerLeft => _lowerLeft;

    /// <summary>The center: lower left + extent / 2.</summary>
    public double[] Center
    {
        get
        {
            var center = new double[Dimensions];
            for (int d = 0; d < Dimensions; d++) center[d] = _lowerLeft[d] + _extent[d] / 2;
            return center;
        }
    }

    internal double[] Coordinates => _coordinates;

    internal double ExtentOf(int dimension) => _extent[dimension];

    /// <summary>Whether node <paramref name="id"/> belongs to this layer.</summary>
    public bool Contains(int id) => id >= FirstId && id < FirstId + Count;

    /// <summary>The position of the node at <paramref name="index"/> (0 ... Count - 1) in the layer.</summary>
    public double[] PositionAt(int index) => _coordinates.AsSpan(index * Dimensions, Dimensions).ToArray();

    /// <summary>The position of node <paramref name="id"/>.</summary>
    public double[] PositionOf(int id) => PositionAt(id - FirstId);

    internal ReadOnlySpan<double> PositionSpan(int index) => _coordinates.AsSpan(index * Dimensions, Dimensions);

    // ---------------------------------------------------------------- making layers

    /// <summary>
    /// A grid layer (NEST's <c>nest.spatial.grid</c>): <paramref name="shape"/> has 2 or 3 positive entries (columns,
    /// rows[, depth]); <paramref name="extent"/> defaults to 1 per dimension, <paramref name="center"/> to the origin.
    /// </summary>
    internal static SpatialLayer Grid(int firstId, IReadOnlyList<long> shape, IReadOnlyList<double>? extent, IReadOnlyList<double>? center, bool edgeWrap)
    {
        int dims = CheckedDimensions(shape.Count, "shape", "Shape must be of length 2 or 3.");
        foreach (long n in shape)
        {
            if (n <= 0) throw new BadPropertyException("shape", shape.ToArray(), "All shape entries must be positive.");
        }
        var ext = extent is null ? Filled(dims, 1.0) : CheckedVector(extent, dims, "extent");
        for (int d = 0; d < dims; d++)
        {
            if (!(ext[d] > 0)) throw new BadPropertyException("extent", ext, "every extent must be positive");
        }
        var c = center is null ? new double[dims] : CheckedVector(center, dims, "center");
        var lowerLeft = new double[dims];
        for (int d = 0; d < dims; d++) lowerLeft[d] = c[d] - ext[d] / 2;
        var dimsOf = shape.Select(n => checked((int)n)).ToArray();
        int count = 1;
        foreach (int n in dimsOf) count = checked(count * n);
        var coordinates = new double[count * dims];
        Span<long> grid = stackalloc long[3];
        for (int k = 0; k < count; k++)
        {
            // NEST's lid_to_position: the last dimension varies fastest, then the rows, then the columns.
            long rest = k;
            for (int d = dims - 1; d > 0; d--)
            {
                grid[d] = rest % dimsOf[d];
                rest /= dimsOf[d];
            }
            grid[0] = rest;
            for (int d = 0; d < dims; d++)
            {
                double step = ext[d] / dimsOf[d];
                // matrix convention: y counts down from the top edge
                coordinates[k * dims + d] = d == 1
                    ? lowerLeft[d] + ext[d] + -ext[d] / dimsOf[d] * grid[d] + -ext[d] / dimsOf[d] * 0.5
                    : lowerLeft[d] + step * grid[d] + step * 0.5;
            }
        }
        return new SpatialLayer(firstId, count, dims, coordinates, ext, lowerLeft, edgeWrap, dimsOf);
    }

    /// <summary>
    /// A layer of free positions (NEST's <c>nest.spatial.free</c>): <paramref name="coordinates"/> holds
    /// <paramref name="count"/> points of <paramref name="dimensions"/> coordinates each.
    /// </summary>
    internal static SpatialLayer Free(int firstId, int count, int dimensions, double[] coordinates, IReadOnlyList<double>? extent, bool edgeWrap)
    {
        int dims = CheckedDimensions(dimensions, "positions", "Positions must have 2 or 3 coordinates.");
        if (count == 0) throw new BadPropertyException("positions", Array.Empty<double>(), "Empty positions array.");
        var lowerLeftPoint = Filled(dims, double.PositiveInfinity);
        var maxPoint = Filled(dims, double.NegativeInfinity);
        for (int k = 0; k < count; k++)
        {
            for (int d = 0; d < dims; d++)
            {
                double x = coordinates[k * dims + d];
                if (x < lowerLeftPoint[d]) lowerLeftPoint[d] = x;
                if (x > maxPoint[d]) maxPoint[d] = x;
            }
        }
        var center = new double[dims];
        for (int d = 0; d < dims; d++) center[d] = (maxPoint[d] + lowerLeftPoint[d]) / 2;
        double[] ext;
        if (extent is not null)
        {
            ext = CheckedVector(extent, dims, "extent");
            for (int d = 0; d < dims; d++)
            {
                if (lowerLeftPoint[d] < center[d] - ext[d] / 2 || maxPoint[d] > center[d] + ext[d] / 2)
                    throw new BadPropertyException("extent", ext, "Node position outside of layer");
            }
        }
        else
        {
            if (count <= 1) throw new KernelException("If only one node is created, 'extent' must be specified.");
            ext = new double[dims];
            for (int d = 0; d < dims; d++) ext[d] = Math.Ceiling(maxPoint[d] - lowerLeftPoint[d]);
        }
        var lowerLeft = new double[dims];
        for (int d = 0; d < dims; d++) lowerLeft[d] = center[d] - ext[d] / 2;
        return new SpatialLayer(firstId, count, dims, coordinates, ext, lowerLeft, edgeWrap, null);
    }

    /// <summary>Writes the layer for a checkpoint: its ids, dimensions, periodicity, shape (grids), extent, lower left corner and every position.</summary>
    internal void SaveCheckpoint(Checkpoint.CheckpointWriter writer)
    {
        writer.Write(FirstId);
        writer.Write(Count);
        writer.Write(Dimensions);
        writer.Write(EdgeWrap);
        writer.Write(_shape is not null);
        if (_shape is not null) writer.Write(_shape);
        writer.Write(_extent);
        writer.Write(_lowerLeft);
        writer.Write(_coordinates);
    }

    /// <summary>A layer written by <see cref="SaveCheckpoint"/>, exactly as it was (positions are not computed again).</summary>
    internal static SpatialLayer RestoreCheckpoint(Checkpoint.CheckpointReader reader)
    {
        int firstId = reader.ReadInt(), count = reader.ReadInt(), dimensions = reader.ReadInt();
        bool edgeWrap = reader.ReadBool();
        int[]? shape = reader.ReadBool() ? reader.ReadInts() : null;
        double[] extent = reader.ReadDoubles(), lowerLeft = reader.ReadDoubles(), coordinates = reader.ReadDoubles();
        if (firstId < 1 || count < 1 || dimensions is not (2 or 3) || extent.Length != dimensions || lowerLeft.Length != dimensions
            || coordinates.Length != (long)count * dimensions || (shape is not null && shape.Length != dimensions))
        {
            throw reader.Bad($"a layer of {count} nodes from id {firstId} in {dimensions} dimensions holds {coordinates.Length} coordinates, extent and corner of {extent.Length} and {lowerLeft.Length}");
        }
        return new SpatialLayer(firstId, count, dimensions, coordinates, extent, lowerLeft, edgeWrap, shape);
    }

    private static int CheckedDimensions(int dimensions, string key, string message) =>
        dimensions is 2 or 3 ? dimensions : throw new BadPropertyException(key, dimensions, message);

    private static double[] CheckedVector(IReadOnlyList<double> values, int dims, string key)
    {
        if (values.Count != dims)
            throw new BadPropertyException(key, values.ToArray(), $"the layer has {dims} dimensions, so {key} needs {dims} entries");
        return values.ToArray();
    }

    private static double[] Filled(int n, double value)
    {
        var a = new double[n];
        Array.Fill(a, value);
        return a;
    }

    // ---------------------------------------------------------------- geometry

    /// <summary>
    /// The displacement from <paramref name="from"/> to <paramref name="to"/>: to - from per dimension, wrapped into
    /// [-extent/2, extent/2) where the boundaries are periodic (NEST's <c>compute_displacement</c> of positions).
    /// </summary>
    public void Displacement(ReadOnlySpan<double> from, ReadOnlySpan<double> to, Span<double> result)
    {
        for (int d = 0; d < Dimensions; d++)
        {
            double displacement = to[d] - from[d];
            if (EdgeWrap)
            {
                double half = 0.5 * _extent[d];
                displacement = -half + CFmod(displacement + half, _extent[d]);
                if (displacement < -half) displacement += _extent[d];
            }
            result[d] = displacement;
        }
    }

    /// <summary>The length of <see cref="Displacement(ReadOnlySpan{double}, ReadOnlySpan{double}, Span{double})"/>.</summary>
    public double Distance(ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        Span<double> displacement = stackalloc double[Dimensions];
        Displacement(from, to, displacement);
        double sum = 0;
        for (int d = 0; d < Dimensions; d++) sum += displacement[d] * displacement[d];
        return Math.Sqrt(sum);
    }

    /// <summary>
    /// The displacement in one dimension as spatial parameters compute it: to - from, minus extent · round(d / extent)
    /// where the boundaries are periodic (rounding half away from zero, as C's <c>round</c>).
    /// </summary>
    internal double ParameterDisplacement(ReadOnlySpan<double> from, ReadOnlySpan<double> to, int dimension)
    {
        double displacement = to[dimension] - from[dimension];
        if (EdgeWrap)
        {
            double extent = _extent[dimension];
            displacement -= extent * Math.Round(displacement * (1 / extent), MidpointRounding.AwayFromZero);
        }
        return displacement;
    }

    /// <summary>The distance spatial parameters use: the length of the per-dimension <see cref="ParameterDisplacement"/>.</summary>
    internal double ParameterDistance(ReadOnlySpan<double> from, ReadOnlySpan<double> to)
    {
        double sum = 0;
        for (int d = 0; d < Dimensions; d++)
        {
            double displacement = ParameterDisplacement(from, to, d);
            sum += displacement * displacement;
        }
        return Math.Sqrt(sum);
    }

    /// <summary>C's fmod: the remainder with the sign of the dividend (C#'s % on doubles).</summary>
    private static double CFmod(double x, double y) => x % y;

    /// <summary>
    /// The spatial status NEST shows for the nodes <paramref name="ids"/> of this layer (PyNEST's
    /// <c>NodeCollection.spatial</c>): center, edge_wrap, extent, network_size, and shape (grid) or positions (free).
    /// </summary>
    internal Dictionary<string, object> Status(IReadOnlyList<int> ids)
    {
        var status = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["center"] = Center,
            ["edge_wrap"] = EdgeWrap,
            ["extent"] = _extent.ToArray(),
            ["network_size"] = (long)ids.Count,
        };
        if (_shape is not null)
        {
            status["shape"] = _shape.Select(n => (long)n).ToArray();
        }
        else
        {
            var positions = new double[ids.Count][];
            for (int i = 0; i < ids.Count; i++) positions[i] = PositionOf(ids[i]);
            status["positions"] = positions;
        }
        return status;
    }
}
