using System.Text;
using ScottPlot;
using SkiaSharp;

namespace NestSharp.Plotting;

/// <summary>
/// A finished figure: one or more ScottPlot plots stacked from top to bottom, rendered as PNG or SVG in-process
/// (SkiaSharp), without external programs.
/// </summary>
public sealed class Figure
{
    private readonly Multiplot _multiplot;
    private bool _laidOut;

    /// <summary>Stacks <paramref name="panels"/> from top to bottom, each given its height in pixels.</summary>
    internal Figure(int width, IReadOnlyList<(Plot Plot, float Height)> panels)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        if (panels.Count == 0)
        {
            throw new ArgumentException("A figure needs at least one panel.", nameof(panels));
        }

        _multiplot = new Multiplot(panels[0].Plot);
        for (int i = 1; i < panels.Count; i++)
        {
            _multiplot.AddPlot(panels[i].Plot);
        }

        float[] heights = new float[panels.Count];
        for (int i = 0; i < panels.Count; i++)
        {
            heights[i] = panels[i].Height;
        }

        _multiplot.Layout = new StackedRows(heights);
        Width = width;
        Height = (int)Math.Round(heights.Sum());
        Plots = [.. panels.Select(panel => panel.Plot)];
    }

    /// <summary>
    /// A figure of one empty panel in NestSharp's look (title, margins, fonts), to draw on with ScottPlot's API through
    /// <see cref="Plots"/>[0], for figures the ready-made plots do not cover.
    /// </summary>
    public static Figure SinglePanel(int width, int height, string? title = null)
    {
        float margins = (title is null ? PlotStyle.MarginTop : PlotStyle.MarginTopWithTitle) + PlotStyle.MarginBottom;
        return new Figure(width, [PlotStyle.Panel(0, 1, title, Math.Max(height - margins, 20))]);
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>The panels from top to bottom, as ScottPlot plots (to restyle or add to before saving).</summary>
    public IReadOnlyList<Plot> Plots { get; }

    /// <summary>The figure as a PNG image of <see cref="Width"/> x <see cref="Height"/> pixels.</summary>
    public byte[] ToPng()
    {
        using SKSurface surface = SKSurface.Create(new SKImageInfo(Width, Height))
            ?? throw new InvalidOperationException($"SkiaSharp could not create a {Width} x {Height} surface.");
        surface.Canvas.Clear(SKColors.White);
        Render(surface.Canvas);
        using SKImage image = surface.Snapshot();
        using SKData data = image.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }

    /// <summary>The figure as an SVG document.</summary>
    public string ToSvg()
    {
        using var stream = new MemoryStream();
        using (SKCanvas canvas = SKSvgCanvas.Create(new SKRect(0, 0, Width, Height), stream))
        {
            Render(canvas);
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// Saves the figure. A path ending in ".svg" is written as SVG; a path ending in ".png" is written as PNG with the
    /// SVG next to it (same name, ".svg"). Missing directories are created.
    /// </summary>
    /// <param name="path">Target file, ".svg" or ".png".</param>
    public SaveResult Save(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string extension = Path.GetExtension(path);
        bool png = extension.Equals(".png", StringComparison.OrdinalIgnoreCase);
        if (!png && !extension.Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"Cannot save a figure as '{extension}'; use .svg or .png.", nameof(path));
        }

        string svgPath = png ? Path.ChangeExtension(path, ".svg") : path;
        string? directory = Path.GetDirectoryName(Path.GetFullPath(svgPath));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        File.WriteAllText(svgPath, ToSvg());
        if (!png)
        {
            return new SaveResult(svgPath, null);
        }

        File.WriteAllBytes(path, ToPng());
        return new SaveResult(svgPath, path);
    }

    /// <summary>
    /// Draws the figure. The first render of a ScottPlot plot draws it twice when laying it out changes its axes, so
    /// the first one goes to a canvas that draws nothing: every output then holds each element once.
    /// </summary>
    private void Render(SKCanvas canvas)
    {
        var area = new PixelRect(0, Width, Height, 0);
        if (!_laidOut)
        {
            using var layout = new SKNoDrawCanvas(Width, Height);
            _multiplot.Render(layout, area);
            _laidOut = true;
        }

        _multiplot.Render(canvas, area);
    }

    /// <summary>Rows of fixed relative heights, scaled to the figure's height.</summary>
    private sealed class StackedRows(float[] heights) : IMultiplotLayout
    {
        public PixelRect[] GetSubplotRectangles(SubplotCollection subplots, PixelRect figureRect)
        {
            float scale = figureRect.Height / heights.Sum();
            var rectangles = new PixelRect[heights.Length];
            float top = figureRect.Top;
            for (int i = 0; i < heights.Length; i++)
            {
                float bottom = top + heights[i] * scale;
                rectangles[i] = new PixelRect(figureRect.Left, figureRect.Right, bottom, top);
                top = bottom;
            }

            return rectangles;
        }
    }
}
