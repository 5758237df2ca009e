namespace NestSharp.Models.Neurons;

/// <summary>
/// A neuron model that takes gap junctions (<see cref="Synapses.GapJunction"/>): it tells the synapse model where the
/// gap input of the node behind each of its input channels is.
/// </summary>
internal interface IGapJunctionNode
{
    /// <summary>
    /// For every ring channel of this group's nodes: the ring channel of the node's first gap coefficient
    /// (<paramref name="gapChannel"/>) and the distance between the node's gap inputs (<paramref name="gapStride"/>).
    /// </summary>
    void MapGapChannels(int[] gapChannel, int[] gapStride);
}

/// <summary>
/// The gap-junction input of a neuron (NEST's sumj_g_ij_ and interpolation_coefficients of hh_psc_alpha_gap and
/// hh_cond_beta_gap_traub), declared into a model's schema: four inputs for the coefficients c_0 .. c_3 of the
/// neighbours' potentials (summed over the gap junctions, times their weights) and one for the sum of the weights,
/// kept per step of the slice in the kernel's input of events without delay (<see cref="SliceInput"/>, the sum in the
/// row of the slice's first step). Within step k of the slice, at time t from its start (τ = t/h), the gap current is
/// <code>
/// I_gap = -(Σ_j g_ij) V + c_0 + c_1 τ + c_2 τ² + c_3 τ³      (the terms up to wfr_interpolation_order)
/// </code>
/// A sender's coefficients for a step, from its potential y_0 at the start and y_1 at the end and its derivatives
/// times h, f_0 and f_1: order 0: y_0; order 1: y_0, y_1 - y_0; order 3 (Hermite): y_0, f_0, -3 y_0 + 3 y_1 - 2 f_0 - f_1,
/// 2 y_0 - 2 y_1 + f_0 + f_1. After its update (not an iteration) a neuron sends its final potential as constant for
/// every step it updated. The model reads the input of each step and clears all of it after each update and each
/// iteration of the waveform relaxation (NEST resets its buffers after each update_).
/// </summary>
internal sealed class GapJunctionInput
{
    /// <summary>The most coefficients per step (cubic interpolation).</summary>
    public const int MaxCoefficients = 4;

    /// <summary>The input of the weights' sum, counted in gap inputs after the first coefficient.</summary>
    public const int WeightsOffset = MaxCoefficients;

    /// <summary>The inputs of the coefficients c_0 .. c_3 (declared consecutively, <see cref="First"/> is c_0's).</summary>
    public readonly InputChannel C0, C1, C2, C3;

    /// <summary>The input of the sum of the gap junctions' weights, declared after the coefficients.</summary>
    public readonly InputChannel Weights;

    /// <summary>The first coefficient's input; the others and the weights follow it in declaration order.</summary>
    public InputChannel First => C0;

    /// <param name="schema">The model's schema.</param>
    public GapJunctionInput(NeuronSchema schema)
    {
        C0 = schema.Input("gap_c0");
        C1 = schema.Input("gap_c1");
        C2 = schema.Input("gap_c2");
        C3 = schema.Input("gap_c3");
        Weights = schema.Input("gap_weights");
        if (C3.Index != C0.Index + 3 || Weights.Index != C0.Index + WeightsOffset)
            throw new InvalidOperationException("the gap inputs must be declared consecutively");
    }

    /// <summary>
    /// The gap input of one step of a slice as the dynamics read it: Σ_j g_ij and the coefficients (those beyond the
    /// interpolation order zero).
    /// </summary>
    public static GapCurrent Read(double[] instant, int rowStart, int weightsRow, int c0, int stride, int order, int position) =>
        instant.Length == 0 ? new GapCurrent(order, 0.0, 0.0, 0.0, 0.0, 0.0) : new GapCurrent(order,
            instant[weightsRow + c0 + WeightsOffset * stride + position],
            instant[rowStart + c0 + position],
            order >= 1 ? instant[rowStart + c0 + stride + position] : 0.0,
            order >= 3 ? instant[rowStart + c0 + 2 * stride + position] : 0.0,
            order >= 3 ? instant[rowStart + c0 + 3 * stride + position] : 0.0);

