using static NestSharp.Numerics.FehlbergTableau;

namespace NestSharp.Numerics;

/// <summary>
/// The right-hand side of an ordinary differential equation system dy/dt = f(t, y), evaluated into a caller-owned span.
/// Implemented by structs so that the integrator's calls are resolved at compile time (no delegate, no allocation).
/// </summary>
internal interface IOdeSystem
{
    /// <summary>Writes f(<paramref name="t"/>, <paramref name="y"/>) into <paramref name="dydt"/>.</summary>
    void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt);
}

/// <summary>
/// An ODE system whose number of components is fixed by its type, so that state vectors can be sized by a constant the
/// compiler sees (and index checks against it dropped) where the system is a generic argument.
/// </summary>
internal interface IFixedDimensionOdeSystem : IOdeSystem
{
    /// <summary>The number of components of y.</summary>
    static abstract int Dimension { get; }
}

/// <summary>
/// The admissible local error of an adaptive step, per component i: D_i = eps_abs + eps_rel · (a_y·|y_i| + a_dydt·|h·y'_i|),
/// with y and y' taken at the end of the step (GSL's "standard" step-size control).
/// </summary>
internal readonly record struct ErrorControl(double EpsAbs, double EpsRel, double ScaleY, double ScaleDydt)
{
    /// <summary>Error relative to the values (GSL's gsl_odeiv_control_y_new: a_y = 1, a_dydt = 0).</summary>
    public static ErrorControl OnValues(double epsAbs, double epsRel) => new(epsAbs, epsRel, 1.0, 0.0);

    /// <summary>Error relative to the step times the derivatives (GSL's gsl_odeiv_control_yp_new: a_y = 0, a_dydt = 1).</summary>
    public static ErrorControl OnDerivatives(double epsAbs, double epsRel) => new(epsAbs, epsRel, 0.0, 1.0);
}

/// <summary>
/// Embedded Runge-Kutta-Fehlberg 4(5) integration with adaptive step size, reproducing the arithmetic of the GSL
/// routines NEST's conductance- and adaptation-based neuron models use (gsl_odeiv_step_rkf45 driven by
/// gsl_odeiv_evolve_apply with the standard control), so that trajectories agree with NEST to rounding.
/// <para>One call of <see cref="Evolve{TSystem}"/> makes one accepted step from t towards t1:</para>
/// <code>
/// f0 = f(t, y)                                   (once per call; reused by retries)
/// try: h' = min(h, t1 - t) (a final step when clipped); y_new, err = RKF45(t, h', y, f0)
///      t_new = final ? t1 : t + h'
///      E_i = |err_i| / |eps_abs + eps_rel·(a_y·|y_new,i| + a_dydt·|h'·f(t + h', y_new)_i|)|,  E = max(DBL_MIN, max_i E_i)
///      E &gt; 1.1: h' ← h'·max(0.2, 0.9·E^(-1/5)); if that shrinks h' and moves t_new, restore y and try again,
///               otherwise accept with h' unchanged
///      E &lt; 0.5: h' ← h'·min(5, max(1, 0.9·E^(-1/6)))
/// t ← t_new, h ← h' (the step size to start the next call with)
/// </code>
/// The RKF45 stages use the Fehlberg tableau (nodes 1/4, 3/8, 12/13, 1, 1/2), the fifth-order weights for the solution
/// and the difference of fifth- and fourth-order weights for the error estimate, summed in GSL's order.
/// <para>A workspace holds the stage vectors of one system dimension; it keeps no state between calls apart from
/// them, so one instance per thread serves any number of systems (each caller keeps its own h).</para>
/// <para>References: Fehlberg E (1969) NASA TR R-315. Hairer E, Nørsett SP, Wanner G (1993) Solving Ordinary
/// Differential Equations I, 2nd ed., Springer. GNU Scientific Library reference manual, "Ordinary Differential
/// Equations" (rkf45 stepper, standard control, evolve).</para>
/// </summary>
internal sealed class Rkf45Integrator
{
    /// <summary>The order GSL reports for rkf45 and uses in the step-size exponents.</summary>
    private const int Order = 5;

    internal const double Safety = 0.9;

