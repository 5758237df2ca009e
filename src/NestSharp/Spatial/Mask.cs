namespace NestSharp;

/// <summary>
/// A region of space relative to a node (NEST's mask): which partners a spatial Connect considers, and which nodes
/// <c>SelectNodesByMask</c> picks. Made from NEST's mask dictionaries by <see cref="Create"/> (PyNEST's
/// <c>nest.CreateMask</c>) and combined with <c>&amp;</c> (intersection), <c>|</c> (union) and <c>-</c> (difference).
/// </summary>
/// <remarks>
/// NEST's masks (nestkernel/mask.h, mask.cpp, grid_mask.h, nest.cpp):
/// <list type="bullet">
/// <item><c>circular</c> (2D) / <c>spherical</c> (3D) {radius &gt; 0}: |p - anchor| ≤ radius.</item>
/// <item><c>rectangular</c> (2D) / <c>box</c> (3D) {lower_left, upper_right, azimuth_angle, polar_angle (3D only)}: the
/// point rotated back about the box's center (by -azimuth about z, then -polar about y, degrees) lies in the box, with
/// 1e-12 slack when rotated.</item>
/// <item><c>elliptical</c> (2D) / <c>ellipsoidal</c> (3D) {major_axis ≥ minor_axis &gt; 0, polar_axis (3D), anchor,
/// azimuth_angle, polar_angle}.</item>
/// <item><c>doughnut</c> (2D) {inner_radius &lt; outer_radius, anchor}: the outer circle minus the inner one.</item>
/// <item><c>grid</c> (2D, grid layers only) {shape}: shape[0] columns and shape[1] rows of grid cells from the anchor
/// cell (an integer anchor, default [0, 0]); it becomes a box in the layer's units when used.</item>
/// <item>A real-valued <c>anchor</c> next to the mask's own dictionary moves the mask by it.</item>
/// </list>
/// </remarks>
public abstract class Mask
{
    private protected Mask(int dimensions) => Dimensions = dimensions;

    /// <summary>2 or 3.</summary>
    public int Dimensions { get; }

    /// <summary>Whether <paramref name="point"/> lies in the mask (PyNEST's <c>Mask.Inside</c>).</summary>
    public bool Inside(IReadOnlyList<double> point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (this is GridMask) throw new KernelException("Grid mask must be applied to a grid layer.");
        if (point.Count != Dimensions)
            throw new BadPropertyException("point", point.ToArray(), $"Expected a {Dimensions}-dimensional position.");
        Span<double> p = stackalloc double[Dimensions];
        for (int d = 0; d < Dimensions; d++) p[d] = point[d];
        return Contains(p);
    }

    internal abstract bool Contains(ReadOnlySpan<double> point);

    /// <summary>The smallest box that holds the mask (NEST's bounding box).</summary>
    internal abstract void BoundingBox(Span<double> lower, Span<double> upper);

    /// <summary>The mask in the coordinates of <paramref name="layer"/> (a grid mask becomes a box).</summary>
    internal virtual Mask For(SpatialLayer layer) => this;

    /// <summary>The intersection (NEST's <c>mask1 &amp; mask2</c>).</summary>
    public static Mask operator &(Mask left, Mask right) => new CombinedMask(Same(left, right), right, MaskCombination.Intersection);

    /// <summary>The union (NEST's <c>mask1 | mask2</c>).</summary>
    public static Mask operator |(Mask left, Mask right) => new CombinedMask(Same(left, right), right, MaskCombination.Union);

    /// <summary>The difference (NEST's <c>mask1 - mask2</c>).</summary>
    public static Mask operator -(Mask left, Mask right) => new CombinedMask(Same(left, right), right, MaskCombination.Difference);

    /// <summary>The named alternative of <c>&amp;</c>.</summary>
    public static Mask BitwiseAnd(Mask left, Mask right) => left & right;

    /// <summary>The named alternative of <c>|</c>.</summary>
    public static Mask BitwiseOr(Mask left, Mask right) => left | right;

    /// <summary>The named alternative of <c>-</c>.</summary>
    public static Mask Subtract(Mask left, Mask right) => left - right;

