namespace NestSharp.Tests;

/// <summary>
/// A <see cref="FactAttribute"/> for a test that needs an external program: without <c>tool</c> on PATH the test is
/// reported Skipped, with a reason naming the program and the package that provides it, instead of passing without
/// checking anything. With <c>requiredOnCi</c>, a missing program is not skipped where the CI environment variable is
/// set: the test runs and fails at <see cref="ExternalTool.PathOf"/>, because CI (<c>.ci/run</c>) installs it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresToolFactAttribute : FactAttribute
{
    public RequiresToolFactAttribute(string tool, string package, bool requiredOnCi = false)
    {
        Skip = ExternalTool.SkipReason(tool, package, requiredOnCi);
    }
}

/// <summary>The <see cref="TheoryAttribute"/> counterpart of <see cref="RequiresToolFactAttribute"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresToolTheoryAttribute : TheoryAttribute
{
    public RequiresToolTheoryAttribute(string tool, string package, bool requiredOnCi = false)
    {
        Skip = ExternalTool.SkipReason(tool, package, requiredOnCi);
    }
}

/// <summary>Finds external programs on PATH: the first directory holding a file of that name.</summary>
internal static class ExternalTool
{
    /// <summary>The full path of <paramref name="tool"/> in the directories of <paramref name="searchPath"/> (PATH when null), or null.</summary>
    public static string? Find(string tool, string? searchPath = null)
    {
        string[] names = OperatingSystem.IsWindows() ? [tool + ".exe", tool] : [tool];
        foreach (string directory in (searchPath ?? Environment.GetEnvironmentVariable("PATH") ?? "")
                     .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate)) return candidate;
            }
        }
        return null;
    }

    /// <summary>The full path of <paramref name="tool"/>; fails the test, naming the tool, when it is not on PATH.</summary>
    public static string PathOf(string tool) =>
        Find(tool) ?? throw new Xunit.Sdk.XunitException($"{tool} is not on PATH ({Environment.GetEnvironmentVariable("PATH")}).");

    /// <summary>Why a test needing <paramref name="tool"/> is skipped here, or null when it can run.</summary>
    public static string? SkipReason(string tool, string package, bool requiredOnCi = false, string? searchPath = null, bool? onCi = null)
    {
        if (Find(tool, searchPath) is not null) return null;
        if (requiredOnCi && (onCi ?? Environment.GetEnvironmentVariable("CI") is not null)) return null;
        return $"{tool} is not on PATH: install {package} to run this test.";
    }
}
