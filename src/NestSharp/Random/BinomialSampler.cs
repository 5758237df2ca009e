namespace NestSharp.Random;

/// <summary>
/// Binomial deviates B(n, p) by inversion with one uniform number: for n·min(p, 1 - p) below 30 the cumulative
/// distribution is searched upwards from 0; above, from the mode outwards (alternately below and above it), which
/// takes about sqrt(n·p·(1 - p)) steps. Both are exact up to the rounding of the probabilities.
/// </summary>
internal static class BinomialSampler
{
    private const double SearchFromZeroLimit = 30.0;

    public static long Sample(ref RandomStream stream, long n, double p)
    {
        if (n <= 0 || p <= 0) return 0;
        if (p >= 1) return n;
        bool flipped = p > 0.5;
        double q = flipped ? 1 - p : p;
        long k = n * q < SearchFromZeroLimit ? FromZero(stream.NextDouble(), n, q) : FromMode(stream.NextDouble(), n, q);
        return flipped ? n - k : k;
    }

    private static long FromZero(double u, long n, double p)
    {
        double ratio = p / (1 - p);
        double pmf = Math.Exp(n * double.LogP1(-p));
        long k = 0;
        while (u >= pmf && k < n)
        {
            u -= pmf;
            pmf *= ratio * (n - k) / (k + 1);
            k++;
        }
        return k;
    }

    private static long FromMode(double u, long n, double p)
    {
        double ratio = p / (1 - p);
        long mode = (long)Math.Floor((n + 1) * p);
        if (mode > n) mode = n;
        double atMode = Math.Exp(GammaFunctions.LogGamma(n + 1.0) - GammaFunctions.LogGamma(mode + 1.0) - GammaFunctions.LogGamma(n - mode + 1.0)
            + mode * Math.Log(p) + (n - mode) * double.LogP1(-p));
        u -= atMode;
        if (u < 0) return mode;
        long below = mode, above = mode;
        double pmfBelow = atMode, pmfAbove = atMode;
        while (below > 0 || above < n)
        {
            if (below > 0)
            {
                pmfBelow *= below / (ratio * (n - below + 1));
                below--;
                u -= pmfBelow;
                if (u < 0) return below;
            }
            if (above < n)
            {
                pmfAbove *= ratio * (n - above) / (above + 1);
                above++;
                u -= pmfAbove;
                if (u < 0) return above;
            }
        }
        return mode;
    }
}
