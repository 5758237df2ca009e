using NestSharp.Cli.Experiments;
using NestSharp.Plotting;
using NestSharp.Tests.Plotting;
using static NestSharp.Tests.Plotting.FigureFiles;

namespace NestSharp.Tests.Cli;

public sealed class MicrocircuitFiguresTests
{
    private const string Excitatory = "#595289";
    private const string Inhibitory = "#AF143C";

    [Fact]
    public void Raster_DrawsEverySpikeInTheWindowInItsPopulationsColourWithLayerLabels()
    {
        using var directory = new TemporaryDirectory();
        var nest = new Simulator();
        var populations = MicrocircuitModel.Populations.Select(_ => nest.Create("iaf_psc_exp", 10)).ToList();
        // population p: neuron k spikes at 10 k + p ms; the window 0-50 ms keeps k < 5 (k = 5 only for p = 0)
        var spikes = populations.Select((population, p) => (
            Senders: population.Ids.Select(id => (long)id).ToArray(),
            Times: Enumerable.Range(0, 10).Select(k => 10.0 * k + p).ToArray())).ToList();

        SaveResult saved = MicrocircuitFigures.Raster(spikes, populations, 0, 50, scaleN: 0.1, directory.File("raster.png"));

        AssertPng(File.ReadAllBytes(saved.PngPath!), 800, 600);
        var svg = ParseSvg(File.ReadAllText(saved.SvgPath), 800, 600);
        Assert.Equal(6 + 5 + 5 + 5, Dots(svg, Excitatory).Count);
        Assert.Equal(4 * 5, Dots(svg, Inhibitory).Count);
        IReadOnlyList<string> texts = Texts(svg);
        foreach (string label in new[] { "L2/3", "L4", "L5", "L6", "Population", "Time (ms)" })
        {
            Assert.Contains(label, texts);
        }
    }

    [Fact]
    public void RateBoxPlot_DrawsABoxPerPopulationAndTheRatesOutsideIt()
    {
        using var directory = new TemporaryDirectory();
        var statistics = MicrocircuitModel.Populations.Select((name, p) => new PopulationStatistics(
            name, 5, 3.0, 1.0, 0.8, 5, 0.0, 0, [1.0, 2.0, 3.0, 4.0, 5.0 + p])).ToList();

        SaveResult saved = MicrocircuitFigures.RateBoxPlot(statistics, directory.File("rates.png"));

        AssertPng(File.ReadAllBytes(saved.PngPath!), 800, 600);
        var svg = ParseSvg(File.ReadAllText(saved.SvgPath), 800, 600);
        // quartiles 2 and 4 for every population: the boxes, and two crosses each (1 and 5 + p) outside them
        Assert.Equal(4, Bars(svg, Excitatory).Count);
        Assert.Equal(4, Bars(svg, Inhibitory).Count);
        IReadOnlyList<string> texts = Texts(svg);
        foreach (string label in new[] { "L2/3E", "L2/3I", "L6I", "Firing rate (spikes/s)" })
        {
            Assert.Contains(label, texts);
        }
    }
}
