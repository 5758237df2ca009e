using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ScottPlot;

namespace NestSharp.Plotting;

/// <summary>
/// A matrix drawn as coloured cells with a colour bar, e.g. a weight matrix. Row 0 is at the top, columns run
/// left to right; NaN cells are grey.
/// </summary>
public static class HeatmapPlot
{
    private const float ColorbarMargin = 120;

    /// <summary>Diverging blue-white-red colormap (ColorBrewer RdBu reversed) with pure white in the middle.</summary>
    public static IColormap BlueWhiteRed { get; } = new ScottPlot.Colormaps.CustomInterpolated(
        Color.FromHex(["#2166ac", "#67a9cf", "#d1e5f0", "#ffffff", "#fddbc7", "#ef8a62", "#b2182b"]));

    /// <summary>Draws <paramref name="matrix"/>[row, column].</summary>
    public static Figure Render(double[,] matrix, HeatmapPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= new HeatmapPlotOptions();
        int rows = matrix.GetLength(0);
        int columns = matrix.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException("The matrix is empty.", nameof(matrix));
        }

        DataRange valueRange = options.ValueRange ?? FitValues(matrix, options.SymmetricValueRange);
        float margins = (options.Title is null ? PlotStyle.MarginTop : PlotStyle.MarginTopWithTitle) + PlotStyle.MarginBottom;
        var (plot, height) = PlotStyle.Panel(0, 1, options.Title, Math.Max(options.Height - margins, 20), ColorbarMargin);

        // Cell (r, c) covers x in [c - 0.5, c + 0.5] and y in [rows - 1 - r - 0.5, rows - 1 - r + 0.5]: row 0 on top.
        var heatmap = plot.Add.Heatmap(matrix);
        heatmap.Colormap = options.Colormap;
        heatmap.ManualRange = new ScottPlot.Range(valueRange.Min, valueRange.Max);
        heatmap.NaNCellColor = Color.FromHex("#d9d9d9");
        plot.Axes.SetLimits(-0.5, columns - 0.5, -0.5, rows - 0.5);
        plot.Axes.Bottom.TickGenerator = PlotStyle.WholeNumberTicks(
            options.FirstColumnNumber, options.FirstColumnNumber + columns - 1, number => number - options.FirstColumnNumber);
        plot.Axes.Left.TickGenerator = PlotStyle.WholeNumberTicks(
            options.FirstRowNumber, options.FirstRowNumber + rows - 1, number => rows - 1 - (number - options.FirstRowNumber));
        PlotStyle.AxisTitles(plot, options.XTitle, options.YTitle);

        var colorbar = plot.Add.ColorBar(heatmap);
        colorbar.Label = options.ColorbarTitle ?? "";
        colorbar.LabelStyle.Bold = false;
        colorbar.LabelStyle.FontSize = PlotStyle.AxisTitleFontSize;
        return new Figure(options.Width, [(plot, height)]);
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="Figure.Save"/>).</summary>
    public static SaveResult Save(string path, double[,] matrix, HeatmapPlotOptions? options = null) =>
        Render(matrix, options).Save(path);

    private static DataRange FitValues(double[,] matrix, bool symmetric)
    {
        // The matrix's values in one span: a rectangular array is stored row after row.
        var values = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.As<byte, double>(ref MemoryMarshal.GetArrayDataReference(matrix)), matrix.Length);
        if (DataRange.Of(values) is not { } range)
        {
            return new DataRange(-1, 1);
        }

        var (min, max) = range;

        if (symmetric)
        {
            double extent = Math.Max(Math.Abs(min), Math.Abs(max));
            return extent > 0 ? new DataRange(-extent, extent) : new DataRange(-1, 1);
        }

        return new DataRange(min, max).Padded(0);
    }
}
