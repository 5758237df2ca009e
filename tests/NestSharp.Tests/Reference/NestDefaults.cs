using System.Text.Json;

namespace NestSharp.Tests.Reference;

/// <summary>
/// NEST 3.10's <c>GetDefaults(model)</c>, as copied into <c>Reference/defaults/&lt;model&gt;.json</c> (see
/// <c>Reference/README.md</c>): the one place the tests read them.
/// </summary>
internal static class NestDefaults
{
    /// <summary>The defaults of <paramref name="model"/>, keyed by NEST's parameter names.</summary>
    public static Dictionary<string, JsonElement> Of(string model)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "defaults", model + ".json");
        return JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(File.ReadAllText(path))
            ?? throw new InvalidDataException($"{path} holds no JSON object.");
    }

    /// <summary>A numeric default; NEST writes infinite values as the strings "inf" and "-inf".</summary>
    public static double Number(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String when value.GetString() == "-inf" => double.NegativeInfinity,
        JsonValueKind.String when value.GetString() == "inf" => double.PositiveInfinity,
        _ => value.GetDouble(),
    };
}
