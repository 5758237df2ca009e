using System.Diagnostics;
using NestSharp.MpiProbe;

namespace NestSharp.Tests.Mpi;

/// <summary>The distributed probe (<see cref="DistributedProbe"/>) run by OpenMPI's mpirun.</summary>
internal static class MpirunProbe
{
    /// <summary>
    /// Runs the probe on <paramref name="processes"/> processes of <paramref name="threads"/> threads each, rank 0
    /// writing its record to <paramref name="output"/>; fails the test when mpirun fails or takes more than 3 minutes.
    /// </summary>
    public static void Run(string mpirun, int processes, int threads, string output, IEnumerable<string> options)
    {
        string probe = typeof(DistributedProbe).Assembly.Location;
        var start = new ProcessStartInfo(mpirun,
            ["--allow-run-as-root", "--oversubscribe", "-np", processes.ToString(), "dotnet", probe, output, threads.ToString(), .. options])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("mpirun did not finish within 3 minutes");
        }
        Assert.True(process.ExitCode == 0, $"mpirun exited with {process.ExitCode}: {stdout.Result}\n{stderr.Result}");
    }
}
