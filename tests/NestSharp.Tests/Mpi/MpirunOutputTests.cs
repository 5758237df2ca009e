using System.Diagnostics;

namespace NestSharp.Tests.Mpi;

/// <summary>
/// What <c>nestsharp</c> writes under mpirun arrives in a redirected output as plain text. OpenMPI gives each process a
/// pseudo-terminal as standard output; .NET's console, seeing a terminal, would write the keypad-mode escape of TERM's
/// terminfo entry (<c>ESC[?1h ESC=</c> for xterm) on its first write and when asked for the window size. TERM is set to
/// xterm for the run, so the test fails whenever such bytes are written. Skipped without mpirun, except on CI.
/// </summary>
[Trait("Category", "Slow")]
public sealed class MpirunOutputTests
{
    [RequiresToolFact("mpirun", "openmpi-bin", requiredOnCi: true)]
    public void NestsharpBrunel_UnderMpirun_WritesNoEscapeBytes()
    {
        string mpirun = ExternalTool.PathOf("mpirun");
        string cli = typeof(NestSharp.Cli.CommandLineApp).Assembly.Location;
        string folder = Directory.CreateTempSubdirectory("nestsharp-mpirun-output-").FullName;
        try
        {
            var start = new ProcessStartInfo(mpirun,
                ["--allow-run-as-root", "--oversubscribe", "-np", "2", "dotnet", cli, "brunel", "--order", "50", "--simtime", "50",
                 "--threads", "1", "--out", Path.Combine(folder, "out")])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                WorkingDirectory = folder,
            };
            start.Environment["TERM"] = "xterm";
            using var process = Process.Start(start)!;
            using var stdout = new MemoryStream();
            using var stderr = new MemoryStream();
            var copyOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
            var copyErr = process.StandardError.BaseStream.CopyToAsync(stderr);
            if (!process.WaitForExit(TimeSpan.FromMinutes(3)))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail("mpirun did not finish within 3 minutes");
            }
            Task.WaitAll(copyOut, copyErr);
            string text = System.Text.Encoding.UTF8.GetString(stdout.ToArray());
            Assert.True(process.ExitCode == 0, $"mpirun exited with {process.ExitCode}: {text}\n{System.Text.Encoding.UTF8.GetString(stderr.ToArray())}");
            Assert.Contains("Brunel network simulation", text);
            Assert.Contains("[ 100% ] Model time: 50.0 ms", text);
            int escapeOut = Array.IndexOf(stdout.ToArray(), (byte)0x1B);
            Assert.True(escapeOut < 0, $"escape byte at {escapeOut} of standard output: {text.Replace("\u001b", "ESC", StringComparison.Ordinal)}");
            Assert.DoesNotContain((byte)0x1B, stderr.ToArray());
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
