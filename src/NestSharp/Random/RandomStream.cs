using System.Runtime.CompilerServices;

namespace NestSharp.Random;

/// <summary>
/// A keyed, counter-based random stream: the n-th number of a stream depends only on the stream's key and n,
/// never on which thread draws it or what was drawn before elsewhere. Keys are built by hashing what a draw
/// belongs to (the kernel seed, the operation, the node), so results do not depend on the number of threads.
/// The generator is SplitMix64 (Steele, Lea &amp; Flood 2014) started at the key.
/// </summary>
internal struct RandomStream
{
    private const ulong Gamma = 0x9E3779B97F4A7C15UL;
    private readonly ulong _key;
    private ulong _counter;

    public RandomStream(ulong key)
    {
        _key = key;
        _counter = 0;
    }

    public readonly ulong Key => _key;

    /// <summary>A key for a stream that belongs to <paramref name="parent"/> and is told apart by <paramref name="part"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Derive(ulong parent, ulong part) => Mix(parent ^ Mix(part + Gamma));

    public static ulong Derive(ulong parent, ulong a, ulong b) => Derive(Derive(parent, a), b);

    public static ulong Derive(ulong parent, ulong a, ulong b, ulong c) => Derive(Derive(Derive(parent, a), b), c);

    /// <summary>The number at position <paramref name="counter"/> of the stream with <paramref name="key"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong At(ulong key, ulong counter) => Mix(key + (counter + 1) * Gamma);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong NextUInt64() => At(_key, _counter++);

    /// <summary>Uniform on [0, 1) with 53 random bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double NextDouble() => ToUnitInterval(NextUInt64());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double ToUnitInterval(ulong bits) => (bits >> 11) * (1.0 / 9007199254740992.0);

    /// <summary>Uniform integer in [0, n) without bias (Lemire's multiply-and-reject).</summary>
    public ulong NextBelow(ulong n)
    {
        while (true)
        {
            ulong x = NextUInt64();
            ulong high = Math.BigMul(x, n, out ulong low);
            if (low >= n || low >= (0UL - n) % n)
                return high;
        }
    }

    /// <summary>Standard normal deviate (polar Box-Muller, one value per call; the pair's partner is discarded so
    /// that the stream position alone determines the value).</summary>
    public double NextNormal()
    {
        while (true)
        {
            double u = 2.0 * NextDouble() - 1.0;
            double v = 2.0 * NextDouble() - 1.0;
            double s = u * u + v * v;
            if (s > 0.0 && s < 1.0)
                return u * Math.Sqrt(-2.0 * Math.Log(s) / s);
        }
    }

    /// <summary>Exponential deviate with mean 1.</summary>
    public double NextExponential() => -Math.Log(1.0 - NextDouble());

    /// <summary>Poisson deviate with mean <paramref name="mean"/> (inversion for small means, PTRS for large).</summary>
    public ulong NextPoisson(double mean) => PoissonSampler.Sample(ref this, mean);

    /// <summary>Bernoulli trial with success probability p.</summary>
    public bool NextBernoulli(double p) => NextDouble() < p;
}
