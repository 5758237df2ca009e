using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace NestSharp.Checkpoint;

/// <summary>
/// Writes a checkpoint file as a stream of named sections (see <see cref="CheckpointFormat"/>). Values go into a chunk
/// buffer of at most <see cref="CheckpointFormat.ChunkBytes"/>; a full chunk is written with its length and checksum, so
/// a section of any size streams through a fixed buffer and nothing is copied whole.
/// </summary>
internal sealed class CheckpointWriter : IDisposable
{
    private readonly Stream _stream;
    private readonly byte[] _chunk = new byte[CheckpointFormat.ChunkBytes];
    private int _filled;
    private string? _section;

    public CheckpointWriter(Stream stream, string nestSharpVersion)
    {
        _stream = stream;
        var header = new MemoryStream();
        header.Write(CheckpointFormat.Magic);
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(number, CheckpointFormat.Version);
        header.Write(number);
        byte[] version = Encoding.UTF8.GetBytes(nestSharpVersion);
        BinaryPrimitives.WriteInt32LittleEndian(number, version.Length);
        header.Write(number);
        header.Write(version);
        byte[] bytes = header.ToArray();
        _stream.Write(bytes);
        WriteChecksum(bytes);
    }

    /// <summary>Starts section <paramref name="name"/>; the previous one must have been ended.</summary>
    public void BeginSection(string name)
    {
        if (_section is not null) throw new InvalidOperationException($"section '{_section}' was not ended");
        _section = name;
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        Span<byte> head = stackalloc byte[5];
        head[0] = CheckpointFormat.SectionMarker;
        BinaryPrimitives.WriteInt32LittleEndian(head[1..], bytes.Length);
        _stream.Write(head);
        _stream.Write(bytes);
    }

    /// <summary>Ends the current section: its last chunk, then an empty chunk.</summary>
    public void EndSection()
    {
        FlushChunk();
        Span<byte> end = stackalloc byte[4];
        _stream.Write(end);
        _section = null;
    }

    /// <summary>Ends the file (after the last section).</summary>
    public void Finish()
    {
        if (_section is not null) throw new InvalidOperationException($"section '{_section}' was not ended");
        _stream.WriteByte(CheckpointFormat.EndMarker);
        _stream.Flush();
    }

    /// <summary>Section <paramref name="name"/>: begins it, writes its content with <paramref name="content"/>, ends it.</summary>
    public void Section(string name, Action content)
    {
        BeginSection(name);
        content();
        EndSection();
    }

    public void Write(bool value) => Write(value ? (byte)1 : (byte)0);

    public void Write(byte value) => Append([value]);

    public void Write(int value)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, value);
        Append(bytes);
    }

    public void Write(long value)
    {
        Span<byte> bytes = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(bytes, value);
        Append(bytes);
    }

    public void Write(ulong value) => Write(unchecked((long)value));

    public void Write(double value) => Write(BitConverter.DoubleToInt64Bits(value));

    public void Write(string value)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(value);
        Write(bytes.Length);
        Append(bytes);
    }

    /// <summary>A length, then the values (bit for bit).</summary>
    public void Write(ReadOnlySpan<double> values)
    {
        Write(values.Length);
        Append(MemoryMarshal.AsBytes(values));
    }

    /// <summary>A length, then the values.</summary>
    public void Write(ReadOnlySpan<int> values)
    {
        Write(values.Length);
        Append(MemoryMarshal.AsBytes(values));
    }

    /// <summary>A length, then the values.</summary>
    public void Write(ReadOnlySpan<long> values)
    {
        Write(values.Length);
        Append(MemoryMarshal.AsBytes(values));
    }

    /// <summary>A length, then the values.</summary>
    public void Write(ReadOnlySpan<byte> values)
    {
        Write(values.Length);
        Append(values);
    }

    /// <summary>
    /// Integers with at most 256 distinct values as a palette and one byte per value (such as a synapse model's input
    /// blocks or delays), others as they are.
    /// </summary>
    public void WritePacked(ReadOnlySpan<int> values)
    {
        var palette = Palette(values);
        if (palette is null)
        {
            Write((byte)0);
            Write(values);
            return;
        }
        Write((byte)1);
        Write([.. palette.Keys]);
        WriteIndices(values, palette);
    }

    /// <summary>Doubles with at most 256 distinct values (bit patterns) as a palette and one byte per value, others as they are.</summary>
    public void WritePacked(ReadOnlySpan<double> values)
    {
        var bits = MemoryMarshal.Cast<double, long>(values);
        var palette = Palette(bits);
        if (palette is null)
        {
            Write((byte)0);
            Write(values);
            return;
        }
        Write((byte)1);
        Write(palette.Keys.Select(BitConverter.Int64BitsToDouble).ToArray());
        WriteIndices(bits, palette);
    }

    /// <summary>The values' distinct values in order of appearance with their palette index, or null beyond 256.</summary>
    private static Dictionary<T, byte>? Palette<T>(ReadOnlySpan<T> values) where T : unmanaged, IEquatable<T>
    {
        var palette = new Dictionary<T, byte>();
        T last = default;
        bool any = false;
        foreach (var value in values)
        {
            if (any && value.Equals(last)) continue;
            (last, any) = (value, true);
            if (palette.ContainsKey(value)) continue;
            if (palette.Count == 256) return null;
            palette.Add(value, (byte)palette.Count);
        }
        return palette;
    }

    /// <summary>A length, then each value's palette index, written straight into the chunk buffer.</summary>
    private void WriteIndices<T>(ReadOnlySpan<T> values, Dictionary<T, byte> palette) where T : unmanaged, IEquatable<T>
    {
        Write(values.Length);
        T last = default;
        byte index = 0;
        for (int i = 0; i < values.Length;)
        {
            int n = Math.Min(_chunk.Length - _filled, values.Length - i);
            var indices = _chunk.AsSpan(_filled, n);
            for (int j = 0; j < n; j++)
            {
                var value = values[i + j];
                if (i + j == 0 || !value.Equals(last)) (last, index) = (value, palette[value]);
                indices[j] = index;
            }
            _filled += n;
            i += n;
            if (_filled == _chunk.Length) FlushChunk();
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_section is null) throw new InvalidOperationException("values are written inside a section");
        while (bytes.Length > 0)
        {
            int n = Math.Min(bytes.Length, _chunk.Length - _filled);
            bytes[..n].CopyTo(_chunk.AsSpan(_filled));
            _filled += n;
            bytes = bytes[n..];
            if (_filled == _chunk.Length) FlushChunk();
        }
    }

    private void FlushChunk()
    {
        if (_filled == 0) return;
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteInt32LittleEndian(length, _filled);
        _stream.Write(length);
        _stream.Write(_chunk, 0, _filled);
        WriteChecksum(_chunk.AsSpan(0, _filled));
        _filled = 0;
    }

    private void WriteChecksum(ReadOnlySpan<byte> bytes)
    {
        Span<byte> hash = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(hash, XxHash3.HashToUInt64(bytes));
        _stream.Write(hash);
    }

    public void Dispose() => _stream.Dispose();
}
