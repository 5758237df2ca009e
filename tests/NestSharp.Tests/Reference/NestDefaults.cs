using System.Text.Json;

namespace NestSharp.Tests.Reference;

/// <summary>
/// NEST 3.10's <c>GetDefaults(model)</c>, as copied into <c>Reference/defaults/&lt;model&gt;.json</c> (see
/// <c>Reference/README.md</c>): the one place the tests read them.
/// </summary>
internal static class NestDefaults
{
    /// <summary>
    /// The defaults of <paramref name="model"/>, keyed by NEST's parameter names. A labelled synapse model (<c>*_lbl</c>,
    /// NEST's ConnectionLabel of its model) has no file of its own: its defaults are its model's, with its own name and
    /// synapse_label -1 (what ConnectionLabel adds).
    /// </summary>
    public static Dictionary<string, JsonElement> Of(string model)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "defaults", model + ".json");
        if (!File.Exists(path) && model.EndsWith("_lbl", StringComparison.Ordinal))
        {
            var labelled = Of(model[..^4]);
            labelled["synapse_model"] = JsonSerializer.SerializeToElement(model);
            labelled["synapse_label"] = JsonSerializer.SerializeToElement(-1L);
            return labelled;
        }
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
