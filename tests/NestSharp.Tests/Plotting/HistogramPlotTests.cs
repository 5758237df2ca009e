using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.FigureFiles;

namespace NestSharp.Tests.Plotting;

public sealed class HistogramPlotTests
{
    private const string Blue = "#1F77B4";

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
    public void Render_BarHeightsEqualTheIndependentlyBinnedCounts()
    {
        var random = new System.Random(3);
        double[] weights = [.. Enumerable.Range(0, 500).Select(_ => 20 + 10 * random.NextDouble() * random.NextDouble())];
        double[] edges = [.. Enumerable.Range(0, 11).Select(i => 20 + i * 1.0)];
        var expected = new int[10];
        foreach (double weight in weights)
        {
            expected[Math.Min((int)(weight - 20), 9)]++;
        }

        HistogramPlotResult result = HistogramPlot.Render(weights, new HistogramPlotOptions { BinEdges = edges });

        Assert.Equal(expected, result.Counts);
        var bars = Bars(ParseSvg(result.Figure.ToSvg(), 640, 480), Blue);
        AssertProportional([.. expected.Where(count => count > 0).Select(count => (double)count)], [.. bars.Select(bar => bar.Height)]);
    }

    [Fact]
    public void Render_DrawsOneBarPerNonEmptyBin()
    {
        HistogramPlotResult result = HistogramPlot.Render([0.1, 0.2, 2.5], new HistogramPlotOptions { BinEdges = [0, 1, 2, 3], Color = "#2ca02c" });

        Assert.Equal(2, Bars(ParseSvg(result.Figure.ToSvg(), 640, 480), "#2CA02C").Count);
    }

    [Fact]
    public void Render_ShowsTitleAndAxisTitlesAndWritesAValidPng()
    {
        HistogramPlotResult result = HistogramPlot.Render([1, 2, 3], new HistogramPlotOptions { Title = "weights after", XTitle = "weight (pA)", Width = 500, Height = 400 });

        IReadOnlyList<string> texts = Texts(ParseSvg(result.Figure.ToSvg(), 500, 400));

        Assert.Contains("weights after", texts);
        Assert.Contains("weight (pA)", texts);
        Assert.Contains("Count", texts);
        AssertPng(result.Figure.ToPng(), 500, 400);
    }

    [Fact]
    public void Render_WithUnorderedEdges_Throws()
    {
        Assert.Throws<ArgumentException>(() => HistogramPlot.Render([1], new HistogramPlotOptions { BinEdges = [0, 2, 1] }));
    }
}
