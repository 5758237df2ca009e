using NestSharp.Cli.Experiments;
using NestSharp.Cli.Recording;

namespace NestSharp.Tests.Cli;

/// <summary>One small HPC benchmark run (scale 0.02, 20 + 30 ms, 2 threads) shared by the tests of its results.</summary>
public sealed class SmallHpcBenchmarkRun : IDisposable
{
    public SmallHpcBenchmarkRun()
    {
        Parameters = new HpcBenchmarkParameters
        {
            Scale = 0.02,
            PresimTimeMs = 20.0,
            SimTimeMs = 30.0,
            Threads = 2,
            OutputDirectory = Path.Combine(Path.GetTempPath(), "nestsharp-hpc-" + Guid.NewGuid().ToString("N")),
        };
        Result = HpcBenchmarkExperiment.Run(Parameters, TextWriter.Null);
    }

    public HpcBenchmarkParameters Parameters { get; }
    public HpcBenchmarkResult Result { get; }

    public void Dispose() => Directory.Delete(Parameters.OutputDirectory, recursive: true);
}

public sealed class HpcBenchmarkExperimentTests(SmallHpcBenchmarkRun run) : IClassFixture<SmallHpcBenchmarkRun>
{
    // Scale 0.02: NE = 180, NI = 45; the in-degrees stay CE = 9000 and CI = 2250 (multapses allowed, no autapses).

    [Fact]
    public void Populations_AreScaledAndInDegreesAreNot()
    {
        Assert.Equal(180, run.Result.ExcitatoryNeurons);
        Assert.Equal(45, run.Result.InhibitoryNeurons);
        const long recurrent = (180 + 45) * (9000L + 2250L);
        const long stimulus = 225, recorder = 180;
        Assert.Equal(recurrent + stimulus + recorder, run.Result.Connections);
        Assert.Equal(180L * 9000, run.Result.PlasticConnections);
    }

    [Fact]
    public void Log_HasNestsMetricsInNestsOrderAndFormat()
    {
        string[] names =
        [
            "virt_mem_0", "build_time_nodes", "virt_mem_after_nodes", "build_edge_time", "virt_mem_after_edges",
            "virt_mem_after_presim", "presim_time", "virt_mem_after_sim", "sim_time", "average rate",
        ];
        var lines = File.ReadAllLines(run.Result.LogFile!);
        Assert.Equal(names.Length, lines.Length);
        for (int i = 0; i < names.Length; i++)
        {
            var match = System.Text.RegularExpressions.Regex.Match(lines[i], @"^(\d+) 0 (\S+) # (.+)$");
            Assert.True(match.Success, lines[i]);
            Assert.Equal(i, int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
            Assert.True(double.TryParse(match.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture, out _), lines[i]);
            Assert.Equal(names[i], match.Groups[3].Value);
        }
    }

    [Fact]
    public void AverageRate_IsNestsDefinitionOverTheRecordedSpikes()
    {
        var spikes = AsciiSpikeFile.Read(run.Result.SpikeFiles);
        Assert.Equal(180, run.Result.RecordedNeurons);
        Assert.All(spikes.Senders, sender => Assert.InRange(sender, 1, 180));
        // NEST's script divides every recorded spike, the presimulation's too, by the measured period only.
        Assert.Equal(spikes.Senders.Length / (180 * 30.0) * 1e3, run.Result.AverageRateHz, 9);
        int periodSpikes = spikes.TimesMs.Count(t => t > 20.0);
        Assert.Equal(periodSpikes / (180 * 30.0) * 1e3, run.Result.MeasuredPeriodRateHz, 9);
    }

    [Fact]
    public void Memory_IsMeasuredAtEachStage()
    {
        // Resident memory is the whole test process's, where other test classes allocate and free at the same time,
        // so the difference between two stages (bytes per connection) is not asserted here; it is in a process of
        // its own (docs/performance.md).
        Assert.Equal(5, run.Result.MemoryKiB.Count);
        Assert.All(run.Result.MemoryKiB, kib => Assert.True(kib > 0));
        Assert.True(run.Result.PeakMemoryBytes >= run.Result.MemoryKiB[2] * 1024L);
    }

    [Fact]
    public void RasterPlot_IsWritten()
    {
        Assert.True(File.Exists(run.Result.RasterPlot!.SvgPath));
    }

    [Fact]
    public void ScaleBelowOneInhibitoryNeuron_IsRejected()
    {
        var parameters = run.Parameters with { Scale = 1e-4 };
        Assert.Throws<ArgumentOutOfRangeException>(() => HpcBenchmarkExperiment.Run(parameters, TextWriter.Null));
    }
}
