namespace NestSharp.Checkpoint;

/// <summary>
/// The layout of a checkpoint file. A header: the magic bytes, the format version (int32), the NestSharp version that
/// wrote it (length-prefixed UTF-8), and the XxHash3 checksum of those bytes. Then sections, each a marker byte, its
/// name (length-prefixed UTF-8) and its content as chunks: a length (int32, at most <see cref="ChunkBytes"/>), the bytes
/// and their XxHash3 checksum (uint64); a chunk of length 0 ends the section. An end marker closes the file. Numbers are
/// little-endian; doubles are stored bit for bit.
/// </summary>
internal static class CheckpointFormat
{
    /// <summary>The first bytes of every checkpoint file.</summary>
    public static ReadOnlySpan<byte> Magic => "NestSharp checkpoint\n"u8;

    /// <summary>
    /// The format this NestSharp writes and reads; another version is refused. 2: the description section first, the
    /// runtime state of more devices, the ascii backend's files. 3: the structural-plasticity section (its settings left
    /// the kernel section), the histories of the Clopath and Urbanczik neurons, the per-target state of generators.
    /// 4: the kernel section ends with the number of parts (processes that saved) and the token their part files carry.
    /// 5: the layers section (node positions of spatial networks) after the structural-plasticity section; a part's
    /// per-process state section (generators' state per connection) after its nodes. 6: the kernel section ends with
    /// off_grid_spiking. 7: the spikes on their way to precise receivers carry their weight. 8: a synapse block of a
    /// model with columns shared by a source's synapses (the _hom pair-STDP models' Kplus and t_lastspike) ends with
    /// their runs (first synapse of each run, first run of each source, the values per run) instead of holding them per
    /// synapse. 9: synapses of the models that read their target's history no longer keep the target's id (it follows
    /// from the channel). 10: a structural-plasticity synapse type keeps its weight (after its delay). 11: a spike
    /// recording link ends with its receptor_type (a correlospinmatrix_detector's pool). 12: a block's reported receptor
    /// ports are 32-bit (iaf_bw_2001_exact numbers its NMDA connections per target). 13: a synapse model's defaults are
    /// followed by what its common dictionary keeps beyond its status (the e-prop optimizer's first eta change and count).
    /// 14: the recurrent e-prop neurons keep their surrogate_gradient_function as a number in an internal column. 15: the
    /// e-prop readouts have input channels that mark the steps in which an event set a signal (more ring channels).
    /// 16: the recurrent e-prop neurons declare their columns in a new order (those both families share first).
    /// </summary>
    public const int Version = 16;

    /// <summary>The largest chunk (1 MiB): the buffer each side keeps.</summary>
    public const int ChunkBytes = 1 << 20;

    public const byte SectionMarker = (byte)'S';
    public const byte EndMarker = (byte)'E';
}
