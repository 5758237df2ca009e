using System.Xml.Linq;
using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Cli;

/// <summary>One short run (3 s of model time) of the structural plasticity experiment, shared by the tests of its results.</summary>
public sealed class ShortStructuralPlasticityRun : IDisposable
{
    public ShortStructuralPlasticityRun()
    {
        Parameters = new StructuralPlasticityParameters
        {
            SimTimeMs = 3000.0,
            Threads = 2,
            OutputDirectory = Path.Combine(Path.GetTempPath(), "nestsharp-sp-" + Guid.NewGuid().ToString("N")),
        };
        var recorded = new List<StructuralPlasticitySample>();
        Result = StructuralPlasticityExperiment.Run(Parameters, TextWriter.Null, recorded.Add);
        Recorded = recorded;
    }

    public StructuralPlasticityParameters Parameters { get; }
    public StructuralPlasticityResult Result { get; }
    public IReadOnlyList<StructuralPlasticitySample> Recorded { get; }

    public void Dispose() => Directory.Delete(Parameters.OutputDirectory, recursive: true);
}

public sealed class StructuralPlasticityExperimentTests(ShortStructuralPlasticityRun run) : IClassFixture<ShortStructuralPlasticityRun>
{
    [Fact]
    public void Network_IsTheExamples()
    {
        Assert.Equal(800, run.Result.ExcitatoryNeurons);
        Assert.Equal(200, run.Result.InhibitoryNeurons);
        Assert.Equal(0.05, run.Result.TargetCaE);
        Assert.Equal(0.2, run.Result.TargetCaI);
    }

    [Fact]
    public void Series_HasOneSamplePerSecond_HandedOverAsRecorded()
    {
        Assert.Equal(new[] { 1.0, 2.0, 3.0 }, run.Result.Series.Select(s => s.TimeS));
        Assert.Equal(run.Result.Series, run.Recorded);
    }

    [Fact]
    public void Calcium_RisesFromZero_AndConnectivityStartsEmpty()
    {
        // The drive alone raises Ca; no element can be complete before 10 s (growth rate 1e-4/ms), so no synapse yet.
        var s = run.Result.Series;
        Assert.True(0 < s[0].MeanCaE && s[0].MeanCaE < s[1].MeanCaE && s[1].MeanCaE < s[2].MeanCaE);
        Assert.True(0 < s[0].MeanCaI && s[0].MeanCaI < s[1].MeanCaI && s[1].MeanCaI < s[2].MeanCaI);
        Assert.All(s, x => Assert.Equal(0L, x.ConnectionsE + x.ConnectionsI));
        Assert.Equal(0L, run.Result.ExcitatorySynapses + run.Result.InhibitorySynapses);
    }

    [Fact]
    public void SeriesFile_HasTheHeaderAndReadsBackAsTheSeries()
    {
        string path = Path.Combine(Path.GetFullPath(run.Parameters.OutputDirectory), StructuralPlasticityExperiment.SeriesFileName);

        Assert.Equal(path, run.Result.SeriesFile);
        Assert.Equal("time_s,mean_ca_e,mean_ca_i,connections_e,connections_i", File.ReadLines(path).First());
        Assert.Equal(run.Result.Series, StructuralPlasticitySeriesFile.Read(path));
    }

    [Fact]
    public void Figure_IsAnSvgWithBothPanelsLegends()
    {
        string svg = run.Result.Figure.SvgPath;
        Assert.Equal(Path.Combine(Path.GetFullPath(run.Parameters.OutputDirectory), StructuralPlasticityExperiment.FigureFileName), svg);
        var text = string.Join("\n", XDocument.Load(svg).Descendants().Where(e => e.Name.LocalName == "text").Select(e => e.Value));
        foreach (string label in new[] { "Ca Concentration Excitatory Neurons", "Ca Concentration Inhibitory Neurons", "Excitatory connections", "Inhibitory connections", "Time in [s]" })
            Assert.Contains(label, text);
        Assert.True(File.Exists(run.Result.Figure.PngPath));
    }

    [Fact]
    public void Run_ReportsThreadsTimesAndPeakMemory()
    {
        Assert.Equal(2, run.Result.Threads);
        Assert.True(run.Result.SimulationTime > TimeSpan.Zero);
        Assert.True(run.Result.PeakMemoryBytes > 10L << 20);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1500.0)]
    [InlineData(-1000.0)]
    public void SimulatedTime_MustBeWholeRecordingIntervals(double simTimeMs)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => StructuralPlasticityExperiment.RecordingSteps(simTimeMs));
    }

    [Fact]
    public void SeriesFile_RoundTripsValuesExactly()
    {
        string path = Path.Combine(Path.GetTempPath(), "nestsharp-sp-series-" + Guid.NewGuid().ToString("N") + ".csv");
        try
        {
            StructuralPlasticitySample[] series = [new(1.0, 0.1 + 0.2, 1.0 / 3.0, 1234, 0), new(200.0, 0.05000000000000001, 2e-17, 0, 987654321)];
            StructuralPlasticitySeriesFile.Write(path, series);
            Assert.Equal(series, StructuralPlasticitySeriesFile.Read(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
