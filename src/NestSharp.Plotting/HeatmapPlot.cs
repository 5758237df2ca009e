namespace NestSharp.Plotting;

/// <summary>
/// A matrix drawn as coloured cells with a colour bar, e.g. a weight matrix. Row 0 is at the top, columns run
/// left to right; NaN cells are grey.
/// </summary>
public static class HeatmapPlot
{
    private const double MarginLeft = 70;
    private const double MarginRight = 100;
    private const double MarginBottom = 50;
    private const double ColorbarGap = 15;
    private const double ColorbarWidth = 15;
    private const int ColorbarSteps = 128;
    private const string MissingColor = "#d9d9d9";

    /// <summary>Draws <paramref name="matrix"/>[row, column].</summary>
    public static SvgDocument Render(double[,] matrix, HeatmapPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        options ??= new HeatmapPlotOptions();
        int rows = matrix.GetLength(0);
        int columns = matrix.GetLength(1);
        if (rows == 0 || columns == 0)
        {
            throw new ArgumentException("The matrix is empty.", nameof(matrix));
        }

        DataRange valueRange = options.ValueRange ?? FitValues(matrix, options.Colormap.IsDiverging);
        var document = new SvgDocument(options.Width, options.Height);
        double top = options.Title is null ? 20 : 40;
        double plotWidth = options.Width - MarginLeft - MarginRight;
        if (options.Title is not null)
        {
            AxisRenderer.DrawTitle(document, MarginLeft + plotWidth / 2, 24, options.Title);
        }

        // Cell (r, c) covers x in [c - 0.5, c + 0.5] and y in [r - 0.5, r + 0.5]; y is flipped so row 0 is on top.
        var area = new PlotArea(
            MarginLeft, top, plotWidth, options.Height - top - MarginBottom,
            new DataRange(-0.5, columns - 0.5), new DataRange(-(rows - 0.5), 0.5));
        DrawCells(document, area, matrix, options.Colormap, valueRange);
        AxisRenderer.DrawFrame(document, area);
        AxisRenderer.DrawXAxis(document, area, IndexTicks(columns, options.FirstColumnNumber, negate: false), options.XTitle);
        AxisRenderer.DrawYAxis(document, area, IndexTicks(rows, options.FirstRowNumber, negate: true), options.YTitle);

        var colorbar = new PlotArea(area.Right + ColorbarGap, area.Top, ColorbarWidth, area.Height, new DataRange(0, 1), valueRange);
        DrawColorbar(document, colorbar, options.Colormap);
        AxisRenderer.DrawFrame(document, colorbar);
        AxisRenderer.DrawYAxis(document, colorbar, AxisTicks.Nice(valueRange, 6), options.ColorbarTitle, AxisSide.Right);
        return document;
    }

    /// <summary>Draws a matrix given as rows of equal length.</summary>
    public static SvgDocument Render(IReadOnlyList<IReadOnlyList<double>> rows, HeatmapPlotOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int columns = rows.Count == 0 ? 0 : rows[0].Count;
        var matrix = new double[rows.Count, columns];
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Count != columns)
            {
                throw new ArgumentException($"Row {r} has {rows[r].Count} values, row 0 has {columns}.", nameof(rows));
            }

            for (int c = 0; c < columns; c++)
            {
                matrix[r, c] = rows[r][c];
            }
        }

        return Render(matrix, options);
    }

    /// <summary>Renders and saves to an .svg or .png path (see <see cref="SvgDocument.Save"/>).</summary>
    public static SaveResult Save(string path, double[,] matrix, HeatmapPlotOptions? options = null) =>
        Render(matrix, options).Save(path);

    /// <summary>The colour of <paramref name="value"/> when <paramref name="valueRange"/> spans the colormap.</summary>
    public static RgbColor ColorOf(double value, Colormap colormap, DataRange valueRange)
    {
        ArgumentNullException.ThrowIfNull(colormap);
        return colormap.Map((value - valueRange.Min) / valueRange.Span);
    }

    private static DataRange FitValues(double[,] matrix, bool symmetric)
    {
        double min = double.PositiveInfinity;
        double max = double.NegativeInfinity;
        foreach (double value in matrix)
        {
            if (double.IsFinite(value))
            {
                min = Math.Min(min, value);
                max = Math.Max(max, value);
            }
        }

        if (min > max)
        {
            return new DataRange(-1, 1);
        }

        if (symmetric)
        {
            double extent = Math.Max(Math.Abs(min), Math.Abs(max));
            return extent > 0 ? new DataRange(-extent, extent) : new DataRange(-1, 1);
        }

        return new DataRange(min, max).Padded(0);
    }

    private static AxisTicks IndexTicks(int count, int firstNumber, bool negate)
    {
        AxisTicks numbers = AxisTicks.Nice(new DataRange(firstNumber, firstNumber + count - 1).Padded(0), 6, integerStep: true);
        double sign = negate ? -1 : 1;
        return new AxisTicks(numbers.Values.Select(number => sign * (number - firstNumber)).ToArray(), numbers.Labels);
    }

    private static void DrawCells(SvgDocument document, PlotArea area, double[,] matrix, Colormap colormap, DataRange valueRange)
    {
        int columns = matrix.GetLength(1);
        using (document.BeginGroup("heatmap-cells", crispEdges: true))
        {
            for (int r = 0; r < matrix.GetLength(0); r++)
            {
                double cellTop = area.PixelY(-r + 0.5);
                double cellHeight = area.PixelY(-r - 0.5) - cellTop;
                int runStart = 0;
                string runColor = CellColor(matrix[r, 0], colormap, valueRange);
                for (int c = 1; c <= columns; c++)
                {
                    string color = c < columns ? CellColor(matrix[r, c], colormap, valueRange) : "";
                    if (color == runColor)
                    {
                        continue;
                    }

                    double left = area.PixelX(runStart - 0.5);
                    document.AddRect(left, cellTop, area.PixelX(c - 0.5) - left, cellHeight, runColor);
                    runStart = c;
                    runColor = color;
                }
            }
        }
    }

    private static string CellColor(double value, Colormap colormap, DataRange valueRange) =>
        double.IsNaN(value) ? MissingColor : ColorOf(value, colormap, valueRange).ToHex();

    private static void DrawColorbar(SvgDocument document, PlotArea area, Colormap colormap)
    {
        using (document.BeginGroup("colorbar", crispEdges: true))
        {
            double stepHeight = area.Height / ColorbarSteps;
            for (int step = 0; step < ColorbarSteps; step++)
            {
                RgbColor color = colormap.Map((step + 0.5) / ColorbarSteps);
                document.AddRect(area.Left, area.Bottom - (step + 1) * stepHeight, area.Width, stepHeight, color.ToHex());
            }
        }
    }
}
