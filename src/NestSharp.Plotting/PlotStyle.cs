using System.Globalization;
using ScottPlot;

namespace NestSharp.Plotting;

/// <summary>
/// The look shared by every figure, close to matplotlib's defaults (no grid, sans-serif text, the tab10 colours), and
/// panels with a fixed margin around the data area so that stacked panels line up.
/// </summary>
internal static class PlotStyle
{
    public const float MarginLeft = 75;
    public const float MarginRight = 20;
    public const float MarginBottom = 50;
    public const float MarginTopWithTitle = 40;
    public const float MarginTop = 15;
    public const float PanelGap = 14;
    public const float TickLabelFontSize = 11;
    public const float AxisTitleFontSize = 12;
    public const float TitleFontSize = 14;

    /// <summary>The font family every text uses when the system has it; otherwise ScottPlot's choice.</summary>
    private const string PreferredFont = "DejaVu Sans";

    private static readonly string? Font =
        Fonts.GetTypeface(PreferredFont, false, false)?.FamilyName == PreferredFont ? PreferredFont : null;

    /// <summary>matplotlib's "tab10" colour cycle.</summary>
    public static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    /// <summary>The first colour of the cycle, matplotlib's default blue.</summary>
    public static string Blue => Palette[0];

    /// <summary>
    /// A panel at position <paramref name="index"/> of <paramref name="count"/> stacked ones: the top one carries the
    /// title, only the bottom one shows x tick labels. Returns the plot and its height for a data area of
    /// <paramref name="dataHeight"/> pixels.
    /// </summary>
    public static (Plot Plot, float Height) Panel(int index, int count, string? title, float dataHeight, float marginRight = MarginRight)
    {
        bool top = index == 0;
        bool bottom = index == count - 1;
        var plot = new Plot();
        plot.HideGrid();
        if (Font is not null)
        {
            plot.Font.Set(Font);
        }

        float marginTop = top ? (title is null ? MarginTop : MarginTopWithTitle) : PanelGap / 2;
        float marginBottom = bottom ? MarginBottom : PanelGap / 2;
        plot.Layout.Fixed(new PixelPadding(MarginLeft, marginRight, marginBottom, marginTop));
        if (top && title is not null)
        {
            plot.Title(title, TitleFontSize);
            plot.Axes.Title.Label.Bold = false;
        }

        foreach (IAxis axis in new IAxis[] { plot.Axes.Bottom, plot.Axes.Left })
        {
            axis.TickLabelStyle.FontSize = TickLabelFontSize;
            axis.Label.FontSize = AxisTitleFontSize;
            axis.Label.Bold = false;
            axis.MinorTickStyle.Length = 0; // major ticks only, as matplotlib
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = TickLabel };
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { LabelFormatter = TickLabel };
        plot.Axes.Bottom.TickLabelStyle.IsVisible = bottom;
        return (plot, marginTop + dataHeight + marginBottom);
    }

    /// <summary>Sets the axis titles (null leaves an axis without a title).</summary>
    public static void AxisTitles(Plot plot, string? xTitle, string? yTitle)
    {
        plot.Axes.Bottom.Label.Text = xTitle ?? "";
        plot.Axes.Left.Label.Text = yTitle ?? "";
    }

    /// <summary>Integer-only tick positions on the left axis (node ids, counts).</summary>
    public static void IntegerTicksLeft(Plot plot) =>
        plot.Axes.Left.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true, LabelFormatter = TickLabel };

    /// <summary>A tick value as matplotlib writes it: no thousands separator, no trailing zeros, "0" never "-0".</summary>
    public static string TickLabel(double value)
    {
        double magnitude = Math.Abs(value);
        string label = magnitude == 0 || (magnitude >= 1e-4 && magnitude < 1e7)
            ? value.ToString("0.######", CultureInfo.InvariantCulture)
            : value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        return label == "-0" ? "0" : label;
    }

    /// <summary>
    /// Ticks at "nice" whole numbers (steps of 1, 2 or 5 times a power of ten, at most about
    /// <paramref name="maxTicks"/>) between <paramref name="first"/> and <paramref name="last"/>, each placed at
    /// <paramref name="position"/>(number): index axes whose numbers are not their coordinates (heatmap rows).
    /// </summary>
    public static ScottPlot.TickGenerators.NumericManual WholeNumberTicks(long first, long last, Func<long, double> position, int maxTicks = 6)
    {
        long step = 1;
        while ((last - first) / step >= maxTicks)
        {
            long next = step * 2;
            if ((last - first) / next < maxTicks)
            {
                step = next;
                break;
            }

            next = step * 5;
            if ((last - first) / next < maxTicks)
            {
                step = next;
                break;
            }

            step *= 10;
        }

        var ticks = new ScottPlot.TickGenerators.NumericManual();
        long number = first % step == 0 ? first : first + (step - ((first % step) + step) % step);
        for (; number <= last; number += step)
        {
            ticks.AddMajor(position(number), number.ToString(CultureInfo.InvariantCulture));
        }

        return ticks;
    }

    /// <summary>Parses a colour written "#rrggbb".</summary>
    public static Color ParseColor(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#' || !uint.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out _))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #rrggbb.");
        }

        return Color.FromHex(hex);
    }
}
