namespace NestSharp.Plotting;

/// <summary>One panel of a <see cref="LinePlot"/>: its own y axis and series, sharing the figure's x axis.</summary>
public sealed class LinePanel
{
    private readonly List<LineSeries> _series = [];

    internal LinePanel(string? yTitle, DataRange? yRange)
    {
        YTitle = yTitle;
        YRange = yRange;
    }

    /// <summary>Title of the y axis.</summary>
    public string? YTitle { get; }

    /// <summary>Fixed y range, or null to fit the data with a 5 % margin.</summary>
    public DataRange? YRange { get; }

    /// <summary>The curves, in drawing order.</summary>
    public IReadOnlyList<LineSeries> Series => _series;

    /// <summary>Adds a curve; <paramref name="color"/> is "#rrggbb", without one the next colour of the matplotlib cycle is used.</summary>
    public LinePanel AddSeries(string name, ReadOnlySpan<double> x, ReadOnlySpan<double> y, string? color = null, double lineWidth = 1.5)
    {
        _series.Add(new LineSeries(name, x, y, color ?? PlotStyle.Palette[_series.Count % PlotStyle.Palette.Length], lineWidth));
        return this;
    }
}
