using NestSharp.Cli;
using NestSharp.Cli.Commands;

namespace NestSharp.Tests.Cli;

public sealed class StructuralPlasticityCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(CommandLineApp.CreateRootCommand([StructuralPlasticityCommand.Create()]), args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--simtime", "1500")]
    [InlineData("--simtime", "0")]
    [InlineData("--simtime", "long")]
    [InlineData("--threads", "0")]
    [InlineData("--seed", "0")]
    [InlineData("--order", "5")]
    public void MalformedOrOutOfRangeOption_IsUsageError(string option, string value)
    {
        var (exitCode, output, error) = Run("structural-plasticity", option, value);

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains(option, error);
        Assert.Empty(output);
    }

    [Fact]
    public void SimTimeNotWholeSeconds_NamesTheRecordingInterval()
    {
        var (_, _, error) = Run("structural-plasticity", "--simtime", "2500");

        Assert.Contains("multiple of 1000 ms", error);
        Assert.Contains("got 2500", error);
    }

    [Fact]
    public void Help_ListsOptionsWithDefaults()
    {
        var (exitCode, output, _) = Run("structural-plasticity", "--help");

        Assert.Equal(CommandLineApp.Success, exitCode);
        foreach (string option in new[] { "--simtime", "--threads", "--seed", "--out" }) Assert.Contains(option, output);
        Assert.Contains("[default: 200000]", output);
        Assert.Contains("[default: 143202461]", output);
        Assert.Contains("[default: structural-plasticity-out]", output);
        Assert.Contains("all cores", output);
        Assert.Contains("the first synapses appear between 18 and 24 s", output);
    }

    [Fact]
    public void StructuralPlasticity_PrintsProgressSummaryAndFilesWritten()
    {
        string directory = Path.Combine(Path.GetTempPath(), "nestsharp-cli-sp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output, error) = Run("structural-plasticity", "--simtime", "2000", "--threads", "1", "--out", directory);

            Assert.Equal(CommandLineApp.Success, exitCode);
            Assert.Empty(error);
            Assert.Contains("[  50% ] Model time: 1000.0 ms, Ca E ", output);
            Assert.Contains("[ 100% ] Model time: 2000.0 ms, Ca E ", output);
            Assert.Contains("No synapses after 2 s: the first ones form between 18 and 24 s of model time", output);
            Assert.DoesNotContain('\r', output);
            Assert.DoesNotContain('\u001b', output);
            Assert.Contains("Structural plasticity simulation (C#)", output);
            Assert.Matches(@"\| Neurons\s+\|\s+1000 \(800 E, 200 I\) \|", output);
            Assert.Matches(@"\| Final mean Ca, excitatory\s+\|\s+0\.\d{4} \(target 0\.05\) \|", output);
            Assert.Matches(@"\| Final mean Ca, inhibitory\s+\|\s+0\.\d{4} \(target 0\.2\) \|", output);
            Assert.Matches(@"\| Excitatory connections\s+\|\s+0 \|", output);
            Assert.Matches(@"\| Threads\s+\|\s+1 \|", output);
            Assert.Contains(Path.Combine(directory, "structural_plasticity.csv"), output);
            Assert.Contains(Path.Combine(directory, "structural_plasticity.svg"), output);
            Assert.Equal(3, File.ReadAllLines(Path.Combine(directory, "structural_plasticity.csv")).Length);
        }
        finally
        {
            if (Directory.Exists(directory)) Directory.Delete(directory, recursive: true);
        }
    }
}
