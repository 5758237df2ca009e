namespace NestSharp.Plotting;

/// <summary>A named curve through the points (X[i], Y[i]); non-finite values break the curve.</summary>
public sealed class LineSeries
{
    /// <summary>Copies the points; <paramref name="color"/> is "#rrggbb".</summary>
    public LineSeries(string name, ReadOnlySpan<double> x, ReadOnlySpan<double> y, string color, double lineWidth = 1.5)
    {
        ArgumentNullException.ThrowIfNull(name);
        _ = PlotStyle.ParseColor(color);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(lineWidth);
        if (x.Length != y.Length)
        {
            throw new ArgumentException($"Series '{name}' has {x.Length} x values but {y.Length} y values.", nameof(y));
        }

        Name = name;
        X = x.ToArray();
        Y = y.ToArray();
        Color = color;
        LineWidth = lineWidth;
    }

    /// <summary>Legend entry; an empty name is left out of the legend.</summary>
    public string Name { get; }

    /// <summary>Horizontal coordinates.</summary>
    public ReadOnlyMemory<double> X { get; }

    /// <summary>Vertical coordinates.</summary>
    public ReadOnlyMemory<double> Y { get; }

    /// <summary>Stroke colour, "#rrggbb".</summary>
    public string Color { get; }

    /// <summary>Stroke width in pixels.</summary>
    public double LineWidth { get; }
}
