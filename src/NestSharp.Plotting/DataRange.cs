namespace NestSharp.Plotting;

/// <summary>A closed interval of data values, [Min, Max].</summary>
public readonly record struct DataRange(double Min, double Max)
{
    /// <summary>Max - Min.</summary>
    public double Span => Max - Min;

    /// <summary>The smallest range holding every finite value, or null when there is none.</summary>
    public static DataRange? Of(ReadOnlySpan<double> values)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double value in values)
        {
            if (double.IsFinite(value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        return min <= max ? new DataRange(min, max) : null;
    }

    /// <summary>The smallest range holding both ranges.</summary>
    public DataRange Union(DataRange other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max));

    /// <summary>
    /// The range widened by <paramref name="fraction"/> of its span on each side. A range of zero span is
    /// widened around its value (by 10 % of it, or by 1 around zero) so that it can always be drawn.
    /// </summary>
    public DataRange Padded(double fraction)
    {
        if (Span > 0)
        {
            return new DataRange(Min - fraction * Span, Max + fraction * Span);
        }

        double half = Min == 0 ? 1 : Math.Abs(Min) * 0.1;
        return new DataRange(Min - half, Max + half);
    }
}