    /// <summary>The exponent of E in the shrink factor, 1/order.</summary>
    internal const double ShrinkExponent = 1.0 / Order;

    /// <summary>The exponent of E in the growth factor, 1/(order + 1).</summary>
    internal const double GrowthExponent = 1.0 / (Order + 1.0);

    /// <summary>The smallest positive normal double (C's DBL_MIN), the start of the error maximum.</summary>
    private const double SmallestNormal = 2.2250738585072014E-308;

    // Offsets of the stage vectors in the one workspace array, in units of the dimension n.
    private const int K1 = 0, K2 = 1, K3 = 2, K4 = 3, K5 = 4, K6 = 5, Stage = 6, Start = 7, Error = 8, DydtEnd = 9, Vectors = 10;

    /// <summary>The stage vectors k1 (f at the start) .. k6, the stage argument, y at the start, the error estimate and f at the end, n each.</summary>
    private readonly double[] _work;

    public Rkf45Integrator(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        _work = new double[Vectors * dimension];
    }

    public int Dimension { get; }

    /// <summary>Steps attempted (accepted or not) since construction, for diagnostics.</summary>
    public long StepsTried { get; private set; }

    /// <summary>Steps rejected and retried with a smaller size since construction.</summary>
    public long StepsRejected { get; private set; }