    // NEST: a grid mask on the left cannot be combined (KernelException); any other pair needs the same dimensions,
    // and a grid mask on the right has none (BadProperty).
    private static Mask Same(Mask left, Mask right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (left is GridMask) throw new KernelException("Grid masks can not be combined.");
        if (left.Dimensions != right.Dimensions || right is GridMask)
            throw new BadPropertyException("mask", right is GridMask ? "grid" : right.Dimensions, "Masks must have same number of dimensions.");
        return left;
    }

    // ---------------------------------------------------------------- NEST's mask dictionaries

    /// <summary>
    /// The mask of <paramref name="type"/> (circular, spherical, rectangular, box, elliptical, ellipsoidal, doughnut,
    /// grid) with the values of <paramref name="specs"/>, moved by <paramref name="anchor"/> when given (for a grid
    /// mask, the anchor is the integer grid cell), as PyNEST's <c>nest.CreateMask(type, specs, anchor)</c>.
    /// </summary>
    public static Mask Create(string type, IReadOnlyDictionary<string, object> specs, IReadOnlyList<double>? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(specs);
        var s = new Specs(type, specs);
        Mask mask = type switch
        {
            "circular" => Ball(2, s),
            "spherical" => Ball(3, s),
            "rectangular" => BoxMask.From(2, s),
            "box" => BoxMask.From(3, s),
            "elliptical" => EllipseMask.From(2, s),
            "ellipsoidal" => EllipseMask.From(3, s),
            "doughnut" => Doughnut(s),
            "grid" => GridMask.From(s),
            _ => throw new UndefinedNameException("mask type", type, ["box", "circular", "doughnut", "ellipsoidal", "elliptical", "grid", "rectangular", "spherical"]),
        };
        s.CheckAllRead();
        if (anchor is null) return mask;
        if (mask is GridMask grid)
        {
            // NEST has 2D grid masks only: a 3D anchor asks for a 3D grid mask
            if (anchor.Count is not (2 or 3)) throw new BadPropertyException("anchor", anchor.ToArray(), "Anchor must be 2- or 3-dimensional.");
            if (anchor.Count == 3) throw new BadPropertyException("anchor", anchor.ToArray(), "Mask must be 3-dimensional grid mask.");
            if (anchor.Any(a => a != Math.Floor(a)))
                throw new TypeMismatchException("anchor", anchor.ToArray(), "whole numbers for a grid mask");
            return grid.Anchored((int)anchor[0], (int)anchor[1]);
        }
        if (anchor.Count is not (2 or 3)) throw new BadPropertyException("anchor", anchor.ToArray(), "Anchor must be 2- or 3-dimensional.");
        if (anchor.Count != mask.Dimensions)
            throw new BadPropertyException("anchor", anchor.ToArray(), $"the mask has {mask.Dimensions} dimensions");
        return new AnchoredMask(mask, anchor.ToArray());
    }

    /// <summary>
    /// The mask of a conn_spec's <c>mask</c> dictionary: one mask type with its values, and optionally <c>anchor</c>
    /// (NEST's create_mask of a dictionary).
    /// </summary>
    public static Mask FromDictionary(IReadOnlyDictionary<string, object> mask)
    {
        ArgumentNullException.ThrowIfNull(mask);
        string? type = null;
        IReadOnlyDictionary<string, object>? specs = null;
        double[]? anchor = null;
        foreach (var (key, value) in mask)
        {
            if (key == "anchor")
            {
                anchor = StatusValue.ToDoubleArray("anchor", value);
                continue;
            }
            if (type is not null) throw new BadPropertyException("mask", key, $"a mask dictionary names one mask type, and already named '{type}'");
            type = key;
            specs = value as IReadOnlyDictionary<string, object>
                ?? throw new TypeMismatchException(key, value, "a dictionary with the mask's parameters");
        }
        if (type is null) throw new BadPropertyException("mask", null, "a mask dictionary needs a mask type (circular, rectangular, ...)");
        return Create(type, specs!, anchor);
    }

    private static BallMask Ball(int dims, Specs s)
    {
        double radius = s.Required("radius");
        if (!(radius > 0)) throw new BadPropertyException("radius", radius, "nest::BallMask<D>: radius > 0 required.");
        return new BallMask(s.Vector("anchor", dims) ?? new double[dims], radius);
    }

    private static CombinedMask Doughnut(Specs s)
    {
        var center = s.Vector("anchor", 2) ?? new double[2];
        double outer = s.Required("outer_radius");
        double inner = s.Required("inner_radius");
        if (inner >= outer) throw new BadPropertyException("inner_radius", inner, "nest::create_doughnut: inner_radius < outer_radius required.");
        return new CombinedMask(new BallMask(center, outer), new BallMask(center, inner), MaskCombination.Difference);
    }

