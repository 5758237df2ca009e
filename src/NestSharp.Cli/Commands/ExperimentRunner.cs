using System.Diagnostics.CodeAnalysis;

namespace NestSharp.Cli.Commands;

/// <summary>Runs a command's experiment and reports the failures a run can meet (the simulator's, the file system's).</summary>
internal static class ExperimentRunner
{
    /// <summary>
    /// Runs <paramref name="run"/>; when it fails with a <see cref="NestException"/>, an I/O error, a denied access or
    /// malformed data, writes "nestsharp <paramref name="commandName"/>: message" to <paramref name="error"/> and
    /// returns false.
    /// </summary>
    public static bool TryRun<TResult>(string commandName, Func<TResult> run, TextWriter error, [MaybeNullWhen(false)] out TResult result)
    {
        try
        {
            result = run();
            return true;
        }
        catch (Exception e) when (e is NestException or IOException or UnauthorizedAccessException or InvalidDataException)
        {
            error.WriteLine($"nestsharp {commandName}: {e.Message}");
            result = default;
            return false;
        }
    }
}
