namespace NestSharp.Cli.Output;

/// <summary>Whether what a command writes is seen on a terminal, where it may draw tables with box characters and progress bars.</summary>
internal static class Terminal
{
    /// <summary>
    /// True when <paramref name="writer"/> is the console's standard output and that is not redirected; false for a
    /// file, a pipe or a test's writer, which get plain ASCII lines.
    /// </summary>
    public static bool Shows(TextWriter writer) => ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
}
