namespace NestSharp.Checkpoint;

/// <summary>
/// Writes and reads status values (what GetStatus and GetDefaults return and SetStatus takes: numbers, booleans,
/// strings, arrays, dictionaries, node collections) with their types, so a value read back is the value written.
/// </summary>
internal static class StatusCodec
{
    private enum Tag : byte
    {
        Bool = 1, Int = 2, Long = 3, Double = 4, String = 5, Doubles = 6, Ints = 7, Longs = 8, Strings = 9,
        Dictionary = 10, List = 11, Nodes = 12,
    }

    public static void Write(CheckpointWriter writer, IReadOnlyDictionary<string, object> values)
    {
        writer.Write(values.Count);
        foreach (var (key, value) in values)
        {
            writer.Write(key);
            WriteValue(writer, key, value);
        }
    }

    /// <summary>Reads a dictionary; node collections are made by <paramref name="nodes"/> from their ids.</summary>
    public static Dictionary<string, object> Read(CheckpointReader reader, Func<int[], NodeCollection> nodes)
    {
        int n = reader.ReadInt();
        var values = new Dictionary<string, object>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            string key = reader.ReadString();
            values[key] = ReadValue(reader, nodes);
        }
        return values;
    }

    /// <summary>Whether two status values are the same value (arrays element by element, doubles bit for bit).</summary>
    public static bool SameValue(object a, object b) => (a, b) switch
    {
        (double x, double y) => BitConverter.DoubleToInt64Bits(x) == BitConverter.DoubleToInt64Bits(y),
        (double[] x, double[] y) => x.AsSpan().SequenceEqual(y),
        (int[] x, int[] y) => x.AsSpan().SequenceEqual(y),
        (long[] x, long[] y) => x.AsSpan().SequenceEqual(y),
        (string[] x, string[] y) => x.AsSpan().SequenceEqual(y),
        (NodeCollection x, NodeCollection y) => x.Ids.SequenceEqual(y.Ids),
        (Array, _) or (_, Array) or (IReadOnlyDictionary<string, object>, _) => false,
        _ => Equals(a, b),
    };

    private static void WriteValue(CheckpointWriter writer, string key, object value)
    {
        switch (value)
        {
            case bool b: writer.Write((byte)Tag.Bool); writer.Write(b); break;
            case int i: writer.Write((byte)Tag.Int); writer.Write(i); break;
            case long l: writer.Write((byte)Tag.Long); writer.Write(l); break;
            case double d: writer.Write((byte)Tag.Double); writer.Write(d); break;
            case string s: writer.Write((byte)Tag.String); writer.Write(s); break;
            case double[] doubles: writer.Write((byte)Tag.Doubles); writer.Write(doubles); break;
            case int[] ints: writer.Write((byte)Tag.Ints); writer.Write(ints); break;
            case long[] longs: writer.Write((byte)Tag.Longs); writer.Write(longs); break;
            case string[] strings:
                writer.Write((byte)Tag.Strings);
                writer.Write(strings.Length);
                foreach (var s in strings) writer.Write(s);
                break;
            case NodeCollection nodes:
                writer.Write((byte)Tag.Nodes);
                writer.Write([.. nodes.Ids]);
                break;
            case IReadOnlyDictionary<string, object> dictionary:
                writer.Write((byte)Tag.Dictionary);
                Write(writer, dictionary);
                break;
            case object[] list:
                writer.Write((byte)Tag.List);
                writer.Write(list.Length);
                foreach (var item in list) WriteValue(writer, key, item);
                break;
            default:
                throw new NestNotImplementedException($"A checkpoint cannot hold the value of '{key}' (a {value.GetType().Name}).");
        }
    }

    private static object ReadValue(CheckpointReader reader, Func<int[], NodeCollection> nodes)
    {
        byte tag = reader.ReadByte();
        switch ((Tag)tag)
        {
            case Tag.Bool: return reader.ReadBool();
            case Tag.Int: return reader.ReadInt();
            case Tag.Long: return reader.ReadLong();
            case Tag.Double: return reader.ReadDouble();
            case Tag.String: return reader.ReadString();
            case Tag.Doubles: return reader.ReadDoubles();
            case Tag.Ints: return reader.ReadInts();
            case Tag.Longs: return reader.ReadLongs();
            case Tag.Strings:
                var strings = new string[reader.ReadInt()];
                for (int i = 0; i < strings.Length; i++) strings[i] = reader.ReadString();
                return strings;
            case Tag.Nodes: return nodes(reader.ReadInts());
            case Tag.Dictionary: return Read(reader, nodes);
            case Tag.List:
                var list = new object[reader.ReadInt()];
                for (int i = 0; i < list.Length; i++) list[i] = ReadValue(reader, nodes);
                return list;
            default:
                throw reader.Bad($"a status value has the unknown type tag {tag}");
        }
    }
}
