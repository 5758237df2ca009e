namespace NestSharp.Models.Neurons;

/// <summary>
/// Where a Hodgkin-Huxley model with alpha-shaped synaptic currents keeps the currents' derivatives dI_ex and dI_in in
/// its integrated state, and the model's error control.
/// </summary>
internal interface IAlphaCurrentLayout
{
    /// <summary>Position of dI_ex in the integrated state.</summary>
    static abstract int DIEx { get; }

    /// <summary>Position of dI_in in the integrated state.</summary>
    static abstract int DIIn { get; }

    /// <summary>The model's error control (NEST's gsl_odeiv_control_y_new).</summary>
    static abstract ErrorControl Control { get; }
}

/// <summary>
/// The constants of a parameter row of a Hodgkin-Huxley model with alpha-shaped synaptic currents (hh_psc_alpha,
/// hh_psc_alpha_gap): the dynamics, the jumps of dI_ex and dI_in per unit weight (e/tau_syn) and t_ref in steps. The
/// weights (pA) of a step's spikes times the jumps go to dI_ex and dI_in; spikes are detected from 0 mV, as NEST does.
/// </summary>
internal struct HhAlphaCurrentRow<TDynamics, TLayout> : IHhLaneRow<HhAlphaCurrentRow<TDynamics, TLayout>, TDynamics>
    where TDynamics : struct, ICurrentDrivenOdeSystem
    where TLayout : struct, IAlphaCurrentLayout
{
    public TDynamics Dynamics;
    public double JumpEx, JumpIn;
    public long RefractorySteps;

    public static ref readonly TDynamics SystemOf(in HhAlphaCurrentRow<TDynamics, TLayout> row) => ref row.Dynamics;

    public static ErrorControl ControlOf(in HhAlphaCurrentRow<TDynamics, TLayout> row) => TLayout.Control;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddSpikes(in HhAlphaCurrentRow<TDynamics, TLayout> row, Span<double> y, double excitatory, double inhibitory)
    {
        y[TLayout.DIEx] += excitatory * row.JumpEx;
        y[TLayout.DIIn] += inhibitory * row.JumpIn;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void AddSpikes(in HhAlphaCurrentRow<TDynamics, TLayout> row, Span<Vector256<double>> y, Vector256<double> excitatory, Vector256<double> inhibitory)
    {
        y[TLayout.DIEx] += excitatory * Vector256.Create(row.JumpEx);
        y[TLayout.DIIn] += inhibitory * Vector256.Create(row.JumpIn);
    }

    public static double ThresholdOf(in HhAlphaCurrentRow<TDynamics, TLayout> row) => 0.0;

    public static long RefractoryStepsOf(in HhAlphaCurrentRow<TDynamics, TLayout> row) => row.RefractorySteps;
}
