using NestSharp.Plotting;

namespace NestSharp.Tests.Plotting;

public sealed class PngExportTests
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    [Fact]
    public void TryConvert_WithMissingConverter_ReturnsFalseWithMessage()
    {
        using var directory = new TemporaryDirectory();
        string svg = directory.File("figure.svg");
        File.WriteAllText(svg, new SvgDocument(10, 10).ToString());

        bool converted = PngExport.TryConvert(svg, directory.File("figure.png"), out string? error, directory.File("no-such-converter"));

        Assert.False(converted);
        Assert.Contains("no-such-converter", error);
        Assert.False(File.Exists(directory.File("figure.png")));
    }

    [Fact]
    public void TryConvert_WithMissingSvg_ReturnsFalseWithMessage()
    {
        using var directory = new TemporaryDirectory();

        bool converted = PngExport.TryConvert(directory.File("absent.svg"), directory.File("absent.png"), out string? error);

        Assert.False(converted);
        Assert.Contains("absent.svg", error);
    }

    [Fact]
    public void Save_PngWithMissingConverter_KeepsTheSvgAndReportsTheError()
    {
        using var directory = new TemporaryDirectory();

        SaveResult result = new SvgDocument(10, 10).Save(directory.File("figure.png"), directory.File("no-such-converter"));

        Assert.False(result.Succeeded);
        Assert.NotNull(result.Error);
        Assert.Null(result.PngPath);
        Assert.Equal(directory.File("figure.svg"), result.SvgPath);
        Assert.True(File.Exists(result.SvgPath));
    }

    [RequiresToolFact(PngExport.ConverterName, "librsvg2-bin")]
    public void Save_Png_WritesAPngFile()
    {
        using var directory = new TemporaryDirectory();
        RasterPlotResult raster = RasterPlot.Render([1, 2, 3], [1, 2, 3]);

        SaveResult result = raster.Document.Save(directory.File("raster.png"));

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(PngSignature, File.ReadAllBytes(directory.File("raster.png")).Take(PngSignature.Length));
    }
}
