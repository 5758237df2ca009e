using System.Globalization;
using System.Text;
using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Structural plasticity in checkpoints of several MPI processes: every process sees every spike and makes the same
/// structural updates, so its synaptic elements and calcium are the same everywhere and the checkpoint's own section
/// holds them; the synapses it made are saved with the connections of each process. A growing network (100 neurons,
/// updates every 250 ms) saved by 2 in-process ranks after 1500 ms and restored onto 1, and saved by 1 and restored onto
/// 2, goes on for 1000 ms with the calcium, bound elements, synapses and spikes of the uninterrupted single-process run.
/// </summary>
public sealed class CheckpointProcessesStructuralTests : IDisposable
{
    private const int Excitatory = 80, Inhibitory = 20;
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-processes-sp-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, object> Curve(double rate, double eps) => new()
    {
        ["growth_curve"] = "gaussian", ["growth_rate"] = rate, ["continuous"] = false, ["eta"] = 0.0, ["eps"] = eps,
    };

    private static void Build(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 11L, ["structural_plasticity_update_interval"] = 250.0 });
        nest.CopyModel("static_synapse", "synapse_ex", new() { ["weight"] = 585.0, ["delay"] = 1.0 });
        nest.CopyModel("static_synapse", "synapse_in", new() { ["weight"] = -585.0, ["delay"] = 1.0 });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["synapse_ex"] = new Dictionary<string, object> { ["synapse_model"] = "synapse_ex", ["pre_synaptic_element"] = "Axon_ex", ["post_synaptic_element"] = "Den_ex" },
                ["synapse_in"] = new Dictionary<string, object> { ["synapse_model"] = "synapse_in", ["pre_synaptic_element"] = "Axon_in", ["post_synaptic_element"] = "Den_in" },
            },
        });
        nest.Create("iaf_psc_alpha", Excitatory, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object> { ["Den_ex"] = Curve(0.004, 0.05), ["Den_in"] = Curve(0.004, 0.05), ["Axon_ex"] = Curve(0.004, 0.05) },
        });
        nest.Create("iaf_psc_alpha", Inhibitory, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object> { ["Den_ex"] = Curve(0.01, 0.2), ["Den_in"] = Curve(0.004, 0.2), ["Axon_in"] = Curve(0.004, 0.2) },
        });
        var neurons = Neurons(nest);
        nest.Connect(nest.Create("poisson_generator", 1, new() { ["rate"] = 10000.0 }), neurons, syn: new Dictionary<string, object> { ["weight"] = 6.2, ["delay"] = 1.0 });
        nest.Connect(neurons, nest.Create("spike_recorder"));
        nest.EnableStructuralPlasticity();
    }

    private static NodeCollection Neurons(Simulator nest) => nest.Nodes([.. Enumerable.Range(1, Excitatory + Inhibitory)]);

    /// <summary>Each neuron's Ca and bound elements, every synapse of both types, every spike; on rank 0 (null on others).</summary>
    private static string? Record(Simulator nest)
    {
        var neurons = Neurons(nest);
        var text = new StringBuilder();
        foreach (double ca in neurons.GetValues<double>("Ca")) text.Append(ca.ToString("R", CultureInfo.InvariantCulture)).Append(' ');
        foreach (var elements in neurons.GetValues<Dictionary<string, object>>("synaptic_elements"))
        {
            foreach (var (name, value) in elements.OrderBy(p => p.Key, StringComparer.Ordinal))
                text.Append(name).Append('=').Append(((Dictionary<string, object>)value)["z_connected"]).Append(' ');
        }
        text.AppendLine();
        foreach (string model in new[] { "synapse_ex", "synapse_in" })
        {
            var c = nest.GetConnections(synapseModel: model);
            text.Append(model).Append(' ').AppendJoin(' ', c.Source.Zip(c.Target).Select(p => $"{p.First}>{p.Second}").Order(StringComparer.Ordinal)).AppendLine();
        }
        var events = (Dictionary<string, object>)nest.Nodes(Excitatory + Inhibitory + 2).Get("events");
        text.AppendJoin(' ', ((long[])events["senders"]).Zip((double[])events["times"]).Select(p => $"{p.First}@{p.Second:R}").Order(StringComparer.Ordinal));
        return nest.Rank == 0 ? text.ToString() : null;
    }

    private static string? SaveAfterFirstRun(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        Build(nest, threads);
        nest.Simulate(1500.0);
        nest.SaveCheckpoint(path);
        return null;
    }

    private static string? ResumeAndRecord(Func<Simulator> make, int threads, string path)
    {
        var nest = make();
        nest.LoadCheckpoint(path, threads);
        nest.Simulate(1000.0);
        return Record(nest);
    }

    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(2, 1, 1, 1)]
    [InlineData(1, 1, 2, 1)]
    public void SavedOnSomeRanks_RestoredOntoOthers_BitForBit(int ranksBefore, int threadsBefore, int ranksAfter, int threadsAfter)
    {
        var whole = new Simulator();
        Build(whole, 1);
        whole.Simulate(1500.0);
        int connectionsAtSplit = (int)whole.NumConnections;
        whole.Simulate(1000.0);
        string expected = Record(whole)!;
        Assert.NotEqual(connectionsAtSplit, (int)whole.NumConnections); // the structure changed after the split

        string path = Path.Combine(_folder, "sp.nscp");
        if (ranksBefore == 1) SaveAfterFirstRun(() => new Simulator(), threadsBefore, path);
        else InProcessRanks.Run(ranksBefore, make => SaveAfterFirstRun(make, threadsBefore, path));

        string resumed = ranksAfter == 1 ? ResumeAndRecord(() => new Simulator(), threadsAfter, path)!
            : InProcessRanks.Run(ranksAfter, make => ResumeAndRecord(make, threadsAfter, path))[0]!;
        Assert.Equal(expected, resumed);
    }
}
