using NestSharp.Tests.Distribution;

namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>
/// How NEST runs testsuite/pytests/mpi_direct/N/: every file under <c>mpirun -np N pytest</c>, each rank running the
/// test and asserting. Here the N processes are in-process ranks (<see cref="InProcessRanks"/>), each with its own
/// kernel; a failing assertion (or any exception) on any rank fails the test, and the other ranks go on without it.
/// </summary>
internal static class MpiRanks
{
    /// <summary>Runs <paramref name="body"/> on <paramref name="processes"/> ranks, each given its rank's simulator.</summary>
    public static void Run(int processes, Action<Simulator> body) => InProcessRanks.Run(processes, make =>
    {
        var nest = make();
        Assert.Equal(processes, nest.NumProcesses);
        body(nest);
        return null;
    });

    /// <summary>
    /// The connections of <paramref name="conns"/> this process stores, in their order: what NEST's
    /// <c>GetConnections()</c> gives on a rank (those to its nodes, and those to recorders from its nodes). NestSharp's
    /// gives every process's rows on every rank; a test that reads a rank's own rows without gathering them reads these.
    /// On one process this is <paramref name="conns"/> itself.
    /// </summary>
    public static SynapseCollection Own(Simulator nest, SynapseCollection conns)
    {
        if (nest.NumProcesses == 1) return conns;
        var local = new Dictionary<long, (bool Local, bool Recorder)>();
        (bool Local, bool Recorder) Of(long id)
        {
            if (!local.TryGetValue(id, out var node))
            {
                var status = nest.Nodes((int)id).Get(["local", "element_type"]);
                local[id] = node = ((bool)status["local"], (string)status["element_type"] == "recorder");
            }
            return node;
        }
        long[] sources = conns.Source, targets = conns.Target;
        var own = new List<int>();
        for (int i = 0; i < targets.Length; i++)
        {
            // A recorder is on every process; NEST keeps a connection to it where its source is.
            var target = Of(targets[i]);
            if (target.Recorder ? Of(sources[i]).Local : target.Local) own.Add(i);
        }
        return conns.AtPositions(own);
    }

    /// <summary>
    /// The element-wise sum of <paramref name="mine"/> over all processes, on every process: NEST's tests gather a
    /// rank's own numbers with mpi4py and add them up (connect_test_base.py's gather_data). A collective call: every
    /// rank makes it. On one process this is <paramref name="mine"/>.
    /// </summary>
    public static double[] SumOverProcesses(Simulator nest, double[] mine)
    {
        var communicator = nest.Communicator;
        if (communicator.Size == 1) return mine;
        double[] all = [];
        int count = communicator.AllGather<double>(mine, ref all);
        Assert.Equal(mine.Length * communicator.Size, count);
        var sum = new double[mine.Length];
        for (int r = 0; r < communicator.Size; r++)
        {
            for (int i = 0; i < mine.Length; i++) sum[i] += all[(r * mine.Length) + i];
        }
        return sum;
    }
}