    /// <summary>
    /// Advances <paramref name="y"/> by one accepted adaptive step from <paramref name="t"/> towards
    /// <paramref name="t1"/>, never beyond it (t becomes exactly t1 when the step reaches it). <paramref name="h"/> is
    /// the step size to try and receives the size to try next. Requires t1 &gt; t and h &gt; 0 (forward integration).
    /// </summary>
    public void Evolve<TSystem>(ref TSystem system, in ErrorControl control, ref double t, double t1, ref double h, Span<double> y)
        where TSystem : struct, IOdeSystem
    {
        int n = Dimension;
        if (y.Length != n) throw new ArgumentException($"state has {y.Length} components, the integrator {n}", nameof(y));
        double t0 = t;
        double remaining = t1 - t0;
        RequireForward(remaining, h);

        // The stage vectors are addressed through references into the workspace: the lengths are checked once, above
        // and by its allocation, instead of at every component.
        ref double work = ref MemoryMarshal.GetArrayDataReference(_work);
        ref double y0 = ref MemoryMarshal.GetReference(y);
        Span<double> start = MemoryMarshal.CreateSpan(ref Unsafe.Add(ref work, Start * n), n);
        y.CopyTo(start);
        system.Derivatives(t0, y, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref work, K1 * n), n));

        double step = h;
        while (true)
        {
            bool final = step > remaining;
            if (final) step = remaining;

            StepsTried++;
            FehlbergStep(ref system, ref work, n, t0, step, ref y0);
            system.Derivatives(t0 + step, y, MemoryMarshal.CreateSpan(ref Unsafe.Add(ref work, DydtEnd * n), n));
            double tEnd = final ? t1 : t0 + step;

            if (RejectOrRescale(ErrorNorm(control, ref work, n, ref y0, step), tEnd, ref step))
            {
                start.CopyTo(y);
                StepsRejected++;
                continue;
            }
            t = tEnd;
            h = step;
            return;
        }
    }

    /// <summary>
    /// One RKF45 step of size <paramref name="h"/>: y (n components from <paramref name="y"/>) becomes the fifth-order
    /// solution, the workspace's error vector the estimate. Every component is computed by the same expression, in
    /// the same order of operations, as written out in the class summary's tableau.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void FehlbergStep<TSystem>(ref TSystem system, ref double work, int n, double t, double h, ref double y)
        where TSystem : struct, IOdeSystem
    {
        ref double k1 = ref work;
        ref double k2 = ref Unsafe.Add(ref work, K2 * n);
        ref double k3 = ref Unsafe.Add(ref work, K3 * n);
        ref double k4 = ref Unsafe.Add(ref work, K4 * n);
        ref double k5 = ref Unsafe.Add(ref work, K5 * n);
        ref double k6 = ref Unsafe.Add(ref work, K6 * n);
        ref double stage = ref Unsafe.Add(ref work, Stage * n);
        ref double error = ref Unsafe.Add(ref work, Error * n);
        ReadOnlySpan<double> stageSpan = MemoryMarshal.CreateReadOnlySpan(ref stage, n);

        for (int i = 0; i < n; i++) At(ref stage, i) = At(ref y, i) + C2 * h * At(ref k1, i);
        system.Derivatives(t + C2 * h, stageSpan, MemoryMarshal.CreateSpan(ref k2, n));

        for (int i = 0; i < n; i++) At(ref stage, i) = At(ref y, i) + h * (A31 * At(ref k1, i) + A32 * At(ref k2, i));
        system.Derivatives(t + C3 * h, stageSpan, MemoryMarshal.CreateSpan(ref k3, n));

        for (int i = 0; i < n; i++)
            At(ref stage, i) = At(ref y, i) + h * (A41 * At(ref k1, i) + A42 * At(ref k2, i) + A43 * At(ref k3, i));
        system.Derivatives(t + C4 * h, stageSpan, MemoryMarshal.CreateSpan(ref k4, n));

        for (int i = 0; i < n; i++)
            At(ref stage, i) = At(ref y, i) + h * (A51 * At(ref k1, i) + A52 * At(ref k2, i) + A53 * At(ref k3, i) + A54 * At(ref k4, i));
        system.Derivatives(t + C5 * h, stageSpan, MemoryMarshal.CreateSpan(ref k5, n));

        for (int i = 0; i < n; i++)
        {
            At(ref stage, i) = At(ref y, i) + h * (A61 * At(ref k1, i) + A62 * At(ref k2, i) + A63 * At(ref k3, i) + A64 * At(ref k4, i)
                + A65 * At(ref k5, i));
        }
        system.Derivatives(t + C6 * h, stageSpan, MemoryMarshal.CreateSpan(ref k6, n));

        for (int i = 0; i < n; i++)
        {
            double increment = B1 * At(ref k1, i) + B3 * At(ref k3, i) + B4 * At(ref k4, i) + B5 * At(ref k5, i) + B6 * At(ref k6, i);
            At(ref y, i) += h * increment;
        }
        for (int i = 0; i < n; i++)
            At(ref error, i) = h * (E1 * At(ref k1, i) + E3 * At(ref k3, i) + E4 * At(ref k4, i) + E5 * At(ref k5, i) + E6 * At(ref k6, i));
    }

    /// <summary>Component <paramref name="i"/> of the vector starting at <paramref name="vector"/> (no bounds check).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ref double At(ref double vector, int i) => ref Unsafe.Add(ref vector, i);

    private enum StepChange { Decreased, Increased, Unchanged }

    /// <summary>
    /// Below this error the growth factor 0.9·E^(-1/6) exceeds 5 and is capped, so E^(-1/6) need not be computed:
    /// 0.9·E^(-1/6) &gt; 5 for E &lt; (0.9/5)^6 = 3.4012224e-5, and the bound keeps a relative margin of 3.6e-4 to it,
    /// far above the rounding of Math.Pow and of the division.
    /// </summary>
    internal const double GrowthCappedBelow = 3.4e-5;

    /// <summary>
    /// Above this error the shrink factor 0.9·E^(-1/5) falls below 0.2 and is raised to it, so E^(-1/5) need not be
    /// computed: 0.9·E^(-1/5) &lt; 0.2 for E &gt; 4.5^5 = 1845.28125 (relative margin 3e-3).
    /// </summary>
    internal const double ShrinkCappedAbove = 1851.0;

    /// <summary>Fails unless a call integrates forward: <paramref name="remaining"/> = t1 - t and the step size <paramref name="h"/> positive.</summary>
    internal static void RequireForward(double remaining, double h)
    {
        if (!(remaining > 0.0) || !(h > 0.0))
            throw new ArgumentOutOfRangeException(nameof(h), "adaptive integration needs t1 > t and a positive step size");
    }

    /// <summary>
    /// GSL's standard control, the error norm: E = max(DBL_MIN, max_i |err_i| / |D_i|) with the admissible error D_i
    /// of <see cref="ErrorControl"/> at the end of a trial step of size <paramref name="step"/>.
    /// </summary>
    private static double ErrorNorm(in ErrorControl control, ref double work, int n, ref double y, double step)
    {
        double worst = SmallestNormal;
        ref double error = ref Unsafe.Add(ref work, Error * n);
        ref double dydt = ref Unsafe.Add(ref work, DydtEnd * n);
        for (int i = 0; i < n; i++)
        {
            double admissible = control.EpsRel * (control.ScaleY * Math.Abs(At(ref y, i)) + control.ScaleDydt * Math.Abs(step * At(ref dydt, i)))
                + control.EpsAbs;
            double ratio = Math.Abs(At(ref error, i)) / Math.Abs(admissible);
            // As C's (a > b ? a : b): a NaN ratio leaves the maximum unchanged.
            worst = ratio > worst ? ratio : worst;
        }
        return worst;
    }

    /// <summary>
    /// What follows a trial step of size <paramref name="step"/> that ends at <paramref name="end"/> with the error
    /// norm <paramref name="worst"/> (GSL's standard control and evolve): returns true when the step is rejected, with
    /// <paramref name="step"/> the smaller size to retry; false when it is accepted, with <paramref name="step"/> the
    /// size to try next. A shrunk step is retried only if it really is smaller and still moves time (GSL's guard
    /// against stalling); otherwise the step is accepted at its size.
    /// </summary>
    internal static bool RejectOrRescale(double worst, double end, ref double step)
    {
        double tried = step;
        if (Rescale(worst, ref step) != StepChange.Decreased) return false;
        if (Math.Abs(step) < Math.Abs(tried) && end + step != end) return true;
        step = tried;
        return false;
    }

    /// <summary>GSL's standard control: rescales the step <paramref name="h"/> from the error norm <paramref name="worst"/>.</summary>
    private static StepChange Rescale(double worst, ref double h)
    {
        double hOld = h;
        if (worst > 1.1)
        {
            double factor = worst > ShrinkCappedAbove ? 0.2 : Safety / Math.Pow(worst, ShrinkExponent);
            if (factor < 0.2) factor = 0.2;
            h = factor * hOld;
            return StepChange.Decreased;
        }
        if (worst < 0.5)
        {
            double factor = worst < GrowthCappedBelow ? 5.0 : Safety / Math.Pow(worst, GrowthExponent);
            if (factor > 5.0) factor = 5.0;
            if (factor < 1.0) factor = 1.0;
            h = factor * hOld;
            return StepChange.Increased;
        }
        return StepChange.Unchanged;
    }
}