    /// <summary>The values of one mask dictionary, read by key; keys left unread are errors.</summary>
    internal sealed class Specs(string type, IReadOnlyDictionary<string, object> values)
    {
        private readonly HashSet<string> _read = [];

        public string Type => type;

        public bool Has(string key) => values.ContainsKey(key);

        public double Required(string key)
        {
            _read.Add(key);
            return values.TryGetValue(key, out var value)
                ? StatusValue.ToDouble(key, value)
                : throw new BadPropertyException(key, null, $"a {type} mask needs '{key}'");
        }

        public double? Optional(string key)
        {
            _read.Add(key);
            return values.TryGetValue(key, out var value) ? StatusValue.ToDouble(key, value) : null;
        }

        public double[]? Vector(string key, int dims)
        {
            _read.Add(key);
            if (!values.TryGetValue(key, out var value)) return null;
            var vector = StatusValue.ToDoubleArray(key, value);
            if (vector.Length != dims) throw new BadPropertyException(key, vector, $"a {type} mask has {dims} dimensions, so {key} needs {dims} entries");
            return vector;
        }

        public double[] RequiredVector(string key, int dims) =>
            Vector(key, dims) ?? throw new BadPropertyException(key, null, $"a {type} mask needs '{key}'");

        public long[] Integers(string key)
        {
            _read.Add(key);
            if (!values.TryGetValue(key, out var value)) throw new BadPropertyException(key, null, $"a {type} mask needs '{key}'");
            var numbers = StatusValue.ToDoubleArray(key, value);
            if (numbers.Any(x => x != Math.Floor(x))) throw new TypeMismatchException(key, value, "whole numbers");
            return numbers.Select(x => (long)x).ToArray();
        }

        public void CheckAllRead()
        {
            foreach (var key in values.Keys)
            {
                if (!_read.Contains(key)) throw new UnaccessedDictionaryEntryException($"{type} mask", key, _read);
            }
        }
    }
}

internal enum MaskCombination { Intersection, Union, Difference }

/// <summary>Two masks combined: a point is in the intersection, the union or the difference (in the first, not in the second).</summary>
internal sealed class CombinedMask(Mask first, Mask second, MaskCombination combination) : Mask(first.Dimensions)
{
    internal override bool Contains(ReadOnlySpan<double> point) => combination switch
    {
        MaskCombination.Intersection => first.Contains(point) && second.Contains(point),
        MaskCombination.Union => first.Contains(point) || second.Contains(point),
        _ => first.Contains(point) && !second.Contains(point),
    };

    internal override void BoundingBox(Span<double> lower, Span<double> upper)
    {
        first.BoundingBox(lower, upper);
        if (combination == MaskCombination.Difference) return;
        Span<double> lower2 = stackalloc double[Dimensions];
        Span<double> upper2 = stackalloc double[Dimensions];
        second.BoundingBox(lower2, upper2);
        for (int d = 0; d < Dimensions; d++)
        {
            if (combination == MaskCombination.Union)
            {
                lower[d] = Math.Min(lower[d], lower2[d]);
                upper[d] = Math.Max(upper[d], upper2[d]);
            }
            else
            {
                lower[d] = Math.Max(lower[d], lower2[d]);
                upper[d] = Math.Min(upper[d], upper2[d]);
            }
        }
    }
}

/// <summary>A mask moved by an anchor: p is inside when p - anchor is inside the mask.</summary>
internal sealed class AnchoredMask(Mask mask, double[] anchor) : Mask(mask.Dimensions)
{
    internal override bool Contains(ReadOnlySpan<double> point)
    {
        Span<double> moved = stackalloc double[Dimensions];
        for (int d = 0; d < Dimensions; d++) moved[d] = point[d] - anchor[d];
        return mask.Contains(moved);
    }

    internal override void BoundingBox(Span<double> lower, Span<double> upper)
    {
        mask.BoundingBox(lower, upper);
        for (int d = 0; d < Dimensions; d++)
        {
            lower[d] += anchor[d];
            upper[d] += anchor[d];
        }
    }
}

