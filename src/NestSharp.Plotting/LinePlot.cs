namespace NestSharp.Plotting;

/// <summary>
/// A figure of vertically stacked panels of line series sharing one x axis, e.g. membrane potential above
/// conductances over time. Each panel has its own y axis and legend.
/// </summary>
public sealed class LinePlot
{
    private const double MarginLeft = 75;
    private const double MarginRight = 20;
    private const double MarginBottom = 50;
    private const double PanelGap = 14;
    private const double LegendLineLength = 20;
    private const double LegendRowHeight = 16;
    private const double LegendPadding = 6;
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
    public SvgDocument Render()
    {
        List<LinePanel> shown = _panels.Count > 0 ? _panels : [new LinePanel(null, null)];
        double top = Options.Title is null ? 20 : 40;
        double height = top + shown.Count * Options.PanelHeight + (shown.Count - 1) * PanelGap + MarginBottom;
        var document = new SvgDocument(Options.Width, height);
        double plotWidth = Options.Width - MarginLeft - MarginRight;
        if (Options.Title is not null)
        {
            AxisRenderer.DrawTitle(document, MarginLeft + plotWidth / 2, 24, Options.Title);
        }

        DataRange xRange = (Options.XRange ?? FitX(shown)).Padded(0);
        AxisTicks xTicks = AxisTicks.Nice(xRange, 8);
        for (int i = 0; i < shown.Count; i++)
        {
            LinePanel panel = shown[i];
            double panelTop = top + i * (Options.PanelHeight + PanelGap);
            var area = new PlotArea(MarginLeft, panelTop, plotWidth, Options.PanelHeight, xRange, (panel.YRange ?? FitY(panel)).Padded(0));
            DrawSeries(document, area, panel);
            AxisRenderer.DrawFrame(document, area);
            bool bottom = i == shown.Count - 1;
            AxisRenderer.DrawXAxis(document, area, xTicks, bottom ? Options.XTitle : null, showTickLabels: bottom);
            AxisRenderer.DrawYAxis(document, area, AxisTicks.Nice(area.Y, 5), panel.YTitle);
            DrawLegend(document, area, panel);
        }

        return document;
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="SvgDocument.Save"/>).</summary>
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

    private static void DrawSeries(SvgDocument document, PlotArea area, LinePanel panel)
    {
        string clip = document.AddClipRect(area.Left, area.Top, area.Width, area.Height);
        using (document.BeginGroup("series", clip))
        {
            foreach (LineSeries series in panel.Series)
            {
                var path = new SvgPathData();
                bool penDown = false;
                ReadOnlySpan<double> xs = series.X.Span;
                ReadOnlySpan<double> ys = series.Y.Span;
                for (int i = 0; i < xs.Length; i++)
                {
                    double x = xs[i];
                    double y = ys[i];
                    if (!double.IsFinite(x) || !double.IsFinite(y))
                    {
                        penDown = false;
                        continue;
                    }

                    if (penDown)
                    {
                        path.LineTo(area.PixelX(x), area.PixelY(y));
                    }
                    else
                    {
                        path.MoveTo(area.PixelX(x), area.PixelY(y));
                        penDown = true;
                    }
                }

                if (!path.IsEmpty)
                {
                    document.AddPath(path, series.Color, series.LineWidth, lineCap: StrokeLineCap.Round);
                }
            }
        }
    }

    private static void DrawLegend(SvgDocument document, PlotArea area, LinePanel panel)
    {
        LineSeries[] named = panel.Series.Where(series => series.Name.Length > 0).ToArray();
        if (named.Length == 0)
        {
            return;
        }

        double textWidth = named.Max(series => PlotTheme.EstimateTextWidth(series.Name, PlotTheme.TickLabelFontSize));
        double boxWidth = LegendPadding * 3 + LegendLineLength + textWidth;
        double boxHeight = LegendPadding * 2 + named.Length * LegendRowHeight - 4;
        double boxLeft = area.Right - boxWidth - 8;
        double boxTop = area.Top + 8;
        using (document.BeginGroup("legend"))
        {
            document.AddRect(boxLeft, boxTop, boxWidth, boxHeight, "white", "#cccccc", 0.8);
            for (int i = 0; i < named.Length; i++)
            {
                double rowCenter = boxTop + LegendPadding + i * LegendRowHeight + LegendRowHeight / 2 - 2;
                double lineLeft = boxLeft + LegendPadding;
                document.AddLine(lineLeft, rowCenter, lineLeft + LegendLineLength, rowCenter, named[i].Color, named[i].LineWidth);
                document.AddText(lineLeft + LegendLineLength + LegendPadding, rowCenter + PlotTheme.TickLabelFontSize * 0.35, named[i].Name, fontSize: PlotTheme.TickLabelFontSize);
            }
        }
    }
}
