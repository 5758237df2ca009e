using ScottPlot;

namespace NestSharp.Plotting;

/// <summary>
/// A figure of vertically stacked panels of line series sharing one x axis, e.g. membrane potential above
/// conductances over time. Each panel has its own y axis and legend.
/// </summary>
public sealed class LinePlot
{
    private readonly List<LinePanel> _panels = [];

    /// <summary>Creates an empty figure.</summary>
    public LinePlot(LinePlotOptions? options = null) => Options = options ?? new LinePlotOptions();

    /// <summary>Figure options.</summary>
    public LinePlotOptions Options { get; }

    /// <summary>The panels from top to bottom.</summary>
    public IReadOnlyList<LinePanel> Panels => _panels;

    /// <summary>Appends a panel below the existing ones.</summary>
    public LinePanel AddPanel(string? yTitle = null, DataRange? yRange = null)
    {
        var panel = new LinePanel(yTitle, yRange);
        _panels.Add(panel);
        return panel;
    }

    /// <summary>Draws the figure; a figure without panels draws one empty panel.</summary>
    public Figure Render()
    {
        List<LinePanel> shown = _panels.Count > 0 ? _panels : [new LinePanel(null, null)];
        DataRange xRange = (Options.XRange ?? FitX(shown)).Padded(0);
        var panels = new List<(Plot Plot, float Height)>(shown.Count);
        for (int i = 0; i < shown.Count; i++)
        {
            LinePanel panel = shown[i];
            var (plot, height) = PlotStyle.Panel(i, shown.Count, Options.Title, Options.PanelHeight);
            AddSeries(plot, panel);
            DataRange yRange = (panel.YRange ?? FitY(panel)).Padded(0);
            plot.Axes.SetLimits(xRange.Min, xRange.Max, yRange.Min, yRange.Max);
            PlotStyle.AxisTitles(plot, i == shown.Count - 1 ? Options.XTitle : null, panel.YTitle);
            panels.Add((plot, height));
        }

        return new Figure(Options.Width, panels);
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="Figure.Save"/>).</summary>
    public SaveResult Save(string path) => Render().Save(path);

    private static DataRange FitX(IReadOnlyList<LinePanel> shown)
    {
        DataRange? range = null;
        foreach (LinePanel panel in shown)
        {
            foreach (LineSeries series in panel.Series)
            {
                range = Union(range, DataRange.Of(series.X.Span));
            }
        }

        return range ?? new DataRange(0, 1);
    }

    private static DataRange FitY(LinePanel panel)
    {
        DataRange? range = null;
        foreach (LineSeries series in panel.Series)
        {
            range = Union(range, DataRange.Of(series.Y.Span));
        }

        return range?.Padded(0.05) ?? new DataRange(0, 1);
    }

    private static DataRange? Union(DataRange? a, DataRange? b) => a is { } first && b is { } second ? first.Union(second) : a ?? b;

    /// <summary>Adds each series as ScottPlot lines, one per stretch of finite points (a non-finite point breaks the curve).</summary>
    private static void AddSeries(Plot plot, LinePanel panel)
    {
        bool named = false;
        foreach (LineSeries series in panel.Series)
        {
            Color color = PlotStyle.ParseColor(series.Color);
            ReadOnlySpan<double> xs = series.X.Span;
            ReadOnlySpan<double> ys = series.Y.Span;
            bool labelled = false;
            int start = 0;
            for (int i = 0; i <= xs.Length; i++)
            {
                if (i < xs.Length && double.IsFinite(xs[i]) && double.IsFinite(ys[i]))
                {
                    continue;
                }

                if (i > start)
                {
                    var line = plot.Add.ScatterLine(xs[start..i].ToArray(), ys[start..i].ToArray(), color);
                    line.LineWidth = (float)series.LineWidth;
                    if (!labelled && series.Name.Length > 0)
                    {
                        line.LegendText = series.Name;
                        labelled = true;
                        named = true;
                    }
                }

                start = i + 1;
            }
        }

        if (named)
        {
            Legend legend = plot.ShowLegend(Alignment.UpperRight);
            legend.FontSize = PlotStyle.TickLabelFontSize;
        }
    }
}