/// <summary>A circle (2D) or sphere (3D): |p - center| ≤ radius.</summary>
internal sealed class BallMask(double[] center, double radius) : Mask(center.Length)
{
    internal override bool Contains(ReadOnlySpan<double> point)
    {
        double sum = 0;
        for (int d = 0; d < Dimensions; d++)
        {
            double di = Math.Abs(point[d] - center[d]);
            if (di > radius) return false;
            sum += di;
        }
        if (sum <= radius) return true;
        double squared = 0;
        for (int d = 0; d < Dimensions; d++) squared += (point[d] - center[d]) * (point[d] - center[d]);
        return Math.Sqrt(squared) <= radius;
    }

    internal override void BoundingBox(Span<double> lower, Span<double> upper)
    {
        for (int d = 0; d < Dimensions; d++)
        {
            lower[d] = center[d] - radius;
            upper[d] = center[d] + radius;
        }
    }
}

/// <summary>A rectangle (2D) or box (3D), optionally rotated about its center by azimuth (about z) and polar (about y) angles in degrees.</summary>
internal sealed class BoxMask : Mask
{
    private const double Slack = 1e-12;
    private readonly double[] _lowerLeft, _upperRight, _center, _min, _max;
    private readonly MaskRotation _rotation;

    public BoxMask(double[] lowerLeft, double[] upperRight, double azimuth = 0, double polar = 0) : base(lowerLeft.Length)
    {
        for (int d = 0; d < Dimensions; d++)
        {
            if (!(lowerLeft[d] < upperRight[d]))
                throw new BadPropertyException("upper_right", upperRight, "nest::BoxMask<D>: Upper right must be strictly to the right and above lower left.");
        }
        _lowerLeft = lowerLeft;
        _upperRight = upperRight;
        _rotation = new MaskRotation(azimuth, polar);
        _center = new double[Dimensions];
        for (int d = 0; d < Dimensions; d++) _center[d] = (upperRight[d] + lowerLeft[d]) * 0.5;
        _min = (double[])lowerLeft.Clone();
        _max = (double[])upperRight.Clone();
        if (_rotation.IsRotated) RotatedExtremes();
    }

    public static BoxMask From(int dims, Specs s)
    {
        var lowerLeft = s.RequiredVector("lower_left", dims);
        var upperRight = s.RequiredVector("upper_right", dims);
        double azimuth = s.Optional("azimuth_angle") ?? 0.0;
        double? polar = s.Optional("polar_angle");
        if (polar is not null && dims == 2) throw new BadPropertyException("polar_angle", polar, "nest::BoxMask<D>: polar_angle not defined in 2D.");
        return new BoxMask(lowerLeft, upperRight, azimuth, polar ?? 0.0);
    }

    // The corners rotated forward about the center give the bounding box.
    private void RotatedExtremes()
    {
        int corners = 1 << Dimensions;
        Array.Fill(_min, double.PositiveInfinity);
        Array.Fill(_max, double.NegativeInfinity);
        Span<double> corner = stackalloc double[3];
        for (int c = 0; c < corners; c++)
        {
            for (int d = 0; d < Dimensions; d++) corner[d] = ((c >> d) & 1) == 0 ? _lowerLeft[d] - _center[d] : _upperRight[d] - _center[d];
            // R_z(azimuth) then R_y(polar)
            double x = corner[0] * _rotation.AzCos - corner[1] * _rotation.AzSin;
            double y = corner[0] * _rotation.AzSin + corner[1] * _rotation.AzCos;
            double z = Dimensions == 3 ? corner[2] : 0;
            double xr = Dimensions == 3 ? x * _rotation.PolCos - z * _rotation.PolSin : x;
            double zr = Dimensions == 3 ? x * _rotation.PolSin + z * _rotation.PolCos : 0;
            ReadOnlySpan<double> rotated = [xr + _center[0], y + _center[1], Dimensions == 3 ? zr + _center[2] : 0];
            for (int d = 0; d < Dimensions; d++)
            {
                _min[d] = Math.Min(_min[d], rotated[d]);
                _max[d] = Math.Max(_max[d], rotated[d]);
            }
        }
    }

