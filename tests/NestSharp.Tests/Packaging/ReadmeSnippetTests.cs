using System.Text.RegularExpressions;

namespace NestSharp.Tests.Packaging;

/// <summary>
/// The README's C# snippets compile as shown: each ```csharp block becomes the Program.cs of a fresh console project
/// that references the library built next to this test assembly, and is built with the dotnet command line.
/// </summary>
public sealed partial class ReadmeSnippetTests
{
    [GeneratedRegex(@"^```csharp\n(.*?)^```", RegexOptions.Singleline | RegexOptions.Multiline)]
    private static partial Regex CSharpBlock();

    public static TheoryData<int> Snippets()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < ReadSnippets().Count; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void Readme_HasACSharpSnippet() => Assert.NotEmpty(ReadSnippets());

    [Trait("Category", "Slow")]
    [RequiresToolTheory("dotnet", "the .NET SDK", requiredOnCi: true)]
    [MemberData(nameof(Snippets))]
    public void Snippet_CompilesAsShown(int index)
    {
        string snippet = ReadSnippets()[index];
        string directory = Directory.CreateTempSubdirectory("nestsharp-readme-").FullName;
        try
        {
            string library = Path.Combine(AppContext.BaseDirectory, "NestSharp.dll");
            File.WriteAllText(Path.Combine(directory, "Snippet.csproj"), $"""
                <Project Sdk="Microsoft.NET.Sdk">
                  <PropertyGroup>
                    <OutputType>Exe</OutputType>
                    <TargetFramework>net10.0</TargetFramework>
                    <ImplicitUsings>enable</ImplicitUsings>
                    <Nullable>enable</Nullable>
                  </PropertyGroup>
                  <ItemGroup>
                    <Reference Include="NestSharp" HintPath="{library}" />
                  </ItemGroup>
                </Project>
                """);
            File.WriteAllText(Path.Combine(directory, "Program.cs"), snippet);

            DotnetCommand.Run("dotnet", ["build", "-nologo", "-v:q"], directory);
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static List<string> ReadSnippets()
    {
        string readme = File.ReadAllText(Path.Combine(DotnetCommand.RepositoryRoot, "README.md")).ReplaceLineEndings("\n");
        return [.. CSharpBlock().Matches(readme).Select(match => match.Groups[1].Value)];
    }
}
