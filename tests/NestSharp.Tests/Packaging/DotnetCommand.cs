using System.Diagnostics;

namespace NestSharp.Tests.Packaging;

/// <summary>Runs the dotnet command line (or a program it installed) and the repository's paths the packaging tests need.</summary>
internal static class DotnetCommand
{
    /// <summary>The repository's root: the first directory above the test assembly that holds NestSharp.slnx.</summary>
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>
    /// Runs <paramref name="program"/> with <paramref name="arguments"/> in <paramref name="directory"/>, with the
    /// environment variables <paramref name="environment"/> added; fails the test, with the output, unless it exits with 0.
    /// Returns the standard output.
    /// </summary>
    public static string Run(string program, IEnumerable<string> arguments, string directory, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(program)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        // The test host's own MSBuild settings must not leak into the child builds.
        foreach (string variable in new[] { "MSBuildExtensionsPath", "MSBuildSDKsPath", "MSBUILD_EXE_PATH" }) start.Environment.Remove(variable);
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        start.Environment["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1";
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) start.Environment[name] = value;

        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0,
            $"'{program} {string.Join(' ', arguments)}' in {directory} exited with {process.ExitCode}:\n{output}\n{error.Result}");
        return output;
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "NestSharp.slnx"))) return directory.FullName;
        }
        throw new InvalidOperationException($"No NestSharp.slnx above {AppContext.BaseDirectory}.");
    }
}
