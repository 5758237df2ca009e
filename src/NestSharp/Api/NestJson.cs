using System.Text.Json;
using System.Text.Json.Serialization;

namespace NestSharp;

/// <summary>
/// Statuses as JSON text: PyNEST's <c>nest.to_json</c> and <c>output="json"</c>. Infinite and NaN numbers are written
/// as the strings "Infinity", "-Infinity" and "NaN" (JSON has no such numbers).
/// </summary>
public static class NestJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// <paramref name="value"/> (a status dictionary, an array, a number, ...) as JSON. A NodeCollection is written as
    /// its ids.
    /// </summary>
    public static string ToJson(object? value) => JsonSerializer.Serialize(Plain(value), Options);

    // Statuses hold plain values; a collection inside one (NEST's Get of a composite) is written as its ids.
    private static object? Plain(object? value) => value switch
    {
        NodeCollection nodes => nodes.ToArray(),
        IDictionary<string, object> dictionary => dictionary.ToDictionary(e => e.Key, e => Plain(e.Value)),
        object?[] items => Array.ConvertAll(items, Plain),
        _ => value,
    };
}
