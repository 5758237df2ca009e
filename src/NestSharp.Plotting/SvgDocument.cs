using System.Globalization;
using System.Text;

namespace NestSharp.Plotting;

/// <summary>
/// Builds a standalone SVG image element by element. Coordinates are pixels with the origin at the top left;
/// numbers are written with the invariant culture and at most two decimals.
/// </summary>
public sealed class SvgDocument
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;
    private readonly StringBuilder _body = new();
    private int _openGroupCount;
    private int _clipPathCount;

    /// <summary>Creates an empty document of the given size in pixels.</summary>
    public SvgDocument(double width, double height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        Width = width;
        Height = height;
    }

    /// <summary>Width in pixels.</summary>
    public double Width { get; }

    /// <summary>Height in pixels.</summary>
    public double Height { get; }

    /// <summary>Adds a straight line segment.</summary>
    public void AddLine(double x1, double y1, double x2, double y2, string stroke, double strokeWidth = 1, string? dashArray = null)
    {
        _body.Append(Invariant, $"<line x1=\"{x1:0.##}\" y1=\"{y1:0.##}\" x2=\"{x2:0.##}\" y2=\"{y2:0.##}\"");
        AppendStroke(stroke, strokeWidth);
        if (dashArray is not null)
        {
            _body.Append(" stroke-dasharray=\"").Append(EscapeText(dashArray)).Append('"');
        }

        _body.Append("/>\n");
    }

    /// <summary>Adds an open polyline through the points (xs[i], ys[i]).</summary>
    public void AddPolyline(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, string stroke, double strokeWidth = 1)
    {
        if (xs.Length != ys.Length)
        {
            throw new ArgumentException("xs and ys must have the same length.", nameof(ys));
        }

        _body.Append("<polyline points=\"");
        for (int i = 0; i < xs.Length; i++)
        {
            if (i > 0)
            {
                _body.Append(' ');
            }

            _body.Append(Invariant, $"{xs[i]:0.##},{ys[i]:0.##}");
        }

        _body.Append("\" fill=\"none\" stroke-linejoin=\"round\"");
        AppendStroke(stroke, strokeWidth);
        _body.Append("/>\n");
    }

    /// <summary>Adds a rectangle given by its top-left corner and size.</summary>
    public void AddRect(double x, double y, double width, double height, string fill, string? stroke = null, double strokeWidth = 1)
    {
        _body.Append(Invariant, $"<rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\"");
        AppendFill(fill);
        if (stroke is not null)
        {
            AppendStroke(stroke, strokeWidth);
        }

        _body.Append("/>\n");
    }

    /// <summary>Adds a circle.</summary>
    public void AddCircle(double centerX, double centerY, double radius, string fill, string? stroke = null, double strokeWidth = 1)
    {
        _body.Append(Invariant, $"<circle cx=\"{centerX:0.##}\" cy=\"{centerY:0.##}\" r=\"{radius:0.##}\"");
        AppendFill(fill);
        if (stroke is not null)
        {
            AppendStroke(stroke, strokeWidth);
        }

        _body.Append("/>\n");
    }

    /// <summary>Adds a path; with a round line cap, zero-length subpaths ("M x y h0") render as dots.</summary>
    public void AddPath(SvgPathData data, string? stroke, double strokeWidth = 1, string fill = "none", StrokeLineCap lineCap = StrokeLineCap.Butt)
    {
        ArgumentNullException.ThrowIfNull(data);
        _body.Append("<path d=\"").Append(data.ToString()).Append('"');
        AppendFill(fill);
        if (stroke is not null)
        {
            AppendStroke(stroke, strokeWidth);
            _body.Append(" stroke-linejoin=\"round\"");
            if (lineCap != StrokeLineCap.Butt)
            {
                _body.Append(" stroke-linecap=\"").Append(lineCap == StrokeLineCap.Round ? "round" : "square").Append('"');
            }
        }

        _body.Append("/>\n");
    }

    /// <summary>
    /// Adds a single line of text whose baseline starts, centres or ends at (x, y), optionally rotated
    /// clockwise by <paramref name="rotationDegrees"/> around that point.
    /// </summary>
    public void AddText(
        double x,
        double y,
        string text,
        TextAnchor anchor = TextAnchor.Start,
        double rotationDegrees = 0,
        double fontSize = 10,
        string fill = "#262626",
        bool bold = false)
    {
        ArgumentNullException.ThrowIfNull(text);
        _body.Append(Invariant, $"<text x=\"{x:0.##}\" y=\"{y:0.##}\" font-size=\"{fontSize:0.##}\"");
        AppendFill(fill);
        if (anchor != TextAnchor.Start)
        {
            _body.Append(" text-anchor=\"").Append(anchor == TextAnchor.Middle ? "middle" : "end").Append('"');
        }

        if (rotationDegrees != 0)
        {
            _body.Append(Invariant, $" transform=\"rotate({rotationDegrees:0.##} {x:0.##} {y:0.##})\"");
        }

        if (bold)
        {
            _body.Append(" font-weight=\"bold\"");
        }

        _body.Append('>').Append(EscapeText(text)).Append("</text>\n");
    }

    /// <summary>Defines a rectangular clip path and returns its id, for use with <see cref="BeginGroup"/>.</summary>
    public string AddClipRect(double x, double y, double width, double height)
    {
        string id = $"clip{++_clipPathCount}";
        _body.Append(Invariant, $"<clipPath id=\"{id}\"><rect x=\"{x:0.##}\" y=\"{y:0.##}\" width=\"{width:0.##}\" height=\"{height:0.##}\"/></clipPath>\n");
        return id;
    }

    /// <summary>
    /// Opens a group that receives every element added until the returned scope is disposed.
    /// </summary>
    /// <param name="className">Value of the class attribute, to find the group again (e.g. in tests).</param>
    /// <param name="clipPathId">Id returned by <see cref="AddClipRect"/> to clip the group's content.</param>
    /// <param name="crispEdges">Turns off anti-aliasing of edges, which avoids hairline seams between adjacent cells.</param>
    public IDisposable BeginGroup(string? className = null, string? clipPathId = null, bool crispEdges = false)
    {
        _body.Append("<g");
        if (className is not null)
        {
            _body.Append(" class=\"").Append(EscapeText(className)).Append('"');
        }

        if (clipPathId is not null)
        {
            _body.Append(" clip-path=\"url(#").Append(EscapeText(clipPathId)).Append(")\"");
        }

        if (crispEdges)
        {
            _body.Append(" shape-rendering=\"crispEdges\"");
        }

        _body.Append(">\n");
        _openGroupCount++;
        return new GroupScope(this);
    }

    /// <summary>The complete SVG file text, with a white background.</summary>
    public override string ToString()
    {
        if (_openGroupCount != 0)
        {
            throw new InvalidOperationException($"{_openGroupCount} group(s) are still open; dispose their scopes first.");
        }

        var svg = new StringBuilder(_body.Length + 512);
        svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.Append(Invariant, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width:0.##}\" height=\"{Height:0.##}\" viewBox=\"0 0 {Width:0.##} {Height:0.##}\"");
        svg.Append(" font-family=\"").Append(PlotTheme.FontFamily).Append("\">\n");
        svg.Append(Invariant, $"<rect x=\"0\" y=\"0\" width=\"{Width:0.##}\" height=\"{Height:0.##}\" fill=\"white\"/>\n");
        svg.Append(_body);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    /// <summary>
    /// Saves the document. A path ending in ".svg" is written as SVG. A path ending in ".png" gets the SVG written next
    /// to it (same name, ".svg") and converted with rsvg-convert; if conversion is impossible the SVG is kept and the
    /// result reports the reason instead of throwing.
    /// </summary>
    /// <param name="path">Target file, ".svg" or ".png".</param>
    /// <param name="pngConverterPath">Converter executable; null looks up rsvg-convert on PATH.</param>
    public SaveResult Save(string path, string? pngConverterPath = null)
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

        File.WriteAllText(svgPath, ToString());
        if (!png)
        {
            return new SaveResult(svgPath, null, null);
        }

        return PngExport.TryConvert(svgPath, path, out string? error, pngConverterPath)
            ? new SaveResult(svgPath, path, null)
            : new SaveResult(svgPath, null, error);
    }

    /// <summary>Escapes text for XML content or attribute values and drops characters XML cannot contain.</summary>
    public static string EscapeText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var escaped = new StringBuilder(text.Length + 16);
        foreach (char c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\'': escaped.Append("&apos;"); break;
                case < ' ' and not ('\t' or '\n' or '\r'): break;
                case '\uFFFE' or '\uFFFF': break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    private void AppendFill(string fill) => _body.Append(" fill=\"").Append(EscapeText(fill)).Append('"');

    private void AppendStroke(string stroke, double strokeWidth)
    {
        _body.Append(" stroke=\"").Append(EscapeText(stroke)).Append('"');
        if (strokeWidth != 1)
        {
            _body.Append(Invariant, $" stroke-width=\"{strokeWidth:0.##}\"");
        }
    }

    private void CloseGroup()
    {
        _body.Append("</g>\n");
        _openGroupCount--;
    }

    private sealed class GroupScope(SvgDocument document) : IDisposable
    {
        private bool _closed;

        public void Dispose()
        {
            if (!_closed)
            {
                _closed = true;
                document.CloseGroup();
            }
        }
    }
}
