using static NestSharp.Numerics.FehlbergTableau;

namespace NestSharp.Numerics;

/// <summary>
/// The right-hand side of <typeparamref name="TSystem"/> for four systems at once, one per lane of a
/// <see cref="Vector256{T}"/>: component j of the state of all four is y[j], lane l being system l. Each lane must
/// compute exactly what <typeparamref name="TSystem"/>'s <see cref="IOdeSystem.Derivatives"/> computes for the system
/// loaded into it, with the same IEEE operations in the same order (no fused multiply-add where the scalar code has
/// none; functions without a bitwise-equal vector form, such as Math.Exp, called per lane), so that a lane's results
/// are bit for bit those of the scalar system. Implemented by structs, resolved at compile time.
/// </summary>
/// <typeparam name="TSystem">The scalar system whose parameters and input the lanes take.</typeparam>
internal interface ILaneOdeSystem<TSystem> where TSystem : struct, IFixedDimensionOdeSystem
{
    /// <summary>Makes lane <paramref name="lane"/> compute the right-hand side of <paramref name="system"/>.</summary>
    void Load(int lane, in TSystem system);

    /// <summary>
    /// Writes f(y) of the four lanes into <paramref name="dydt"/> (the systems here do not depend on t). Only the
    /// lanes in <paramref name="lanes"/> (bit l for lane l) are used; the others may receive anything, so that work
    /// done lane by lane (a Math.Exp) can skip them.
    /// </summary>
    void Derivatives(ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> dydt, int lanes);
}

/// <summary>Lane-wise helpers that are bitwise the scalar operations they stand for.</summary>
internal static class Lanes
{
    /// <summary>The number of lanes: four doubles in a <see cref="Vector256{T}"/>.</summary>
    public const int Count = 4;

    /// <summary>Lane <paramref name="lane"/> of <paramref name="vector"/>, writable.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ref double Element(ref Vector256<double> vector, int lane) =>
        ref Unsafe.Add(ref Unsafe.As<Vector256<double>, double>(ref vector), lane);

    /// <summary>The sign flipped in every lane, as the scalar -x (0 - x would turn -0 into +0 where x is +0).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> Negate(Vector256<double> x) => Vector256.Xor(x, Vector256.Create(-0.0));

    /// <summary>A lane mask: all bits set when <paramref name="value"/>, none otherwise (for ConditionalSelect).</summary>
    public static double MaskOf(bool value) => value ? BitConverter.Int64BitsToDouble(-1L) : 0.0;

    /// <summary>The lane mask of the lanes in <paramref name="lanes"/> (bit l for lane l).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MaskOf(int lanes) =>
        Vector256.Create(MaskOf((lanes & 1) != 0), MaskOf((lanes & 2) != 0), MaskOf((lanes & 4) != 0), MaskOf((lanes & 8) != 0));
}

/// <summary>The <see cref="ErrorControl"/> of four lanes, lane l that of system l.</summary>
internal struct LaneErrorControl
{
    public Vector256<double> EpsAbs, EpsRel, ScaleY, ScaleDydt;

    /// <summary>Gives lane <paramref name="lane"/> the control <paramref name="control"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Load(int lane, in ErrorControl control)
    {
        Lanes.Element(ref EpsAbs, lane) = control.EpsAbs;
        Lanes.Element(ref EpsRel, lane) = control.EpsRel;
        Lanes.Element(ref ScaleY, lane) = control.ScaleY;
        Lanes.Element(ref ScaleDydt, lane) = control.ScaleDydt;
    }
}

/// <summary>
/// The trial steps of <see cref="Rkf45Integrator"/> for four systems at once, each lane with its own step size: the
/// Fehlberg stages, the derivatives at the end and the error norm E of each lane, computed lane by lane with the
/// scalar integrator's operations in its order. What to do with E (accept, or retry with a smaller step, and the next
/// step size: <see cref="Rkf45Integrator.RejectOrRescale"/>) stays scalar and per lane, in the caller, which also
/// decides when a lane starts a new adaptive step (<see cref="Start{TSystem, TLanes}"/>: f at its start) and keeps the
/// solution of the lanes that accept (<see cref="Solution"/>). One instance per thread.
/// </summary>
internal sealed class Rkf45LaneIntegrator
{
    private const double SmallestNormal = 2.2250738585072014E-308;

    // Offsets of the vectors in the workspace, in units of the dimension n.
    private const int K1 = 0, K2 = 1, K3 = 2, K4 = 3, K5 = 4, K6 = 5, Stage = 6, NewY = 7, Error = 8, DydtEnd = 9, Vectors = 10;

    private readonly Vector256<double>[] _work;

