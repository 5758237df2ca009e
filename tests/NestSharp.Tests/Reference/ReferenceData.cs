using System.Globalization;
using System.Text.Json;

namespace NestSharp.Tests.Reference;

/// <summary>
/// Reads the NEST 3.10 reference experiments copied into <c>Reference/det/</c> (see <c>Reference/README.md</c>): the
/// JSON setup of an experiment and its CSV outputs, and turns JSON setup values into NestSharp status dictionaries.
/// </summary>
internal static class ReferenceData
{
    public static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Reference", "det", file);

    /// <summary>The JSON description of experiment <paramref name="experiment"/> (<c>det/&lt;experiment&gt;.json</c>).</summary>
    public static JsonElement Experiment(string experiment)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(PathOf(experiment + ".json")));
        return document.RootElement.Clone();
    }

    /// <summary>A CSV file with a header line and numeric rows, numbers parsed to the exact double they were written as.</summary>
    public static Csv ReadCsv(string file)
    {
        var lines = File.ReadAllLines(PathOf(file)).Where(l => l.Length > 0).ToArray();
        var header = lines[0].Split(',');
        var rows = lines.Skip(1)
            .Select(l => l.Split(',').Select(x => double.Parse(x, NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        foreach (var row in rows)
            if (row.Length != header.Length) throw new InvalidDataException($"{file}: a row has {row.Length} fields, the header {header.Length}.");
        return new Csv(header, rows);
    }

    /// <summary>Sets the kernel as the experiment's <c>kernel</c> object says (resolution, tics, seed, threads).</summary>
    public static void ApplyKernel(Simulator nest, JsonElement kernel) => nest.SetKernelStatus(new()
    {
        ["resolution"] = kernel.GetProperty("resolution_ms").GetDouble(),
        ["tics_per_ms"] = kernel.GetProperty("tics_per_ms").GetDouble(),
        ["rng_seed"] = kernel.GetProperty("rng_seed").GetInt64(),
        ["local_num_threads"] = kernel.GetProperty("local_num_threads").GetInt64(),
    });

    /// <summary>A JSON object of parameters as a status dictionary (numbers as double, integer lists as long[]).</summary>
    public static Dictionary<string, object> ToStatus(JsonElement parameters) =>
        parameters.EnumerateObject().ToDictionary(p => p.Name, p => ToValue(p.Value));

    public static double[] Doubles(JsonElement array) => array.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    public static object ToValue(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Number => value.GetDouble(),
        JsonValueKind.String => value.GetString()!,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array when value.EnumerateArray().All(IsIntegerLiteral) && value.GetArrayLength() > 0 =>
            value.EnumerateArray().Select(e => e.GetInt64()).ToArray(),
        JsonValueKind.Array => Doubles(value),
        _ => throw new InvalidDataException($"Unexpected JSON value {value}."),
    };

    private static bool IsIntegerLiteral(JsonElement e) =>
        e.ValueKind == JsonValueKind.Number && e.GetRawText().All(c => char.IsAsciiDigit(c) || c == '-');
}

/// <summary>A numeric CSV table.</summary>
internal sealed record Csv(string[] Header, double[][] Rows)
{
    public double[] Column(string name)
    {
        int index = Array.IndexOf(Header, name);
        if (index < 0) throw new KeyNotFoundException($"No column '{name}' in [{string.Join(", ", Header)}].");
        return Rows.Select(r => r[index]).ToArray();
    }

    /// <summary>The rows whose <c>sender</c> column is <paramref name="sender"/>, in file order.</summary>
    public Csv OfSender(long sender)
    {
        int index = Array.IndexOf(Header, "sender");
        return this with { Rows = Rows.Where(r => r[index] == sender).ToArray() };
    }
}
