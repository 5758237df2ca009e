using System.Text.Json;
using NestSharp.Kernel;
using NestSharp.Tests.Reference;

namespace NestSharp.Tests.Kernel;

/// <summary>
/// For every model NestSharp has (found in the catalog), GetDefaults gives NEST 3.10's value for every key both report
/// (Reference/defaults/&lt;model&gt;.json): numbers, booleans, strings and arrays of names. Keys that describe NEST's
/// own memory layout (sizeof, elementsize, model ids, instance counts) are not compared.
/// </summary>
public sealed class AllModelDefaultsTests
{
    private static readonly HashSet<string> NestInternalKeys =
        ["available", "capacity", "instantiations", "elementsize", "sizeof", "model_id", "synapse_modelid", "type_id", "thread", "vp", "thread_local_id"];

    public static TheoryData<string> Models() =>
        [.. Catalog.NodeModels.Keys.Concat(Catalog.SynapseModels.Keys).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Models))]
    public void EveryKeyBothReport_HasNestsDefault(string model)
    {
        var ours = new Simulator().GetDefaults(model);
        var nest = NestDefaults.Of(model);
        int compared = 0;
        foreach (var (key, expected) in nest)
        {
            if (NestInternalKeys.Contains(key) || !ours.TryGetValue(key, out var actual)) continue;
            compared++;
            switch (expected.ValueKind)
            {
                case JsonValueKind.Number or JsonValueKind.String when actual is double or long or int:
                    Assert.True(NestDefaults.Number(expected) == Convert.ToDouble(actual, System.Globalization.CultureInfo.InvariantCulture),
                        $"{model}.{key}: NEST {expected}, NestSharp {actual}");
                    break;
                case JsonValueKind.True or JsonValueKind.False:
                    Assert.True(expected.GetBoolean() == (bool)actual, $"{model}.{key}: NEST {expected}, NestSharp {actual}");
                    break;
                case JsonValueKind.String:
                    Assert.True(expected.GetString() == actual.ToString(), $"{model}.{key}: NEST {expected}, NestSharp {actual}");
                    break;
                case JsonValueKind.Array when actual is string[] names:
                    Assert.Equal(expected.EnumerateArray().Select(e => e.GetString()!).Order(StringComparer.Ordinal), names.Order(StringComparer.Ordinal));
                    break;
            }
        }
        Assert.True(compared >= 3, $"{model}: only {compared} keys compared");
    }

    /// <summary>Keys of NEST's GetDefaults about its own memory (pools, element sizes, C++ type names).</summary>
    private static readonly HashSet<string> NestMemoryKeys = ["available", "capacity", "instantiations", "elementsize", "sizeof", "type_id"];

    /// <summary>Keys a model's GetDefaults lacks or has beyond NEST's, each known and to be closed.</summary>
    private static readonly Dictionary<string, string[]> KnownKeyGaps = new()
    {
    };

    [Theory]
    [MemberData(nameof(Models))]
    public void GetDefaults_HasExactlyNestsKeys(string model)
    {
        var ours = new Simulator().GetDefaults(model).Keys.Where(k => !NestMemoryKeys.Contains(k));
        var nest = NestDefaults.Of(model).Keys.Where(k => !NestMemoryKeys.Contains(k));
        var differ = ours.Except(nest).Concat(nest.Except(ours)).Order(StringComparer.Ordinal);
        Assert.Equal(KnownKeyGaps.GetValueOrDefault(model, []).Order(StringComparer.Ordinal), differ);
    }
}
