namespace NestSharp.Connections;

/// <summary>
/// The shape a rule wants for array-valued synapse parameters, as PyNEST checks it: one-dimensional (one_to_one,
/// fixed_total_number) or two-dimensional with NEST's layout (all_to_all: targets × sources, fixed_indegree:
/// targets × indegree, fixed_outdegree: sources × outdegree). Entry [r][c] is array index r · Columns + c.
/// </summary>
/// <param name="Rows">The length of a one-dimensional array, or the number of rows.</param>
/// <param name="Columns">The number of columns of a two-dimensional array; 0 for one-dimensional.</param>
/// <param name="Layout">How the rule names the dimensions, for messages ("n_target x n_sources").</param>
internal readonly record struct ArrayShape(long Rows, long Columns, string Layout)
{
    public bool IsTwoDimensional => Columns > 0;

    public long Length => IsTwoDimensional ? Rows * Columns : Rows;

    public static ArrayShape OneDimensional(long length) => new(length, 0, "");

    public static ArrayShape TwoDimensional(long rows, long columns, string layout) => new(rows, columns, layout);
}

/// <summary>
/// The value of one synapse parameter for each connection of a Connect call: a constant, an entry of an array
/// (indexed as the rule lays it out), or a draw from a <see cref="Parameter"/> on the connection's own keyed stream.
/// </summary>
/// <param name="name">The parameter's name.</param>
/// <param name="constant">The value of every connection (when neither an array nor a parameter is given).</param>
/// <param name="array">The value of each connection by array index, or null.</param>
/// <param name="random">The parameter drawn per connection, or null.</param>
/// <param name="key">The key of the draws of <paramref name="random"/>.</param>
/// <param name="nanFallback">The value a NaN stands for (weight and delay: the model's default, as NEST's add_connection
/// takes a NaN for "not given"), or null where a NaN is kept.</param>
internal sealed class ValueSource(string name, double constant, double[]? array, Parameter? random, ulong key, double? nanFallback = null)
{
    public string Name { get; } = name;
    public bool IsConstant => array is null && random is null;
    public bool IsRandom => random is not null;
    public double Constant => constant;
    public double[]? Array => array;

    /// <summary>
    /// Reads a syn_spec value; <paramref name="fallback"/> is the synapse model's default. Arrays must have the
    /// <paramref name="shape"/> the rule wants (null: the rule takes no arrays). <paramref name="stream"/> tells the
    /// random draws of collocated synapse specifications apart (0 for the first). With <paramref name="nanIsDefault"/>
    /// (weight and delay), a NaN, given or drawn, stands for the default.
    /// </summary>
    public static ValueSource From(string name, object? value, double fallback, ulong callKey, ArrayShape? shape, int stream = 0,
        bool nanIsDefault = false)
    {
        double? nanFallback = nanIsDefault ? fallback : null;
        switch (value)
        {
            case null: return new ValueSource(name, fallback, null, null, 0);
            case Parameter p: return new ValueSource(name, 0, null, p, StableKey(callKey, name, stream), nanFallback);
            case string: throw new TypeMismatchException(name, value, "a number, an array of numbers or a random parameter");
            case System.Array { Rank: 2 } matrix: return FromMatrix(name, value, ToMatrix(name, matrix), shape, nanFallback);
            case System.Collections.IEnumerable rows when IsNested(rows): return FromMatrix(name, value, ToMatrix(name, rows), shape, nanFallback);
            case System.Collections.IEnumerable: return FromVector(name, value, ToVector(name, value), shape, nanFallback);
            default: return new ValueSource(name, WithoutNan(StatusValue.ToDouble(name, value), nanFallback), null, null, 0);
        }
    }

    private static double WithoutNan(double value, double? nanFallback) => double.IsNaN(value) && nanFallback is { } v ? v : value;

    private static double[] WithoutNan(double[] values, double? nanFallback)
    {
        for (int i = 0; i < values.Length; i++) values[i] = WithoutNan(values[i], nanFallback);
        return values;
    }

    private static ulong StableKey(ulong callKey, string name, int stream)
    {
        ulong h = 1469598103934665603UL;
        foreach (char c in name) h = (h ^ c) * 1099511628211UL;
        ulong key = RandomStream.Derive(callKey, h);
        return stream == 0 ? key : RandomStream.Derive(key, (ulong)stream);
    }

