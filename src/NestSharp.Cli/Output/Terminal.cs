namespace NestSharp.Cli.Output;

/// <summary>Whether what a command writes is seen on a terminal, where a progress line may be redrawn in place.</summary>
internal static class Terminal
{
    /// <summary>
    /// True when <paramref name="writer"/> is the console's standard output, that is not redirected, and the process was
    /// not started by mpirun (OpenMPI hands its processes a pseudo-terminal even when mpirun's own output goes to a
    /// file); false for a file, a pipe, a test's writer or a process under mpirun, which get plain lines.
    /// </summary>
    public static bool Shows(TextWriter writer) =>
        ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected && !CommandLineApp.IsUnderMpirun;
}
