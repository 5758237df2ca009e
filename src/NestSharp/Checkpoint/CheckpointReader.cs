using System.Buffers.Binary;
using System.IO.Hashing;
using System.Text;

namespace NestSharp.Checkpoint;

/// <summary>
/// Reads a checkpoint file written by <see cref="CheckpointWriter"/>, section by section, checking every chunk's
/// checksum before its values are used. Any deviation (a foreign or truncated file, a wrong version, a flipped byte, a
/// section other than the one expected) throws <see cref="BadCheckpointException"/>.
/// </summary>
internal sealed class CheckpointReader : IDisposable
{
    private readonly Stream _stream;
    private readonly string _path;
    private readonly byte[] _chunk = new byte[CheckpointFormat.ChunkBytes];
    private int _length, _position;
    private string? _section;
    private bool _sectionEnded;

    public CheckpointReader(Stream stream, string path)
    {
        _stream = stream;
        _path = path;
        var magic = CheckpointFormat.Magic;
        byte[] head = new byte[magic.Length + 8];
        if (!TryFill(head) || !head.AsSpan(0, magic.Length).SequenceEqual(magic))
            throw Bad("it is not a NestSharp checkpoint (the file does not start with NestSharp's checkpoint header)");
        int version = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(magic.Length));
        int nameLength = BinaryPrimitives.ReadInt32LittleEndian(head.AsSpan(magic.Length + 4));
        if (nameLength is < 0 or > 1024) throw Bad("its header is damaged");
        byte[] name = new byte[nameLength];
        Fill(name, "the header");
        var checksum = new XxHash3();
        checksum.Append(head);
        checksum.Append(name);
        ReadChecksum(checksum.GetCurrentHashAsUInt64(), "the header");
        WrittenBy = Encoding.UTF8.GetString(name);
        if (version != CheckpointFormat.Version)
            throw Bad($"it has format version {version}, written by NestSharp {WrittenBy}; this NestSharp reads format version {CheckpointFormat.Version}");
    }

    /// <summary>The NestSharp version that wrote the file.</summary>
    public string WrittenBy { get; }

    /// <summary>Moves to the next section, which must be <paramref name="name"/>.</summary>
    public void BeginSection(string name)
    {
        if (_section is not null) throw new InvalidOperationException($"section '{_section}' was not ended");
        Span<byte> head = stackalloc byte[5];
        Fill(head, $"section '{name}'");
        if (head[0] != CheckpointFormat.SectionMarker) throw Bad($"section '{name}' is missing (a damaged file)");
        int length = BinaryPrimitives.ReadInt32LittleEndian(head[1..]);
        if (length is < 0 or > 1024) throw Bad($"section '{name}' is damaged");
        byte[] bytes = new byte[length];
        Fill(bytes, $"section '{name}'");
        string found = Encoding.UTF8.GetString(bytes);
        if (found != name) throw Bad($"section '{name}' was expected, '{found}' was found");
        _section = name;
        _sectionEnded = false;
        _length = _position = 0;
    }

    /// <summary>Ends the current section: every value in it must have been read.</summary>
    public void EndSection()
    {
        if (_position != _length || !_sectionEnded && NextChunk())
            throw Bad($"section '{_section}' holds more than this NestSharp reads");
        _section = null;
    }

    /// <summary>Checks that the file ends here.</summary>
    public void Finish()
    {
        Span<byte> end = stackalloc byte[1];
        Fill(end, "the end marker");
        if (end[0] != CheckpointFormat.EndMarker || _stream.ReadByte() != -1) throw Bad("it does not end where its last section ends");
    }

    /// <summary>Section <paramref name="name"/>: begins it, reads its content with <paramref name="content"/>, ends it.</summary>
    public void Section(string name, Action content)
    {
        BeginSection(name);
        content();
        EndSection();
    }

    public bool ReadBool() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Bad($"a boolean in section '{_section}' reads {b}"),
    };

    public byte ReadByte()
    {
        Span<byte> b = stackalloc byte[1];
        Take(b);
        return b[0];
    }

    public int ReadInt()
    {
        Span<byte> b = stackalloc byte[4];
        Take(b);
        return BinaryPrimitives.ReadInt32LittleEndian(b);
    }

    public long ReadLong()
    {
        Span<byte> b = stackalloc byte[8];
        Take(b);
        return BinaryPrimitives.ReadInt64LittleEndian(b);
    }

    public ulong ReadULong() => unchecked((ulong)ReadLong());

    public double ReadDouble() => BitConverter.Int64BitsToDouble(ReadLong());

    public string ReadString()
    {
        byte[] bytes = new byte[ReadLength(1)];
        Take(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    public double[] ReadDoubles()
    {
        var values = new double[ReadLength(sizeof(double))];
        Take(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Reads values written with <c>Write(ReadOnlySpan&lt;double&gt;)</c> into <paramref name="into"/>, whose length they must have.</summary>
    public void ReadDoubles(Span<double> into)
    {
        int n = ReadLength(sizeof(double));
        if (n != into.Length) throw Bad($"section '{_section}' holds {n} values where {into.Length} were expected");
        Take(MemoryMarshal.AsBytes(into));
    }

    public int[] ReadInts()
    {
        var values = new int[ReadLength(sizeof(int))];
        Take(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    /// <summary>Reads values written with <c>Write(ReadOnlySpan&lt;int&gt;)</c> into <paramref name="into"/>, whose length they must have.</summary>
    public void ReadInts(Span<int> into)
    {
        int n = ReadLength(sizeof(int));
        if (n != into.Length) throw Bad($"section '{_section}' holds {n} values where {into.Length} were expected");
        Take(MemoryMarshal.AsBytes(into));
    }

    public long[] ReadLongs()
    {
        var values = new long[ReadLength(sizeof(long))];
        Take(MemoryMarshal.AsBytes(values.AsSpan()));
        return values;
    }

    public byte[] ReadBytes()
    {
        var values = new byte[ReadLength(1)];
        Take(values);
        return values;
    }

    /// <summary>Integers written with <c>WritePacked</c>.</summary>
    public int[] ReadPackedInts()
    {
        if (!ReadPaletteFlag()) return ReadInts();
        int[] palette = ReadInts();
        var indices = ReadBytes();
        var values = new int[indices.Length];
        for (int i = 0; i < values.Length; i++) values[i] = indices[i] < palette.Length ? palette[indices[i]] : throw Bad($"a palette index in section '{_section}' is out of range");
        return values;
    }

    /// <summary>Doubles written with <c>WritePacked</c>.</summary>
    public double[] ReadPackedDoubles()
    {
        if (!ReadPaletteFlag()) return ReadDoubles();
        double[] palette = ReadDoubles();
        var indices = ReadBytes();
        var values = new double[indices.Length];
        for (int i = 0; i < values.Length; i++) values[i] = indices[i] < palette.Length ? palette[indices[i]] : throw Bad($"a palette index in section '{_section}' is out of range");
        return values;
    }

    /// <summary>
    /// Integers written with <c>WritePacked</c>, left packed: the palette and one index per value, or (for a column
    /// written whole) the values. Indices are checked against the palette.
    /// </summary>
    public PackedInts ReadPackedIntsKept()
    {
        if (!ReadPaletteFlag()) return new PackedInts(null, null, ReadInts());
        int[] palette = ReadInts();
        int n = ReadLength(1);
        byte[] indices = GC.AllocateUninitializedArray<byte>(n);
        Take(indices);
        if (palette.Length < 256 && indices.AsSpan().IndexOfAnyInRange((byte)palette.Length, byte.MaxValue) >= 0)
            throw Bad($"a palette index in section '{_section}' is out of range");
        return new PackedInts(palette, indices, null);
    }

    /// <summary>Doubles written with <c>WritePacked</c> into <paramref name="into"/>, whose length they must have.</summary>
    public void ReadPackedDoubles(Span<double> into)
    {
        if (!ReadPaletteFlag())
        {
            ReadDoubles(into);
            return;
        }
        double[] palette = ReadDoubles();
        int n = ReadLength(1);
        if (n != into.Length) throw Bad($"section '{_section}' holds {n} values where {into.Length} were expected");
        // Expanded straight from the chunk buffer: no column of indices is held.
        int at = 0;
        while (at < n)
        {
            if (_position == _length && !NextChunk()) throw Bad($"section '{_section}' ends before all its values were read");
            int count = Math.Min(n - at, _length - _position);
            var indices = _chunk.AsSpan(_position, count);
            var values = into.Slice(at, count);
            for (int i = 0; i < indices.Length; i++)
            {
                int index = indices[i];
                if ((uint)index >= (uint)palette.Length) throw Bad($"a palette index in section '{_section}' is out of range");
                values[i] = palette[index];
            }
            _position += count;
            at += count;
        }
    }

    private bool ReadPaletteFlag() => ReadByte() switch
    {
        0 => false,
        1 => true,
        var b => throw Bad($"a packed column in section '{_section}' has the unknown form {b}"),
    };

    /// <summary>A count of elements of <paramref name="size"/> bytes, checked against what the section can still hold.</summary>
    private int ReadLength(int size)
    {
        int n = ReadInt();
        if (n < 0 || (long)n * size > _stream.Length - _stream.Position + _length - _position)
            throw Bad($"a length in section '{_section}' ({n}) runs past the end of the file");
        return n;
    }

    /// <summary>A failure of the file <paramref name="reason"/> names.</summary>
    public BadCheckpointException Bad(string reason) => new(_path, reason);

    private void Take(Span<byte> into)
    {
        if (_section is null) throw new InvalidOperationException("values are read inside a section");
        while (into.Length > 0)
        {
            if (_position == _length && !NextChunk()) throw Bad($"section '{_section}' ends before all its values were read");
            int n = Math.Min(into.Length, _length - _position);
            _chunk.AsSpan(_position, n).CopyTo(into);
            _position += n;
            into = into[n..];
        }
    }

    /// <summary>Reads the section's next chunk and checks it; false at the section's end.</summary>
    private bool NextChunk()
    {
        if (_sectionEnded) return false;
        Span<byte> head = stackalloc byte[4];
        Fill(head, $"section '{_section}'");
        int length = BinaryPrimitives.ReadInt32LittleEndian(head);
        if (length == 0)
        {
            _sectionEnded = true;
            return false;
        }
        if (length < 0 || length > _chunk.Length) throw Bad($"section '{_section}' is damaged (a chunk of {length} bytes)");
        Fill(_chunk.AsSpan(0, length), $"section '{_section}'");
        ReadChecksum(XxHash3.HashToUInt64(_chunk.AsSpan(0, length)), $"section '{_section}'");
        _length = length;
        _position = 0;
        return true;
    }

    private void ReadChecksum(ulong computed, string what)
    {
        Span<byte> stored = stackalloc byte[8];
        Fill(stored, what);
        if (BinaryPrimitives.ReadUInt64LittleEndian(stored) != computed) throw Bad($"the checksum of {what} does not match its content (a damaged file)");
    }

    private void Fill(Span<byte> into, string what)
    {
        if (!TryFill(into)) throw Bad($"it ends inside {what} (a truncated file)");
    }

    private bool TryFill(Span<byte> into)
    {
        while (into.Length > 0)
        {
            int n = _stream.Read(into);
            if (n == 0) return false;
            into = into[n..];
        }
        return true;
    }

    public void Dispose() => _stream.Dispose();
}

/// <summary>
/// A packed integer column as read: <see cref="Palette"/> and one byte <see cref="Indices"/> per value, or the
/// <see cref="Values"/> themselves (the other two null).
/// </summary>
internal readonly record struct PackedInts(int[]? Palette, byte[]? Indices, int[]? Values)
{
    /// <summary>The number of values.</summary>
    public int Count => Values?.Length ?? Indices!.Length;
}