    private static bool IsNested(System.Collections.IEnumerable rows)
    {
        foreach (object? row in rows) return row is System.Collections.IEnumerable and not string;
        return false;
    }

    private static double[] ToVector(string name, object value)
    {
        var values = new List<double>();
        foreach (object? x in (System.Collections.IEnumerable)value) values.Add(Number(name, value, x));
        return [.. values];
    }

    /// <summary>An element of an array of values: a status number (<see cref="StatusValue.TryToDouble"/>) or an unsigned integer.</summary>
    private static double Number(string name, object whole, object? x) => x switch
    {
        uint u => u,
        ulong u => u,
        _ when StatusValue.TryToDouble(x, out double number) => number,
        _ => throw new TypeMismatchException(name, whole, "numbers in its array"),
    };

    private static (double[] Values, long Rows, long Columns) ToMatrix(string name, System.Array matrix)
    {
        int rows = matrix.GetLength(0), columns = matrix.GetLength(1);
        var values = new double[(long)rows * columns];
        int k = 0;
        foreach (object? x in matrix) values[k++] = Number(name, matrix, x); // row-major, as C# enumerates
        return (values, rows, columns);
    }

    private static (double[] Values, long Rows, long Columns) ToMatrix(string name, System.Collections.IEnumerable rows)
    {
        var values = new List<double>();
        long count = 0, columns = -1;
        foreach (object? row in rows)
        {
            if (row is not System.Collections.IEnumerable entries || row is string)
                throw new TypeMismatchException(name, rows, "a two-dimensional array whose rows are arrays of numbers");
            long n = 0;
            foreach (object? x in entries)
            {
                values.Add(Number(name, rows, x));
                n++;
            }
            if (columns >= 0 && n != columns)
                throw new BadPropertyException(name, rows, $"the rows of a two-dimensional array must have the same length ({columns} and {n})");
            columns = n;
            count++;
        }
        return ([.. values], count, Math.Max(columns, 0));
    }

    private static ValueSource FromVector(string name, object value, double[] values, ArrayShape? shape, double? nanFallback)
    {
        if (shape is not { IsTwoDimensional: false } s)
        {
            throw new TypeMismatchException(name, value,
                "a number or a random parameter: one-dimensional parameter arrays can only be used with the rules one_to_one and fixed_total_number");
        }
        if (values.LongLength != s.Length)
            throw new BadPropertyException(name, value, $"the array must have {s.Length} entries for this rule and these collections, got {values.LongLength}");
        return new ValueSource(name, 0, WithoutNan(values, nanFallback), null, 0);
    }

    private static ValueSource FromMatrix(string name, object value, (double[] Values, long Rows, long Columns) matrix, ArrayShape? shape,
        double? nanFallback)
    {
        if (shape is not { IsTwoDimensional: true } s)
        {
            throw new TypeMismatchException(name, value,
                "a number or a random parameter: two-dimensional parameter arrays can only be used with the rules all_to_all, fixed_indegree and fixed_outdegree");
        }
        if (matrix.Rows != s.Rows || matrix.Columns != s.Columns)
        {
            throw new BadPropertyException(name, value,
                $"the array must have dimension {s.Rows}x{s.Columns} ({s.Layout}) for this rule and these collections, got {matrix.Rows}x{matrix.Columns}");
        }
        return new ValueSource(name, 0, WithoutNan(matrix.Values, nanFallback), null, 0);
    }

    /// <summary>All values this source can give, where they are known before connecting (for up-front checks).</summary>
    public IEnumerable<double> KnownValues => array ?? (IsConstant ? [constant] : []);

    public double ValueFor(int unitId, int ordinal, long arrayIndex) => ValueFor(unitId, ordinal, arrayIndex, ParameterSite.None);

    /// <summary>The value of one connection; a spatial parameter reads the positions of <paramref name="site"/>.</summary>
    public double ValueFor(int unitId, int ordinal, long arrayIndex, in ParameterSite site)
    {
        if (array is not null) return array[arrayIndex];
        if (random is null) return constant;
        var stream = new RandomStream(RandomStream.Derive(key, (ulong)(uint)unitId, (ulong)(uint)ordinal));
        return WithoutNan(random.Draw(ref stream, site), nanFallback);
    }
}
