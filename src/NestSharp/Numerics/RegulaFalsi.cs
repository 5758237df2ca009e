namespace NestSharp.Numerics;

/// <summary>The distance of a precise neuron's membrane potential from its threshold a time t into an interval.</summary>
internal interface IThresholdDistance
{
    /// <summary>V(t) - V_th, t ms after the start of the interval (from the state at its start).</summary>
    double At(double t);
}

/// <summary>
/// NEST's regula falsi (libnestutil/regula_falsi.h, the Illinois variant): the time within an interval [0, dt] at
/// which a precise neuron's potential crosses its threshold, given that it is below at 0 and at or above at dt. Each
/// iteration takes the secant root of the bracket; when the same end moves twice in a row, the distance kept at the
/// other end is halved. It stops when |V(root) - V_th| &lt; 1e-14, and fails after 500 iterations.
/// </summary>
internal static class RegulaFalsi
{
    private const int MaxIterations = 500;
    private const double TerminationCriterion = 1e-14;

    /// <summary>The crossing time in [0, <paramref name="dt"/>] (ms from the interval's start).</summary>
    public static double Root<TDistance>(in TDistance distance, double dt) where TDistance : struct, IThresholdDistance
    {
        int lastSign = 0;
        double a = 0.0, b = dt;
        double distanceA = distance.At(a), distanceB = distance.At(b);
        if (distanceA * distanceB > 0)
            throw new NumericalInstabilityException("regula_falsi: time step too short to reach threshold.");
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double root = (a * distanceB - b * distanceA) / (distanceB - distanceA);
            double distanceRoot = distance.At(root);
            if (Math.Abs(distanceRoot) < TerminationCriterion) return root;
            if (distanceA * distanceRoot > 0.0)
            {
                a = root;
                distanceA = distanceRoot;
                if (lastSign == 1) distanceB /= 2;
                lastSign = 1;
            }
            else if (distanceB * distanceRoot > 0.0)
            {
                b = root;
                distanceB = distanceRoot;
                if (lastSign == -1) distanceA /= 2;
                lastSign = -1;
            }
            else
            {
                throw new NumericalInstabilityException("regula_falsi: Regula falsi method did not converge");
            }
        }
        throw new NumericalInstabilityException("regula_falsi: Regula falsi method did not converge during set number of iterations");
    }
}
