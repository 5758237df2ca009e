using System.Buffers;
using System.Globalization;
using System.Text.Json;

namespace NestSharp.Python;

/// <summary>
/// The JSON form of the values that cross between Python and NestSharp. Status values read from a request become the
/// objects NestSharp's dictionaries take (long, double, bool, string, arrays, nested dictionaries); values written into a
/// reply come back as JSON, with numeric arrays handed over as bulk arrays (<see cref="BulkArrays"/>) instead of text.
/// </summary>
/// <remarks>
/// Tagged objects carry what JSON has no word for: <c>{"__nc__": handle}</c> a NodeCollection (<c>{"__nc_item__":
/// collection, "index": k}</c> its node at position k, which Python indexes without a call), <c>{"__sc__": handle}</c>
/// a SynapseCollection, <c>{"__param__": type, ...}</c> a parameter expression, <c>{"__array__": slot}</c> a numeric
/// array handed over by Python before the request, and <c>{"__float__": "Infinity"}</c> the numbers JSON lacks
/// (NaN, Infinity, -Infinity).
/// </remarks>
internal static class Message
{
    // ---------------------------------------------------------------- reading a request

    /// <summary>The value of <paramref name="element"/> as a status value.</summary>
    public static object? Read(JsonElement element, Session session) => element.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => ReadNumber(element),
        JsonValueKind.Array => ReadArray(element, session),
        _ => ReadObject(element, session),
    };

    /// <summary>A JSON object as a status dictionary (tagged objects are refused: a dictionary is expected).</summary>
    public static Dictionary<string, object> ReadDictionary(JsonElement element, Session session, string what) =>
        Read(element, session) as Dictionary<string, object>
        ?? throw new TypeMismatchException(what, element.ToString(), "a dictionary");

    private static object ReadNumber(JsonElement element)
    {
        string text = element.GetRawText();
        bool integral = text.AsSpan().IndexOfAny(".eE") < 0;
        return integral && element.TryGetInt64(out long whole) ? whole : (object)element.GetDouble();
    }

    private static object ReadArray(JsonElement element, Session session)
    {
        int n = element.GetArrayLength();
        var items = new object?[n];
        int k = 0;
        foreach (var item in element.EnumerateArray()) items[k++] = Read(item, session);
        if (n == 0) return Array.Empty<double>();
        if (items.All(x => x is long)) return Array.ConvertAll(items, x => (long)x!);
        if (items.All(x => x is long or double)) return Array.ConvertAll(items, x => Convert.ToDouble(x, CultureInfo.InvariantCulture));
        if (items.All(x => x is string)) return Array.ConvertAll(items, x => (string)x!);
        if (items.All(x => x is bool)) return Array.ConvertAll(items, x => (bool)x!);
        if (items.All(x => x is Dictionary<string, object>)) return Array.ConvertAll(items, x => (Dictionary<string, object>)x!);
        return items;
    }

    private static object? ReadObject(JsonElement element, Session session)
    {
        if (element.TryGetProperty("__nc__", out var nodes)) return session.Handles.Get<NodeCollection>(nodes.GetInt64());
        if (element.TryGetProperty("__nc_item__", out var source))
        {
            var collection = ReadObject(source, session) as NodeCollection
                ?? throw new TypeMismatchException("__nc_item__", source.ToString(), "a NodeCollection");
            return collection[element.GetProperty("index").GetInt32()];
        }
        if (element.TryGetProperty("__sc__", out var synapses)) return session.Handles.Get<SynapseCollection>(synapses.GetInt64());
        if (element.TryGetProperty("__array__", out var slot)) return session.Arrays.Take(slot.GetInt32());
        if (element.TryGetProperty("__param__", out _)) return ParameterMessage.Read(element, session);
        if (element.TryGetProperty("__float__", out var special))
            return double.Parse(special.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture);
        var dictionary = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject()) dictionary[property.Name] = Read(property.Value, session)!;
        return dictionary;
    }

    // ---------------------------------------------------------------- writing a reply

    /// <summary>Writes <paramref name="value"/>; numeric arrays (and lists of numbers) go to the session's bulk arrays.</summary>
    public static void Write(Utf8JsonWriter writer, object? value, Session session)
    {
        switch (value)
        {
            case null: writer.WriteNullValue(); break;
            case bool b: writer.WriteBooleanValue(b); break;
            case string s: writer.WriteStringValue(s); break;
            case int i: writer.WriteNumberValue(i); break;
            case long l: writer.WriteNumberValue(l); break;
            case uint u: writer.WriteNumberValue(u); break;
            case ulong u: writer.WriteNumberValue(u); break;
            case double d: WriteDouble(writer, d); break;
            case float f: WriteDouble(writer, f); break;
            case double[] a: WriteArray(writer, session.Arrays.Add(a)); break;
            case long[] a: WriteArray(writer, session.Arrays.Add(a)); break;
            case int[] a: WriteArray(writer, session.Arrays.Add(Array.ConvertAll(a, x => (long)x))); break;
            case NodeCollection nodes: WriteTagged(writer, "__nc__", session.Handles.Add(nodes), nodes.Count); break;
            case SynapseCollection synapses: WriteTagged(writer, "__sc__", session.Handles.Add(synapses), synapses.Count); break;
            case Parameter parameter: writer.WriteStringValue(parameter.ToString()); break;
            case object?[] items when items.Length > 0 && items.All(x => x is double):
                WriteArray(writer, session.Arrays.Add(Array.ConvertAll(items, x => (double)x!))); break;
            case object?[] items when items.Length > 0 && items.All(x => x is long):
                WriteArray(writer, session.Arrays.Add(Array.ConvertAll(items, x => (long)x!))); break;
            case IReadOnlyDictionary<string, object> dictionary:
                writer.WriteStartObject();
                foreach (var (key, item) in dictionary)
                {
                    writer.WritePropertyName(key);
                    Write(writer, item, session);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IDictionary dictionary:
                writer.WriteStartObject();
                foreach (System.Collections.DictionaryEntry entry in dictionary)
                {
                    writer.WritePropertyName(Convert.ToString(entry.Key, CultureInfo.InvariantCulture)!);
                    Write(writer, entry.Value, session);
                }
                writer.WriteEndObject();
                break;
            case System.Collections.IEnumerable items:
                writer.WriteStartArray();
                foreach (object? item in items) Write(writer, item, session);
                writer.WriteEndArray();
                break;
            default: writer.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }

    /// <summary>A double that reads back as a Python float (1.0, not 1), with NaN and infinities as Python writes them.</summary>
    private static void WriteDouble(Utf8JsonWriter writer, double value)
    {
        if (double.IsNaN(value)) { writer.WriteRawValue("NaN", skipInputValidation: true); return; }
        if (double.IsInfinity(value)) { writer.WriteRawValue(value > 0 ? "Infinity" : "-Infinity", skipInputValidation: true); return; }
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        if (text.AsSpan().IndexOfAny(".E") < 0) text += ".0";
        writer.WriteRawValue(text);
    }

    private static void WriteArray(Utf8JsonWriter writer, (int Slot, string DType, long Length) array)
    {
        writer.WriteStartObject();
        writer.WriteNumber("__array__", array.Slot);
        writer.WriteString("dtype", array.DType);
        writer.WriteNumber("n", array.Length);
        writer.WriteEndObject();
    }

    private static void WriteTagged(Utf8JsonWriter writer, string tag, long handle, int count)
    {
        writer.WriteStartObject();
        writer.WriteNumber(tag, handle);
        writer.WriteNumber("n", count);
        writer.WriteEndObject();
    }

    /// <summary>The JSON text of <paramref name="value"/>.</summary>
    public static byte[] Serialize(object? value, Session session)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, value, session);
        }
        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>
