namespace NestSharp;

/// <summary>
/// NEST's spatial parameters (PyNEST's <c>nest.spatial</c>): the distance between a connection's source and target,
/// per dimension, and the positions of a node or of a connection's ends. They combine with the other parameters
/// (<c>Spatial.Distance * 2 + nest.Random.Normal()</c>) and are used as <c>p</c>, weight or delay of a spatial Connect.
/// </summary>
public static class Spatial
{
    /// <summary>The distance between source and target (<c>nest.spatial.distance</c>).</summary>
    public static Parameter Distance => new DistanceParameter(0);

    /// <summary>|Δx| between source and target (<c>nest.spatial.distance.x</c>).</summary>
    public static Parameter DistanceX => new DistanceParameter(1);

    /// <summary>|Δy| between source and target (<c>nest.spatial.distance.y</c>).</summary>
    public static Parameter DistanceY => new DistanceParameter(2);

    /// <summary>|Δz| between source and target (<c>nest.spatial.distance.z</c>).</summary>
    public static Parameter DistanceZ => new DistanceParameter(3);

    /// <summary>Coordinate <paramref name="dimension"/> (0: x) of the node (<c>nest.spatial.pos.n</c>), when setting node values.</summary>
    public static Parameter Position(int dimension) => new PositionParameter(dimension, 0);

    /// <summary>Coordinate <paramref name="dimension"/> of a connection's source (<c>nest.spatial.source_pos.n</c>).</summary>
    public static Parameter SourcePosition(int dimension) => new PositionParameter(dimension, 1);

    /// <summary>Coordinate <paramref name="dimension"/> of a connection's target (<c>nest.spatial.target_pos.n</c>).</summary>
    public static Parameter TargetPosition(int dimension) => new PositionParameter(dimension, 2);
}

/// <summary>NEST's distance-dependent functions (PyNEST's <c>nest.spatial_distributions</c>), each of a parameter such as <see cref="Spatial.Distance"/>.</summary>
public static class SpatialDistributions
{
    /// <summary>exp(-x / beta) (<c>exponential</c>; beta &gt; 0).</summary>
    public static Parameter Exponential(Parameter x, double beta = 1.0) => SpatialDistributionParameter.Exponential(x, beta);

    /// <summary>exp(-(x - mean)² / (2 std²)) (<c>gaussian</c>; std &gt; 0).</summary>
    public static Parameter Gaussian(Parameter x, double mean = 0.0, double std = 1.0) => SpatialDistributionParameter.Gaussian(x, mean, std);

    /// <summary>The bivariate Gaussian of x and y with correlation rho, unnormalised (<c>gaussian2D</c>).</summary>
    public static Parameter Gaussian2D(Parameter x, Parameter y, double meanX = 0.0, double meanY = 0.0, double stdX = 1.0, double stdY = 1.0, double rho = 0.0) =>
        SpatialDistributionParameter.Gaussian2D(x, y, meanX, meanY, stdX, stdY, rho);

    /// <summary>x^(kappa-1) exp(-x/theta) / (theta^kappa Γ(kappa)) (<c>gamma</c>; kappa, theta &gt; 0).</summary>
    public static Parameter Gamma(Parameter x, double kappa = 1.0, double theta = 1.0) => SpatialDistributionParameter.Gamma(x, kappa, theta);

    /// <summary>
    /// NEST's Gabor function of x and y (<c>gabor</c>): orientation <paramref name="theta"/> and phase
    /// <paramref name="psi"/> in degrees, aspect <paramref name="gamma"/> &gt; 0, width <paramref name="std"/> &gt; 0,
    /// wavelength <paramref name="lam"/>; negative lobes are cut to 0.
    /// </summary>
    public static Parameter Gabor(Parameter x, Parameter y, double theta = 0.0, double gamma = 1.0, double std = 1.0, double lam = 1.0, double psi = 0.0) =>
        SpatialDistributionParameter.Gabor(x, y, theta, gamma, std, lam, psi);
}
