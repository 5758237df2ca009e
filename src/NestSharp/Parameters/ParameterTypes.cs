namespace NestSharp;

/// <summary>
/// The parameter types <c>Simulator.CreateParameter</c> knows by name, with their keys and defaults (NEST's parameter
/// factory): constant {value}, uniform {min = 0, max = 1}, uniform_int {max = 1}, normal {mean = 0, std = 1},
/// lognormal {mean = 0, std = 1}, exponential {beta = 1}, and the spatial types: position {dimension,
/// synaptic_endpoint = 0}, distance {dimension = 0}, exp_distribution {x, beta = 1}, gaussian {x, mean = 0, std = 1},
/// gaussian2d {x, y, mean_x, mean_y = 0, std_x, std_y = 1, rho = 0}, gamma {x, kappa = 1, theta = 1}, gabor {x, y,
/// theta = 0, gamma = 1, std = 1, lam = 1, psi = 0}.
/// </summary>
internal static class ParameterTypes
{
    private sealed record ParameterType(string[] Keys, Func<Specs, Parameter> Make);

    private static readonly Dictionary<string, ParameterType> Types = new(StringComparer.Ordinal)
    {
        ["constant"] = new(["value"], s => new ConstantParameter(s.Required("value"))),
        ["uniform"] = new(["min", "max"], s => new UniformParameter(s.Real("min", 0.0), s.Real("max", 1.0))),
        ["uniform_int"] = new(["max"], s => new UniformIntParameter(s.Integer("max", 1))),
        ["normal"] = new(["mean", "std"], s => new NormalParameter(s.Real("mean", 0.0), s.Real("std", 1.0))),
        ["lognormal"] = new(["mean", "std"], s => new LognormalParameter(s.Real("mean", 0.0), s.Real("std", 1.0))),
        ["exponential"] = new(["beta"], s => new ExponentialParameter(s.Real("beta", 1.0))),
        ["position"] = new(["dimension", "synaptic_endpoint"], s => new PositionParameter(s.OptionalInteger("dimension"), s.Integer("synaptic_endpoint", 0))),
        ["distance"] = new(["dimension"], s => new DistanceParameter(s.Integer("dimension", 0))),
        ["exp_distribution"] = new(["x", "beta"], s => SpatialDistributionParameter.Exponential(s.Of("x"), s.Real("beta", 1.0))),
        ["gaussian"] = new(["x", "mean", "std"], s => SpatialDistributionParameter.Gaussian(s.Of("x"), s.Real("mean", 0.0), s.Real("std", 1.0))),
        ["gaussian2d"] = new(["x", "y", "mean_x", "mean_y", "std_x", "std_y", "rho"], s => SpatialDistributionParameter.Gaussian2D(
            s.Of("x"), s.Of("y"), s.Real("mean_x", 0.0), s.Real("mean_y", 0.0), s.Real("std_x", 1.0), s.Real("std_y", 1.0), s.Real("rho", 0.0))),
        ["gamma"] = new(["x", "kappa", "theta"], s => SpatialDistributionParameter.Gamma(s.Of("x"), s.Real("kappa", 1.0), s.Real("theta", 1.0))),
        ["gabor"] = new(["x", "y", "theta", "gamma", "std", "lam", "psi"], s => SpatialDistributionParameter.Gabor(
            s.Of("x"), s.Of("y"), s.Real("theta", 0.0), s.Real("gamma", 1.0), s.Real("std", 1.0), s.Real("lam", 1.0), s.Real("psi", 0.0))),
    };

    /// <summary>The names <see cref="Create"/> accepts.</summary>
    public static IEnumerable<string> Names => Types.Keys;

    /// <summary>
    /// The parameter of type <paramref name="type"/> made from <paramref name="specs"/>: an unknown type is NEST's
    /// UndefinedName, a spatial type NotImplemented, a value of the wrong kind TypeMismatch, a value out of range
    /// BadProperty, and a key the type does not have UnaccessedDictionaryEntry (checked after the values, as NEST).
    /// </summary>
    public static Parameter Create(string type, IReadOnlyDictionary<string, object>? specs)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (!Types.TryGetValue(type, out var parameterType))
            throw new UndefinedNameException("parameter type", type, Types.Keys);
        var values = specs ?? new Dictionary<string, object>();
        var parameter = parameterType.Make(new Specs(type, values));
        foreach (var key in values.Keys)
        {
            if (!parameterType.Keys.Contains(key))
                throw new UnaccessedDictionaryEntryException($"parameter type '{type}'", key, parameterType.Keys);
        }
        return parameter;
    }

    private readonly record struct Specs(string Type, IReadOnlyDictionary<string, object> Values)
    {
        public double Real(string key, double fallback) =>
            Values.TryGetValue(key, out var value) ? StatusValue.ToDouble(key, value) : fallback;

        public long Integer(string key, long fallback) =>
            Values.TryGetValue(key, out var value) ? StatusValue.ToLong(key, value) : fallback;

        public long? OptionalInteger(string key) =>
            Values.TryGetValue(key, out var value) ? StatusValue.ToLong(key, value) : null;

        public Parameter Of(string key) => Values.TryGetValue(key, out var value)
            ? value switch
            {
                Parameter p => p,
                double or long or int => Parameter.FromDouble(StatusValue.ToDouble(key, value)),
                _ => throw new TypeMismatchException(key, value, "a Parameter or a number"),
            }
            : throw new BadPropertyException(key, null, $"a {Type} parameter needs '{key}'");

        public double Required(string key) =>
            Values.TryGetValue(key, out var value)
                ? StatusValue.ToDouble(key, value)
                : throw new BadPropertyException(key, null, $"a {Type} parameter needs '{key}'");
    }
}
