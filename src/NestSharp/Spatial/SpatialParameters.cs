namespace NestSharp;

/// <summary>
/// Where a parameter is drawn: nowhere in particular (<see cref="None"/>), for one node with a position
/// (<see cref="ForNode"/>: <c>nest.spatial.pos.x</c> when setting a status), or for a connection from a source
/// position to a target position measured in a layer (<see cref="ForConnection"/>: distances and source/target
/// positions when connecting).
/// </summary>
internal readonly ref struct ParameterSite
{
    private ParameterSite(SpatialLayer? metric, ReadOnlySpan<double> source, ReadOnlySpan<double> target, ReadOnlySpan<double> node, bool hasNode)
    {
        Metric = metric;
        Source = source;
        Target = target;
        Node = node;
        HasNode = hasNode;
    }

    /// <summary>No positions.</summary>
    public static ParameterSite None => default;

    /// <summary>One node at <paramref name="position"/>.</summary>
    public static ParameterSite ForNode(ReadOnlySpan<double> position) => new(null, default, default, position, true);

    /// <summary>A connection from <paramref name="source"/> to <paramref name="target"/>, with the boundaries of <paramref name="metric"/>.</summary>
    public static ParameterSite ForConnection(SpatialLayer metric, ReadOnlySpan<double> source, ReadOnlySpan<double> target) =>
        new(metric, source, target, default, false);

    /// <summary>The layer whose extent and boundaries displacements use (null: not a connection).</summary>
    public SpatialLayer? Metric { get; }

    public ReadOnlySpan<double> Source { get; }

    public ReadOnlySpan<double> Target { get; }

    public ReadOnlySpan<double> Node { get; }

    public bool HasNode { get; }

    public bool IsConnection => Metric is not null;
}

/// <summary>
/// NEST's <c>distance</c> parameter (<c>nest.spatial.distance</c>, <c>.x</c>, <c>.y</c>, <c>.z</c>): the distance
/// between a connection's source and target (dimension 0), or the absolute displacement in dimension 1 (x), 2 (y) or
/// 3 (z), with the periodic boundaries of the layer.
/// </summary>
internal sealed class DistanceParameter : Parameter
{
    private readonly int _dimension;

    public DistanceParameter(long dimension)
    {
        if (dimension < 0) throw new BadParameterValueException("dimension", dimension, "Spatial distance parameter dimension cannot be negative.");
        if (dimension > 3)
            throw new KernelException($"SpatialDistanceParameter dimension must be either 0 for unspecified, or 1-3 for x-z. Got {dimension}");
        _dimension = (int)dimension;
    }

    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        if (!site.IsConnection) throw new BadParameterValueException("distance", null, "Spatial distance parameter can only be used when connecting.");
        var layer = site.Metric!;
        if (_dimension == 0) return layer.ParameterDistance(site.Source, site.Target);
        if (_dimension > layer.Dimensions)
            throw new KernelException("Spatial distance dimension must be within the defined number of dimensions for the nodes.");
        return Math.Abs(layer.ParameterDisplacement(site.Source, site.Target, _dimension - 1));
    }

    internal override bool ReturnsIntegersOnly => false;

    public override bool IsSpatial => true;

    public override string ToString() => _dimension == 0 ? "distance" : $"distance.{"xyz"[_dimension - 1]}";
}

/// <summary>
/// NEST's <c>position</c> parameter: a coordinate (<c>dimension</c> 0, 1, 2) of the node (<c>nest.spatial.pos</c>,
/// synaptic_endpoint 0, only when setting node values), or of a connection's source (1, <c>source_pos</c>) or target
/// (2, <c>target_pos</c>), only when connecting.
/// </summary>
internal sealed class PositionParameter : Parameter
{
    private readonly int _dimension;
    private readonly int _endpoint;