/// <summary>The Fehlberg 4(5) tableau both RKF45 integrators use (one node at a time, and four in SIMD lanes).</summary>
internal static class FehlbergTableau
{
    // Nodes and stage weights.
    public const double C2 = 1.0 / 4.0, C3 = 3.0 / 8.0, C4 = 12.0 / 13.0, C5 = 1.0, C6 = 1.0 / 2.0;
    public const double A31 = 3.0 / 32.0, A32 = 9.0 / 32.0;
    public const double A41 = 1932.0 / 2197.0, A42 = -7200.0 / 2197.0, A43 = 7296.0 / 2197.0;
    public const double A51 = 8341.0 / 4104.0, A52 = -32832.0 / 4104.0, A53 = 29440.0 / 4104.0, A54 = -845.0 / 4104.0;
    public const double A61 = -6080.0 / 20520.0, A62 = 41040.0 / 20520.0, A63 = -28352.0 / 20520.0, A64 = 9295.0 / 20520.0,
        A65 = -5643.0 / 20520.0;

    // Fifth-order solution weights (stage 2 has weight 0).
    public const double B1 = 902880.0 / 7618050.0, B3 = 3953664.0 / 7618050.0, B4 = 3855735.0 / 7618050.0,
        B5 = -1371249.0 / 7618050.0, B6 = 277020.0 / 7618050.0;

    // Fifth- minus fourth-order weights, for the error estimate.
    public const double E1 = 1.0 / 360.0, E3 = -128.0 / 4275.0, E4 = -2197.0 / 75240.0, E5 = 1.0 / 50.0, E6 = 2.0 / 55.0;
}
