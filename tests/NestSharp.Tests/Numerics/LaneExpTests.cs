using System.Globalization;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using NestSharp.Numerics;

namespace NestSharp.Tests.Numerics;

/// <summary>
/// The vector exponential of the RKF45 lanes (<see cref="LaneExp"/>) returns in every lane bit for bit what
/// Math.Exp returns. Its vector form reproduces glibc 2.36's exp for CPUs with FMA and AVX2; where that is what
/// Math.Exp runs (Linux x64, glibc 2.36, FMA and AVX2) the vector form is compared directly on many millions of
/// inputs, and the start-up check must accept it. On any machine, <see cref="LaneExp.Exp"/> (vector form or Math.Exp
/// per lane, whichever the start-up check chose) equals Math.Exp bitwise.
/// <para>What the comparison can see: doing the last fused multiply-add (scale·tmp + scale) or (C2 + r·C3)·r2 + (r +
/// tail) as a separate multiply and add changes the result of about one random input in 10^3 and 10^6, the first
/// (x·N/ln2 + Shift) only next to the points where k switches (inputs found by search are among the edge values and the
/// start-up check's); kd·ln2hi/N is exact for every k of the table path, so fusing it cannot matter; the four other
/// fusions (kd·ln2lo/N + r, C2 + r·C3, C4 + r·C5, r2²·(C4 + r·C5) + tmp) changed no result in 4·10^8 random inputs
/// each, so no test here can tell them from separate operations.</para>
/// </summary>
public sealed class LaneExpTests
{
    private const int InputsPerRange = 4 << 20;

    [GlibcFmaExpFact]
    public void Vectorised_EqualsMathExpBitwise_OnManyMillionInputs()
    {
        var random = new System.Random(20261201);
        // Uniform over the whole finite range of e^x, the AdEx exponent (V - V_th)/Delta_T, the Hodgkin-Huxley rate
        // arguments, near 0, and over the binades 2^-60 .. 2^10 (uniform in the exponent), both signs.
        (string Name, Func<double> Next)[] ranges =
        [
            ("[-745, 710]", () => -745.0 + 1455.0 * random.NextDouble()),
            ("[-40, 30]", () => -40.0 + 70.0 * random.NextDouble()),
            ("[-10, 10]", () => -10.0 + 20.0 * random.NextDouble()),
            ("[-1e-3, 1e-3]", () => -1e-3 + 2e-3 * random.NextDouble()),
            ("±2^[-60, 10]", () => (random.Next(2) == 0 ? -1.0 : 1.0) * Math.Pow(2.0, -60.0 + 70.0 * random.NextDouble())),
        ];
        foreach (var (name, next) in ranges)
        {
            var inputs = new double[InputsPerRange];
            for (int i = 0; i < inputs.Length; i++) inputs[i] = next();
            AssertVectorisedIsMathExp(inputs, name);
        }
        AssertVectorisedIsMathExp(EdgeValues(), "edge values");
        AssertVectorisedIsMathExp(LaneExp.CheckInputs(), "inputs of the start-up check");
    }

    [GlibcFmaExpFact]
    public void StartUpCheck_AcceptsTheVectorForm_WhereMathExpIsGlibcFma() => Assert.True(LaneExp.IsVectorised);

    [Fact]
    public void Exp_EqualsMathExpBitwise_WhicheverFormTheStartUpCheckChose()
    {
        var random = new System.Random(7);
        var inputs = new double[1 << 16];
        for (int i = 0; i < inputs.Length; i++) inputs[i] = -745.0 + 1455.0 * random.NextDouble();
        foreach (var set in (double[][])[inputs, EdgeValues(), LaneExp.CheckInputs()])
        {
            for (int i = 0; i + 4 <= set.Length; i += 4)
            {
                var y = LaneExp.Exp(Vector256.Create(set, i));
                for (int lane = 0; lane < 4; lane++) AssertSameBits(set[i + lane], y.GetElement(lane));
            }
        }
    }

