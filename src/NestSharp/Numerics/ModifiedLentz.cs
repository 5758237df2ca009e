namespace NestSharp.Numerics;

/// <summary>
/// The step of the modified Lentz method (Numerical Recipes, 3rd ed., 5.2) that ErrorFunction's and GammaFunctions'
/// continued fractions share: for the fraction b₀ + a₁/(b₁ + a₂/(b₂ + ...)) with f = C·D products, the n-th step
/// turns (C, D) into C = bₙ + aₙ/C, D = 1/(bₙ + aₙ·D), each kept away from 0, and returns the factor Δ = C·D by which
/// the approximation f changes; the caller stops when |Δ - 1| is small.
/// </summary>
internal static class ModifiedLentz
{
    /// <summary>What stands in for a C or D that reaches 0 (NR's FPMIN).</summary>
    public const double Tiny = 1e-300;

    /// <summary>One step with partial numerator <paramref name="a"/> and denominator <paramref name="b"/>; returns Δ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Factor(double a, double b, ref double c, ref double d)
    {
        d = b + a * d;
        if (Math.Abs(d) < Tiny) d = Tiny;
        c = b + a / c;
        if (Math.Abs(c) < Tiny) c = Tiny;
        d = 1.0 / d;
        return c * d;
    }
}
