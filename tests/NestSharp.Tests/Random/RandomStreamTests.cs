using MathNet.Numerics.Distributions;
using System.Runtime.Intrinsics;
using NestSharp.Random;

namespace NestSharp.Tests.Random;

public sealed class RandomStreamTests
{
    [Fact]
    public void SameKeyAndPosition_GiveTheSameNumber()
    {
        var a = new RandomStream(123);
        var b = new RandomStream(123);
        for (int i = 0; i < 100; i++) Assert.Equal(a.NextUInt64(), b.NextUInt64());
        Assert.Equal(RandomStream.At(123, 5), SkipThenDraw(new RandomStream(123), 5));
    }

    /// <summary>
    /// The four-lane draws (Poisson generators draw for four targets at once) are the scalar draws bit for bit, with
    /// whatever vector instructions this processor has (64-bit products and conversions of AVX-512, or AVX2's).
    /// </summary>
    [Fact]
    public void FourLanes_AreTheScalarNumbers_BitForBit()
    {
        var keys = new RandomStream(77);
        ulong[] edge = [0, 1, ulong.MaxValue, ulong.MaxValue - 1, 1UL << 63, 0xFFFF_FFFFUL, 1UL << 32, 0x9E37_79B9_7F4A_7C15UL];
        for (int round = 0; round < 2000; round++)
        {
            ulong[] k = round < 2 ? edge[(4 * round)..(4 * round + 4)] : [keys.NextUInt64(), keys.NextUInt64(), keys.NextUInt64(), keys.NextUInt64()];
            ulong counter = round < 2 ? (ulong)round * ulong.MaxValue : keys.NextUInt64() >> (round % 64);
            var bits = RandomStream.At(Vector256.Create(k), counter);
            var unit = RandomStream.ToUnitInterval(bits);
            for (int lane = 0; lane < 4; lane++)
            {
                Assert.Equal(RandomStream.At(k[lane], counter), bits.GetElement(lane));
                Assert.Equal(BitConverter.DoubleToInt64Bits(RandomStream.ToUnitInterval(bits.GetElement(lane))), BitConverter.DoubleToInt64Bits(unit.GetElement(lane)));
            }
        }
        var extremes = RandomStream.ToUnitInterval(Vector256.Create(0UL, ulong.MaxValue, 1UL << 11, (1UL << 11) - 1));
        Assert.Equal([0.0, 1.0 - 1.0 / 9007199254740992.0, 1.0 / 9007199254740992.0, 0.0],
            [extremes.GetElement(0), extremes.GetElement(1), extremes.GetElement(2), extremes.GetElement(3)]);
    }

    private static ulong SkipThenDraw(RandomStream s, int skip)
    {
        for (int i = 0; i < skip; i++) s.NextUInt64();
        return s.NextUInt64();
    }

    [Fact]
    public void DerivedKeys_Differ()
    {
        var keys = new HashSet<ulong>();
        for (ulong a = 0; a < 100; a++)
        {
            for (ulong b = 0; b < 100; b++)
                Assert.True(keys.Add(RandomStream.Derive(1, a, b)));
        }
    }

    [Fact]
    public void NextDouble_IsUniform()
    {
        var s = new RandomStream(99);
        var bins = new int[20];
        const int n = 100_000;
        for (int i = 0; i < n; i++) bins[(int)(s.NextDouble() * 20)]++;
        double expected = n / 20.0;
        double chi2 = bins.Sum(o => (o - expected) * (o - expected) / expected);
        Assert.True(1 - ChiSquared.CDF(19, chi2) > 0.001, $"chi2 = {chi2:F1}");
    }

    [Fact]
    public void NextBelow_IsUniformOverSmallRanges()
    {
        var s = new RandomStream(5);
        var bins = new int[7];
        const int n = 70_000;
        for (int i = 0; i < n; i++) bins[s.NextBelow(7)]++;
        double chi2 = bins.Sum(o => (o - 10_000.0) * (o - 10_000.0) / 10_000.0);
        Assert.True(1 - ChiSquared.CDF(6, chi2) > 0.001, $"chi2 = {chi2:F1}");
    }

    [Fact]
    public void NextNormal_HasUnitMomentsAndGaussianTails()
    {
        var s = new RandomStream(11);
        const int n = 200_000;
        double sum = 0, sumSq = 0;
        int beyond2 = 0;
        for (int i = 0; i < n; i++)
        {
            double x = s.NextNormal();
            sum += x;
            sumSq += x * x;
            if (Math.Abs(x) > 2) beyond2++;
        }
        double mean = sum / n, variance = sumSq / n - mean * mean;
        Assert.InRange(mean, -0.01, 0.01);
        Assert.InRange(variance, 0.98, 1.02);
        Assert.InRange(beyond2 / (double)n, 0.0445, 0.0465); // 2·(1 - Φ(2)) = 0.0455
    }
}
