using NestSharp.MpiProbe;

namespace NestSharp.Tests.Mpi;

/// <summary>
/// The same network run in one process and across two MPI processes (OpenMPI's mpirun) gives the same spikes,
/// multimeter samples, STDP weight events, final membrane potentials and connections, bit for bit.
/// CI installs openmpi-bin (.ci/run); on a machine without mpirun the tests are reported Skipped, except where the CI
/// environment variable is set: there a missing mpirun is a failure.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DistributedSimulationTests
{
    private const string Mpirun = "mpirun";
    private const string OpenMpi = "openmpi-bin";

    private static string RunUnderMpirun(string mpirun, int processes, int threads, params string[] options)
    {
        string file = Path.Combine(Path.GetTempPath(), $"nestsharp-mpi-{Guid.NewGuid():N}.txt");
        MpirunProbe.Run(mpirun, processes, threads, file, options);
        try
        {
            return File.ReadAllText(file);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [RequiresToolTheory(Mpirun, OpenMpi, requiredOnCi: true)]
    [InlineData(1)]
    [InlineData(2)]
    public void TwoProcesses_GiveTheSameResultsAsOne_BitForBit(int threadsPerProcess)
    {
        string mpirun = ExternalTool.PathOf(Mpirun);
        string single = DistributedProbe.Run(threads: 1)!;
        string distributed = RunUnderMpirun(mpirun, processes: 2, threadsPerProcess);

        string[] one = single.Split('\n'), two = distributed.Split('\n');
        Assert.Equal("processes 2", string.Join(' ', two[0].Split(' ')[..2]));
        Assert.Equal(one[0].Split(' ')[2..], two[0].Split(' ')[2..]);
        Assert.True(one.Length > 1000 && one.Count(l => l.StartsWith("spike ", StringComparison.Ordinal)) > 500, "the probe network must be active");
        Assert.True(one.Any(l => l.StartsWith("weight ", StringComparison.Ordinal)), "the probe network must record weight events");
        Assert.Equal(one.Length, two.Length);
        for (int i = 1; i < one.Length; i++)
            Assert.True(one[i] == two[i], $"line {i} differs: one process \"{one[i]}\", two processes \"{two[i]}\"");
    }

    [RequiresToolFact(Mpirun, OpenMpi, requiredOnCi: true)]
    public void BadInput_FailsOnEveryProcessWithoutDeadlock_AndChangesNothing()
    {
        string mpirun = ExternalTool.PathOf(Mpirun);
        string single = DistributedProbe.RunWithBadInput(threads: 1)!;
        string distributed = RunUnderMpirun(mpirun, processes: 2, threads: 1, "--bad-input");
        Assert.Contains("error: 'delay'", single);
        Assert.Contains("error: 'C_m'", single);
        Assert.Contains("connections 20 ", single);
        Assert.EndsWith("C_m 250\n", single.ReplaceLineEndings("\n"));
        Assert.Equal(single, distributed);
    }

    [RequiresToolFact(Mpirun, OpenMpi, requiredOnCi: true)]
    public void StructuralPlasticity_IsTheSameOnTwoProcessesAsOnOne()
    {
        string mpirun = ExternalTool.PathOf(Mpirun);
        string single = DistributedProbe.RunStructuralPlasticity(threads: 1)!;
        string distributed = RunUnderMpirun(mpirun, processes: 2, threads: 1, "--structural");
        var lines = single.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(16, lines.Length);
        Assert.Contains('>', lines[^1]); // synapses were created
        Assert.Equal(single, distributed);
    }
}
