using System.Globalization;
using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Cli;

/// <summary>
/// The Urbanczik-Senn experiment (NEST's urbanczik_synapse_example) shortened to 20 pattern repetitions with the teacher:
/// the dendrite learns to predict the somatic potential, so the RMS difference between U and the matching potential U_M
/// falls clearly (NEST 3.10's full run of 100 repetitions: from 4.4 mV to 2.0 mV); the data files hold the traces.
/// </summary>
public sealed class UrbanczikExperimentTests
{
    private static UrbanczikResult Run(string directory, int repetitions = 20, int threads = 1) =>
        UrbanczikExperiment.Run(new UrbanczikParameters { PatternRepetitions = repetitions, Threads = threads, OutputDirectory = directory }, TextWriter.Null);

    [Fact]
    public void ShortenedRun_LearnsTheMatchingPotential()
    {
        string directory = Directory.CreateTempSubdirectory("nestsharp-urbanczik-").FullName;
        try
        {
            var result = Run(directory);
            Assert.InRange(result.RmsFirstTwo, 3.5, 6.0);
            Assert.True(result.RmsLastTwo < 0.7 * result.RmsFirstTwo,
                $"RMS(U - U_M) fell only from {result.RmsFirstTwo:F2} mV to {result.RmsLastTwo:F2} mV");
            Assert.Equal(20, result.RmsPerRepetition.Length);
            Assert.True(result.RmsPerRepetition[^1] < result.RmsPerRepetition[0]);
            // The neuron fires while the teacher drives it, and every plastic synapse reports its weight at each pre-synaptic spike.
            Assert.InRange(result.SomaRateHz, 5.0, 150.0);
            Assert.Equal(200, result.FinalWeights.Length);
            Assert.Contains(result.FinalWeights, w => Math.Abs(w - UrbanczikModel.InitialWeight) > 1.0);
            Assert.Equal(result.PatternSpikes * 24, result.Recording.Weights.Length, tolerance: 0.02 * result.PatternSpikes * 24);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Run_WritesTheTracesWeightsAndFigures()
    {
        string directory = Directory.CreateTempSubdirectory("nestsharp-urbanczik-").FullName;
        try
        {
            var result = Run(directory, repetitions: 2);
            string[] traces = File.ReadAllLines(Path.Combine(directory, UrbanczikOutput.TracesFile));
            Assert.Equal("time,V_s,V_d,V_d_star,U_M,g_ex,g_in,I_ex,I_in", traces[0]);
            // One sample per step over the 6 presentations (1200 ms), up to one min_delay (0.1 ms) before the end.
            Assert.Equal(11999, traces.Length - 1);
            var row = traces[4001].Split(',').Select(x => double.Parse(x, CultureInfo.InvariantCulture)).ToArray();
            Assert.Equal(400.1, row[0], 9);
            Assert.Equal(UrbanczikModel.DendriticPrediction(row[2]), row[3], 12);
            Assert.Equal(UrbanczikModel.MatchingPotential(row[5], row[6]), row[4], 12);
            Assert.StartsWith("time,sender,target,weight", File.ReadLines(Path.Combine(directory, UrbanczikOutput.WeightsFile)).First());
            Assert.StartsWith("repetition,", File.ReadLines(Path.Combine(directory, UrbanczikOutput.LearningFile)).First());
            Assert.True(File.Exists(Path.Combine(directory, UrbanczikOutput.SpikesFile)));
            foreach (string figure in new[]
                     {
                         UrbanczikOutput.TracesFigure, UrbanczikOutput.FirstRepetitionsFigure, UrbanczikOutput.LastRepetitionsFigure,
                         UrbanczikOutput.WeightsFigure, UrbanczikOutput.LearningFigure,
                     })
            {
                string svg = Path.Combine(directory, figure + ".svg");
                Assert.Contains(svg, result.Files.Files);
                Assert.StartsWith("<svg", File.ReadAllText(svg).TrimStart().Split('\n').First(l => l.StartsWith('<') && !l.StartsWith("<?")));
            }
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public void Results_AreTheSameForOneAndTwoThreads()
    {
        string one = Directory.CreateTempSubdirectory("nestsharp-urbanczik-").FullName;
        string two = Directory.CreateTempSubdirectory("nestsharp-urbanczik-").FullName;
        try
        {
            var a = Run(one, repetitions: 3, threads: 1);
            var b = Run(two, repetitions: 3, threads: 2);
            Assert.Equal(a.FinalWeights, b.FinalWeights);
            Assert.Equal(a.Recording.SomaSpikes, b.Recording.SomaSpikes);
            Assert.Equal(a.Recording.Vs, b.Recording.Vs);
        }
        finally
        {
            Directory.Delete(one, recursive: true);
            Directory.Delete(two, recursive: true);
        }
    }
}
