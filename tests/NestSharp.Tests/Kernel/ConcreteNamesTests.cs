using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using NestSharp.Tests.Packaging;

namespace NestSharp.Tests.Kernel;

/// <summary>
/// The kernel, the node base classes and the connection code (outside the rules themselves) reach models, devices,
/// rules and backends only through the catalog and their base types: their code names no class the catalog finds by
/// an attribute, and no string that is exactly a catalogued name (as a dispatch on "iaf_psc_alpha" would). Comments
/// and messages may mention NEST's names.
/// </summary>
public class ConcreteNamesTests
{
    /// <summary>The folders of src/NestSharp whose code must stay free of concrete names, and the subfolders exempt.</summary>
    private static readonly string[] Folders = ["Kernel", "Nodes", "Connections"];
    private static readonly string[] Exempt = [Path.Combine("Connections", "Rules")];

    private static (HashSet<string> Types, HashSet<string> Names) Catalogued()
    {
        var types = new HashSet<string>(StringComparer.Ordinal);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var type in typeof(NestSharp.Kernel.CatalogNameAttribute).Assembly.GetTypes())
        {
            var attributes = type.GetCustomAttributes<NestSharp.Kernel.CatalogNameAttribute>(inherit: false).ToList();
            if (attributes.Count == 0) continue;
            types.Add(type.Name);
            foreach (var attribute in attributes) names.UnionWith(attribute.Names);
        }
        return (types, names);
    }

    /// <summary>
    /// The code of a C# source with its comments removed and each string literal replaced by its quoted text (holes of
    /// interpolated strings are kept as text of the literal: they hold expressions, not dispatch keys).
    /// </summary>
    internal static (string Code, List<string> Literals) Split(string source)
    {
        var code = new StringBuilder(source.Length);
        var literals = new List<string>();
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            if (c == '/' && i + 1 < source.Length && source[i + 1] == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && i + 1 < source.Length && source[i + 1] == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? source.Length : end + 2;
            }
            else if (c == '\'')
            {
                int start = i++;
                while (i < source.Length && source[i] != '\'') i += source[i] == '\\' ? 2 : 1;
                i++;
                code.Append(source, start, Math.Min(i, source.Length) - start);
            }
            else if (c == '"' || ((c == '@' || c == '$') && i + 1 < source.Length && (source[i + 1] == '"' || source[i + 1] is '@' or '$')))
            {
                int prefix = i;
                while (source[i] != '"') i++;
                bool verbatim = source.AsSpan(prefix, i - prefix).Contains('@');
                var text = new StringBuilder();
                for (i++; i < source.Length; i++)
                {
                    if (!verbatim && source[i] == '\\') { text.Append(source[i + 1]); i++; continue; }
                    if (source[i] == '"')
                    {
                        if (verbatim && i + 1 < source.Length && source[i + 1] == '"') { text.Append('"'); i++; continue; }
                        break;
                    }
                    text.Append(source[i]);
                }
                i++;
                literals.Add(text.ToString());
                code.Append("\"\"");
            }
            else
            {
                code.Append(c);
                i++;
            }
        }
        return (code.ToString(), literals);
    }

    /// <summary>What in <paramref name="source"/> names a catalogued class or is a catalogued name.</summary>
    internal static List<string> ConcreteNamesIn(string source, HashSet<string> types, HashSet<string> names)
    {
        var (code, literals) = Split(source);
        var found = new List<string>();
        foreach (Match word in Regex.Matches(code, @"\b[A-Za-z_][A-Za-z0-9_]*\b"))
            if (types.Contains(word.Value)) found.Add("class " + word.Value);
        foreach (string literal in literals)
            if (names.Contains(literal)) found.Add($"\"{literal}\"");
        return found;
    }

    [Fact]
    public void KernelAndConnectionCodeNameNoConcreteModelRuleOrBackend()
    {
        var (types, names) = Catalogued();
        Assert.Contains("IafPscAlpha", types);
        Assert.Contains("AllToAllRule", types);
        Assert.Contains("ascii", names);
        string root = Path.Combine(DotnetCommand.RepositoryRoot, "src", "NestSharp");
        var offences = new List<string>();
        foreach (string folder in Folders)
        {
            foreach (string file in Directory.EnumerateFiles(Path.Combine(root, folder), "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(root, file);
                if (Exempt.Any(e => relative.StartsWith(e + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
                foreach (string name in ConcreteNamesIn(File.ReadAllText(file), types, names)) offences.Add($"{relative}: {name}");
            }
        }
        Assert.True(offences.Count == 0, "Concrete names in the kernel or the connection code:\n" + string.Join('\n', offences));
    }

    [Fact]
    public void TheScanFindsDispatchOnConcreteNamesButNotComments()
    {
        HashSet<string> types = ["VolumeTransmitter", "AllToAllRule"], names = ["iaf_psc_alpha", "ascii"];
        const string Source = """
            // a VolumeTransmitter hands spikes; "iaf_psc_alpha" in a comment
            /* AllToAllRule too */
            var message = $"not {x} for iaf_psc_alpha neurons";
            if (group is VolumeTransmitter vt) { }
            if (model.Name == "iaf_psc_alpha") { }
            var backend = @"ascii";
            char quote = '"';
            if (rule is AllToAllRule) { }
            """;
        Assert.Equal(["class VolumeTransmitter", "class AllToAllRule", "\"iaf_psc_alpha\"", "\"ascii\""],
            ConcreteNamesIn(Source, types, names));
    }
}
