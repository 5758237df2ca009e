using System.Xml.Linq;
using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.SvgTestHelper;

namespace NestSharp.Tests.Plotting;

public sealed class HistogramPlotTests
{
    [Fact]
    public void Render_WithEdges_CountsHalfOpenBinsAndClosesTheLast()
    {
        HistogramPlotResult result = HistogramPlot.Render(
            [0, 0.5, 1, 1.5, 2, 3, -1, 3.5],
            new HistogramPlotOptions { BinEdges = [0, 1, 2, 3] });

        Assert.Equal([2, 2, 2], result.Counts);
    }

    [Fact]
    public void Render_WithBinCount_SpansTheValuesWithEqualBins()
    {
        HistogramPlotResult result = HistogramPlot.Render([2, 4, 6, 10], new HistogramPlotOptions { BinCount = 4 });

        Assert.Equal([2, 4, 6, 8, 10], result.BinEdges);
        Assert.Equal([1, 1, 1, 1], result.Counts);
    }

    [Fact]
    public void Render_DrawsOneBarPerNonEmptyBin()
    {
        HistogramPlotResult result = HistogramPlot.Render([0.1, 0.2, 2.5], new HistogramPlotOptions { BinEdges = [0, 1, 2, 3] });

        XElement bars = Group(Parse(result.Document), "histogram-bars");

        Assert.Equal(2, bars.Elements(Svg + "rect").Count());
    }

    [Fact]
    public void Render_BarHeightsAreProportionalToCounts()
    {
        HistogramPlotResult result = HistogramPlot.Render([0.5, 0.5, 1.5], new HistogramPlotOptions { BinEdges = [0, 1, 2] });

        double[] heights = [.. Group(Parse(result.Document), "histogram-bars").Elements(Svg + "rect")
            .Select(rect => double.Parse((string)rect.Attribute("height")!, System.Globalization.CultureInfo.InvariantCulture))];

        Assert.Equal(2 * heights[1], heights[0], 0.02);
    }

    [Fact]
    public void Render_ShowsAxisTitles()
    {
        IReadOnlyList<string> texts = Texts(Parse(HistogramPlot.Render([1, 2, 3], new HistogramPlotOptions { XTitle = "weight (pA)" }).Document));

        Assert.Contains("weight (pA)", texts);
        Assert.Contains("Count", texts);
    }

    [Fact]
    public void Render_WithUnorderedEdges_Throws()
    {
        Assert.Throws<ArgumentException>(() => HistogramPlot.Render([1], new HistogramPlotOptions { BinEdges = [0, 2, 1] }));
    }
}
