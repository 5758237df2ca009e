using System.Globalization;
using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// volume_transmitter with stdp_dopamine_synapse in checkpoints of several MPI processes. Saved by 2 in-process ranks
/// and restored onto 1, saved by 1 and restored onto 2, saved by 2 ranks of 1 thread and restored onto 1 rank of 2
/// threads, the weights and spikes equal the uninterrupted single-process run's bit for bit.
/// </summary>
public sealed class CheckpointProcessesDopamineTests : IDisposable
{
    private const int Parrots = 16, Neurons = 8;
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-processes-dopamine-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Poisson-driven parrots, some of them dopaminergic (to the volume transmitter), the others onto neurons through
    /// stdp_dopamine_synapse; the neurons' spikes recorded. Ids: volume transmitter 1, parrots, neurons, generator, recorder.
    /// </summary>
    private static void Build(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 19L, ["local_num_threads"] = threads });
        var vt = nest.Create("volume_transmitter", 1, new() { ["deliver_interval"] = 3L });
        nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = vt, ["A_plus"] = 0.5, ["b"] = 0.01, ["tau_c"] = 200.0 });
        var parrots = nest.Create("parrot_neuron", Parrots);
        var neurons = nest.Create("iaf_psc_alpha", Neurons, new() { ["I_e"] = 300.0 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 60.0 });
        nest.Connect(noise, parrots);
        // a long delay: dopamine spikes are in flight to the volume transmitter at the checkpoint
        nest.Connect(parrots[..5], vt, syn: new Dictionary<string, object> { ["delay"] = 7.0 });
        nest.Connect(parrots[5..], neurons, Rule.FixedIndegree(6), new Dictionary<string, object>
        {
            ["synapse_model"] = "stdp_dopamine_synapse", ["weight"] = 60.0, ["delay"] = 1.5,
        });
        nest.Connect(neurons, nest.Create("spike_recorder"));
    }

    /// <summary>Every dopamine synapse (source, target, weight) and every spike of the neurons, as round-trip text (on rank 0).</summary>
    private static string? Record(Simulator nest)
    {
        var synapses = nest.GetConnections(synapseModel: "stdp_dopamine_synapse");
        var events = (Dictionary<string, object>)nest.Nodes(Parrots + Neurons + 3).Get("events");
        if (nest.Rank != 0) return null;
        string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        var lines = Enumerable.Range(0, synapses.Count).Select(i => $"w {synapses.Source[i]} {synapses.Target[i]} {R(synapses.Weight[i])}")
            .Concat(((long[])events["senders"]).Zip((double[])events["times"]).Select(s => $"s {s.First} {R(s.Second)}"));
        return string.Join("\n", lines.Order(StringComparer.Ordinal));
    }

    private static string? SaveAfterFirstRun(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        Build(nest, threads);
        nest.Simulate(100.3);
        nest.SaveCheckpoint(path);
        nest.Simulate(20.0);
        return null;
    }

    private static string? ResumeAndRecord(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        nest.LoadCheckpoint(path, threads);
        nest.Simulate(150.0);
        return Record(nest);
    }

    private static string? Uninterrupted(Func<Simulator> make, int threads)
    {
        var nest = make();
        Build(nest, threads);
        nest.Simulate(100.3);
        nest.Simulate(150.0);
        return Record(nest);
    }

    private static string Expected()
    {
        string expected = Uninterrupted(() => new Simulator(), 1)!;
        var lines = expected.Split('\n');
        Assert.True(lines.Count(l => l.StartsWith("w ", StringComparison.Ordinal) && !l.EndsWith(" 60", StringComparison.Ordinal)) > 20,
            "the dopamine hardly changed the weights: the test would see little");
        return expected;
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    public void Uninterrupted_OnSeveralRanks_EqualsOneProcess(int ranks, int threads)
    {
        string expected = Expected();
        Assert.Equal(expected, InProcessRanks.Run(ranks, make => Uninterrupted(make, threads))[0]);
    }

    [Theory]
    [InlineData(2, 1, 1, 1)]
    [InlineData(1, 1, 2, 1)]
    [InlineData(2, 1, 1, 2)]
    public void SavedOnSomeRanks_RestoredOntoOthers_BitForBit(int ranksBefore, int threadsBefore, int ranksAfter, int threadsAfter)
    {
        string expected = Expected();
        string path = Path.Combine(_folder, "dopamine.nscp");
        if (ranksBefore == 1) SaveAfterFirstRun(() => new Simulator(), threadsBefore, path);
        else InProcessRanks.Run(ranksBefore, make => SaveAfterFirstRun(make, threadsBefore, path));

        string resumed = ranksAfter == 1 ? ResumeAndRecord(() => new Simulator(), threadsAfter, path)!
            : InProcessRanks.Run(ranksAfter, make => ResumeAndRecord(make, threadsAfter, path))[0]!;
        Assert.Equal(expected, resumed);
    }
}
