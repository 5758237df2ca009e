using NestSharp.Kernel.Communication;

namespace NestSharp.Tests.Distribution;

/// <summary>Several ranks as threads in this process, each with its own kernel, exchanging through memory.</summary>
internal static class InProcessRanks
{
    /// <summary>
    /// Runs <paramref name="probe"/> on <paramref name="ranks"/> in-process ranks (the probe makes its simulator with
    /// the function it is given); fails the test when a rank throws (the other ranks then go on without it) or the
    /// ranks take more than 3 minutes. Returns
    /// what each rank's probe returned, by rank.
    /// </summary>
    public static string?[] Run(int ranks, Func<Func<Simulator>, string?> probe)
    {
        using var world = new InProcessWorld(ranks);
        var records = new string?[ranks];
        var failures = new Exception?[ranks];
        var threads = Enumerable.Range(0, ranks).Select(rank => new Thread(() =>
        {
            try
            {
                records[rank] = probe(() => new Simulator(world.RankOf(rank)));
            }
            catch (Exception e)
            {
                failures[rank] = e;
                world.Leave(); // the others must not wait for this rank in their next collective
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        Assert.True(threads.All(t => t.Join(TimeSpan.FromMinutes(3))), "the ranks did not finish within 3 minutes");
        Assert.All(failures, f => Assert.Null(f));
        return records;
    }
}
