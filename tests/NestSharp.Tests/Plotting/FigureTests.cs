using NestSharp.Plotting;
using SkiaSharp;
using static NestSharp.Tests.Plotting.FigureFiles;

namespace NestSharp.Tests.Plotting;

public sealed class FigureTests
{
    [Fact]
    public void ToPng_DrawsTheTitleWithARealFont()
    {
        // Text needs a font the renderer finds (Debian: fonts-dejavu-core); without one the title area stays white.
        Figure figure = Figure.SinglePanel(400, 300, "MMMMMMMMMMMMMMMMMMMM");

        using SKBitmap png = DecodePng(figure.ToPng());
        int dark = 0;
        for (int y = 0; y < 40; y++)
        {
            for (int x = 0; x < png.Width; x++)
            {
                dark += png.GetPixel(x, y).Red < 128 ? 1 : 0;
            }
        }

        Assert.True(dark > 200, $"only {dark} dark pixels where the title is");
    }

    [Fact]
    public void Save_Svg_WritesOnlyTheSvg()
    {
        using var directory = new TemporaryDirectory();

        SaveResult saved = Figure.SinglePanel(300, 200).Save(directory.File("sub/figure.svg"));

        Assert.Null(saved.PngPath);
        ParseSvg(File.ReadAllText(saved.SvgPath), 300, 200);
        Assert.Single(Directory.GetFiles(directory.File("sub")));
    }

    [Fact]
    public void Save_OtherExtension_Throws()
    {
        using var directory = new TemporaryDirectory();

        Assert.Throws<ArgumentException>(() => Figure.SinglePanel(300, 200).Save(directory.File("figure.pdf")));
        Assert.Empty(Directory.GetFiles(directory.Path));
    }

    [Fact]
    public void ToSvg_DrawsEachElementOnceOnEveryCall()
    {
        Figure figure = RasterPlot.Render([1, 2, 3], [10, 20, 30]).Figure;

        Assert.Equal(Dots(XDocumentOf(figure), "#1F77B4").Count, Dots(XDocumentOf(figure), "#1F77B4").Count);
        Assert.Equal(3, Dots(XDocumentOf(figure), "#1F77B4").Count);
    }

    private static System.Xml.Linq.XDocument XDocumentOf(Figure figure) => ParseSvg(figure.ToSvg(), figure.Width, figure.Height);
}