    /// <summary>As <see cref="Read"/> for the four nodes at positions <paramref name="first"/> .. + 3, one per SIMD lane.</summary>
    public static LaneGapCurrent ReadLanes(double[] instant, int rowStart, int weightsRow, int c0, int stride, int order, int first)
    {
        if (instant.Length == 0) return new LaneGapCurrent(order, default, default, default, default, default);
        Vector256<double> At(int offset) => Vector256.Create(instant.AsSpan(offset, Lanes.Count));
        return new LaneGapCurrent(order,
            At(weightsRow + c0 + WeightsOffset * stride + first),
            At(rowStart + c0 + first),
            order >= 1 ? At(rowStart + c0 + stride + first) : default,
            order >= 3 ? At(rowStart + c0 + 2 * stride + first) : default,
            order >= 3 ? At(rowStart + c0 + 3 * stride + first) : default);
    }

    /// <summary>Clears the gap input of positions [start, end) for every step (after an update or an iteration).</summary>
    public static void Clear(SliceInput instant, int c0, int stride, int start, int end)
    {
        if (instant.Data.Length == 0) return;
        for (int lag = 0; lag < instant.Steps; lag++)
            for (int k = 0; k <= WeightsOffset; k++) instant.Row(lag, c0 + k * stride + start, end - start).Clear();
    }

    /// <summary>
    /// Writes the coefficients of one step from the sender's potential and scaled derivatives at the step's start
    /// (<paramref name="y0"/>, <paramref name="f0"/>) and end (<paramref name="y1"/>, <paramref name="f1"/>), as NEST's
    /// update_ of the gap models computes them.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Interpolate(Span<double> coefficients, int order, double y0, double y1, double f0, double f1)
    {
        coefficients[0] = y0;
        if (order == 1)
        {
            coefficients[1] = y1 - y0;
        }
        else if (order == 3)
        {
            coefficients[1] = f0;
            coefficients[2] = -3 * y0 + 3 * y1 - 2 * f0 - f1;
            coefficients[3] = 2 * y0 - 2 * y1 + f0 + f1;
        }
    }
}

/// <summary>The gap current of one node in one step: I_gap(τ) = -g V + c_0 + c_1 τ + c_2 τ² + c_3 τ³ (see <see cref="GapJunctionInput"/>).</summary>
internal readonly record struct GapCurrent(int Order, double G, double C0, double C1, double C2, double C3)
{
    /// <summary>The current (pA) at potential <paramref name="v"/> and <paramref name="tau"/> = t/h, in NEST's order of operations.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public double At(double v, double tau) => Order switch
    {
        0 => -G * v + C0,
        1 => -G * v + C0 + C1 * tau,
        _ => -G * v + C0 + C1 * tau + C2 * tau * tau + C3 * tau * tau * tau,
    };
}

/// <summary>The gap currents of four nodes in one step, one per SIMD lane: lane l computes what <see cref="GapCurrent"/> of node l does.</summary>
internal readonly record struct LaneGapCurrent(int Order, Vector256<double> G, Vector256<double> C0, Vector256<double> C1, Vector256<double> C2,
    Vector256<double> C3)
{
    /// <summary>As <see cref="GapCurrent.At"/> in each lane, with the same operations in the same order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<double> At(Vector256<double> v, Vector256<double> tau) => Order switch
    {
        0 => Lanes.Negate(G) * v + C0,
        1 => Lanes.Negate(G) * v + C0 + C1 * tau,
        _ => Lanes.Negate(G) * v + C0 + C1 * tau + C2 * tau * tau + C3 * tau * tau * tau,
    };
}
