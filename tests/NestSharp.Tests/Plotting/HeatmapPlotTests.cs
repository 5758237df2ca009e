using System.Xml.Linq;
using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.SvgTestHelper;

namespace NestSharp.Tests.Plotting;

public sealed class HeatmapPlotTests
{
    private static readonly HeatmapPlotOptions Diverging = new() { Colormap = Colormap.BlueWhiteRed };

    [Fact]
    public void BlueWhiteRed_MapsTheMiddleToWhite()
    {
        Assert.Equal("#ffffff", Colormap.BlueWhiteRed.Map(0.5).ToHex());
    }

    [Fact]
    public void ColorOf_ZeroInSymmetricRangeOfDivergingMap_IsWhite()
    {
        Assert.Equal(new RgbColor(255, 255, 255), HeatmapPlot.ColorOf(0, Colormap.BlueWhiteRed, new DataRange(-3, 3)));
    }

    [Fact]
    public void BlueWhiteRed_IsBlueForNegativeAndRedForPositive()
    {
        RgbColor low = Colormap.BlueWhiteRed.Map(0);
        RgbColor high = Colormap.BlueWhiteRed.Map(1);

        Assert.True(low.B > low.R);
        Assert.True(high.R > high.B);
    }

    [Fact]
    public void Viridis_RunsFromDarkPurpleToYellow()
    {
        Assert.Equal("#440154", Colormap.Viridis.Map(0).ToHex());
        Assert.Equal("#fde725", Colormap.Viridis.Map(1).ToHex());
    }

    [Fact]
    public void Render_DivergingMap_DrawsZeroCellWhiteEvenForAsymmetricData()
    {
        SvgDocument document = HeatmapPlot.Render(new double[,] { { -2, 0, 1 } }, Diverging);

        string[] fills = [.. Cells(document).Select(rect => (string)rect.Attribute("fill")!)];

        Assert.Equal(3, fills.Length);
        Assert.Equal("#ffffff", fills[1]);
    }

    [Fact]
    public void Render_MergesEqualNeighbouringCellsOfARow()
    {
        SvgDocument document = HeatmapPlot.Render(new double[,] { { 5, 5, 5, 7 }, { 1, 1, 1, 1 } });

        Assert.Equal(3, Cells(document).Count());
    }

    [Fact]
    public void Render_DrawsNaNCellsGrey()
    {
        SvgDocument document = HeatmapPlot.Render(new double[,] { { 1, double.NaN, 2 } });

        Assert.Equal("#d9d9d9", (string)Cells(document).ElementAt(1).Attribute("fill")!);
    }

    [Fact]
    public void Render_FromRows_EqualsRenderFromMatrix()
    {
        double[][] rows = [[1, 2], [3, 4]];

        string fromRows = HeatmapPlot.Render(rows, Diverging).ToString();

        Assert.Equal(HeatmapPlot.Render(new double[,] { { 1, 2 }, { 3, 4 } }, Diverging).ToString(), fromRows);
    }

    [Fact]
    public void Render_ShowsAxisTitlesAndColorbarTicks()
    {
        var options = Diverging with { XTitle = "pre-synaptic neuron", YTitle = "post-synaptic neuron", ColorbarTitle = "weight" };
        XDocument svg = Parse(HeatmapPlot.Render(new double[,] { { -1, 1 } }, options));
        IReadOnlyList<string> texts = Texts(svg);

        Assert.Contains("pre-synaptic neuron", texts);
        Assert.Contains("post-synaptic neuron", texts);
        Assert.Contains("weight", texts);
        Assert.Contains("-1.0", texts);
        Assert.Contains("1.0", texts);
        Assert.NotEmpty(Group(svg, "colorbar").Elements(Svg + "rect"));
    }

    [Fact]
    public void Render_WithRaggedRows_Throws()
    {
        double[][] rows = [[1, 2], [3]];

        Assert.Throws<ArgumentException>(() => HeatmapPlot.Render(rows));
    }

    private static IEnumerable<XElement> Cells(SvgDocument document) =>
        Group(Parse(document), "heatmap-cells").Elements(Svg + "rect");
}
