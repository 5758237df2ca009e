namespace NestSharp.Numerics;

/// <summary>
/// The real branches of the Lambert W function (w·e^w = x), as the Brunel and two-population examples use to
/// normalise post-synaptic potentials: W0 for x &gt;= -1/e, W-1 for -1/e &lt;= x &lt; 0.
/// Halley iteration from the usual series start values (Corless et al. 1996), to machine precision.
/// </summary>
public static class LambertW
{
    private const double BranchPoint = -0.36787944117144233; // -1/e

    /// <summary>Principal branch W0(x), x &gt;= -1/e.</summary>
    public static double W0(double x)
    {
        if (x < BranchPoint) throw new ArgumentOutOfRangeException(nameof(x), x, "W0 is real only for x >= -1/e");
        if (x == 0) return 0;
        double w;
        if (x < -0.25)
        {
            double p = Math.Sqrt(2 * (Math.E * x + 1));
            w = -1 + p - p * p / 3 + 11.0 / 72 * p * p * p;
        }
        else if (x < 3)
        {
            w = Math.Log(1 + x);
        }
        else
        {
            double l = Math.Log(x);
            w = l - Math.Log(l);
        }
        return Halley(x, w);
    }

    /// <summary>Lower branch W-1(x), -1/e &lt;= x &lt; 0.</summary>
    public static double Wm1(double x)
    {
        if (x < BranchPoint || x >= 0) throw new ArgumentOutOfRangeException(nameof(x), x, "W-1 is real only for -1/e <= x < 0");
        double w;
        if (x < -0.25)
        {
            double p = -Math.Sqrt(2 * (Math.E * x + 1));
            w = -1 + p - p * p / 3 + 11.0 / 72 * p * p * p;
        }
        else
        {
            double l1 = Math.Log(-x), l2 = Math.Log(-l1);
            w = l1 - l2 + l2 / l1;
        }
        return Halley(x, w);
    }

    private static double Halley(double x, double w)
    {
        for (int i = 0; i < 100; i++)
        {
            double ew = Math.Exp(w);
            double f = w * ew - x;
            double wp1 = w + 1;
            if (wp1 == 0) break;
            double step = f / (ew * wp1 - (w + 2) * f / (2 * wp1));
            double next = w - step;
            if (Math.Abs(next - w) <= 1e-15 * (1 + Math.Abs(next)))
                return next;
            w = next;
        }
        return w;
    }
}
