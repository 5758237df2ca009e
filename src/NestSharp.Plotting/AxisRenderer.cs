namespace NestSharp.Plotting;

/// <summary>Draws frames, tick marks, tick labels, axis titles and figure titles around a <see cref="PlotArea"/>.</summary>
public static class AxisRenderer
{
    private const double LabelGap = 3;
    private const double TitleGap = 8;

    /// <summary>Draws the four lines around the plot area.</summary>
    public static void DrawFrame(SvgDocument document, PlotArea area)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(area);
        document.AddRect(area.Left, area.Top, area.Width, area.Height, "none", PlotTheme.AxisColor, PlotTheme.AxisLineWidth);
    }

    /// <summary>Draws ticks below the plot area, their labels unless <paramref name="showTickLabels"/> is false, and a title if given.</summary>
    public static void DrawXAxis(SvgDocument document, PlotArea area, AxisTicks ticks, string? title, bool showTickLabels = true)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(ticks);
        double tickEnd = area.Bottom + PlotTheme.TickLength;
        for (int i = 0; i < ticks.Values.Count; i++)
        {
            double x = area.PixelX(ticks.Values[i]);
            if (!IsInside(x, area.Left, area.Right))
            {
                continue;
            }

            document.AddLine(x, area.Bottom, x, tickEnd, PlotTheme.AxisColor, PlotTheme.AxisLineWidth);
            if (showTickLabels)
            {
                document.AddText(x, tickEnd + LabelGap + PlotTheme.TickLabelFontSize * 0.8, ticks.Labels[i], TextAnchor.Middle, fontSize: PlotTheme.TickLabelFontSize);
            }
        }

        if (!string.IsNullOrEmpty(title))
        {
            double y = tickEnd + LabelGap + PlotTheme.TickLabelFontSize + TitleGap + PlotTheme.AxisTitleFontSize * 0.8;
            document.AddText(area.Left + area.Width / 2, y, title, TextAnchor.Middle, fontSize: PlotTheme.AxisTitleFontSize);
        }
    }

    /// <summary>Draws ticks, tick labels and a rotated title on the left or right side of the plot area.</summary>
    public static void DrawYAxis(SvgDocument document, PlotArea area, AxisTicks ticks, string? title, AxisSide side = AxisSide.Left)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(area);
        ArgumentNullException.ThrowIfNull(ticks);
        bool left = side == AxisSide.Left;
        double axisX = left ? area.Left : area.Right;
        double direction = left ? -1 : 1;
        double tickEnd = axisX + direction * PlotTheme.TickLength;
        double labelX = tickEnd + direction * LabelGap;
        double widestLabel = 0;
        for (int i = 0; i < ticks.Values.Count; i++)
        {
            double y = area.PixelY(ticks.Values[i]);
            if (!IsInside(y, area.Top, area.Bottom))
            {
                continue;
            }

            document.AddLine(axisX, y, tickEnd, y, PlotTheme.AxisColor, PlotTheme.AxisLineWidth);
            document.AddText(labelX, y + PlotTheme.TickLabelFontSize * 0.35, ticks.Labels[i], left ? TextAnchor.End : TextAnchor.Start, fontSize: PlotTheme.TickLabelFontSize);
            widestLabel = Math.Max(widestLabel, PlotTheme.EstimateTextWidth(ticks.Labels[i], PlotTheme.TickLabelFontSize));
        }

        if (!string.IsNullOrEmpty(title))
        {
            double titleX = labelX + direction * (widestLabel + TitleGap + (left ? 0 : PlotTheme.AxisTitleFontSize * 0.8));
            double centerY = area.Top + area.Height / 2;
            document.AddText(titleX, centerY, title, TextAnchor.Middle, rotationDegrees: -90, fontSize: PlotTheme.AxisTitleFontSize);
        }
    }

    /// <summary>Draws a figure or panel title centred on <paramref name="centerX"/> with its baseline at <paramref name="baselineY"/>.</summary>
    public static void DrawTitle(SvgDocument document, double centerX, double baselineY, string title)
    {
        ArgumentNullException.ThrowIfNull(document);
        document.AddText(centerX, baselineY, title, TextAnchor.Middle, fontSize: PlotTheme.TitleFontSize);
    }

    private static bool IsInside(double pixel, double low, double high) => pixel >= low - 0.01 && pixel <= high + 0.01;
}
