using System.Globalization;
using System.Reflection;
using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Tests.Checkpoint;

namespace NestSharp.Tests.Models;

/// <summary>
/// The _hom pair-STDP models keep K+ and the last spike time once per run of synapses of one source that are in step
/// (<see cref="SourceRuns"/>). A synapse that is not in step with its siblings (made after its source spiked, given its
/// own Kplus at Connect or by Set) must still follow its own trace, as in NEST: weights and Kplus against NEST 3.10's
/// (computed with the installed NEST and copied here), and every synapse's Kplus and t_lastspike against stdp_synapse,
/// which keeps them per synapse, through later Connect calls, Set, Disconnect and a checkpoint, for 1 and 2 threads.
/// </summary>
public sealed class StdpHomSourceTraceTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-stdp-hom-runs-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly double[][] PreTimes = [[5, 15, 22, 35, 48, 61, 70, 84, 95, 110, 130], [8, 19, 33, 52, 77, 101, 120]];
    private static readonly double[][] PostDriveTimes = [[12, 30, 38, 60, 99, 120], [17, 45, 66, 90, 125], [26, 50, 75, 104, 133]];

    /// <summary>Two parrots (ids 3, 4) driven by spike generators, three iaf_psc_alpha (ids 8, 9, 10) forced to fire.</summary>
    private static (NodeCollection Pre, NodeCollection Post) Build(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["resolution"] = 0.1 });
        var generators = nest.Create("spike_generator", 2);
        generators[0].Set("spike_times", PreTimes[0]);
        generators[1].Set("spike_times", PreTimes[1]);
        var pre = nest.Create("parrot_neuron", 2);
        nest.Connect(generators, pre, Rule.OneToOne());
        var drives = nest.Create("spike_generator", 3);
        for (int i = 0; i < 3; i++) drives[i].Set("spike_times", PostDriveTimes[i]);
        var post = nest.Create("iaf_psc_alpha", 3, new() { ["tau_minus"] = 25.0 });
        nest.Connect(drives, post, Rule.OneToOne(), new Dictionary<string, object> { ["weight"] = 10000.0 });
        return (pre, post);
    }

    private static Dictionary<string, object> Plastic(double weight, double delay, object? kplus = null)
    {
        var syn = new Dictionary<string, object> { ["synapse_model"] = "plastic", ["weight"] = weight, ["delay"] = delay };
        if (kplus is not null) syn["Kplus"] = kplus;
        return syn;
    }

    /// <summary>(source, target, weight, Kplus) of every connection of the model "plastic", in GetConnections' order.</summary>
    private static (long Source, long Target, double Weight, double Kplus)[] Connections(Simulator nest)
    {
        var c = nest.GetConnections(synapseModel: "plastic").Get("source", "target", "weight", "Kplus");
        var (sources, targets, weights, kplus) = ((long[])c["source"], (long[])c["target"], (double[])c["weight"], (double[])c["Kplus"]);
        return [.. Enumerable.Range(0, sources.Length).Select(i => (sources[i], targets[i], weights[i], kplus[i]))];
    }

    private static void AssertNestValues((long, long, double, double)[] expected, (long Source, long Target, double Weight, double Kplus)[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        static bool Close(double e, double a) => Math.Abs(e - a) <= 1e-12 * Math.Abs(e) + 1e-14;
        for (int i = 0; i < expected.Length; i++)
        {
            var (s, t, w, k) = expected[i];
            Assert.Equal((s, t), (actual[i].Source, actual[i].Target));
            Assert.True(Close(w, actual[i].Weight), $"connection {i} ({s} -> {t}): weight {actual[i].Weight:R}, NEST {w:R}");
            Assert.True(Close(k, actual[i].Kplus), $"connection {i} ({s} -> {t}): Kplus {actual[i].Kplus:R}, NEST {k:R}");
        }
    }

    private static KernelManager KernelOf(Simulator nest) =>
        (KernelManager)typeof(Simulator).GetField("_kernel", BindingFlags.NonPublic | BindingFlags.Instance)!.GetValue(nest)!;

    /// <summary>
    /// Every synapse of the model "plastic" as "source target weight Kplus t_lastspike" (bits of the doubles), sorted,
    /// read from the storage (t_lastspike is not a key of a connection's status), and the number of runs and of sources.
    /// </summary>
    private static (string[] Synapses, int Runs, int Sources) Stored(Simulator nest)
    {
        var kernel = KernelOf(nest);
        var model = kernel.Models.SynapseModels.Single(m => m.Name == "plastic");
        var schema = model.Type.Schema;
        int kplus = schema.IndexOfPerConnection("Kplus");
        var rows = new List<string>();
        int runs = 0, sources = 0;
        foreach (var block in kernel.Connections.Store.OfModel(model.Id))
        {
            for (int s = 0; s < block.SourceCount; s++)
            {
                if (block.Offsets[s + 1] > block.Offsets[s]) sources++;
                for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
                {
                    rows.Add(string.Join(' ', block.SourceMin + s, kernel.Nodes.NodeOfChannel(block.Channels[i]),
                        Bits(block.Weights[i]), Bits(schema.PerConnectionValue(block, kplus, i)), Bits(model.Type.LastSpikeTime(block, i))));
                }
            }
            runs += block.Runs?.Count ?? 0;
        }
        rows.Sort(StringComparer.Ordinal);
        return ([.. rows], runs, sources);
    }

    private static string Bits(double value) => BitConverter.DoubleToInt64Bits(value).ToString("x16", CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void SynapseConnectedAfterItsSourceSpiked_FollowsItsOwnTrace(int threads)
    {
        var nest = new Simulator();
        var (pre, post) = Build(nest, threads);
        nest.CopyModel("stdp_pl_synapse_hom", "plastic", new() { ["lambda"] = 0.05 });
        nest.Connect(pre[0], post[0..2], syn: Plastic(50.0, 1.0));
        nest.Simulate(40.0);
        nest.Connect(pre[0], post[2], syn: Plastic(50.0, 1.0));
        nest.Connect(pre[0], post[0], syn: Plastic(45.0, 1.0));
        nest.Simulate(110.0);
        AssertNestValues(
        [
            (3, 8, 11.264267037546805, 1.758299119570855),
            (3, 8, 13.252498839300825, 1.7400176084923844),
            (3, 9, 16.84257043682504, 1.758299119570855),
            (3, 10, 24.57426506270459, 1.7400176084923844),
        ], [.. Connections(nest).OrderBy(c => c.Target)]);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void KplusSetOnOneSynapse_ChangesOnlyThatSynapse(int threads)
    {
        var nest = new Simulator();
        var (pre, post) = Build(nest, threads);
        nest.CopyModel("stdp_synapse_hom", "plastic", new() { ["lambda"] = 0.05, ["Wmax"] = 200.0, ["tau_plus"] = 15.0 });
        nest.Connect(pre, post, syn: Plastic(50.0, 1.5));
        nest.Simulate(30.0);
        nest.GetConnections(pre[0], post[1], "plastic").Set("Kplus", 2.5);
        nest.Simulate(120.0);
        AssertNestValues(
        [
            (3, 8, 60.17875282280172, 1.4429692584983411),
            (3, 9, 66.57259597709738, 1.443380591922834),
            (3, 10, 61.786777091207476, 1.4429692584983411),
            (4, 8, 75.5847314393041, 1.35419227153662),
            (4, 9, 55.60525755313351, 1.35419227153662),
            (4, 10, 85.354002968576, 1.35419227153662),
        ], Connections(nest));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void KplusArrayAtConnect_GivesEachSynapseItsTrace(int threads)
    {
        var nest = new Simulator();
        var (pre, post) = Build(nest, threads);
        nest.CopyModel("stdp_pl_synapse_hom_hpc", "plastic", new() { ["lambda"] = 0.05 });
        nest.Connect(pre[0], post, syn: Plastic(50.0, 1.0, new double[,] { { 0.0 }, { 1.5 }, { 0.0 } }));
        nest.Connect(pre[1], post, syn: Plastic(50.0, 1.0));
        nest.Simulate(150.0);
        AssertNestValues(
        [
            (3, 8, 11.280357016741231, 1.758299119570855),
            (3, 9, 17.011497800308547, 1.7604442929683168),
            (3, 10, 18.34525964259076, 1.758299119570855),
            (4, 8, 22.64264731366204, 1.5596124609315434),
            (4, 9, 24.10746145591323, 1.5596124609315434),
            (4, 10, 29.376348406030825, 1.5596124609315434),
        ], Connections(nest));
    }

    /// <summary>
    /// Kplus given per connection at Connect, a first run, then a synapse made late, Kplus set on one synapse and one
    /// synapse disconnected; <paramref name="model"/> copied with <paramref name="parameters"/> as "plastic".
    /// </summary>
    private static void EditedFirstPart(Simulator nest, string model, Dictionary<string, object> parameters, int threads)
    {
        var (pre, post) = Build(nest, threads);
        nest.CopyModel(model, "plastic", parameters);
        nest.Connect(pre, post, syn: Plastic(50.0, 1.0, new double[,] { { 0.0, 1.5 }, { 0.0, 0.0 }, { 0.25, 0.0 } }));
        nest.Connect(pre[1], post[0], syn: Plastic(60.0, 1.0));
        nest.Simulate(30.0);
        nest.Connect(pre[0], post[2], syn: Plastic(55.0, 1.0));
        nest.GetConnections(pre[1], post[1], "plastic").Set("Kplus", 2.5);
        nest.Disconnect(pre[0], post[1], "one_to_one", "plastic");
    }

    private const double SecondRun = 25.0, ThirdRun = 70.0;

    /// <summary>After <see cref="EditedFirstPart"/> and a second run: a multapse made later still, and a third run.</summary>
    private static void EditedLastPart(Simulator nest)
    {
        nest.Connect(nest.Nodes(4), nest.Nodes(10), syn: Plastic(40.0, 1.0));
        nest.Simulate(ThirdRun);
    }

    private static void Edited(Simulator nest, string model, Dictionary<string, object> parameters, int threads)
    {
        EditedFirstPart(nest, model, parameters, threads);
        nest.Simulate(SecondRun);
        EditedLastPart(nest);
    }

    private static Dictionary<string, object> SoftBound() => new() { ["lambda"] = 0.05, ["Wmax"] = 200.0, ["tau_plus"] = 15.0 };

    private static Dictionary<string, object> PowerLaw() => new() { ["lambda"] = 0.05, ["tau_plus"] = 15.0 };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void KplusAndLastSpikeOfEverySynapse_EqualThoseKeptPerSynapse(int threads)
    {
        var shared = new Simulator();
        Edited(shared, "stdp_synapse_hom", SoftBound(), threads);
        var perSynapse = new Simulator();
        Edited(perSynapse, "stdp_synapse", SoftBound(), threads);

        var (rows, runs, sources) = Stored(shared);
        Assert.Equal(Stored(perSynapse).Synapses, rows);
        Assert.Equal(8, rows.Length);
        Assert.True(runs > sources, $"{runs} runs for {sources} sources: the test makes no synapse that is out of step");
        // The traces differ between siblings (late and edited synapses).
        Assert.True(rows.Select(r => r.Split(' ')[3]).Distinct().Count() > 2);
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void SplitRunWithSynapsesOutOfStep_ContinuesBitwise(int before, int after)
    {
        var reference = new Simulator();
        Edited(reference, "stdp_pl_synapse_hom", PowerLaw(), after);
        var expected = Stored(reference).Synapses;

        string path = Path.Combine(_folder, "split.nscp");
        var resumed = CheckpointSplitRunTests.Restored(nest => EditedFirstPart(nest, "stdp_pl_synapse_hom", PowerLaw(), before),
            path, SecondRun, before, after);
        EditedLastPart(resumed);
        Assert.Equal(expected, Stored(resumed).Synapses);
    }
}
