namespace NestSharp.Numerics;

/// <summary>Elementary functions where the last bits matter for agreement with NEST.</summary>
internal static partial class NumericsHelper
{
    private static readonly bool HasLibm = ProbeLibm();

    /// <summary>The distance from 1.0 to the next larger double (C++'s numeric_limits&lt;double&gt;::epsilon()).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>
    /// x² as NEST computes <c>std::pow(x, 2)</c>: GCC compiles that call to x·x (exact to the rounding of one product),
    /// while the C library's pow, which Math.Pow calls, differs from x·x in the last bit for about one argument in a
    /// thousand. Other exponents stay calls of pow in NEST (and Math.Pow here).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Squared(double x) => x * x;

    /// <summary>
    /// exp(x) - 1 as NEST's <c>numerics::expm1</c> computes it in NEST as built by its CMake on Linux: the configure
    /// check for the C library's expm1 links without libm and fails, so NEST falls back to its own series. For
    /// |x| &gt; ln 2, exp(x) - 1; otherwise x + x²/2! + x³/3! + ... summed until a term no longer changes the sum.
    /// NEST's models that call <c>numerics::expm1</c> (the exact-integration propagators, iaf_psc_alpha, gif, pp_psc_delta,
    /// stdp_dopamine_synapse, pp_cond_exp_mc_urbanczik) use this; it can differ from <see cref="LibmExpM1"/> in the last bit.
    /// </summary>
    public static double ExpM1(double x)
    {
        if (x == 0) return 0;
        if (Math.Abs(x) > Math.Log(2.0)) return Math.Exp(x) - 1;
        double sum = x;
        double term = x * x / 2;
        long n = 2;
        while (Math.Abs(term) > Math.Abs(sum) * MachineEpsilon)
        {
            sum += term;
            ++n;
            term *= x / n;
        }
        return sum;
    }

    /// <summary>
    /// exp(x) - 1 from the C library (<c>std::expm1</c>), for the NEST models that call it directly (tsodyks_synapse,
    /// mat2_psc_exp); Kahan's formula where the C library is not reachable.
    /// </summary>
    public static double LibmExpM1(double x)
    {
        if (HasLibm) return expm1(x);
        // Kahan's formula: accurate to a few ulp.
        double u = Math.Exp(x);
        if (u == 1.0) return x;
        double um1 = u - 1.0;
        if (um1 == -1.0) return -1.0;
        return um1 * x / Math.Log(u);
    }

    [LibraryImport("libm.so.6")]
    private static partial double expm1(double x);

    private static bool ProbeLibm()
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            return expm1(1e-10) > 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
