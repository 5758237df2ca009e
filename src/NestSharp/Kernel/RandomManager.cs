namespace NestSharp.Kernel;

/// <summary>
/// The seed of every random stream (NEST's RandomManager; kernel keys rng_seed, rng_type and rng_types). Every draw
/// comes from a stream keyed by what it belongs to, derived from <see cref="SeedKey"/>; operations that draw per node or
/// per connection outside Connect (Set with a random parameter) each get the next operation number, and the draws of
/// GetValue are numbered apart from them, so GetValue calls do not shift the draws of Set.
/// </summary>
/// <remarks>
/// NestSharp has one kind of generator, keyed SplitMix64 streams (<see cref="RandomStream"/>): <c>rng_types</c> lists
/// it alone and <c>rng_type</c> accepts only its name. NEST's generators (mt19937_64, Philox, Threefry) draw from
/// shared per-thread streams, which NestSharp's rule of per-node and per-connection streams replaces.
/// </remarks>
internal sealed class RandomManager : IKernelManager
{
    public const long DefaultSeed = 143202461;

    /// <summary>The one kind of generator NestSharp has (kernel keys rng_type and rng_types).</summary>
    public const string RngType = "splitmix64_keyed";

    /// <summary>Names the GetValue draws among the kernel's random streams.</summary>
    private const ulong ValueDrawKind = 0x6E7_0A1E;

    public long Seed { get; private set; } = DefaultSeed;

    /// <summary>The key every random stream of this kernel derives from (rng_seed hashed).</summary>
    public ulong SeedKey { get; private set; } = KeyOf(DefaultSeed);

    private long _operations;

    /// <summary>GetValue draws made since the kernel was reset or last seeded.</summary>
    private long _valueDraws;

    public IReadOnlyCollection<string> SettableKeys => ["rng_seed", "rng_type"];

    public void Initialize(KernelManager kernel) { }

    /// <summary>The key of the next random operation of kind <paramref name="kind"/> (a constant naming the operation).</summary>
    public ulong NextOperationKey(ulong kind) => RandomStream.Derive(SeedKey, kind, (ulong)_operations++);

    /// <summary>
    /// The key of the stream of the next GetValue draw; <see cref="CountValueDraw"/> moves on to the next one once the
    /// draw succeeded. The sequence restarts when the kernel is reset or seeded, as NEST's generators are.
    /// </summary>
    public ulong ValueDrawKey => RandomStream.Derive(SeedKey, ValueDrawKind, (ulong)_valueDraws);

    /// <summary>Counts a successful GetValue draw.</summary>
    public void CountValueDraw() => _valueDraws++;

    public void GetStatus(Dictionary<string, object> status)
    {
        status["rng_seed"] = Seed;
        status["rng_type"] = RngType;
        status["rng_types"] = new[] { RngType };
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        if (change.TryClaim("rng_type", out var type) && !Equals(type, RngType))
            throw new BadPropertyException("rng_type", type, $"'{type}' is not a known RNG type; the types there are (rng_types): {RngType}");
        if (!change.TryClaim("rng_seed", out var value)) return null;
        long seed = StatusValue.ToLong("rng_seed", value);
        if (seed < 1 || seed > uint.MaxValue) throw new BadPropertyException("rng_seed", value, "the seed must be an integer from 1 to 2^32 - 1");
        return () =>
        {
            Seed = seed;
            SeedKey = KeyOf(seed);
            _valueDraws = 0;
        };
    }

    private static ulong KeyOf(long seed) => RandomStream.Mix((ulong)seed ^ 0x4E45_5354_5348_5250UL);

    /// <summary>Writes the counters of the random operations and GetValue draws (the seed is a kernel setting).</summary>
    public void SaveCheckpoint(Checkpoint.CheckpointWriter writer)
    {
        writer.Write(_operations);
        writer.Write(_valueDraws);
    }

    public void RestoreCheckpoint(Checkpoint.CheckpointReader reader)
    {
        _operations = reader.ReadLong();
        _valueDraws = reader.ReadLong();
    }
}
