using System.Globalization;
using NestSharp.Cli;
using NestSharp.Cli.Commands;
using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Cli;

/// <summary><c>nestsharp clopath</c> and <c>nestsharp clopath-pairing</c>: option checks, summaries and the files written.</summary>
public sealed class ClopathCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(
            CommandLineApp.CreateRootCommand([ClopathCommand.Create(), ClopathPairingCommand.Create()]), args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--simtime", "150")]
    [InlineData("--simtime", "0")]
    [InlineData("--simtime", "-100")]
    [InlineData("--simtime", "ten")]
    [InlineData("--threads", "0")]
    [InlineData("--threads", "2000")]
    [InlineData("--seed", "0")]
    [InlineData("--seed", "4294967296")]
    public void Clopath_MalformedOrOutOfRangeOption_IsUsageError(string option, string value)
    {
        var (exitCode, output, error) = Run("clopath", option, value);

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains(option, error);
        Assert.Empty(output);
    }

    [Fact]
    public void Clopath_UnknownOption_IsUsageError()
    {
        var (exitCode, output, error) = Run("clopath", "--order", "3");

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains("--order", error);
        Assert.Empty(output);
    }

    [Fact]
    public void Clopath_Help_ListsOptionsWithTheExamplesDefaults()
    {
        var (exitCode, output, _) = Run("clopath", "--help");

        Assert.Equal(CommandLineApp.Success, exitCode);
        foreach (string option in new[] { "--simtime", "--threads", "--seed", "--out" }) Assert.Contains(option, output);
        Assert.Contains("[default: 10000]", output);
        Assert.Contains("[default: 143202461]", output);
    }

    [Fact]
    public void Clopath_ShortRun_PrintsSummaryAndWritesMatrixEventsAndFigure()
    {
        string root = Directory.CreateTempSubdirectory("nestsharp-clopath-cli-").FullName;
        try
        {
            string dir = Path.Combine(root, "new", "out");
            var (exitCode, output, error) = Run("clopath", "--simtime", "1000", "--seed", "3", "--threads", "2", "--out", dir);

            Assert.Equal(CommandLineApp.Success, exitCode);
            Assert.Empty(error);
            foreach (string quantity in new[] { "Excitatory rate", "E->E weight change: mean (off-diagonal)", "correlation with its transpose", "Simulation time", "[ 100% ] Model time: " })
                Assert.Contains(quantity, output);
            foreach (string name in new[] { ClopathNetworkExperiment.MatrixFileName, ClopathNetworkExperiment.WeightEventsFileName, ClopathNetworkExperiment.CentersFileName, ClopathNetworkExperiment.FigureFileName })
                Assert.True(File.Exists(Path.Combine(dir, name)), $"{name} is missing");

            // The CSV is the matrix the summary describes: NaN on the diagonal, the mean as printed.
            var matrix = ClopathNetworkExperiment.ReadMatrix(Path.Combine(dir, ClopathNetworkExperiment.MatrixFileName));
            Assert.Equal(10, matrix.GetLength(0));
            Assert.Equal(10, matrix.GetLength(1));
            for (int i = 0; i < 10; i++) Assert.True(double.IsNaN(matrix[i, i]));
            var expected = ClopathNetworkExperiment.Simulate(new ClopathNetworkParameters { SimTimeMs = 1000.0, Seed = 3 });
            Assert.Equal(expected.WeightChange.Cast<double>(), matrix.Cast<double>());
            Assert.Contains(expected.MeanChange.ToString("F5", CultureInfo.InvariantCulture), output);

            var events = File.ReadAllLines(Path.Combine(dir, ClopathNetworkExperiment.WeightEventsFileName));
            Assert.Equal("times,senders,targets,weights", events[0]);
            Assert.Equal(expected.WeightEvents.Weights.Length, events.Length - 1);
            var centers = File.ReadAllLines(Path.Combine(dir, ClopathNetworkExperiment.CentersFileName));
            Assert.Equal("interval,start_ms,center", centers[0]);
            Assert.Equal(expected.Centers.Select((center, i) => FormattableString.Invariant($"{i},{i * 100},{center}")), centers.Skip(1));
            string svg = File.ReadAllText(Path.Combine(dir, ClopathNetworkExperiment.FigureFileName));
            Assert.Contains("Change of syn weights before and after simulation", svg);
            Assert.Contains("weight change", svg); // the colour bar's title
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10,60")]
    [InlineData("-1")]
    [InlineData("10,,20")]
    [InlineData("ten")]
    [InlineData("10,10")]
    public void ClopathPairing_BadFrequencies_AreUsageErrors(string value)
    {
        var (exitCode, output, error) = Run("clopath-pairing", "--frequencies", value);

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains("--frequencies", error);
        Assert.Empty(output);
    }

    [Fact]
    public void ClopathPairing_Help_ShowsTheDefaultFrequencies()
    {
        var (exitCode, output, _) = Run("clopath-pairing", "--help");

        Assert.Equal(CommandLineApp.Success, exitCode);
        Assert.Contains("[default: 0.1,10,20,30,40,50]", output);
        Assert.Contains("--out", output);
    }

    [Fact]
    public void ClopathPairing_WritesBothCurvesAsCsvAndFigure()
    {
        string root = Directory.CreateTempSubdirectory("nestsharp-clopath-pairing-cli-").FullName;
        try
        {
            var (exitCode, output, error) = Run("clopath-pairing", "--frequencies", "10, 50", "--out", root);

            Assert.Equal(CommandLineApp.Success, exitCode);
            Assert.Empty(error);
            Assert.Contains("rho = 10 Hz: pre-post / post-pre", output);
            Assert.Contains("103.30 / 57.83", output); // NEST's 103.30408341 and 57.82638722
            var lines = File.ReadAllLines(Path.Combine(root, ClopathPairingExperiment.CsvFileName));
            Assert.Equal("frequency_hz,pairing,offset_ms,initial_weight,final_weight,normalized_weight", lines[0]);
            Assert.Equal(["10,pre-post,10", "50,pre-post,10", "10,post-pre,-10", "50,post-pre,-10"],
                lines.Skip(1).Select(line => string.Join(",", line.Split(',').Take(3))));
            double normalized = double.Parse(lines[4].Split(',')[5], CultureInfo.InvariantCulture);
            Assert.Equal(149.43359357, normalized, 4); // NEST's post-pre at 50 Hz (its test's protocol, 9 ms later)
            string svg = File.ReadAllText(Path.Combine(root, ClopathPairingExperiment.FigureFileName));
            Assert.Contains("pre-post pairing", svg);
            Assert.Contains("post-pre pairing", svg);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
