using System.Globalization;

namespace NestSharp;

/// <summary>Conversions of status-dictionary values, each failing with an error that names the key.</summary>
internal static class StatusValue
{
    public static double ToDouble(string key, object? value) =>
        TryToDouble(value, out double number) ? number : throw new TypeMismatchException(key, value, "a number");

    /// <summary>Whether <paramref name="value"/> is a number a status value may be (double, float, int, long, short, byte, decimal), and its value.</summary>
    public static bool TryToDouble(object? value, out double number)
    {
        switch (value)
        {
            case double d: number = d; return true;
            case float f: number = f; return true;
            case int i: number = i; return true;
            case long l: number = l; return true;
            case short s: number = s; return true;
            case byte b: number = b; return true;
            case decimal m: number = (double)m; return true;
            default: number = 0.0; return false;
        }
    }

    public static long ToLong(string key, object? value) => value switch
    {
        int i => i,
        long l => l,
        short s => s,
        byte b => b,
        uint u => u,
        double d when d == Math.Floor(d) && Math.Abs(d) < 9e15 => (long)d,
        _ => throw new TypeMismatchException(key, value, "an integer"),
    };

    public static int ToInt(string key, object? value)
    {
        long l = ToLong(key, value);
        if (l is < int.MinValue or > int.MaxValue)
            throw new BadPropertyException(key, value, "out of the range of a 32-bit integer");
        return (int)l;
    }

    public static bool ToBool(string key, object? value) => value switch
    {
        bool b => b,
        _ => throw new TypeMismatchException(key, value, "a boolean"),
    };

    public static string ToStringValue(string key, object? value) => value switch
    {
        string s => s,
        _ => throw new TypeMismatchException(key, value, "a string"),
    };

    public static double[] ToDoubleArray(string key, object? value) => value switch
    {
        double[] a => (double[])a.Clone(),
        float[] a => Array.ConvertAll(a, x => (double)x),
        int[] a => Array.ConvertAll(a, x => (double)x),
        long[] a => Array.ConvertAll(a, x => (double)x),
        IEnumerable<double> e => e.ToArray(),
        IEnumerable<int> e => e.Select(x => (double)x).ToArray(),
        IEnumerable<long> e => e.Select(x => (double)x).ToArray(),
        _ => throw new TypeMismatchException(key, value, "an array of numbers"),
    };

    public static long[] ToLongArray(string key, object? value) => value switch
    {
        long[] a => (long[])a.Clone(),
        int[] a => Array.ConvertAll(a, x => (long)x),
        IEnumerable<long> e => e.ToArray(),
        IEnumerable<int> e => e.Select(x => (long)x).ToArray(),
        double[] a => Array.ConvertAll(a, x => ToLong(key, x)),
        _ => throw new TypeMismatchException(key, value, "an array of integers"),
    };

    public static string[] ToStringArray(string key, object? value) => value switch
    {
        string[] a => (string[])a.Clone(),
        IEnumerable<string> e => e.ToArray(),
        string s => [s],
        Array { Length: 0 } => [], // an empty list of no particular type (an empty Python or JSON list)
        _ => throw new TypeMismatchException(key, value, "a list of strings"),
    };

    /// <summary>A value as NEST would print it in a message.</summary>
    public static string Format(object value) => Format(value, 0);

    // Collections are shown to this depth of nesting; deeper ones as "[...]" (a collection whose items are
    // collections of themselves, as a one-element SynapseCollection, would otherwise recurse without end).
    private const int MaxFormatDepth = 4;

    private static string Format(object value, int depth) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        string s => $"\"{s}\"",
        bool b => b ? "true" : "false",
        IReadOnlyDictionary<string, object> or System.Collections.IDictionary or System.Collections.IEnumerable when depth >= MaxFormatDepth => "[...]",
        IReadOnlyDictionary<string, object> d => "{" + string.Join(", ", d.Take(8).Select(kv => $"{kv.Key}: {Format(kv.Value, depth + 1)}")) + "}",
        System.Collections.IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Take(8).Select(k => $"{k}: {Format(d[k]!, depth + 1)}")) + "}",
        System.Collections.IEnumerable e => "[" + string.Join(", ", e.Cast<object>().Take(8).Select(item => Format(item, depth + 1))) + "]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
