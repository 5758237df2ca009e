using System.Runtime.Intrinsics.X86;

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

    /// <summary><see cref="At(ulong, ulong)"/> of four keys at the same position, lane by lane (the same numbers).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> At(Vector256<ulong> keys, ulong counter) => Mix(keys + Vector256.Create((counter + 1) * Gamma));

    /// <summary><see cref="Mix(ulong)"/> lane by lane; the 64-bit products are built from 32-bit ones where the processor has no 64-bit vector multiply.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<ulong> Mix(Vector256<ulong> z)
    {
        z = MultiplyLow(z ^ Vector256.ShiftRightLogical(z, 30), 0xBF58476D1CE4E5B9UL);
        z = MultiplyLow(z ^ Vector256.ShiftRightLogical(z, 27), 0x94D049BB133111EBUL);
        return z ^ Vector256.ShiftRightLogical(z, 31);
    }

    /// <summary>The low 64 bits of each lane's product with <paramref name="factor"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<ulong> MultiplyLow(Vector256<ulong> x, ulong factor)
    {
        if (!Avx2.IsSupported) return x * Vector256.Create(factor);
        var factorLow = Vector256.Create(factor & 0xFFFF_FFFFUL).AsUInt32();
        var factorHigh = Vector256.Create(factor >> 32).AsUInt32();
        var low = Avx2.Multiply(x.AsUInt32(), factorLow);
        var cross = Avx2.Multiply(Vector256.ShiftRightLogical(x, 32).AsUInt32(), factorLow) + Avx2.Multiply(x.AsUInt32(), factorHigh);
        return low + Vector256.ShiftLeft(cross, 32);
    }

    /// <summary><see cref="ToUnitInterval(ulong)"/> lane by lane: the 53 high bits, converted exactly, times 2^-53.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> ToUnitInterval(Vector256<ulong> bits)
    {
        // x < 2^53 as high · 2^32 + low; each part converted exactly by the 2^52 trick, their sum is exact too
        var x = Vector256.ShiftRightLogical(bits, 11);
        var twoTo52 = Vector256.Create(4503599627370496.0);
        var magic = Vector256.Create(0x4330_0000_0000_0000UL);
        var low = (x & Vector256.Create(0xFFFF_FFFFUL) | magic).AsDouble() - twoTo52;
        var high = (Vector256.ShiftRightLogical(x, 32) | magic).AsDouble() - twoTo52;
        return (high * Vector256.Create(4294967296.0) + low) * Vector256.Create(1.0 / 9007199254740992.0);
    }

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
