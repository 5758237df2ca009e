using static NestSharp.Numerics.FehlbergTableau;

namespace NestSharp.Numerics;

/// <summary>
/// The right-hand side of <typeparamref name="TSystem"/> for four systems at once, one per lane of a
/// <see cref="Vector256{T}"/>: component j of the state of all four is y[j], lane l being system l. Each lane must
/// compute exactly what <typeparamref name="TSystem"/>'s <see cref="IOdeSystem.Derivatives"/> computes for the system
/// loaded into it, with the same IEEE operations in the same order (no fused multiply-add where the scalar code has
/// none; Math.Exp as <see cref="LaneExp.Exp"/>, which is bitwise Math.Exp in every lane; other functions without a
/// bitwise-equal vector form called per lane), so that a lane's results are bit for bit those of the scalar system. Implemented by structs, resolved at compile time.
/// </summary>
/// <typeparam name="TSystem">The scalar system whose parameters and input the lanes take.</typeparam>
internal interface ILaneOdeSystem<TSystem> where TSystem : struct, IFixedDimensionOdeSystem
{
    /// <summary>Makes lane l compute the right-hand side of system l (<paramref name="lane0"/> .. <paramref name="lane3"/>).</summary>
    void Load(in TSystem lane0, in TSystem lane1, in TSystem lane2, in TSystem lane3);

    /// <summary>
    /// Makes every lane compute the right-hand side of <paramref name="system"/>, lane l with the current input
    /// <paramref name="iStim"/>[l] in place of the system's (pA); what the system reads of a node's discrete state
    /// (refractoriness) is set separately.
    /// </summary>
    void LoadShared(in TSystem system, Vector256<double> iStim);

    /// <summary>
    /// Whether the right-hand side depends on the time t within the grid step (the gap models' interpolated gap
    /// current). When it does not, the integrator does not compute the stages' times and passes zero.
    /// </summary>
    static virtual bool DependsOnTime => false;

    /// <summary>
    /// Writes f(t, y) of the four lanes into <paramref name="dydt"/>, lane l at its own time <paramref name="t"/>[l]
    /// (computed as the scalar integrator computes it; zero for systems that do not depend on time). Only the lanes in
    /// <paramref name="lanes"/> (bit l for lane l) are used; the others may receive anything, so that work done lane
    /// by lane (a Math.Exp) can skip them.
    /// </summary>
    void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> dydt, int lanes);
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
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double MaskOf(bool value) => value ? BitConverter.Int64BitsToDouble(-1L) : 0.0;

    /// <summary>The lane mask of the lanes in <paramref name="lanes"/> (bit l for lane l).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> MaskOf(int lanes) =>
        Vector256.Create(MaskOf((lanes & 1) != 0), MaskOf((lanes & 2) != 0), MaskOf((lanes & 4) != 0), MaskOf((lanes & 8) != 0));

    /// <summary>The lanes set in the mask <paramref name="mask"/> as bits, bit l for lane l.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int BitsOf(Vector256<double> mask) => (int)mask.ExtractMostSignificantBits();
}

/// <summary>The <see cref="ErrorControl"/> of four lanes, lane l that of system l.</summary>
internal struct LaneErrorControl
{
    public Vector256<double> EpsAbs, EpsRel, ScaleY, ScaleDydt;

    /// <summary>Gives every lane the control <paramref name="control"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneErrorControl(in ErrorControl control)
    {
        EpsAbs = Vector256.Create(control.EpsAbs);
        EpsRel = Vector256.Create(control.EpsRel);
        ScaleY = Vector256.Create(control.ScaleY);
        ScaleDydt = Vector256.Create(control.ScaleDydt);
    }

    /// <summary>Gives lane l the control of system l (<paramref name="lane0"/> .. <paramref name="lane3"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public LaneErrorControl(in ErrorControl lane0, in ErrorControl lane1, in ErrorControl lane2, in ErrorControl lane3)
    {
        EpsAbs = Vector256.Create(lane0.EpsAbs, lane1.EpsAbs, lane2.EpsAbs, lane3.EpsAbs);
        EpsRel = Vector256.Create(lane0.EpsRel, lane1.EpsRel, lane2.EpsRel, lane3.EpsRel);
        ScaleY = Vector256.Create(lane0.ScaleY, lane1.ScaleY, lane2.ScaleY, lane3.ScaleY);
        ScaleDydt = Vector256.Create(lane0.ScaleDydt, lane1.ScaleDydt, lane2.ScaleDydt, lane3.ScaleDydt);
    }
}

