using System.Text.Json;
using System.Text.Json.Nodes;

namespace NestSharp.Sonata;

/// <summary>
/// Reads a SONATA configuration file (circuit_config.json, simulation_config.json) as PyNEST's SonataNetwork does: the
/// manifest's path variables become absolute paths, and every string of the file that starts with <c>$</c> has them
/// substituted.
/// </summary>
/// <remarks>
/// The manifest is resolved entry by entry, in its order: a value containing <c>$BASE_DIR</c> has it replaced by
/// <c>.</c>; the value is then joined to the configuration file's folder (an absolute value stays as it is; <c>.</c>
/// segments and repeated slashes are dropped, as Python's pathlib does); a name starting with <c>$</c> loses it and
/// moves to the end of the manifest. A string elsewhere in the file that starts with <c>$</c> then has every manifest
/// name replaced by its path, in the manifest's order, and its first character (the <c>$</c>) removed:
/// <c>"$NETWORK_DIR/nodes.h5"</c> becomes <c>"/abs/network/nodes.h5"</c>.
/// </remarks>
internal static class SonataConfig
{
    /// <summary>The configuration in <paramref name="path"/> with its paths resolved.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist (Python's FileNotFoundError).</exception>
    /// <exception cref="KeyNotFoundException">The file has no <c>manifest</c>.</exception>
    /// <exception cref="ArgumentException">The file is not a JSON object.</exception>
    public static JsonObject Read(string path)
    {
        string full = Path.GetFullPath(path);
        if (!File.Exists(full)) throw new FileNotFoundException($"[Errno 2] No such file or directory: '{full}'", full);
        string basePath = Path.GetDirectoryName(full)!;
        JsonObject conf;
        try
        {
            conf = JsonNode.Parse(File.ReadAllText(full)) as JsonObject
                ?? throw new ArgumentException($"The SONATA configuration file {full} does not hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The SONATA configuration file {full} is not valid JSON: {e.Message}", e);
        }

        var manifestNode = conf["manifest"] as JsonObject ?? throw new KeyNotFoundException($"'manifest' (in {full})");
        var manifest = new List<KeyValuePair<string, string>>();
        foreach (var (key, value) in manifestNode)
        {
            manifest.Add(new(key, value is JsonValue v && v.TryGetValue(out string? text)
                ? text
                : throw new ArgumentException($"The manifest entry '{key}' in {full} must be a string, not {value?.ToJsonString() ?? "null"}.")));
        }
        foreach (var (key, original) in manifest.ToArray())
        {
            string value = original.Contains("$BASE_DIR", StringComparison.Ordinal) ? original.Replace("$BASE_DIR", ".", StringComparison.Ordinal) : original;
            int at = manifest.FindIndex(e => e.Key == key);
            manifest[at] = new(key, JoinPosix(basePath, value));
            if (key.StartsWith('$'))
            {
                var moved = manifest[at];
                manifest.RemoveAt(at);
                string renamed = key[1..];
                int existing = manifest.FindIndex(e => e.Key == renamed);
                if (existing >= 0) manifest[existing] = new(renamed, moved.Value);
                else manifest.Add(new(renamed, moved.Value));
            }
        }

        var resolved = new JsonObject();
        foreach (var (key, value) in conf)
        {
            resolved[key] = key == "manifest" ? ManifestObject(manifest) : Substitute(value, manifest);
        }
        return resolved;
    }

    private static JsonObject ManifestObject(List<KeyValuePair<string, string>> manifest)
    {
        var result = new JsonObject();
        foreach (var (key, value) in manifest) result[key] = Substitute(JsonValue.Create(value), manifest);
        return result;
    }

    /// <summary>A copy of <paramref name="node"/> with the manifest's paths substituted in strings starting with <c>$</c>.</summary>
    private static JsonNode? Substitute(JsonNode? node, List<KeyValuePair<string, string>> manifest)
    {
        switch (node)
        {
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj) copy[key] = Substitute(value, manifest);
                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array) items.Add(Substitute(item, manifest));
                return items;
            case JsonValue value when value.TryGetValue(out string? text) && text.StartsWith('$'):
                foreach (var (name, path) in manifest) text = text.Replace(name, path, StringComparison.Ordinal);
                return JsonValue.Create(text[1..]);
            default:
                return node?.DeepClone();
        }
    }

    /// <summary>
    /// Python's <c>Path(base).joinpath(value).as_posix()</c>: an absolute <paramref name="value"/> replaces the base;
    /// empty and <c>.</c> segments are dropped (<c>..</c> is kept).
    /// </summary>
    internal static string JoinPosix(string basePath, string value)
    {
        string joined = value.StartsWith('/') ? value : basePath.TrimEnd('/') + "/" + value;
        var parts = joined.Split('/').Where(p => p.Length > 0 && p != ".");
        string result = string.Join('/', parts);
        return joined.StartsWith('/') ? "/" + result : (result.Length == 0 ? "." : result);
    }
}
