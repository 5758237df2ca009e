using NestSharp.Cli;
using NestSharp.Cli.Commands;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Recording;

namespace NestSharp.Tests.Cli;

public sealed class IgnoreAndFireCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int exitCode = CommandLineApp.Run(CommandLineApp.CreateRootCommand([IgnoreAndFireCommand.Create()]), args, output, error);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Theory]
    [InlineData("--neuron-model", "aeif_cond_alpha")]
    [InlineData("--N", "5")]
    [InlineData("--K", "0")]
    [InlineData("--T", "0.1")]
    [InlineData("--threads", "0")]
    [InlineData("--seed", "0")]
    public void MalformedOrOutOfRangeOption_IsUsageError(string option, string value)
    {
        var (exitCode, output, error) = Run("ignore-and-fire", option, value);

        Assert.Equal(CommandLineApp.UsageError, exitCode);
        Assert.Contains(option, error);
        Assert.Empty(output);
    }

    [Fact]
    public void Help_ListsOptionsWithTheExamplesDefaults()
    {
        var (exitCode, output, _) = Run("ignore-and-fire", "--help");

        Assert.Equal(CommandLineApp.Success, exitCode);
        foreach (string option in new[] { "--neuron-model", "--N", "--K", "--T", "--threads", "--seed", "--out", "--gzip" }) Assert.Contains(option, output);
        Assert.Contains("[default: 12500]", output);
        Assert.Contains("[default: 1250]", output);
        Assert.Contains("[default: 10000]", output);
        Assert.Contains("[default: ignore_and_fire]", output);
    }

    [Fact]
    public void SmallRun_PrintsSummaryAndWritesTheWorkflowsFiles()
    {
        string root = Directory.CreateTempSubdirectory("nestsharp-iaf-cli-").FullName;
        try
        {
            var (exitCode, output, error) = Run(
                "ignore-and-fire", "--neuron-model", "iaf_psc_alpha", "--N", "250", "--K", "50", "--T", "200", "--threads", "2", "--out", root, "--gzip");

            Assert.Equal(CommandLineApp.Success, exitCode);
            Assert.Empty(error);
            foreach (string quantity in new[] { "Firing rate", "Building time", "Simulation time", "GetConnections (all E->E)", "E->E weights: mean", "Peak memory" })
                Assert.Contains(quantity, output);
            string dir = Path.Combine(root, "iaf_psc_alpha");
            foreach (string name in new[]
                     {
                         "model_instance_parameters.json", "connectivity_presim.dat.gz", "connectivity_postsim.dat.gz",
                         IgnoreAndFireExperiment.WeightDistributionFileName,
                         "TwoPopulationNetworkPlastic_iaf_psc_alpha_spikes.svg",
                         "TwoPopulationNetworkPlastic_iaf_psc_alpha_weight_distributions.svg",
                         "TwoPopulationNetworkPlastic_iaf_psc_alpha_connectivity_presim.svg",
                         "TwoPopulationNetworkPlastic_iaf_psc_alpha_connectivity_postsim.svg",
                     })
            {
                Assert.True(File.Exists(Path.Combine(dir, name)), $"{name} is missing");
            }

            // All 200 excitatory neurons are in the connectivity subset: 200 * 40 connections.
            Assert.Equal(200 * 40, ConnectivityFile.Read(Path.Combine(dir, "connectivity_postsim.dat.gz")).Count);
            var distribution = File.ReadAllLines(Path.Combine(dir, IgnoreAndFireExperiment.WeightDistributionFileName));
            Assert.StartsWith("# weight_low", distribution[0]);
            Assert.Equal(200 * 40, distribution.Skip(1).Sum(line => long.Parse(line.Split('\t')[2], System.Globalization.CultureInfo.InvariantCulture)));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}
