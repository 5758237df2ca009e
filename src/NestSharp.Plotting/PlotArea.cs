namespace NestSharp.Plotting;

/// <summary>A rectangle of the image, in pixels, that shows the data ranges <see cref="X"/> and <see cref="Y"/>.</summary>
public sealed record PlotArea
{
    /// <summary>Creates a plot area; both data ranges must have a positive span.</summary>
    public PlotArea(double left, double top, double width, double height, DataRange x, DataRange y)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        if (!(x.Span > 0) || !(y.Span > 0))
        {
            throw new ArgumentException($"Data ranges must have a positive span (x: [{x.Min}, {x.Max}], y: [{y.Min}, {y.Max}]).");
        }

        Left = left;
        Top = top;
        Width = width;
        Height = height;
        X = x;
        Y = y;
    }

    /// <summary>Left edge in pixels.</summary>
    public double Left { get; }

    /// <summary>Top edge in pixels.</summary>
    public double Top { get; }

    /// <summary>Width in pixels.</summary>
    public double Width { get; }

    /// <summary>Height in pixels.</summary>
    public double Height { get; }

    /// <summary>Right edge in pixels.</summary>
    public double Right => Left + Width;

    /// <summary>Bottom edge in pixels.</summary>
    public double Bottom => Top + Height;

    /// <summary>Data range shown from left to right.</summary>
    public DataRange X { get; }

    /// <summary>Data range shown from bottom to top.</summary>
    public DataRange Y { get; }

    /// <summary>Horizontal pixel position of a data x value.</summary>
    public double PixelX(double x) => Left + (x - X.Min) / X.Span * Width;

    /// <summary>Vertical pixel position of a data y value (larger values are higher up).</summary>
    public double PixelY(double y) => Bottom - (y - Y.Min) / Y.Span * Height;
}
