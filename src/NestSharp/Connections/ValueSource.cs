using NestSharp.Random;

namespace NestSharp.Connections;

/// <summary>
/// The value of one synapse parameter for each connection of a Connect call: a constant, an entry of an array
/// (indexed as the rule lays it out), or a draw from a <see cref="Parameter"/> on the connection's own keyed stream.
/// </summary>
internal sealed class ValueSource
{
    private readonly double _constant;
    private readonly double[]? _array;
    private readonly Parameter? _random;
    private readonly ulong _key;

    private ValueSource(string name, double constant, double[]? array, Parameter? random, ulong key)
    {
        Name = name;
        _constant = constant;
        _array = array;
        _random = random;
        _key = key;
    }

    public string Name { get; }
    public bool IsConstant => _array is null && _random is null;
    public double Constant => _constant;
    public double[]? Array => _array;

    /// <summary>Reads a syn_spec value; <paramref name="fallback"/> is the synapse model's default.</summary>
    public static ValueSource From(string name, object? value, double fallback, ulong callKey, long? arrayLength)
    {
        switch (value)
        {
            case null: return new ValueSource(name, fallback, null, null, 0);
            case Parameter p: return new ValueSource(name, 0, null, p, StableKey(callKey, name));
            case double[][] jagged: return FromArray(name, jagged.SelectMany(r => r).ToArray(), arrayLength);
            case double[,] matrix: return FromArray(name, matrix.Cast<double>().ToArray(), arrayLength);
            case System.Collections.IEnumerable and not string:
                return FromArray(name, StatusValue.ToDoubleArray(name, value), arrayLength);
            default: return new ValueSource(name, StatusValue.ToDouble(name, value), null, null, 0);
        }
    }

    private static ulong StableKey(ulong callKey, string name)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in name) h = (h ^ c) * 1099511628211UL;
        return RandomStream.Derive(callKey, h);
    }

    private static ValueSource FromArray(string name, double[] values, long? arrayLength)
    {
        if (arrayLength is null)
            throw new BadPropertyException(name, values, "arrays of values are not allowed with this connection rule");
        if (values.LongLength != arrayLength)
            throw new BadPropertyException(name, values, $"the array must have {arrayLength} entries for this rule and these collections, got {values.LongLength}");
        return new ValueSource(name, 0, values, null, 0);
    }

    /// <summary>All values this source can give, where they are known before connecting (for up-front checks).</summary>
    public IEnumerable<double> KnownValues => _array ?? (IsConstant ? [_constant] : []);

    public double ValueFor(int unitId, int ordinal, long arrayIndex)
    {
        if (_array is not null) return _array[arrayIndex];
        if (_random is null) return _constant;
        var stream = new RandomStream(RandomStream.Derive(_key, (ulong)(uint)unitId, (ulong)(uint)ordinal));
        return _random.Draw(ref stream);
    }
}
