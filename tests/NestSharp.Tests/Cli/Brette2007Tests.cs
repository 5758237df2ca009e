using System.Globalization;
using NestSharp.Cli;
using NestSharp.Cli.Commands;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Recording;
using NestSharp.Tests.Parameters;

namespace NestSharp.Tests.Cli;

/// <summary>
/// <c>nestsharp brette-2007</c>: the networks are NEST's brette_et_al_2007 scripts', and their rates come from the
/// distribution NEST 3.10 gives over seeds (Reference/benchmarks/brette2007_*_rates_nest.csv, made with NEST's scripts
/// and only the seed and the simulated time changed; see the files' headers). COBA is bistable over seeds: the activity
/// the stimulus starts either lasts (about 13 Hz) or dies out (below 2 Hz over 300 ms) in both simulators.
/// </summary>
public sealed class Brette2007Tests
{
    private static Brette2007Result Run(Brette2007Network network, double simTimeMs, int threads, long seed, string output) =>
        Brette2007Experiment.Run(new Brette2007Parameters
        {
            Network = network, SimTimeMs = simTimeMs, Threads = threads, Seed = seed, OutputDirectory = output,
        }, TextWriter.Null);

    private static string TemporaryDirectory() => Path.Combine(Path.GetTempPath(), "nestsharp-brette-" + Guid.NewGuid().ToString("N"));

    [Theory]
    [InlineData(Brette2007Network.Cuba)]
    [InlineData(Brette2007Network.Coba)]
    [InlineData(Brette2007Network.HhCoba)]
    public void Network_HasTheScriptsSize(Brette2007Network network)
    {
        string output = TemporaryDirectory();
        try
        {
            var result = Run(network, 0.1, threads: 2, seed: 1, output);
            Assert.Equal(4000, result.Neurons);
            // The scripts' Nsyn: (CE + CI) N + 2 Nrec + Nstim = (64 + 16) 4000 + 1000 + 50.
            Assert.Equal(321_050, result.Synapses);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Spikes_DoNotDependOnTheThreadCount()
    {
        string one = TemporaryDirectory(), three = TemporaryDirectory();
        try
        {
            var a = Run(Brette2007Network.Cuba, 150.0, threads: 1, seed: 5, one);
            var b = Run(Brette2007Network.Cuba, 150.0, threads: 3, seed: 5, three);
            var spikesA = Sorted(AsciiSpikeFile.Read(a.SpikeFiles));
            var spikesB = Sorted(AsciiSpikeFile.Read(b.SpikeFiles));
            Assert.True(spikesA.Length > 500, $"only {spikesA.Length} spikes");
            Assert.Equal(spikesA, spikesB);
            Assert.True(File.Exists(a.RasterPlot!.SvgPath));
        }
        finally
        {
            Directory.Delete(one, recursive: true);
            Directory.Delete(three, recursive: true);
        }
    }

    private static (long, double)[] Sorted(SpikeData spikes) =>
        [.. spikes.Senders.Zip(spikes.TimesMs).OrderBy(s => s.Second).ThenBy(s => s.First)];

    [Fact]
    public void Cuba_RatesOverSeeds_HaveNestsDistribution() =>
        AssertRatesLikeNests(Brette2007Network.Cuba, "brette2007_cuba_1000ms_rates_nest.csv", 1000.0, seeds: 8);

    [Fact]
    [Trait("Category", "Slow")]
    public void Coba_RatesOverSeeds_HaveNestsDistribution() =>
        AssertRatesLikeNests(Brette2007Network.Coba, "brette2007_coba_300ms_rates_nest.csv", 300.0, seeds: 20);

    [Fact]
    [Trait("Category", "Slow")]
    public void HhCoba_RatesOverSeeds_HaveNestsDistribution() =>
        AssertRatesLikeNests(Brette2007Network.HhCoba, "brette2007_hh_coba_200ms_rates_nest.csv", 200.0, seeds: 10);

    /// <summary>
    /// NestSharp's excitatory and inhibitory rates over seeds 1..<paramref name="seeds"/> against NEST's sample (two-sample
    /// Kolmogorov-Smirnov test, each at p &gt; 0.001).
    /// </summary>
    private static void AssertRatesLikeNests(Brette2007Network network, string file, double simTimeMs, int seeds)
    {
        var nest = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Reference", "benchmarks", file))
            .Where(line => !line.StartsWith('#') && !line.StartsWith("seed", StringComparison.Ordinal))
            .Select(line => line.Split(','))
            .Select(fields => (E: double.Parse(fields[2], CultureInfo.InvariantCulture), I: double.Parse(fields[3], CultureInfo.InvariantCulture)))
            .ToArray();
        Assert.True(nest.Length >= 30, $"{nest.Length} NEST runs");

        string output = TemporaryDirectory();
        try
        {
            var ours = new (double E, double I)[seeds];
            for (int seed = 1; seed <= seeds; seed++)
            {
                var result = Run(network, simTimeMs, threads: 2, seed, output);
                ours[seed - 1] = (result.ExcitatoryRateHz, result.InhibitoryRateHz);
            }
            foreach (var (name, select) in new (string, Func<(double E, double I), double>)[] { ("excitatory", r => r.E), ("inhibitory", r => r.I) })
            {
                var (d, p) = KolmogorovSmirnov.TwoSample([.. ours.Select(select)], [.. nest.Select(select)]);
                Assert.True(p > 1e-3, string.Create(CultureInfo.InvariantCulture,
                    $"{name}: D = {d:F3}, p = {p:G3}; NestSharp {string.Join(", ", ours.Select(r => select(r).ToString("F2", CultureInfo.InvariantCulture)))}"));
            }
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    private static (int ExitCode, string Output, string Error) RunCommand(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(CommandLineApp.CreateRootCommand([Brette2007Command.Create()]), args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--network", "vogels")]
    [InlineData("--simtime", "0.05")]
    [InlineData("--threads", "0")]
    public void MalformedOrOutOfRangeOption_IsUsageError(string option, string value)
    {
        var (exitCode, output, error) = RunCommand("brette-2007", option, value);
        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains(option, error);
        Assert.Empty(output);
    }

    [Fact]
    public void Command_PrintsTheScriptsSummaryAndWritesTheRaster()
    {
        string output = TemporaryDirectory();
        try
        {
            var (exitCode, text, error) = RunCommand("brette-2007", "--network", "coba", "--simtime", "20", "--threads", "2", "--out", output);
            Assert.True(exitCode == CommandLineApp.Success, error);
            foreach (string row in new[] { "Synapses", "321050", "Excitatory rate", "Inhibitory rate", "Building time", "Simulation time", "Real-time factor" })
                Assert.Contains(row, text);
            Assert.True(File.Exists(Path.Combine(output, Path.ChangeExtension(Brette2007Experiment.RasterFileName, ".svg"))));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }
}
