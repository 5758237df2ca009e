namespace NestSharp;

/// <summary>
/// The parameter types <c>Simulator.CreateParameter</c> knows by name, with their keys and defaults (NEST's parameter
/// factory): constant {value}, uniform {min = 0, max = 1}, uniform_int {max = 1}, normal {mean = 0, std = 1},
/// lognormal {mean = 0, std = 1}, exponential {beta = 1}. NEST's spatial types are named but not available.
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
    };

    /// <summary>NEST's parameter types that need node positions (nest.spatial), which NestSharp does not have.</summary>
    private static readonly string[] SpatialTypes = ["position", "distance", "gaussian", "gaussian2d", "gamma", "exp_distribution", "gabor"];

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
        {
            if (SpatialTypes.Contains(type))
                throw new NestNotImplementedException($"The parameter type '{type}' needs node positions (nest.spatial), which NestSharp does not have.");
            throw new UndefinedNameException("parameter type", type, Types.Keys);
        }
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

        public double Required(string key) =>
            Values.TryGetValue(key, out var value)
                ? StatusValue.ToDouble(key, value)
                : throw new BadPropertyException(key, null, $"a {Type} parameter needs '{key}'");
    }
}