    /// <summary>
    /// Zero, the ends of the table path and of the tiny-x path, the neighbours of the points where the table index
    /// changes, overflow and underflow, infinities and NaN, and inputs that tell the fused first operation from a
    /// separate multiply and add.
    /// </summary>
    private static double[] EdgeValues()
    {
        var values = new List<double> { 0.0, -0.0, double.Epsilon, -double.Epsilon, double.NaN, double.PositiveInfinity, double.NegativeInfinity,
            double.MaxValue, double.MinValue, 709.782712893384, 709.7827128933841, -708.3964185322641, -745.1332191019411, -745.1332191019412,
            512.0, -512.0, 1024.0, -1024.0 };
        foreach (double centre in (double[])[Math.Pow(2, -54), 512.0, 1.0, 0.5, Math.Log(2.0)])
        {
            foreach (double sign in (double[])[1.0, -1.0])
            {
                double x = sign * centre;
                for (int k = 0; k < 8; k++)
                {
                    values.Add(x);
                    values.Add(sign * BitConverter.Int64BitsToDouble(BitConverter.DoubleToInt64Bits(centre) - k - 1));
                    x = Math.BitIncrement(x);
                }
            }
        }
        // Inputs where k = round(x·128/ln2) taken from the rounded product x·128/ln2 instead of the fused
        // x·128/ln2 + Shift changes the result (found by search; random inputs hit such a case about once in 10^5).
        values.AddRange([-227.4091349533174, -250.56999816624617, -233.20341216581068, -324.29811428596224]);
        // x = (k + 1/2) ln2/128, where rounding to the nearest k switches table entries, over the whole table path.
        for (int k = -94000; k <= 94000; k += k is > -2000 and < 2000 ? 1 : 37)
        {
            double x = (k + 0.5) * Math.Log(2.0) / 128.0;
            values.Add(Math.BitDecrement(x));
            values.Add(x);
            values.Add(Math.BitIncrement(x));
        }
        while (values.Count % 4 != 0) values.Add(0.0);
        return [.. values];
    }

    private static void AssertVectorisedIsMathExp(double[] inputs, string range)
    {
        int mismatches = 0;
        string first = "";
        for (int i = 0; i + 4 <= inputs.Length; i += 4)
        {
            var y = LaneExp.Vectorised(Vector256.Create(inputs, i));
            for (int lane = 0; lane < 4; lane++)
            {
                double x = inputs[i + lane], expected = Math.Exp(x), actual = y.GetElement(lane);
                if (BitConverter.DoubleToInt64Bits(expected) == BitConverter.DoubleToInt64Bits(actual)) continue;
                if (mismatches++ == 0) first = string.Create(CultureInfo.InvariantCulture, $"exp({x:R}) = {expected:R} by Math.Exp, {actual:R} in the vector");
            }
        }
        Assert.True(mismatches == 0, $"{range}: {mismatches} of {inputs.Length} differ, first {first}");
    }

    private static void AssertSameBits(double x, double actual) =>
        Assert.True(BitConverter.DoubleToInt64Bits(Math.Exp(x)) == BitConverter.DoubleToInt64Bits(actual),
            string.Create(CultureInfo.InvariantCulture, $"exp({x:R}) = {Math.Exp(x):R} by Math.Exp, {actual:R} by LaneExp.Exp"));
}

/// <summary>
/// A fact that needs Math.Exp to be glibc 2.36's FMA variant (Linux x64, glibc 2.36, a CPU with FMA and AVX2), which
/// <see cref="LaneExp.Vectorised"/> reproduces; skipped elsewhere, with the reason.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class GlibcFmaExpFactAttribute : FactAttribute
{
    public GlibcFmaExpFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            Skip = "Math.Exp is glibc's exp only on Linux x64.";
        else if (!Fma.IsSupported || !Avx2.IsSupported)
            Skip = "this CPU lacks FMA or AVX2: glibc runs another exp variant than the one the vector form reproduces.";
        else if (GlibcVersion() is var version && version != "2.36")
            Skip = $"glibc {version}: the vector form reproduces glibc 2.36's exp.";
    }

    private static string GlibcVersion()
    {
        try
        {
            return Marshal.PtrToStringAnsi(gnu_get_libc_version()) ?? "unknown";
        }
        catch (EntryPointNotFoundException)
        {
            return "none (not glibc)";
        }
    }

    [DllImport("libc")]
    private static extern IntPtr gnu_get_libc_version();
}