/// Objects that Python refers to by number: node collections and synapse collections. Python releases a handle when its
/// wrapper is collected.
/// </summary>
internal sealed class Handles
{
    private readonly Dictionary<long, object> _objects = [];
    private long _next = 1;

    /// <summary>A new handle for <paramref name="value"/>.</summary>
    public long Add(object value)
    {
        long handle = _next++;
        _objects[handle] = value;
        return handle;
    }

    /// <summary>The object behind <paramref name="handle"/>, which must be a <typeparamref name="T"/>.</summary>
    public T Get<T>(long handle) where T : class =>
        _objects.TryGetValue(handle, out var value) && value is T typed
            ? typed
            : throw new KernelException($"InvalidHandle: {handle} is not a live {typeof(T).Name} of this process.");

    /// <summary>Forgets <paramref name="handle"/>.</summary>
    public void Release(long handle) => _objects.Remove(handle);

    /// <summary>The number of live handles.</summary>
    public int Count => _objects.Count;
}

/// <summary>
/// Numeric arrays on their way between Python and .NET: Python hands one over (copied from a numpy buffer in one call)
/// before the request that names it, and fetches those of a reply (copied into a numpy buffer in one call) after it.
/// </summary>
internal sealed class BulkArrays
{
    private readonly Dictionary<int, Array> _slots = [];
    private int _next = 1;

    /// <summary>Keeps <paramref name="values"/> for Python to fetch.</summary>
    public (int Slot, string DType, long Length) Add(double[] values) => (Keep(values), "f8", values.LongLength);

    /// <summary>Keeps <paramref name="values"/> for Python to fetch.</summary>
    public (int Slot, string DType, long Length) Add(long[] values) => (Keep(values), "i8", values.LongLength);

    /// <summary>Keeps an array handed over by Python; returns its slot.</summary>
    public int Keep(Array values)
    {
        int slot = _next++;
        _slots[slot] = values;
        return slot;
    }

    /// <summary>Removes and returns the array in <paramref name="slot"/>.</summary>
    public Array Take(int slot) =>
        _slots.Remove(slot, out var values) ? values : throw new KernelException($"InvalidHandle: no array in slot {slot}.");

    /// <summary>Drops every array not fetched (after an error, or before a new request).</summary>
    public void Clear() => _slots.Clear();
}
