using NestSharp.Kernel.Communication;
using NestSharp.MpiProbe;

namespace NestSharp.Tests.Distribution;

/// <summary>
/// The distribution logic (which rank owns which node and synapse, spike exchange, gathered samples, weight events,
/// connections and status) tested on every machine: several ranks run as threads in this process, each with its own
/// kernel, exchanging through memory (<see cref="InProcessWorld"/>), and must give what one process gives, bit for bit.
/// </summary>
public sealed class InProcessRanksTests
{
    /// <summary>Runs <paramref name="probe"/> on <paramref name="ranks"/> in-process ranks; returns rank 0's record.</summary>
    private static string RunOnRanks(int ranks, Func<Func<Simulator>, string?> probe)
    {
        var records = InProcessRanks.Run(ranks, probe);
        Assert.All(records.Skip(1), r => Assert.Null(r));
        return records[0]!;
    }

    [Theory]
    [InlineData(2, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 1)]
    public void SeveralRanks_GiveTheSameResultsAsOneProcess_BitForBit(int ranks, int threadsPerRank)
    {
        string single = DistributedProbe.Run(threads: 1)!;
        string distributed = RunOnRanks(ranks, make => DistributedProbe.Run(threadsPerRank, make));

        string[] one = single.Split('\n'), many = distributed.Split('\n');
        Assert.Equal($"processes {ranks}", string.Join(' ', many[0].Split(' ')[..2]));
        Assert.Equal(one[0].Split(' ')[2..], many[0].Split(' ')[2..]);
        Assert.True(one.Count(l => l.StartsWith("spike ", StringComparison.Ordinal)) > 500, "the probe network must be active");
        Assert.True(one.Any(l => l.StartsWith("weight ", StringComparison.Ordinal)), "the probe network must record weight events");
        Assert.True(one.Any(l => l.StartsWith("sample ", StringComparison.Ordinal)), "the probe network must record samples");
        Assert.Equal(one.Length, many.Length);
        for (int i = 1; i < one.Length; i++)
            Assert.True(one[i] == many[i], $"line {i} differs: one process \"{one[i]}\", {ranks} ranks \"{many[i]}\"");
    }

    /// <summary>
    /// num_connections (kernel status and a synapse model's GetDefaults) counts the connections a process holds, as in
    /// NEST: synapses where their target lives, a spike recorder's links where the recorded neuron lives, a
    /// multimeter's where the sampled neuron lives. Summed over the ranks they give one process's count.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void NumConnections_CountsEachRanksOwn_AndSumsToTheTotal(int ranks)
    {
        static string? Probe(Func<Simulator> make)
        {
            var nest = make();
            var neurons = nest.Create("iaf_psc_alpha", 7);
            nest.Connect(neurons, neurons, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 3 });
            nest.Connect(neurons[..2], neurons[2..], syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" });
            nest.Connect(neurons, nest.Create("spike_recorder"));
            nest.Connect(nest.Create("multimeter", 1, new Dictionary<string, object> { ["record_from"] = new[] { "V_m" } }), neurons[..4]);
            var defaults = nest.GetDefaults("stdp_synapse");
            return $"{nest.NumConnections} {nest.GetKernelStatus("num_connections")} {defaults["num_connections"]} {nest.GetConnections().Count}";
        }

        var records = InProcessRanks.Run(ranks, Probe);
        long own = 0, stdp = 0;
        foreach (string? record in records)
        {
            long[] counts = Array.ConvertAll(record!.Split(' '), long.Parse);
            Assert.Equal(counts[0], counts[1]);
            own += counts[0];
            stdp += counts[2];
            Assert.Equal(7 * 3 + 2 * 5 + 7 + 4, counts[3]); // GetConnections gives every process's rows
        }
        Assert.Equal(7 * 3 + 2 * 5 + 7 + 4, own);
        Assert.Equal(2 * 5, stdp);
        if (ranks > 1) Assert.All(records, r => Assert.NotEqual(own, long.Parse(r!.Split(' ')[0])));
    }

