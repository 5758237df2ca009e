using NestSharp.Cli;
using NestSharp.Cli.Commands;
using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Cli;

public sealed class UrbanczikCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(CommandLineApp.CreateRootCommand([UrbanczikCommand.Create()]), args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--repetitions", "1")]
    [InlineData("--repetitions", "many")]
    [InlineData("--threads", "0")]
    [InlineData("--seed", "0")]
    public void MalformedOrOutOfRangeOption_IsUsageError(string option, string value)
    {
        var (exitCode, output, error) = Run("urbanczik", option, value);

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains(option, error);
        Assert.Empty(output);
    }

    [Fact]
    public void Help_ListsOptionsWithTheExamplesDefaults()
    {
        var (exitCode, output, _) = Run("urbanczik", "--help");

        Assert.Equal(CommandLineApp.Success, exitCode);
        foreach (string option in new[] { "--repetitions", "--threads", "--seed", "--out" }) Assert.Contains(option, output);
        Assert.Contains("[default: 100]", output);
        Assert.Contains("[default: urbanczik-out]", output);
    }

    [Fact]
    public void ShortRun_PrintsSummaryAndWritesDataAndFigures()
    {
        string root = Directory.CreateTempSubdirectory("nestsharp-urbanczik-cli-").FullName;
        try
        {
            var (exitCode, output, error) = Run("urbanczik", "--repetitions", "4", "--out", root);

            Assert.Equal(CommandLineApp.Success, exitCode);
            Assert.Empty(error);
            foreach (string quantity in new[] { "RMS(U - U_M), first two repetitions", "RMS(U - U_M), last two repetitions", "Somatic spikes", "Simulation time", "[ 100% ] Model time: 1600.0 ms" })
                Assert.Contains(quantity, output);
            foreach (string name in new[]
                     {
                         UrbanczikOutput.TracesFile, UrbanczikOutput.WeightsFile, UrbanczikOutput.SpikesFile, UrbanczikOutput.LearningFile,
                         UrbanczikOutput.TracesFigure + ".svg", UrbanczikOutput.WeightsFigure + ".svg",
                     })
            {
                Assert.True(File.Exists(Path.Combine(root, name)), $"{name} is missing");
                Assert.Contains(Path.Combine(root, name), output);
            }
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
