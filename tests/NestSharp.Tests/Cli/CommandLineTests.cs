using NestSharp.Cli;
using NestSharp.Cli.Commands;

namespace NestSharp.Tests.Cli;

public sealed class CommandLineTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(CommandLineApp.CreateRootCommand([BrunelCommand.Create()]), args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void NegativeOrder_IsUsageErrorNamingOptionAndValue()
    {
        var (exitCode, output, error) = Run("brunel", "--order", "-5");

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains("--order must be at least 10", error);
        Assert.Contains("got -5", error);
        Assert.Contains("nestsharp brunel --help", error);
        Assert.Empty(output);
    }

    [Theory]
    [InlineData("--order", "many")]
    [InlineData("--simtime", "0.05")]
    [InlineData("--threads", "0")]
    [InlineData("--seed", "0")]
    [InlineData("--colour", "red")]
    public void MalformedOrOutOfRangeOption_IsUsageError(string option, string value)
    {
        var (exitCode, _, error) = Run("brunel", option, value);

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains(option, error);
    }

    [Fact]
    public void MissingCommand_IsUsageError()
    {
        Assert.Equal(CommandLineApp.UsageError, Run().ExitCode);
    }

    [Fact]
    public void Help_ListsBrunelOptionsWithDefaults()
    {
        var (exitCode, output, _) = Run("brunel", "--help");

        Assert.Equal(CommandLineApp.Success, exitCode);
        foreach (string option in new[] { "--order", "--simtime", "--threads", "--seed", "--out" }) Assert.Contains(option, output);
        Assert.Contains("[default: 2500]", output);
        Assert.Contains("all cores", output);
    }

    [Fact]
    public void Brunel_PrintsSummaryAndFilesWritten()
    {
        string directory = Path.Combine(Path.GetTempPath(), "nestsharp-cli-" + Guid.NewGuid().ToString("N"));
        try
        {
            var (exitCode, output, error) = Run("brunel", "--order", "20", "--simtime", "50", "--threads", "1", "--out", directory);

            Assert.Equal(CommandLineApp.Success, exitCode);
            Assert.Empty(error);
            Assert.Contains("Brunel network simulation (C#)", output);
            Assert.Matches(@"\| Neurons\s+\|\s+100 \|", output);
            Assert.Matches(@"\| Threads\s+\|\s+1 \|", output);
            Assert.Contains(Path.Combine(directory, "brunel_raster.svg"), output);
            Assert.True(File.Exists(Path.Combine(directory, "brunel_raster.svg")));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }
}
