using System.Numerics;

namespace NestSharp.Random;

/// <summary>
/// Poisson deviates. For means up to <see cref="InversionLimit"/> a precomputed cumulative table is searched
/// (inversion: one uniform per draw); above it, Hörmann's PTRS transformed rejection (Hörmann 1993,
/// "The transformed rejection method for generating Poisson random variables").
/// </summary>
internal sealed class PoissonSampler
{
    public const double InversionLimit = 30.0;

    private readonly double[] _cdf;
    private readonly double _mean;

    public PoissonSampler(double mean)
    {
        if (!(mean >= 0) || double.IsInfinity(mean))
            throw new ArgumentOutOfRangeException(nameof(mean), mean, "mean must be finite and non-negative");
        _mean = mean;
        if (mean > InversionLimit)
        {
            _cdf = [];
            return;
        }
        var cdf = new List<double>();
        double p = Math.Exp(-mean), sum = 0.0;
        for (int k = 0; ; k++)
        {
            sum += p;
            cdf.Add(sum);
            if (k > mean && (1.0 - sum < 1e-17 || p < 1e-300)) break;
            p *= mean / (k + 1);
        }
        cdf[^1] = 1.0;
        // Padded with 1.0 to whole blocks of 8, so the search can compare 8 entries at a time (u < 1 always).
        while (cdf.Count % 8 != 0) cdf.Add(1.0);
        _cdf = cdf.ToArray();
    }

    public double Mean => _mean;

    /// <summary>
    /// A draw from a uniform number u in [0, 1) (inversion range only): the number of table entries not above u,
    /// counted 8 at a time without branches on the outcome (a data-dependent loop exit costs more than the draw).
    /// </summary>
    public int FromUniform(double u)
    {
        ref double cdf = ref MemoryMarshal.GetArrayDataReference(_cdf);
        var uu = Vector256.Create(u);
        int k = 0;
        for (nuint i = 0; ; i += 8)
        {
            uint low = Vector256.GreaterThanOrEqual(uu, Vector256.LoadUnsafe(ref cdf, i)).ExtractMostSignificantBits();
            uint high = Vector256.GreaterThanOrEqual(uu, Vector256.LoadUnsafe(ref cdf, i + 4)).ExtractMostSignificantBits();
            int below = BitOperations.PopCount(low | (high << 4));
            k += below;
            if (below < 8) return k;
        }
    }

    public bool UsesInversion => _cdf.Length > 0;

    /// <summary>Whether the table is short enough (at most 32 entries) for <see cref="FromUniform(Vector256{double})"/>.</summary>
    public bool SearchesFewEntries => UsesInversion && _cdf.Length <= 32;

    /// <summary>
    /// <see cref="FromUniform(double)"/> of four uniform numbers, as doubles: the number of table entries not above each,
    /// counted four entries at a time until an entry lies above all four numbers (the table rises, so no later entry
    /// counts: the scalar search's result).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> FromUniform(Vector256<double> u)
    {
        ref double cdf = ref MemoryMarshal.GetArrayDataReference(_cdf);
        var counts = Vector256<double>.Zero;
        var one = Vector256<double>.One;
        for (nuint i = 0; i < (nuint)_cdf.Length; i += 4)
        {
            var e0 = Vector256.Create(Unsafe.Add(ref cdf, i));
            var e1 = Vector256.Create(Unsafe.Add(ref cdf, i + 1));
            var e2 = Vector256.Create(Unsafe.Add(ref cdf, i + 2));
            var e3 = Vector256.Create(Unsafe.Add(ref cdf, i + 3));
            counts += (Vector256.GreaterThanOrEqual(u, e0) & one) + (Vector256.GreaterThanOrEqual(u, e1) & one)
                + ((Vector256.GreaterThanOrEqual(u, e2) & one) + (Vector256.GreaterThanOrEqual(u, e3) & one));
            if (Vector256.LessThanAll(u, e3)) break;
        }
        return counts;
    }

    public ulong Sample(ref RandomStream stream) =>
        UsesInversion ? (ulong)FromUniform(stream.NextDouble()) : Ptrs(ref stream, _mean);

    /// <summary>One draw without a precomputed table.</summary>
    public static ulong Sample(ref RandomStream stream, double mean)
    {
        if (mean <= 0) return 0;
        if (mean > InversionLimit) return Ptrs(ref stream, mean);
        double u = stream.NextDouble();
        double p = Math.Exp(-mean), sum = p;
        ulong k = 0;
        while (u >= sum && p > 0)
        {
            k++;
            p *= mean / k;
            sum += p;
        }
        return k;
    }

    private static ulong Ptrs(ref RandomStream stream, double mean)
    {
        double slam = Math.Sqrt(mean), loglam = Math.Log(mean);
        double b = 0.931 + 2.53 * slam;
        double a = -0.059 + 0.02483 * b;
        double invalpha = 1.1239 + 1.1328 / (b - 3.4);
        double vr = 0.9277 - 3.6224 / (b - 2);
        while (true)
        {
            double u = stream.NextDouble() - 0.5;
            double v = stream.NextDouble();
            double us = 0.5 - Math.Abs(u);
            double k = Math.Floor((2 * a / us + b) * u + mean + 0.43);
            if (us >= 0.07 && v <= vr) return (ulong)k;
            if (k < 0 || (us < 0.013 && v > us)) continue;
            if (Math.Log(v) + Math.Log(invalpha) - Math.Log(a / (us * us) + b) <= -mean + k * loglam - LogFactorial(k))
                return (ulong)k;
        }
    }

    private static double LogFactorial(double k) => k < 2 ? 0.0 : GammaFunctions.LogGamma(k + 1);
}