    internal override bool Contains(ReadOnlySpan<double> p)
    {
        if (!_rotation.IsRotated)
        {
            for (int d = 0; d < Dimensions; d++)
            {
                if (!(_lowerLeft[d] <= p[d] && p[d] <= _upperRight[d])) return false;
            }
            return true;
        }
        // NEST's arithmetic: the point rotated back about the center.
        double cx = _center[0], cy = _center[1];
        Span<double> q = stackalloc double[3];
        if (Dimensions == 2)
        {
            q[0] = p[0] * _rotation.AzCos - cx * _rotation.AzCos + p[1] * _rotation.AzSin - cy * _rotation.AzSin + cx;
            q[1] = -p[0] * _rotation.AzSin + cx * _rotation.AzSin + p[1] * _rotation.AzCos - cy * _rotation.AzCos + cy;
        }
        else
        {
            double cz = _center[2];
            q[0] = p[0] * (_rotation.AzCos * _rotation.PolCos) - cx * _rotation.AzCos * _rotation.PolCos + p[1] * (_rotation.AzSin * _rotation.PolCos) - cy * _rotation.AzSin * _rotation.PolCos
                - p[2] * _rotation.PolSin + cz * _rotation.PolSin + cx;
            q[1] = -p[0] * _rotation.AzSin + cx * _rotation.AzSin + p[1] * _rotation.AzCos - cy * _rotation.AzCos + cy;
            q[2] = p[0] * (_rotation.AzCos * _rotation.PolSin) - cx * _rotation.AzCos * _rotation.PolSin + p[1] * (_rotation.AzSin * _rotation.PolSin) - cy * _rotation.AzSin * _rotation.PolSin
                + p[2] * _rotation.PolCos - cz * _rotation.PolCos + cz;
        }
        for (int d = 0; d < Dimensions; d++)
        {
            if (!(_lowerLeft[d] - Slack <= q[d] && q[d] <= _upperRight[d] + Slack)) return false;
        }
        return true;
    }

    internal override void BoundingBox(Span<double> lower, Span<double> upper)
    {
        _min.CopyTo(lower);
        _max.CopyTo(upper);
    }
}

/// <summary>An ellipse (2D) or ellipsoid (3D) with its axes (full lengths), center and azimuth/polar rotation in degrees.</summary>
internal sealed class EllipseMask : Mask
{
    private readonly double[] _center;
    private readonly double _major, _polarAxis, _xScale, _yScale, _zScale;
    private readonly MaskRotation _rotation;

    private EllipseMask(int dims, double major, double minor, double polarAxis, double[] center, double azimuth, double polar) : base(dims)
    {
        _major = major;
        _polarAxis = polarAxis;
        _xScale = 4.0 / (major * major);
        _yScale = 4.0 / (minor * minor);
        _zScale = polarAxis > 0 ? 4.0 / (polarAxis * polarAxis) : 0.0;
        _center = center;
        _rotation = new MaskRotation(azimuth, polar);
        MinorAxis = minor;
    }

    private double MinorAxis { get; }

    public static EllipseMask From(int dims, Specs s)
    {
        double major = s.Required("major_axis");
        double minor = s.Required("minor_axis");
        if (major <= 0 || minor <= 0) throw new BadPropertyException("major_axis", major, "nest::EllipseMask<D>: All axis > 0 required.");
        if (major < minor) throw new BadPropertyException("major_axis", major, "nest::EllipseMask<D>: major_axis greater than minor_axis required.");
        double? polarAxis = s.Optional("polar_axis");
        if (polarAxis is not null)
        {
            if (dims == 2) throw new BadPropertyException("polar_axis", polarAxis, "nest::EllipseMask<D>: polar_axis not defined in 2D.");
            if (polarAxis <= 0) throw new BadPropertyException("polar_axis", polarAxis, "nest::EllipseMask<D>: All axis > 0 required.");
        }
        var center = s.Vector("anchor", dims) ?? new double[dims];
        double azimuth = s.Optional("azimuth_angle") ?? 0.0;
        double? polar = s.Optional("polar_angle");
        if (polar is not null && dims == 2) throw new BadPropertyException("polar_angle", polar, "nest::EllipseMask<D>: polar_angle not defined in 2D.");
        return new EllipseMask(dims, major, minor, polarAxis ?? 0.0, center, azimuth, polar ?? 0.0);
    }

