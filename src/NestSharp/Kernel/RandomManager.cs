using NestSharp.Random;

namespace NestSharp.Kernel;

/// <summary>
/// The seed of every random stream (NEST's RandomManager; key rng_seed, and rng_type and rng_types, which name
/// NestSharp's one kind of generator, keyed SplitMix64 streams). Every draw comes from a stream keyed by what it
/// belongs to, derived from <see cref="SeedKey"/>; operations that draw per node or per connection outside Connect (Set with a random parameter) each get the next
/// operation number.
/// </summary>
internal sealed class RandomManager : IKernelManager
{
    public const long DefaultSeed = 143202461;

    /// <summary>The one kind of generator NestSharp has (kernel keys rng_type and rng_types).</summary>
    public const string RngType = "splitmix64_keyed";

    public long Seed { get; private set; } = DefaultSeed;

    /// <summary>The key every random stream of this kernel derives from (rng_seed hashed).</summary>
    public ulong SeedKey { get; private set; } = KeyOf(DefaultSeed);

    private long _operations;

    public IReadOnlyCollection<string> SettableKeys => ["rng_seed"];

    public void Initialize(KernelManager kernel) { }

    /// <summary>The key of the next random operation of kind <paramref name="kind"/> (a constant naming the operation).</summary>
    public ulong NextOperationKey(ulong kind) => RandomStream.Derive(SeedKey, kind, (ulong)_operations++);

    public void GetStatus(Dictionary<string, object> status)
    {
        status["rng_seed"] = Seed;
        status["rng_type"] = RngType;
        status["rng_types"] = new[] { RngType };
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        if (!change.TryClaim("rng_seed", out var value)) return null;
        long seed = StatusValue.ToLong("rng_seed", value);
        if (seed < 1 || seed > uint.MaxValue) throw new BadPropertyException("rng_seed", value, "the seed must be an integer from 1 to 2^32 - 1");
        return () =>
        {
            Seed = seed;
            SeedKey = KeyOf(seed);
        };
    }

    private static ulong KeyOf(long seed) => RandomStream.Mix((ulong)seed ^ 0x4E45_5354_5348_5250UL);
}