    public Rkf45LaneIntegrator(int dimension)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Dimension = dimension;
        _work = new Vector256<double>[Vectors * dimension];
    }

    public int Dimension { get; }

    /// <summary>The fifth-order solution of the last trial step, per component.</summary>
    public ReadOnlySpan<Vector256<double>> Solution => _work.AsSpan(NewY * Dimension, Dimension);

    /// <summary>
    /// f(y) at the start of an adaptive step of the lanes in <paramref name="starting"/> (bit l for lane l), kept for
    /// their trials; the other lanes keep the f of their own start.
    /// </summary>
    public void Start<TSystem, TLanes>(ref TLanes system, ReadOnlySpan<Vector256<double>> y, int starting)
        where TSystem : struct, IFixedDimensionOdeSystem
        where TLanes : struct, ILaneOdeSystem<TSystem>
    {
        int n = TSystem.Dimension;
        var k1 = _work.AsSpan(K1 * n, n);
        if (starting == (1 << Lanes.Count) - 1)
        {
            system.Derivatives(y[..n], k1, starting);
            return;
        }
        var fresh = _work.AsSpan(DydtEnd * n, n);
        system.Derivatives(y[..n], fresh, starting);
        var mask = Lanes.MaskOf(starting);
        for (int i = 0; i < n; i++) k1[i] = Vector256.ConditionalSelect(mask, fresh[i], k1[i]);
    }

    /// <summary>
    /// One RKF45 trial step from <paramref name="y"/> with step size <paramref name="h"/> (per lane), after
    /// <see cref="Start{TSystem, TLanes}"/>: leaves the solution in <see cref="Solution"/> and returns each lane's
    /// error norm E = max(DBL_MIN, max_i |err_i| / |eps_abs + eps_rel·(a_y·|y_new,i| + a_dydt·|h·f(y_new)_i|)|).
    /// Only the lanes in <paramref name="active"/> (bit l for lane l) are used.
    /// </summary>
    public Vector256<double> Try<TSystem, TLanes>(ref TLanes system, in LaneErrorControl control, Vector256<double> h,
        ReadOnlySpan<Vector256<double>> y, int active)
        where TSystem : struct, IFixedDimensionOdeSystem
        where TLanes : struct, ILaneOdeSystem<TSystem>
    {
        int n = TSystem.Dimension;
        var work = _work.AsSpan();
        var k1 = work.Slice(K1 * n, n);
        var k2 = work.Slice(K2 * n, n);
        var k3 = work.Slice(K3 * n, n);
        var k4 = work.Slice(K4 * n, n);
        var k5 = work.Slice(K5 * n, n);
        var k6 = work.Slice(K6 * n, n);
        var stage = work.Slice(Stage * n, n);
        var newY = work.Slice(NewY * n, n);
        var error = work.Slice(Error * n, n);
        var dydt = work.Slice(DydtEnd * n, n);
        y = y[..n];

        // Each line is the scalar integrator's expression with vectors: the same operations in the same order.
        for (int i = 0; i < n; i++) stage[i] = y[i] + C2 * h * k1[i];
        system.Derivatives(stage, k2, active);

        for (int i = 0; i < n; i++) stage[i] = y[i] + h * (A31 * k1[i] + A32 * k2[i]);
        system.Derivatives(stage, k3, active);

        for (int i = 0; i < n; i++) stage[i] = y[i] + h * (A41 * k1[i] + A42 * k2[i] + A43 * k3[i]);
        system.Derivatives(stage, k4, active);

        for (int i = 0; i < n; i++) stage[i] = y[i] + h * (A51 * k1[i] + A52 * k2[i] + A53 * k3[i] + A54 * k4[i]);
        system.Derivatives(stage, k5, active);

        for (int i = 0; i < n; i++) stage[i] = y[i] + h * (A61 * k1[i] + A62 * k2[i] + A63 * k3[i] + A64 * k4[i] + A65 * k5[i]);
        system.Derivatives(stage, k6, active);

        for (int i = 0; i < n; i++)
        {
            var increment = B1 * k1[i] + B3 * k3[i] + B4 * k4[i] + B5 * k5[i] + B6 * k6[i];
            newY[i] = y[i] + h * increment;
        }
        for (int i = 0; i < n; i++) error[i] = h * (E1 * k1[i] + E3 * k3[i] + E4 * k4[i] + E5 * k5[i] + E6 * k6[i]);
        system.Derivatives(newY, dydt, active);

        var worst = Vector256.Create(SmallestNormal);
        for (int i = 0; i < n; i++)
        {
            var admissible = control.EpsRel * (control.ScaleY * Vector256.Abs(newY[i]) + control.ScaleDydt * Vector256.Abs(h * dydt[i]))
                + control.EpsAbs;
            var ratio = Vector256.Abs(error[i]) / Vector256.Abs(admissible);
            // As the scalar (ratio > worst ? ratio : worst): a NaN ratio leaves the maximum unchanged.
            worst = Vector256.ConditionalSelect(Vector256.GreaterThan(ratio, worst), ratio, worst);
        }
        return worst;
    }
}