    internal override bool Contains(ReadOnlySpan<double> p)
    {
        double dx = p[0] - _center[0], dy = p[1] - _center[1];
        if (Dimensions == 2)
        {
            double nx = dx * _rotation.AzCos + dy * _rotation.AzSin;
            double ny = dx * _rotation.AzSin - dy * _rotation.AzCos;
            return nx * nx * _xScale + ny * ny * _yScale <= 1;
        }
        double dz = p[2] - _center[2];
        double x = (dx * _rotation.AzCos + dy * _rotation.AzSin) * _rotation.PolCos - dz * _rotation.PolSin;
        double y = dx * _rotation.AzSin - dy * _rotation.AzCos;
        double z = (dx * _rotation.AzCos + dy * _rotation.AzSin) * _rotation.PolSin + dz * _rotation.PolCos;
        return x * x * _xScale + y * y * _yScale + z * z * _zScale <= 1;
    }

    internal override void BoundingBox(Span<double> lower, Span<double> upper)
    {
        Span<double> radii = stackalloc double[3];
        if (!_rotation.IsRotated)
        {
            radii[0] = _major / 2.0;
            radii[1] = MinorAxis / 2.0;
            radii[2] = _polarAxis / 2.0;
        }
        else
        {
            radii.Fill(Math.Max(_major, _polarAxis) / 2.0);
        }
        for (int d = 0; d < Dimensions; d++)
        {
            lower[d] = _center[d] - radii[d];
            upper[d] = _center[d] + radii[d];
        }
    }
}

/// <summary>
/// A block of grid cells (2D, grid layers only): <c>shape</c> = (columns, rows) from the anchor cell, which the mask
/// counts from its upper left corner (default anchor [0, 0]); for a layer it becomes the box those cells cover.
/// </summary>
internal sealed class GridMask : Mask
{
    private readonly int _columns, _rows, _anchorColumn, _anchorRow;

    private GridMask(int columns, int rows, int anchorColumn, int anchorRow) : base(2)
    {
        (_columns, _rows, _anchorColumn, _anchorRow) = (columns, rows, anchorColumn, anchorRow);
    }

    public static GridMask From(Specs s)
    {
        var shape = s.Integers("shape");
        if (shape.Length != 2) throw new BadPropertyException("shape", shape, "Grid mask must be 2-dimensional.");
        return new GridMask((int)shape[0], (int)shape[1], 0, 0);
    }

    public GridMask Anchored(int column, int row) => new(_columns, _rows, column, row);

    /// <summary>The number of columns and rows the mask spans.</summary>
    public (int Columns, int Rows) Span => (_columns, _rows);

    internal override bool Contains(ReadOnlySpan<double> point) =>
        throw new KernelException("Grid mask must be applied to a grid layer.");

    internal override void BoundingBox(Span<double> lower, Span<double> upper) =>
        throw new BadPropertyException("mask", "grid", "Grid masks can only be used with grid layers.");

    internal override Mask For(SpatialLayer layer)
    {
        // NEST has grid masks in 2D only: with a 3D layer the mask's dimensions are wrong before its kind.
        if (layer.Dimensions != 2) throw new BadPropertyException("mask", "grid", "Mask is incompatible with layer.");
        if (layer.Shape is not { } shape) throw new BadPropertyException("mask", "grid", "Grid masks can only be used with grid layers.");
        // NEST: upper left cell -anchor, lower right shape - anchor; scaled by extent / shape, y pointing down.
        double cellX = layer.ExtentOf(0) / shape[0], cellY = layer.ExtentOf(1) / shape[1];
        double llx = cellX * -_anchorColumn - cellX * 0.5, lly = cellY * -_anchorRow - cellY * 0.5;
        double urx = cellX * (_columns - _anchorColumn) - cellX * 0.5, ury = cellY * (_rows - _anchorRow) - cellY * 0.5;
        return new BoxMask([llx, -ury], [urx, -lly]);
    }

    /// <summary>Whether the mask spans more cells than <paramref name="layer"/> has in a periodic dimension.</summary>
    internal bool Oversized(SpatialLayer layer) =>
        layer.EdgeWrap && layer.Shape is { } shape && (_columns > shape[0] || _rows > shape[1]);
}

/// <summary>
/// A mask applied in a layer (NEST's MaskedLayer, as SelectNodesByMask uses it): checked against the layer once, then
/// placed at points. A node is inside when its position minus the point lies in the mask. With periodic boundaries NEST
/// first moves the point by whole extents so that the mask's lower left corner lies in the layer, and also tries the
/// image one extent below in each dimension where the mask then reaches past the layer's upper edge.
/// </summary>
internal sealed class LayerMask
{
    private readonly Mask _mask;
    private readonly SpatialLayer _layer;
    private readonly double[] _lower, _upper;