/// <summary>
/// The trial steps of <see cref="Rkf45Integrator"/> for four systems at once, each lane with its own step size: the
/// Fehlberg stages, the derivatives at the end and the error norm E of each lane, computed lane by lane with the
/// scalar integrator's operations in its order, and what follows from E (accept, or retry with a smaller step, and
/// the next step size: <see cref="RejectOrRescale"/>, lane-wise <see cref="Rkf45Integrator.RejectOrRescale"/>). The
/// caller decides when a lane starts a new adaptive step (<see cref="Start{TSystem, TLanes}"/>: f at its start) and keeps the
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
    /// f(t, y) at the start <paramref name="t"/> of an adaptive step of the lanes in <paramref name="starting"/> (bit l
    /// for lane l), kept for their trials; the other lanes keep the f of their own start.
    /// </summary>
    public void Start<TSystem, TLanes>(ref TLanes system, Vector256<double> t, ReadOnlySpan<Vector256<double>> y, int starting)
        where TSystem : struct, IFixedDimensionOdeSystem
        where TLanes : struct, ILaneOdeSystem<TSystem>
    {
        int n = TSystem.Dimension;
        var k1 = _work.AsSpan(K1 * n, n);
        if (starting == (1 << Lanes.Count) - 1)
        {
            system.Derivatives(t, y[..n], k1, starting);
            return;
        }
        var fresh = _work.AsSpan(DydtEnd * n, n);
        system.Derivatives(t, y[..n], fresh, starting);
        var mask = Lanes.MaskOf(starting);
        for (int i = 0; i < n; i++) k1[i] = Vector256.ConditionalSelect(mask, fresh[i], k1[i]);
    }

    /// <summary>
    /// One RKF45 trial step from <paramref name="y"/> at time <paramref name="t"/> with step size <paramref name="h"/>
    /// (per lane), after <see cref="Start{TSystem, TLanes}"/>: leaves the solution in <see cref="Solution"/> and
    /// returns each lane's error norm E = max(DBL_MIN, max_i |err_i| / |eps_abs + eps_rel·(a_y·|y_new,i| +
    /// a_dydt·|h·f(y_new)_i|)|). Only the lanes in <paramref name="active"/> (bit l for lane l) are used.
    /// </summary>
    public Vector256<double> Try<TSystem, TLanes>(ref TLanes system, in LaneErrorControl control, Vector256<double> t, Vector256<double> h,
        ReadOnlySpan<Vector256<double>> y, int active)
        where TSystem : struct, IFixedDimensionOdeSystem
        where TLanes : struct, ILaneOdeSystem<TSystem>
    {
        int n = TSystem.Dimension;
        if (n != Dimension) throw new ArgumentException($"A lane integrator of dimension {Dimension} cannot step a system of dimension {n}.", nameof(system));
        y = y[..n];
        ref var start = ref MemoryMarshal.GetReference(y);
        ref var work = ref MemoryMarshal.GetArrayDataReference(_work);
        ReadOnlySpan<Vector256<double>> stage = MemoryMarshal.CreateReadOnlySpan(ref Unsafe.Add(ref work, Stage * n), n);

        // Each stage is the scalar integrator's expression with vectors: the same operations in the same order, and
        // so are the stages' times t + c_i·h.
        bool timed = TLanes.DependsOnTime;
        Components(ref work, ref start, n, 2, h);
        system.Derivatives(timed ? t + C2 * h : default, stage, Slice(ref work, K2, n), active);
        Components(ref work, ref start, n, 3, h);
        system.Derivatives(timed ? t + C3 * h : default, stage, Slice(ref work, K3, n), active);
        Components(ref work, ref start, n, 4, h);
        system.Derivatives(timed ? t + C4 * h : default, stage, Slice(ref work, K4, n), active);
        Components(ref work, ref start, n, 5, h);
        system.Derivatives(timed ? t + C5 * h : default, stage, Slice(ref work, K5, n), active);
        Components(ref work, ref start, n, 6, h);
        system.Derivatives(timed ? t + C6 * h : default, stage, Slice(ref work, K6, n), active);
        Components(ref work, ref start, n, SolutionAndError, h);
        system.Derivatives(timed ? t + h : default, Slice(ref work, NewY, n), Slice(ref work, DydtEnd, n), active);

        var worst = Vector256.Create(SmallestNormal);
        if (n > 0) worst = Worse(ref work, n, 0, h, control, worst);
        if (n > 1) worst = Worse(ref work, n, 1, h, control, worst);
        if (n > 2) worst = Worse(ref work, n, 2, h, control, worst);
        if (n > 3) worst = Worse(ref work, n, 3, h, control, worst);
        if (n > 4) worst = Worse(ref work, n, 4, h, control, worst);
        for (int i = 5; i < n; i++) worst = Worse(ref work, n, i, h, control, worst);
        return worst;
    }

    /// <summary>As the stage number of <see cref="Component"/>: the fifth-order solution and its error, after the six stages.</summary>
    private const int SolutionAndError = 7;

    /// <summary>Vectors <paramref name="vector"/> of the workspace (an offset in units of <paramref name="n"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Span<Vector256<double>> Slice(ref Vector256<double> work, int vector, int n) =>
        MemoryMarshal.CreateSpan(ref Unsafe.Add(ref work, vector * n), n);

    /// <summary>
    /// <see cref="Component"/> for components 0 .. <paramref name="n"/> - 1 in order, written out for the first five
    /// (n is a constant of the compiled system, so the tests fold and no loop remains for small systems).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Components(ref Vector256<double> work, ref Vector256<double> y, int n, int stage, Vector256<double> h)
    {
        if (n > 0) Component(ref work, ref y, n, 0, stage, h);
        if (n > 1) Component(ref work, ref y, n, 1, stage, h);
        if (n > 2) Component(ref work, ref y, n, 2, stage, h);
        if (n > 3) Component(ref work, ref y, n, 3, stage, h);
        if (n > 4) Component(ref work, ref y, n, 4, stage, h);
        for (int i = 5; i < n; i++) Component(ref work, ref y, n, i, stage, h);
    }

    /// <summary>
    /// Component <paramref name="i"/> of the state at which stage <paramref name="stage"/> (2 .. 6) evaluates f, or for
    /// <see cref="SolutionAndError"/> of the fifth-order solution and of its error, from the stage derivatives k1 .. in the
    /// workspace <paramref name="work"/> (components of a vector <paramref name="n"/> apart) and the start <paramref name="y"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Component(ref Vector256<double> work, ref Vector256<double> y, int n, int i, int stage, Vector256<double> h)
    {
        var y0 = Unsafe.Add(ref y, i);
        var k1 = Unsafe.Add(ref work, K1 * n + i);
        ref var at = ref Unsafe.Add(ref work, Stage * n + i);
        switch (stage)
        {
            case 2:
                at = y0 + C2 * h * k1;
                break;
            case 3:
                at = y0 + h * (A31 * k1 + A32 * Unsafe.Add(ref work, K2 * n + i));
                break;
            case 4:
                at = y0 + h * (A41 * k1 + A42 * Unsafe.Add(ref work, K2 * n + i) + A43 * Unsafe.Add(ref work, K3 * n + i));
                break;
            case 5:
                at = y0 + h * (A51 * k1 + A52 * Unsafe.Add(ref work, K2 * n + i) + A53 * Unsafe.Add(ref work, K3 * n + i)
                    + A54 * Unsafe.Add(ref work, K4 * n + i));
                break;
            case 6:
                at = y0 + h * (A61 * k1 + A62 * Unsafe.Add(ref work, K2 * n + i) + A63 * Unsafe.Add(ref work, K3 * n + i)
                    + A64 * Unsafe.Add(ref work, K4 * n + i) + A65 * Unsafe.Add(ref work, K5 * n + i));
                break;
            case SolutionAndError:
                var k3 = Unsafe.Add(ref work, K3 * n + i);
                var k4 = Unsafe.Add(ref work, K4 * n + i);
                var k5 = Unsafe.Add(ref work, K5 * n + i);
                var k6 = Unsafe.Add(ref work, K6 * n + i);
                var increment = B1 * k1 + B3 * k3 + B4 * k4 + B5 * k5 + B6 * k6;
                Unsafe.Add(ref work, NewY * n + i) = y0 + h * increment;
                Unsafe.Add(ref work, Error * n + i) = h * (E1 * k1 + E3 * k3 + E4 * k4 + E5 * k5 + E6 * k6);
                break;
        }
    }

    /// <summary>
    /// The larger of <paramref name="worst"/> and component <paramref name="i"/>'s ratio |err_i| / |eps_abs +
    /// eps_rel·(a_y·|y_new,i| + a_dydt·|h·f(y_new)_i|)|, as the scalar (ratio &gt; worst ? ratio : worst): a NaN ratio
    /// leaves the maximum unchanged.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> Worse(ref Vector256<double> work, int n, int i, Vector256<double> h, in LaneErrorControl control,
        Vector256<double> worst)
    {
        var admissible = control.EpsRel * (control.ScaleY * Vector256.Abs(Unsafe.Add(ref work, NewY * n + i))
            + control.ScaleDydt * Vector256.Abs(h * Unsafe.Add(ref work, DydtEnd * n + i))) + control.EpsAbs;
        var ratio = Vector256.Abs(Unsafe.Add(ref work, Error * n + i)) / Vector256.Abs(admissible);
        return Vector256.ConditionalSelect(Vector256.GreaterThan(ratio, worst), ratio, worst);
    }

    /// <summary>
    /// <see cref="Rkf45Integrator.RejectOrRescale"/> for the lanes in <paramref name="active"/> (a lane mask), each
    /// with its own error norm <paramref name="worst"/>, trial size <paramref name="tried"/> and end time
    /// <paramref name="end"/>: the same comparisons, products and quotients per lane, and Math.Pow called lane by lane
    /// exactly where the scalar control calls it. Returns each lane's next step size (the smaller size to retry where
    /// rejected, the size to try next where accepted; the other lanes keep <paramref name="tried"/>) and sets
    /// <paramref name="rejected"/> to the mask of the rejected lanes.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<double> RejectOrRescale(Vector256<double> worst, Vector256<double> end, Vector256<double> tried,
        Vector256<double> active, out Vector256<double> rejected)
    {
        var shrink = Vector256.GreaterThan(worst, Vector256.Create(1.1)) & active;
        var grow = Vector256.LessThan(worst, Vector256.Create(0.5)) & active;
        var shrinkCapped = Vector256.GreaterThan(worst, Vector256.Create(Rkf45Integrator.ShrinkCappedAbove));
        var growthCapped = Vector256.LessThan(worst, Vector256.Create(Rkf45Integrator.GrowthCappedBelow));
        int powered = Lanes.BitsOf(Vector256.AndNot(shrink, shrinkCapped) | Vector256.AndNot(grow, growthCapped));
        if (Lanes.BitsOf(shrink | grow) == 0)
        {
            rejected = Vector256<double>.Zero;
            return tried;
        }
        var quotient = powered == 0 ? Vector256<double>.One : Vector256.Create(Rkf45Integrator.Safety) / Powers(worst, Lanes.BitsOf(shrink), powered);

        var shrinkFactor = Vector256.ConditionalSelect(shrinkCapped, Vector256.Create(0.2), quotient);
        shrinkFactor = Vector256.ConditionalSelect(Vector256.LessThan(shrinkFactor, Vector256.Create(0.2)), Vector256.Create(0.2), shrinkFactor);
        var growFactor = Vector256.ConditionalSelect(growthCapped, Vector256.Create(5.0), quotient);
        growFactor = Vector256.ConditionalSelect(Vector256.GreaterThan(growFactor, Vector256.Create(5.0)), Vector256.Create(5.0), growFactor);
        growFactor = Vector256.ConditionalSelect(Vector256.LessThan(growFactor, Vector256<double>.One), Vector256<double>.One, growFactor);
        var scaled = Vector256.ConditionalSelect(shrink, shrinkFactor, growFactor) * tried;

        // A shrunk step is retried only if it really is smaller and still moves time; otherwise accepted at its size.
        rejected = shrink & Vector256.LessThan(Vector256.Abs(scaled), Vector256.Abs(tried)) & ~Vector256.Equals(end + scaled, end);
        return Vector256.ConditionalSelect(rejected | grow, scaled, tried);
    }

    /// <summary>E^(1/5) in the lanes of <paramref name="shrinking"/>, E^(1/6) in the others, by Math.Pow in the lanes of <paramref name="lanes"/> (bit l for lane l), 1 elsewhere.</summary>
    private static Vector256<double> Powers(Vector256<double> worst, int shrinking, int lanes)
    {
        Span<double> powers = [1.0, 1.0, 1.0, 1.0];
        for (int lane = 0; lane < Lanes.Count; lane++)
        {
            if ((lanes & (1 << lane)) == 0) continue;
            double exponent = (shrinking & (1 << lane)) != 0 ? Rkf45Integrator.ShrinkExponent : Rkf45Integrator.GrowthExponent;
            powers[lane] = Math.Pow(worst.GetElement(lane), exponent);
        }
        return Vector256.Create<double>(powers);
    }
}
