using NestSharp.Tests.Packaging;

namespace NestSharp.Tests.NestSuite;

/// <summary>
/// A NEST source checkout on this machine, for tests that read NEST's example data (never copied into the repository):
/// the folder in the NEST_SOURCE_DIR environment variable, else a checkout beside the repository (../nest-src or
/// ../nest-simulator), else none.
/// </summary>
internal static class NestCheckout
{
    /// <summary>The checkout's root, or null when there is none.</summary>
    public static string? Root { get; } = Find();

    /// <summary>The path of <paramref name="relative"/> inside the checkout, or null when it does not exist there.</summary>
    public static string? PathOf(string relative)
    {
        if (Root is null) return null;
        string path = Path.Combine(Root, relative);
        return File.Exists(path) || Directory.Exists(path) ? path : null;
    }

    /// <summary>Why a test needing <paramref name="relative"/> from the checkout is skipped, or null when it can run.</summary>
    public static string? SkipReason(string relative) => PathOf(relative) is not null
        ? null
        : Root is null
            ? $"No NEST checkout: set NEST_SOURCE_DIR to a NEST 3.10 source tree (needs {relative})."
            : $"The NEST checkout {Root} has no {relative}.";

    private static string? Find()
    {
        string? fromEnvironment = Environment.GetEnvironmentVariable("NEST_SOURCE_DIR");
        if (!string.IsNullOrEmpty(fromEnvironment)) return Directory.Exists(fromEnvironment) ? Path.GetFullPath(fromEnvironment) : null;
        string parent = Path.GetDirectoryName(DotnetCommand.RepositoryRoot)!;
        foreach (string name in new[] { "nest-src", "nest-simulator" })
        {
            string candidate = Path.Combine(parent, name);
            if (Directory.Exists(Path.Combine(candidate, "nestkernel"))) return candidate;
        }
        return null;
    }
}

/// <summary>A theory that reads data from a NEST checkout: Skipped, with the reason, when the data is not there.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresNestCheckoutTheoryAttribute : TheoryAttribute
{
    public RequiresNestCheckoutTheoryAttribute(string relative) => Skip = NestCheckout.SkipReason(relative);
}