    private LayerMask(Mask mask, SpatialLayer layer, double[] lower, double[] upper) =>
        (_mask, _layer, _lower, _upper) = (mask, layer, lower, upper);

    /// <summary>
    /// <paramref name="mask"/> for <paramref name="layer"/>, with NEST's checks (check_mask_): a grid mask only with a 2D
    /// grid layer, other masks with as many dimensions as the layer; in a periodic layer no wider than its extent
    /// (a grid mask: no more cells than the layer) unless <paramref name="allowOversized"/>.
    /// </summary>
    public static LayerMask For(Mask mask, SpatialLayer layer, bool allowOversized)
    {
        ArgumentNullException.ThrowIfNull(mask);
        if (mask is not GridMask && mask.Dimensions != layer.Dimensions)
            throw new BadPropertyException("mask", mask.Dimensions, "Mask is incompatible with layer.");
        var inLayer = mask.For(layer);
        if (mask is GridMask grid && !allowOversized && grid.Oversized(layer))
            throw new BadPropertyException("mask", "grid", "Mask size must not exceed layer size; set allow_oversized_mask to override.");
        int dims = layer.Dimensions;
        var lower = new double[dims];
        var upper = new double[dims];
        inLayer.BoundingBox(lower, upper);
        if (mask is not GridMask && !allowOversized && layer.EdgeWrap)
        {
            for (int d = 0; d < dims; d++)
            {
                if (upper[d] - lower[d] > layer.ExtentOf(d))
                    throw new BadPropertyException("mask", "oversized", "Mask size must not exceed layer size; set allow_oversized_mask to override.");
            }
        }
        return new LayerMask(inLayer, layer, lower, upper);
    }

    /// <summary>Whether the node at <paramref name="position"/> lies in the mask placed at <paramref name="point"/>.</summary>
    public bool Contains(ReadOnlySpan<double> point, ReadOnlySpan<double> position)
    {
        int dims = _layer.Dimensions;
        Span<double> anchor = stackalloc double[dims];
        point.CopyTo(anchor);
        if (_layer.EdgeWrap)
        {
            for (int d = 0; d < dims; d++)
            {
                double lowerLeft = _layer.LowerLeft[d], extent = _layer.ExtentOf(d);
                anchor[d] = Mod(anchor[d] + _lower[d] - lowerLeft, extent) - _lower[d] + lowerLeft;
            }
        }
        Span<double> shift = stackalloc double[dims];
        for (int d = 0; d < dims; d++)
        {
            shift[d] = _layer.EdgeWrap && anchor[d] + _upper[d] - _layer.LowerLeft[d] > _layer.ExtentOf(d) ? _layer.ExtentOf(d) : 0.0;
        }
        // The images: every combination of the anchor and, where a shift is due, the anchor one extent below.
        Span<double> displacement = stackalloc double[dims];
        for (int image = 0; image < 1 << dims; image++)
        {
            bool valid = true;
            for (int d = 0; d < dims; d++)
            {
                bool shifted = ((image >> d) & 1) == 1;
                if (shifted && shift[d] == 0.0)
                {
                    valid = false;
                    break;
                }
                displacement[d] = position[d] - (shifted ? anchor[d] - shift[d] : anchor[d]);
            }
            if (valid && _mask.Contains(displacement)) return true;
        }
        return false;
    }

    // NEST's mod: fmod taken into [0, p).
    private static double Mod(double x, double p)
    {
        x %= p;
        return x < 0 ? x + p : x;
    }
}

/// <summary>
/// The rotation of a box or ellipse mask: azimuth (about z) and polar (about y) angles in degrees, as their cosines and
/// sines.
/// </summary>
internal readonly struct MaskRotation(double azimuth, double polar)
{
    public readonly double AzCos = Math.Cos(azimuth * Math.PI / 180.0);
    public readonly double AzSin = Math.Sin(azimuth * Math.PI / 180.0);
    public readonly double PolCos = Math.Cos(polar * Math.PI / 180.0);
    public readonly double PolSin = Math.Sin(polar * Math.PI / 180.0);

    /// <summary>Whether either angle is not zero.</summary>
    public readonly bool IsRotated = azimuth != 0.0 || polar != 0.0;
}