    public PositionParameter(long? dimension, long endpoint)
    {
        if (dimension is null) throw new BadParameterValueException("dimension", null, "Dimension must be specified when creating a node position parameter.");
        if (dimension < 0) throw new BadParameterValueException("dimension", dimension, "Node position parameter dimension cannot be negative.");
        if (endpoint is < 0 or > 2)
            throw new BadParameterValueException("synaptic_endpoint", endpoint, "Synaptic endpoint must either be unspecified (0), source (1) or target (2).");
        _dimension = (int)dimension;
        _endpoint = (int)endpoint;
    }

    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        if (_endpoint == 0)
        {
            if (site.IsConnection) throw new BadParameterValueException("position", null, "Node position parameter cannot be used when connecting.");
            if (!site.HasNode) throw new KernelException("Node position parameter can only be used when connecting spatially distributed nodes.");
            if (_dimension >= site.Node.Length)
                throw new KernelException("Node position dimension must be within the defined number of dimensions for the node.");
            return site.Node[_dimension];
        }
        if (!site.IsConnection) throw new BadParameterValueException("position", null, "Source or target position parameter can only be used when connecting.");
        var position = _endpoint == 1 ? site.Source : site.Target;
        if (_dimension >= position.Length)
            throw new KernelException("Node position dimension must be within the defined number of dimensions for the node.");
        return position[_dimension];
    }

    internal override bool ReturnsIntegersOnly => false;

    public override bool IsSpatial => true;

    public override string ToString() => $"{(_endpoint == 0 ? "pos" : _endpoint == 1 ? "source_pos" : "target_pos")}.{"xyz"[Math.Min(_dimension, 2)]}";
}

/// <summary>The spatial distribution functions of <c>nest.spatial_distributions</c>, each applied to a draw of its argument(s).</summary>
internal enum SpatialFunction { Exponential, Gaussian, Gaussian2D, Gamma, Gabor }

/// <summary>
/// NEST's distribution parameters (nestkernel/parameter.cpp): exp_distribution exp(-x/beta); gaussian
/// exp(-(x - mean)² / (2 std²)); gaussian2d exp(-dx² c<sub>x</sub> - dy² c<sub>y</sub> + dx dy c<sub>xy</sub>) with
/// c<sub>x</sub> = 1/(2(1-rho²) std_x²), c<sub>y</sub> = 1/(2(1-rho²) std_y²), c<sub>xy</sub> = rho/((1-rho²) std_x std_y);
/// gamma x^(kappa-1) exp(-x/theta) / (theta^kappa Γ(kappa)); gabor (NEST's formula with theta, gamma, std, lam, psi).
/// </summary>
internal sealed class SpatialDistributionParameter : Parameter
{
    private readonly SpatialFunction _function;
    private readonly Parameter _x;
    private readonly Parameter? _y;
    private readonly double _a, _b, _c, _d, _e, _f, _g;

    private SpatialDistributionParameter(SpatialFunction function, Parameter x, Parameter? y,
        double a = 0, double b = 0, double c = 0, double d = 0, double e = 0, double f = 0, double g = 0)
    {
        _function = function;
        _x = x;
        _y = y;
        (_a, _b, _c, _d, _e, _f, _g) = (a, b, c, d, e, f, g);
    }

    public static Parameter Exponential(Parameter x, double beta)
    {
        if (!(beta > 0)) throw new BadPropertyException("beta", beta, $"beta > 0 required for exponential distribution parameter, got beta={beta}");
        return new SpatialDistributionParameter(SpatialFunction.Exponential, x, null, 1.0 / beta);
    }

    public static Parameter Gaussian(Parameter x, double mean, double std)
    {
        if (!(std > 0)) throw new BadPropertyException("std", std, $"std > 0 required for gaussian distribution parameter, got std={std}");
        return new SpatialDistributionParameter(SpatialFunction.Gaussian, x, null, mean, 1.0 / (2 * std * std));
    }

    public static Parameter Gaussian2D(Parameter x, Parameter y, double meanX, double meanY, double stdX, double stdY, double rho)
    {
        if (rho >= 1 || rho <= -1) throw new BadPropertyException("rho", rho, $"-1 < rho < 1 required for gaussian2d distribution parameter, got rho={rho}");
        if (!(stdX > 0)) throw new BadPropertyException("std_x", stdX, $"std_x > 0 required for gaussian2d distribution parameter, got std_x={stdX}");
        if (!(stdY > 0)) throw new BadPropertyException("std_y", stdY, $"std_y > 0 required for gaussian2d distribution parameter, got std_y={stdY}");
        double oneMinusRho2 = 1.0 - rho * rho;
        return new SpatialDistributionParameter(SpatialFunction.Gaussian2D, x, y, meanX, meanY,
            1.0 / (2.0 * oneMinusRho2 * stdX * stdX), 1.0 / (2.0 * oneMinusRho2 * stdY * stdY), rho / (oneMinusRho2 * stdX * stdY));
    }

