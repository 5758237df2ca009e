using System.Globalization;
using System.Text.Json;

namespace NestSharp.Sonata;

/// <summary>
/// A SONATA types table (node_types.csv, edge_types.csv) as PyNEST reads it with pandas (<c>read_csv(sep=r"\s+")</c>):
/// a header line of column names, then one row per type, fields separated by any run of whitespace. A column holds
/// integers (<see cref="long"/>) when every field of it is one, reals (<see cref="double"/>) when every field is a
/// number, strings otherwise; a field <c>NaN</c>, <c>NA</c> or <c>nan</c> is a missing value (null).
/// </summary>
internal sealed class SonataTable
{
    private readonly Dictionary<string, int> _index;

    private SonataTable(string path, string[] columns, object?[][] rows)
    {
        Path = path;
        Columns = columns;
        Rows = rows;
        _index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int c = 0; c < columns.Length; c++) _index[columns[c]] = c;
    }

    /// <summary>The file the table was read from.</summary>
    public string Path { get; }

    /// <summary>The column names, in the file's order.</summary>
    public string[] Columns { get; }

    /// <summary>The rows; each has one value per column.</summary>
    public object?[][] Rows { get; }

    /// <summary>Whether the table has a column <paramref name="name"/>.</summary>
    public bool Has(string name) => _index.ContainsKey(name);

    /// <summary>The value of column <paramref name="name"/> in row <paramref name="row"/>.</summary>
    /// <exception cref="KeyNotFoundException">The table has no such column (pandas' KeyError).</exception>
    public object? Value(int row, string name) => Rows[row][Column(name)];

    /// <summary>The position of column <paramref name="name"/>.</summary>
    public int Column(string name) =>
        _index.TryGetValue(name, out int c) ? c : throw new KeyNotFoundException($"'{name}' (no such column in {Path})");

    /// <summary>Reads the table in <paramref name="path"/>.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The file is empty, or a row has another number of fields than the header.</exception>
    public static SonataTable Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"[Errno 2] No such file or directory: '{path}'", path);
        var lines = File.ReadAllLines(path).Where(l => !string.IsNullOrWhiteSpace(l)).ToArray();
        if (lines.Length == 0) throw new ArgumentException($"No columns to parse from file {path}.");
        string[] columns = Split(lines[0]);
        var fields = new string[lines.Length - 1][];
        for (int r = 1; r < lines.Length; r++)
        {
            fields[r - 1] = Split(lines[r]);
            if (fields[r - 1].Length != columns.Length)
                throw new ArgumentException($"Error tokenizing data in {path}: expected {columns.Length} fields in line {r + 1}, saw {fields[r - 1].Length}.");
        }
        var rows = new object?[fields.Length][];
        for (int r = 0; r < rows.Length; r++) rows[r] = new object?[columns.Length];
        for (int c = 0; c < columns.Length; c++)
        {
            bool integers = true, numbers = true;
            foreach (var row in fields)
            {
                if (IsMissing(row[c])) { integers = false; continue; }
                integers &= long.TryParse(row[c], NumberStyles.Integer, CultureInfo.InvariantCulture, out _);
                numbers &= double.TryParse(row[c], NumberStyles.Float, CultureInfo.InvariantCulture, out _);
            }
            for (int r = 0; r < rows.Length; r++)
            {
                string text = fields[r][c];
                rows[r][c] = IsMissing(text) ? null
                    : integers ? long.Parse(text, CultureInfo.InvariantCulture)
                    : numbers ? double.Parse(text, CultureInfo.InvariantCulture)
                    : text;
            }
        }
        return new SonataTable(path, columns, rows);
    }

    private static string[] Split(string line) => line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static bool IsMissing(string field) => field is "NaN" or "NA" or "nan" or "N/A" or "NULL" or "null" or "<NA>";
}

/// <summary>JSON values (a dynamics_params file) as status values: the forms NestSharp's dictionaries take.</summary>
internal static class SonataJson
{
    /// <summary>The JSON object in <paramref name="path"/> as a status dictionary.</summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ArgumentException">The file is not a JSON object.</exception>
    public static Dictionary<string, object> ReadDictionary(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"[Errno 2] No such file or directory: '{path}'", path);
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            return ToValue(document.RootElement) as Dictionary<string, object>
                ?? throw new ArgumentException($"The dynamics_params file {path} does not hold a JSON object.");
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"The dynamics_params file {path} is not valid JSON: {e.Message}", e);
        }
    }

    /// <summary>
    /// A JSON value as a status value: integers as long, other numbers as double, arrays of one kind as typed arrays,
    /// objects as dictionaries.
    /// </summary>
    public static object? ToValue(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.True: return true;
            case JsonValueKind.False: return false;
            case JsonValueKind.String: return element.GetString();
            case JsonValueKind.Number:
                return element.GetRawText().AsSpan().IndexOfAny(".eE") < 0 && element.TryGetInt64(out long whole) ? whole : element.GetDouble();
            case JsonValueKind.Array:
                var items = element.EnumerateArray().Select(ToValue).ToArray();
                if (items.Length == 0) return Array.Empty<double>();
                if (items.All(x => x is long)) return Array.ConvertAll(items, x => (long)x!);
                if (items.All(x => x is long or double)) return Array.ConvertAll(items, x => Convert.ToDouble(x, CultureInfo.InvariantCulture));
                if (items.All(x => x is string)) return Array.ConvertAll(items, x => (string)x!);
                if (items.All(x => x is bool)) return Array.ConvertAll(items, x => (bool)x!);
                return items;
            case JsonValueKind.Object:
                var dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject()) dictionary[property.Name] = ToValue(property.Value)!;
                return dictionary;
            default:
                return null;
        }
    }
}
