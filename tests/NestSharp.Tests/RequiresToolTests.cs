namespace NestSharp.Tests;

/// <summary>
/// Tests that need an external program are skipped, naming it, when it is missing, and run when it is there (or on
/// CI, when the test says CI must have it).
/// </summary>
public sealed class RequiresToolTests
{
    private const string Missing = "nestsharp-no-such-tool";

    [Fact]
    public void Fact_WithAToolNotOnPath_IsSkippedNamingTheToolAndItsPackage()
    {
        var fact = new RequiresToolFactAttribute(Missing, "no-such-package");

        Assert.Equal($"{Missing} is not on PATH: install no-such-package to run this test.", fact.Skip);
    }

    [Fact]
    public void Theory_WithAToolNotOnPath_IsSkippedNamingTheTool()
    {
        var theory = new RequiresToolTheoryAttribute(Missing, "no-such-package");

        Assert.Contains(Missing, theory.Skip);
    }

    [Fact]
    public void SkipReason_OfAToolInADirectoryOfThePath_IsNone()
    {
        using var directories = new TwoDirectories();
        File.WriteAllText(Path.Combine(directories.Second, Missing), "");

        Assert.Null(ExternalTool.SkipReason(Missing, "no-such-package", searchPath: directories.SearchPath));
        Assert.NotNull(ExternalTool.SkipReason(Missing, "no-such-package", searchPath: directories.First));
    }

    [Fact]
    public void Find_GivesTheFullPathInTheFirstDirectoryOfThePathThatHasTheTool()
    {
        using var directories = new TwoDirectories();
        File.WriteAllText(Path.Combine(directories.First, Missing), "");
        File.WriteAllText(Path.Combine(directories.Second, Missing), "");

        Assert.Equal(Path.Combine(directories.First, Missing), ExternalTool.Find(Missing, directories.SearchPath));
    }

    [Fact]
    public void SkipReason_OfAToolRequiredOnCi_IsNoneOnCi_SoTheMissingToolFailsTheTest()
    {
        Assert.Null(ExternalTool.SkipReason(Missing, "no-such-package", requiredOnCi: true, searchPath: "", onCi: true));
        Assert.NotNull(ExternalTool.SkipReason(Missing, "no-such-package", requiredOnCi: true, searchPath: "", onCi: false));
        Assert.NotNull(ExternalTool.SkipReason(Missing, "no-such-package", requiredOnCi: false, searchPath: "", onCi: true));
    }

    [Fact]
    public void PathOf_AToolNotOnPath_FailsNamingTheTool()
    {
        var failure = Assert.ThrowsAny<Exception>(() => ExternalTool.PathOf(Missing));

        Assert.StartsWith($"{Missing} is not on PATH", failure.Message);
    }

    private sealed class TwoDirectories : IDisposable
    {
        public string First { get; } = Directory.CreateTempSubdirectory("nestsharp-path-").FullName;
        public string Second { get; } = Directory.CreateTempSubdirectory("nestsharp-path-").FullName;
        public string SearchPath => First + Path.PathSeparator + Second;

        public void Dispose()
        {
            Directory.Delete(First, recursive: true);
            Directory.Delete(Second, recursive: true);
        }
    }
}
