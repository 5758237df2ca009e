using System.Globalization;
using System.Xml.Linq;
using SkiaSharp;

namespace NestSharp.Tests.Plotting;

/// <summary>Checks and reads what a figure wrote: PNG signature and decoded size, SVG parsed as XML and its elements.</summary>
internal static class FigureFiles
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>Asserts the PNG signature and returns the decoded bitmap.</summary>
    public static SKBitmap DecodePng(byte[] png)
    {
        Assert.Equal(PngSignature, png.Take(PngSignature.Length));
        return SKBitmap.Decode(png) ?? throw new InvalidOperationException("The PNG does not decode.");
    }

    /// <summary>Asserts the PNG is valid and has the given size.</summary>
    public static void AssertPng(byte[] png, int width, int height)
    {
        using SKBitmap bitmap = DecodePng(png);
        Assert.Equal(width, bitmap.Width);
        Assert.Equal(height, bitmap.Height);
    }

    /// <summary>Parses the SVG as XML and asserts its root is an svg element of the given size.</summary>
    public static XDocument ParseSvg(string svg, int width, int height)
    {
        XDocument document = XDocument.Parse(svg);
        Assert.Equal(Svg + "svg", document.Root!.Name);
        Assert.Equal(width, int.Parse((string)document.Root.Attribute("width")!, CultureInfo.InvariantCulture));
        Assert.Equal(height, int.Parse((string)document.Root.Attribute("height")!, CultureInfo.InvariantCulture));
        return document;
    }

    /// <summary>The texts of the SVG, trimmed.</summary>
    public static IReadOnlyList<string> Texts(XDocument svg) =>
        svg.Descendants(Svg + "text").Select(text => text.Value.Trim()).ToList();

    /// <summary>The filled ellipses (markers) of the given "#RRGGBB" colour.</summary>
    public static IReadOnlyList<XElement> Dots(XDocument svg, string fill) =>
        svg.Descendants(Svg + "ellipse").Where(e => string.Equals((string?)e.Attribute("fill"), fill, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>The rectangles filled with the given "#RRGGBB" colour (bars), left to right.</summary>
    public static IReadOnlyList<(double X, double Height)> Bars(XDocument svg, string fill) =>
        svg.Descendants(Svg + "rect")
            .Where(e => string.Equals((string?)e.Attribute("fill"), fill, StringComparison.OrdinalIgnoreCase))
            .Select(e => (Number(e, "x"), Number(e, "height")))
            .OrderBy(bar => bar.Item1)
            .ToList();

    /// <summary>The paths stroked in the given "#RRGGBB" colour (lines).</summary>
    public static IReadOnlyList<XElement> Lines(XDocument svg, string stroke) =>
        svg.Descendants(Svg + "path").Where(e => string.Equals((string?)e.Attribute("stroke"), stroke, StringComparison.OrdinalIgnoreCase)).ToList();

    /// <summary>Asserts that the values are one constant times the expected ones (bars drawn to scale), to 1e-3 relative.</summary>
    public static void AssertProportional(IReadOnlyList<double> expected, IReadOnlyList<double> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        Assert.NotEmpty(expected);
        double scale = actual[0] / expected[0];
        Assert.True(scale > 0);
        for (int i = 0; i < expected.Count; i++)
        {
            Assert.True(Math.Abs(actual[i] - scale * expected[i]) <= 1e-3 * scale * expected[i] + 1e-3,
                $"bar {i}: height {actual[i]}, expected {scale * expected[i]} ({expected[i]} at the scale of the first bar)");
        }
    }

    private static double Number(XElement element, string attribute) =>
        double.Parse((string)element.Attribute(attribute)!, CultureInfo.InvariantCulture);
}
