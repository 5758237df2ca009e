using NestSharp.Plotting;
using ScottPlot;
using SkiaSharp;
using static NestSharp.Tests.Plotting.FigureFiles;

namespace NestSharp.Tests.Plotting;

public sealed class HeatmapPlotTests
{
    [Fact]
    public void BlueWhiteRed_IsBlueBelowWhiteInTheMiddleAndRedAbove()
    {
        Color low = HeatmapPlot.BlueWhiteRed.GetColor(0);
        Color high = HeatmapPlot.BlueWhiteRed.GetColor(1);

        Assert.Equal(Colors.White, HeatmapPlot.BlueWhiteRed.GetColor(0.5));
        Assert.True(low.B > low.R);
        Assert.True(high.R > high.B);
    }

    [Fact]
    public void GrayscaleReversed_IsWhiteForTheSmallestValueAndBlackForTheLargest()
    {
        // ignore-and-fire's connectivity matrices use it as matplotlib's gray_r
        var colormap = new ScottPlot.Colormaps.GrayscaleReversed();

        Assert.Equal(Colors.White, colormap.GetColor(0));
        Assert.Equal(Colors.Black, colormap.GetColor(1));
    }

    [Fact]
    public void Render_EachCellHasTheColourOfItsValue_RowZeroOnTop()
    {
        var matrix = new double[,] { { 0, 1, 2 }, { 3, double.NaN, 6 } };
        var options = new HeatmapPlotOptions { Colormap = new ScottPlot.Colormaps.Viridis() };
        Figure figure = HeatmapPlot.Render(matrix, options);

        using SKBitmap png = DecodePng(figure.ToPng());

        for (int row = 0; row < 2; row++)
        {
            for (int column = 0; column < 3; column++)
            {
                Pixel centre = figure.Plots[0].GetPixel(new Coordinates(column, 1 - row));
                SKColor drawn = png.GetPixel((int)centre.X, (int)centre.Y);
                double value = matrix[row, column];
                Color expected = double.IsNaN(value) ? Color.FromHex("#d9d9d9") : options.Colormap.GetColor(value / 6);
                Assert.True(Math.Abs(drawn.Red - expected.R) <= 2 && Math.Abs(drawn.Green - expected.G) <= 2 && Math.Abs(drawn.Blue - expected.B) <= 2,
                    $"cell ({row}, {column}) = {value}: drawn {drawn}, expected {expected.ToHex()}");
            }
        }
    }

    [Fact]
    public void Render_SymmetricRange_DrawsZeroWhiteEvenForAsymmetricData()
    {
        Figure figure = HeatmapPlot.Render(new double[,] { { -2, 0, 1 } }, new HeatmapPlotOptions { Colormap = HeatmapPlot.BlueWhiteRed, SymmetricValueRange = true });

        using SKBitmap png = DecodePng(figure.ToPng());
        Pixel centre = figure.Plots[0].GetPixel(new Coordinates(1, 0));

        Assert.Equal(new SKColor(255, 255, 255), png.GetPixel((int)centre.X, (int)centre.Y));
    }

    [Fact]
    public void Render_ShowsTitlesNodeNumbersAndAValidImage()
    {
        Figure figure = HeatmapPlot.Render(new double[,] { { 1, 2 }, { 3, 4 } }, new HeatmapPlotOptions
        {
            Title = "weights",
            XTitle = "pre-synaptic neuron",
            YTitle = "post-synaptic neuron",
            ColorbarTitle = "weight (pA)",
            FirstColumnNumber = 11,
            FirstRowNumber = 21,
        });

        var svg = ParseSvg(figure.ToSvg(), 640, 520);
        IReadOnlyList<string> texts = Texts(svg);

        foreach (string text in new[] { "weights", "pre-synaptic neuron", "post-synaptic neuron", "weight (pA)", "11", "12", "21", "22" })
        {
            Assert.Contains(text, texts);
        }

        Assert.NotEmpty(svg.Descendants(Svg + "image"));
        AssertPng(figure.ToPng(), 640, 520);
    }

    [Fact]
    public void Render_EmptyMatrix_Throws()
    {
        Assert.Throws<ArgumentException>(() => HeatmapPlot.Render(new double[0, 3]));
    }
}
