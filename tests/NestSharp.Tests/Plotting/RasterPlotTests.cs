using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.FigureFiles;

namespace NestSharp.Tests.Plotting;

public sealed class RasterPlotTests
{
    private const string Blue = "#1F77B4";

    [Fact]
    public void Render_SvgHasOneDotPerSpikeInsideTheTimeRange()
    {
        RasterPlotResult result = RasterPlot.Render([1, 2, 3, 4], [5, 50, 150, 250], new RasterPlotOptions { StartMs = 10, StopMs = 200 });

        Assert.Equal(2, result.SpikeCount);
        Assert.Equal(2, Dots(ParseSvg(result.Figure.ToSvg(), 800, 600), Blue).Count);
    }

    [Fact]
    public void Render_ThousandsOfSpikes_OneDotEach()
    {
        var (senders, times) = RandomSpikes(3000, neurons: 50, stopMs: 1000, seed: 1);

        RasterPlotResult result = RasterPlot.Render(senders, times, new RasterPlotOptions { StartMs = 0, StopMs = 1000 });

        Assert.Equal(3000, Dots(ParseSvg(result.Figure.ToSvg(), 800, 600), Blue).Count);
    }

    [Fact]
    public void Save_Png_WritesAValidPngAndSvgOfTheRequestedSize()
    {
        using var directory = new TemporaryDirectory();

        SaveResult saved = RasterPlot.Save(directory.File("raster.png"), [1, 2, 3], [1, 2, 3], new RasterPlotOptions { Width = 640, Height = 480 });

        Assert.Equal(directory.File("raster.png"), saved.PngPath);
        Assert.Equal(directory.File("raster.svg"), saved.SvgPath);
        AssertPng(File.ReadAllBytes(saved.PngPath!), 640, 480);
        ParseSvg(File.ReadAllText(saved.SvgPath), 640, 480);
    }

    [Fact]
    public void Render_HasNestAxisTitlesAndTheTitle()
    {
        RasterPlotResult result = RasterPlot.Render([1, 2], [1, 2], new RasterPlotOptions { Title = "Brunel network" });

        IReadOnlyList<string> texts = Texts(ParseSvg(result.Figure.ToSvg(), 800, 600));

        Assert.Contains("Brunel network", texts);
        Assert.Contains("Neuron ID", texts);
        Assert.Contains("Rate (Hz)", texts);
        Assert.Single(texts, text => text == "Time (ms)");
    }

    [Fact]
    public void Render_HistogramBarsEqualTheIndependentlyBinnedRates()
    {
        var (senders, times) = RandomSpikes(2000, neurons: 40, stopMs: 500, seed: 2);
        const double binWidth = 10;
        var expected = new int[50];
        foreach (double time in times)
        {
            expected[Math.Min((int)Math.Floor(time / binWidth), expected.Length - 1)]++;
        }

        RasterPlotResult result = RasterPlot.Render(senders, times, new RasterPlotOptions { StartMs = 0, StopMs = 500, BinWidthMs = binWidth });

        Assert.Equal(expected, result.Rate.Counts);
        Assert.Equal(40, result.Rate.NeuronCount);
        double[] expectedRates = [.. expected.Where(count => count > 0).Select(count => count / (40 * binWidth / 1000))];
        IReadOnlyList<(double X, double Height)> bars = Bars(ParseSvg(result.Figure.ToSvg(), 800, 600), Blue);
        AssertProportional(expectedRates, [.. bars.Select(bar => bar.Height)]);
    }

    [Fact]
    public void Render_WithoutHistogram_DrawsNoRatePanel()
    {
        RasterPlotResult result = RasterPlot.Render([1, 2], [1, 2], new RasterPlotOptions { ShowHistogram = false });

        var svg = ParseSvg(result.Figure.ToSvg(), 800, 600);

        Assert.DoesNotContain("Rate (Hz)", Texts(svg));
        Assert.Contains("Time (ms)", Texts(svg));
        Assert.Empty(Bars(svg, Blue));
        Assert.Single(result.Figure.Plots);
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
    public void Render_WithoutSpikes_StillProducesValidFiles()
    {
        RasterPlotResult result = RasterPlot.Render([], [], new RasterPlotOptions { StopMs = 100 });

        Assert.Equal(0, result.SpikeCount);
        AssertPng(result.Figure.ToPng(), 800, 600);
        Assert.Empty(Dots(ParseSvg(result.Figure.ToSvg(), 800, 600), Blue));
    }

    [Fact]
    public void Render_WithMismatchedLengths_Throws() =>
        Assert.Throws<ArgumentException>(() => RasterPlot.Render([1, 2], [1]));

    [Theory]
    [InlineData("memory")]
    [InlineData("ascii")]
    public void FromDevice_DrawsEverySpikeTheRecorderHolds(string recordTo)
    {
        using var directory = new TemporaryDirectory();
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["data_path"] = directory.Path });
        var neurons = nest.Create("iaf_psc_alpha", 5, new() { ["I_e"] = 500.0 });
        var recorder = nest.Create("spike_recorder", 1, new() { ["record_to"] = recordTo });
        nest.Connect(neurons, recorder);
        nest.Simulate(200.0);
        long spikes = recorder.Get<long>("n_events");

        RasterPlotResult result = RasterPlot.FromDevice(recorder);

        Assert.True(spikes > 10);
        Assert.Equal(spikes, result.SpikeCount);
        Assert.Equal(spikes, result.Rate.Counts.Sum());
        var svg = ParseSvg(result.Figure.ToSvg(), 800, 600);
        Assert.Equal(spikes, Dots(svg, Blue).Count);
        Assert.Contains($"Raster plot from device '{recorder.Ids[0]}'", Texts(svg));
    }

    [Fact]
    public void FromDevice_WithTwoNodes_Throws()
    {
        var nest = new Simulator();
        var recorders = nest.Create("spike_recorder", 2);

        Assert.Throws<ArgumentException>(() => RasterPlot.FromDevice(recorders));
    }

    private static (long[] Senders, double[] Times) RandomSpikes(int count, int neurons, double stopMs, int seed)
    {
        var random = new System.Random(seed);
        long[] senders = [.. Enumerable.Range(0, count).Select(_ => (long)random.Next(1, neurons + 1))];
        double[] times = [.. Enumerable.Range(0, count).Select(_ => Math.Round(random.NextDouble() * stopMs, 1))];
        // every neuron fires at least once, so the distinct senders are the neuron count
        for (int i = 0; i < neurons; i++)
        {
            senders[i] = i + 1;
        }

        return (senders, times);
    }
}
