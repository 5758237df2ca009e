namespace NestSharp.Numerics;

/// <summary>Elementary functions where the last bits matter for agreement with NEST.</summary>
internal static partial class NumericsHelper
{
    private static readonly bool HasLibm = ProbeLibm();

    /// <summary>exp(x) - 1, accurate for small x: the C library's expm1 (as NEST uses) where available.</summary>
    public static double ExpM1(double x)
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
