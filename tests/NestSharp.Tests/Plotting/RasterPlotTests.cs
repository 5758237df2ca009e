using System.Xml.Linq;
using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.SvgTestHelper;

namespace NestSharp.Tests.Plotting;

public sealed class RasterPlotTests
{
    [Fact]
    public void Render_DrawsOneMarkPerSpike()
    {
        const int spikeCount = 1234;
        var random = new System.Random(3);
        long[] senders = Enumerable.Range(0, spikeCount).Select(_ => (long)random.Next(1, 51)).ToArray();
        double[] times = Enumerable.Range(0, spikeCount).Select(_ => random.NextDouble() * 1000).ToArray();

        RasterPlotResult result = RasterPlot.Render(senders, times);

        XElement path = Group(Parse(result.Document), "raster-spikes").Element(Svg + "path")!;
        Assert.Equal(spikeCount, CountMoves((string)path.Attribute("d")!));
        Assert.Equal(spikeCount, result.SpikeCount);
    }

    [Fact]
    public void Render_ProducesXmlWithSvgNamespace()
    {
        RasterPlotResult result = RasterPlot.Render([1, 2, 3], [1.5, 2.5, 3.5], new RasterPlotOptions { Title = "Spikes & <rates>" });

        XDocument svg = Parse(result.Document);

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Contains("Spikes & <rates>", Texts(svg));
    }

    [Fact]
    public void Render_LeavesOutSpikesOutsideTheTimeRange()
    {
        RasterPlotResult result = RasterPlot.Render(
            [1, 1, 2, 2],
            [5, 50, 150, 250],
            new RasterPlotOptions { StartMs = 10, StopMs = 200 });

        XElement path = Group(Parse(result.Document), "raster-spikes").Element(Svg + "path")!;
        Assert.Equal(2, CountMoves((string)path.Attribute("d")!));
        Assert.Equal(2, result.SpikeCount);
    }

    [Fact]
    public void Rate_TwentySpikesOfTenNeuronsInOneFiveMsBin_Is400Hz()
    {
        long[] senders = Enumerable.Range(0, 20).Select(i => (long)(1 + i % 10)).ToArray();
        double[] times = Enumerable.Range(0, 20).Select(i => 10 + i * 0.2).ToArray();

        RasterPlotResult result = RasterPlot.Render(senders, times, new RasterPlotOptions { StopMs = 20 });

        Assert.Equal(10, result.Rate.NeuronCount);
        Assert.Equal(5.0, result.Rate.BinWidthMs);
        Assert.Equal([0, 0, 20, 0], result.Rate.Counts);
        Assert.Equal([0.0, 0.0, 400.0, 0.0], result.Rate.RatesHz);
    }

    [Fact]
    public void Rate_WithExplicitNeuronCount_DividesByIt()
    {
        RasterPlotResult result = RasterPlot.Render(
            [1, 2],
            [1, 2],
            new RasterPlotOptions { NeuronCount = 100, BinWidthMs = 10, StopMs = 10 });

        Assert.Equal([2.0 / (100 * 0.010)], result.Rate.RatesHz);
    }

    [Fact]
    public void Rate_DefaultRangeStartsAtZeroAndEndsWithBinHoldingTheLastSpike()
    {
        RasterPlotResult result = RasterPlot.Render([1, 1], [3, 12]);

        Assert.Equal(0, result.Rate.StartMs);
        Assert.Equal(15, result.Rate.StopMs);
        Assert.Equal([1, 0, 1], result.Rate.Counts);
    }

    [Fact]
    public void Rate_SpikeOnTheStopTimeCountsInTheLastBin()
    {
        RasterPlotResult result = RasterPlot.Render([1, 1], [0, 10]);

        Assert.Equal([1, 1], result.Rate.Counts);
    }

    [Fact]
    public void Render_HasNestAxisTitles()
    {
        IReadOnlyList<string> texts = Texts(Parse(RasterPlot.Render([1, 2], [1, 2]).Document));

        Assert.Contains("Neuron ID", texts);
        Assert.Contains("Time (ms)", texts);
        Assert.Contains("Rate (Hz)", texts);
    }

    [Fact]
    public void Render_WithoutHistogram_DrawsNoRatePanel()
    {
        XDocument svg = Parse(RasterPlot.Render([1, 2], [1, 2], new RasterPlotOptions { ShowHistogram = false }).Document);

        Assert.DoesNotContain("Rate (Hz)", Texts(svg));
        Assert.Contains("Time (ms)", Texts(svg));
        Assert.DoesNotContain(svg.Descendants(Svg + "g"), group => (string?)group.Attribute("class") == "rate-bars");
    }

    [Fact]
    public void Render_HistogramBarsReachTheRateOfEachBin()
    {
        RasterPlotResult result = RasterPlot.Render([1, 2, 1], [1, 2, 7], new RasterPlotOptions { StopMs = 10 });
        XElement outline = Group(Parse(result.Document), "rate-bars").Element(Svg + "path")!;

        double[] tops = [.. ((string)outline.Attribute("d")!)
            .Split('L')
            .Skip(1)
            .Select(point => double.Parse(point.Split(' ')[1].TrimEnd('Z'), System.Globalization.CultureInfo.InvariantCulture))];

        // Bin rates: 2 spikes / (2 neurons * 5 ms) = 200 Hz, then 100 Hz: the first bar is twice as tall as the second.
        double bottom = tops[^1];
        Assert.Equal(2 * (bottom - tops[2]), bottom - tops[0], 0.2);
    }

    [Fact]
    public void Render_WithoutSpikes_StillProducesAValidImage()
    {
        RasterPlotResult result = RasterPlot.Render([], []);

        Assert.Equal(0, result.SpikeCount);
        Assert.Empty(Group(Parse(result.Document), "raster-spikes").Elements());
    }

    [Fact]
    public void Render_WithMismatchedLengths_Throws()
    {
        Assert.Throws<ArgumentException>(() => RasterPlot.Render([1, 2], [1.0]));
    }

    [Fact]
    public void Render_HundredThousandSpikes_StaysCompact()
    {
        const int spikeCount = 100_000;
        var random = new System.Random(5);
        long[] senders = Enumerable.Range(0, spikeCount).Select(_ => (long)random.Next(1, 1001)).ToArray();
        double[] times = Enumerable.Range(0, spikeCount).Select(_ => random.NextDouble() * 10_000).ToArray();

        string svg = RasterPlot.Render(senders, times).Document.ToString();

        Assert.True(svg.Length < 25 * spikeCount, $"{svg.Length} characters for {spikeCount} spikes");
    }
}