    public static Parameter Gamma(Parameter x, double kappa, double theta)
    {
        if (!(kappa > 0)) throw new BadPropertyException("kappa", kappa, $"kappa > 0 required for gamma distribution parameter, got kappa={kappa}");
        if (!(theta > 0)) throw new BadPropertyException("theta", theta, $"theta > 0 required for gamma distribution parameter, got theta={theta}");
        double invTheta = 1.0 / theta;
        return new SpatialDistributionParameter(SpatialFunction.Gamma, x, null, kappa, invTheta, Math.Pow(invTheta, kappa) / GammaFunctions.Gamma(kappa));
    }

    public static Parameter Gabor(Parameter x, Parameter y, double theta, double gamma, double std, double lam, double psi)
    {
        if (!(std > 0)) throw new BadPropertyException("std", std, $"std > 0 required for gabor function parameter, got std={std}");
        if (!(gamma > 0)) throw new BadPropertyException("gamma", gamma, $"gamma > 0 required for gabor function parameter, got gamma={gamma}");
        return new SpatialDistributionParameter(SpatialFunction.Gabor, x, y, Math.Cos(theta * Math.PI / 180.0), Math.Sin(theta * Math.PI / 180.0),
            gamma, 1.0 / (2 * std * std), lam, psi);
    }

    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        double x = _x.Draw(ref stream, site);
        switch (_function)
        {
            case SpatialFunction.Exponential:
                return Math.Exp(-x * _a);
            case SpatialFunction.Gaussian:
            {
                double dx = x - _a;
                return Math.Exp(-dx * dx * _b);
            }
            case SpatialFunction.Gaussian2D:
            {
                double dx = x - _a;
                double dy = _y!.Draw(ref stream, site) - _b;
                return Math.Exp(-dx * dx * _c - dy * dy * _d + dx * dy * _e);
            }
            case SpatialFunction.Gamma:
                return Math.Pow(x, _a - 1.0) * Math.Exp(-1.0 * _b * x) * _c;
            default:
            {
                double y = _y!.Draw(ref stream, site);
                double xPrime = x * _a + y * _b;
                double yPrime = -x * _b + y * _a;
                double envelope = Math.Exp(-_c * _c * xPrime * xPrime * _d - yPrime * yPrime * _d);
                double carrier = Math.Max(Math.Cos(2 * Math.PI * yPrime / _e + _f * Math.PI / 180.0), 0.0);
                return envelope * carrier;
            }
        }
    }

    internal override bool ReturnsIntegersOnly => false;

    public override bool IsSpatial => true;

    public override string ToString() => $"{_function.ToString().ToLowerInvariant()}({_x}{(_y is null ? "" : $", {_y}")})";
}

/// <summary>
/// NEST's dimension parameter: 2 or 3 parameters drawn one after the other for a position (free positions drawn
/// from parameters, <c>nest.spatial.free(nest.random.uniform(), num_dimensions=2)</c>). Not a value by itself.
/// </summary>
public sealed class PositionParameters
{
    internal PositionParameters(Parameter[] coordinates)
    {
        if (coordinates.Length is not (2 or 3))
            throw new BadPropertyException("positions", coordinates.Length, "Number of dimensions must be 2 or 3");
        Coordinates = coordinates;
    }

    /// <summary>The parameter of each coordinate.</summary>
    public IReadOnlyList<Parameter> Coordinates { get; }

    /// <summary>A position drawn from <paramref name="stream"/>: x, y (and z) in that order.</summary>
    internal void Draw(ref RandomStream stream, Span<double> position)
    {
        for (int d = 0; d < Coordinates.Count; d++) position[d] = Coordinates[d].Draw(ref stream);
    }
}
