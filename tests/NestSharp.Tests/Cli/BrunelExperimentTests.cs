using System.Xml.Linq;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Recording;
using NestSharp.Numerics;

namespace NestSharp.Tests.Cli;

/// <summary>One small Brunel run (order 50, 200 ms) shared by the tests of its results.</summary>
public sealed class SmallBrunelRun : IDisposable
{
    public SmallBrunelRun()
    {
        Parameters = new BrunelParameters
        {
            Order = 50,
            SimTimeMs = 200.0,
            Threads = 2,
            OutputDirectory = Path.Combine(Path.GetTempPath(), "nestsharp-brunel-" + Guid.NewGuid().ToString("N")),
            PrintTime = false,
        };
        Result = BrunelExperiment.Run(Parameters, TextWriter.Null);
    }

    public BrunelParameters Parameters { get; }
    public BrunelResult Result { get; }

    public void Dispose() => Directory.Delete(Parameters.OutputDirectory, recursive: true);
}

public sealed class BrunelExperimentTests(SmallBrunelRun run) : IClassFixture<SmallBrunelRun>
{
    // Order 50: NE = 200, NI = 50, N = 250, CE = 20, CI = 5; 50 neurons recorded per population.

    [Fact]
    public void Network_HasFiveTimesOrderNeurons()
    {
        Assert.Equal(250, run.Result.Neurons);
    }

    [Fact]
    public void ExcitatoryCount_IsRecurrentInputsPlusNoiseAndRecorderConnections()
    {
        const long recurrent = 20 * 250, noise = 250, recorders = 50 + 50;
        Assert.Equal(recurrent + noise + recorders, run.Result.ExcitatorySynapses);
    }

    [Fact]
    public void InhibitoryCount_IsInhibitoryIndegreeTimesNeurons()
    {
        Assert.Equal(5 * 250, run.Result.InhibitorySynapses);
        Assert.Equal(run.Result.ExcitatorySynapses + run.Result.InhibitorySynapses, run.Result.Synapses);
    }

    [Fact]
    public void SpikeFiles_AreInOutputDirectoryWithNestAsciiHeader()
    {
        // As NEST: one file per recorder and virtual process.
        int vps = run.Parameters.Threads;
        Assert.Equal(2 * vps, run.Result.SpikeFiles.Count);
        foreach (string file in run.Result.SpikeFiles)
        {
            Assert.Equal(Path.GetFullPath(run.Parameters.OutputDirectory), Path.GetDirectoryName(file));
            var lines = File.ReadLines(file).Take(3).ToArray();
            Assert.StartsWith("# NEST version:", lines[0]);
            Assert.Equal("# RecordingBackendASCII version: 2", lines[1]);
            Assert.Equal("sender\ttime_ms", lines[2]);
        }
        for (int vp = 0; vp < vps; vp++)
        {
            Assert.Matches($@"brunel-py-ex-\d+-{vp}\.dat$", run.Result.SpikeFiles[vp]);
            Assert.Matches($@"brunel-py-in-\d+-{vp}\.dat$", run.Result.SpikeFiles[vps + vp]);
        }
    }

    [Fact]
    public void Rates_AreRecordedSpikesPerNeuronAndSecond()
    {
        var excitatory = AsciiSpikeFile.Read(run.Result.SpikeFiles.Take(run.Parameters.Threads));
        Assert.Equal(run.Result.ExcitatoryEvents, excitatory.Senders.Length);
        Assert.True(run.Result.ExcitatoryEvents > 0);
        Assert.Equal(run.Result.ExcitatoryEvents / 0.2 / 50, run.Result.ExcitatoryRateHz, 12);
        Assert.Equal(run.Result.InhibitoryEvents / 0.2 / 50, run.Result.InhibitoryRateHz, 12);
        Assert.All(excitatory.Senders, sender => Assert.InRange(sender, 1, 50));
    }

    [Fact]
    public void RasterPlot_IsSvgInOutputDirectory()
    {
        var svg = run.Result.RasterPlot!.SvgPath;
        Assert.Equal(Path.Combine(Path.GetFullPath(run.Parameters.OutputDirectory), BrunelExperiment.RasterFileName), svg);
        var document = XDocument.Load(svg);
        Assert.Equal("svg", document.Root!.Name.LocalName);
    }

    [Fact]
    public void PeakOfUnitAlphaCurrent_IsMaximumOfAlphaPsp()
    {
        const double tauMem = 20.0, cMem = 250.0, tauSyn = 0.5;
        double b = 1.0 / tauSyn - 1.0 / tauMem;
        double Psp(double t) => Math.E / (tauSyn * cMem * b)
            * ((Math.Exp(-t / tauMem) - Math.Exp(-t / tauSyn)) / b - t * Math.Exp(-t / tauSyn));
        double sampledMaximum = Enumerable.Range(1, 100_000).Max(i => Psp(i * 1e-4));

        Assert.Equal(sampledMaximum, PostSynapticPotential.PeakOfUnitAlphaCurrent(tauMem, cMem, tauSyn), 10);
    }

    [Fact]
    public void OrderBelowMinimum_IsRejected()
    {
        var parameters = run.Parameters with { Order = BrunelParameters.MinimumOrder - 1 };
        Assert.Throws<ArgumentOutOfRangeException>(() => BrunelExperiment.Run(parameters, TextWriter.Null));
    }
}