    /// <summary>
    /// A rank whose test fails (an assertion between collectives) fails the run, and the other ranks do not wait for
    /// it in their next collective: the run ends at once instead of at the 3-minute limit.
    /// </summary>
    [Fact]
    public void AFailingRank_FailsTheRun_WithoutLeavingTheOthersWaiting()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        Assert.ThrowsAny<Xunit.Sdk.XunitException>(() => InProcessRanks.Run(3, make =>
        {
            var nest = make();
            Assert.True(nest.Rank != 1, "rank 1 fails");
            nest.Communicator.Sum(1);
            return null;
        }));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"the run took {clock.Elapsed}");
    }

    [Fact]
    public void BadInput_FailsOnEveryRankAtTheSameCall_AndChangesNothing()
    {
        string single = DistributedProbe.RunWithBadInput(threads: 1)!;
        string distributed = RunOnRanks(2, make => DistributedProbe.RunWithBadInput(threads: 1, make));
        Assert.Contains("error: 'delay'", single);
        Assert.Contains("error: 'C_m'", single);
        Assert.Equal(single, distributed);
    }

    /// <summary>
    /// A recording file only one process fails to open (here: the file of recorder 3, on virtual process 1 of rank 1,
    /// exists and overwrite_files is off) fails Simulate on every process, each with a typed error, instead of leaving
    /// rank 0 waiting in the run for rank 1.
    /// </summary>
    [Fact]
    public void RecordingFileFailsToOpenOnOneRank_SimulateFailsOnEveryRank_NoneWaits()
    {
        string folder = Directory.CreateTempSubdirectory("nestsharp-ranks-open-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "spikes-3-1.csv"), "an earlier run's file");
            var errors = InProcessRanks.Run(2, make =>
            {
                var nest = make();
                nest.SetKernelStatus(new() { ["data_path"] = folder });
                var neurons = nest.Create("iaf_psc_alpha", 2, new() { ["I_e"] = 500.0 });
                nest.Connect(neurons, nest.Create("spike_recorder", 1, new() { ["record_to"] = "csv", ["label"] = "spikes" }));
                var error = Record.Exception(() => nest.Simulate(10.0));
                nest.Cleanup();
                return error is null ? "no error" : $"{error.GetType().Name}: {error.Message}";
            });
            Assert.Equal("IOErrorException: Another MPI process failed to open its recording files; the kernel is prepared, Cleanup closes what was opened.", errors[0]);
            Assert.StartsWith($"IOErrorException: The file '{Path.Combine(folder, "spikes-3-1.csv")}' already exists", errors[1]);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    [Trait("Category", "Slow")]
    public void StructuralPlasticity_IsTheSameOnTwoRanksAsOnOne()
    {
        string single = DistributedProbe.RunStructuralPlasticity(threads: 1)!;
        string distributed = RunOnRanks(2, make => DistributedProbe.RunStructuralPlasticity(threads: 1, make));
        Assert.Contains('>', single.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]);
        Assert.Equal(single, distributed);
    }

    [Fact]
    public void AllGather_ConcatenatesEveryRanksItemsInRankOrder_AndReducesOverAll()
    {
        using var world = new InProcessWorld(3);
        var gathered = new int[3][];
        var sums = new long[3];
        var mins = new long[3];
        var threads = Enumerable.Range(0, 3).Select(rank => new Thread(() =>
        {
            var communicator = world.RankOf(rank);
            int[] all = [];
            int n = communicator.AllGather(Enumerable.Repeat(rank, rank + 1).ToArray().AsSpan(), ref all);
            gathered[rank] = all[..n];
            sums[rank] = communicator.Sum(rank + 1);
            mins[rank] = communicator.Min(10 - rank);
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) Assert.True(thread.Join(TimeSpan.FromSeconds(30)));
        Assert.All(gathered, g => Assert.Equal([0, 1, 1, 2, 2, 2], g));
        Assert.All(sums, s => Assert.Equal(6, s));
        Assert.All(mins, m => Assert.Equal(8, m));
    }
}
