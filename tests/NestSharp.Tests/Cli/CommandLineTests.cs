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

    private static string[] Lines(string text) => text.Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);

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

    [Theory]
    [InlineData(new[] { "--help" }, "nestsharp [command] [options]")]
    [InlineData(new[] { "brunel", "--help" }, "nestsharp brunel [options]")]
    public void Help_NamesTheCommandNestsharp(string[] args, string usage)
    {
        var (exitCode, output, _) = Run(args);

        Assert.Equal(CommandLineApp.Success, exitCode);
        Assert.Contains(usage, output);
        Assert.DoesNotContain("NestSharp.Cli", output);
    }

    [Fact]
    public void MissingCommand_IsUsageErrorListingTheCommands()
    {
        var (exitCode, _, error) = Run();

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Equal(["nestsharp: no command given; the commands are brunel.", "Run 'nestsharp --help' for usage."], Lines(error));
    }

    [Fact]
    public void OrderBeyondTheWholeNumbers_IsReportedInWords()
    {
        var (exitCode, output, error) = Run("brunel", "--order", "99999999999");

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Equal(
            ["nestsharp: --order: '99999999999' is not a whole number between 10 and 2147483647.", "Run 'nestsharp brunel --help' for usage."],
            Lines(error));
        Assert.Empty(output);
    }

    [Fact]
    public void SimTimeThatIsNotANumber_IsReportedInWords()
    {
        var (exitCode, _, error) = Run("brunel", "--simtime", "abc");

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Equal(["nestsharp: --simtime: 'abc' is not a number.", "Run 'nestsharp brunel --help' for usage."], Lines(error));
    }

    [Theory]
    [InlineData("--order", "1e3")]
    [InlineData("--order", "")]
    [InlineData("--threads", "3.5")]
    [InlineData("--seed", "99999999999999999999")]
    [InlineData("--simtime", "1..5")]
    public void ValueThatDoesNotParse_NamesTheOptionAndNoDotNetType(string option, string value)
    {
        var (exitCode, _, error) = Run("brunel", option, value);

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.StartsWith($"nestsharp: {option}: '{value}' is not ", error);
        Assert.DoesNotContain("System.", error);
        Assert.DoesNotContain("Int", error);
    }

    [Fact]
    public void UnknownCommand_IsOneLineAndTheHint()
    {
        var (exitCode, output, error) = Run("brunell", "--order", "20");

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Equal(["nestsharp: 'brunell' is not a command; the commands are brunel.", "Run 'nestsharp --help' for usage."], Lines(error));
        Assert.Empty(output);
    }

    [Fact]
    public void UnknownOption_IsOneLineAndTheHint()
    {
        var (exitCode, output, error) = Run("brunel", "--colour", "red");

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Equal(["nestsharp: brunel has no option '--colour'.", "Run 'nestsharp brunel --help' for usage."], Lines(error));
        Assert.Empty(output);
    }

    [Fact]
    public void UnexpectedArgument_IsOneLineAndTheHint()
    {
        var (exitCode, _, error) = Run("brunel", "extra");

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Equal(["nestsharp: brunel takes no arguments; got 'extra'.", "Run 'nestsharp brunel --help' for usage."], Lines(error));
    }

    [Fact]
    public void SeveralBadValues_AreEachReported()
    {
        var (_, _, error) = Run("brunel", "--order", "5", "--threads", "0");

        Assert.Equal(
            [
                "nestsharp: --order must be at least 10 (each neuron receives 0.1*order inhibitory inputs); got 5.",
                "nestsharp: --threads must be between 1 and 1024; got 0.",
                "Run 'nestsharp brunel --help' for usage.",
            ],
            Lines(error));
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
