namespace NestSharp.Models.Neurons;

/// <summary>
/// What the neurons clopath_synapse connects to (aeif_psc_delta_clopath, hh_psc_alpha_clopath) add for the rule,
/// declared into a model's schema once: the time constants tau_u_bar_plus, tau_u_bar_minus, tau_u_bar_bar (ms,
/// positive) of the low-pass filtered potentials, NEST's ClopathArchivingNode's A_LTP (1/mV²), A_LTD (1/mV),
/// A_LTD_const, theta_plus, theta_minus (mV), u_ref_squared (mV², positive) and delay_u_bars (ms), and the state
/// u_bar_plus, u_bar_minus, u_bar_bar (mV), with NEST's defaults; the filters' equations
/// (<see cref="FilterTimeConstants"/>); and the <see cref="ClopathHistory"/> of a node built and configured before a run.
/// </summary>
internal sealed class ClopathArchiving
{
    public readonly Column TauUBarPlus, TauUBarMinus, TauUBarBar;
    public readonly Column ALtp, ALtd, ALtdConst, ThetaPlus, ThetaMinus, URefSquared, DelayUBars;
    public readonly Column UBarPlus, UBarMinus, UBarBar;

    /// <param name="schema">The model's schema.</param>
    /// <param name="tauUBarPlus">The model's default tau_u_bar_plus (ms).</param>
    /// <param name="uBarInitial">The filtered potentials of a new neuron (mV).</param>
    public ClopathArchiving(NeuronSchema schema, double tauUBarPlus, double uBarInitial)
    {
        const string TimeConstantsPositive = "all time constants must be strictly positive";
        TauUBarPlus = schema.Parameter("tau_u_bar_plus", tauUBarPlus, "ms", Requirement.Positive(TimeConstantsPositive));
        TauUBarMinus = schema.Parameter("tau_u_bar_minus", 10.0, "ms", Requirement.Positive(TimeConstantsPositive));
        TauUBarBar = schema.Parameter("tau_u_bar_bar", 500.0, "ms", Requirement.Positive(TimeConstantsPositive));
        ALtp = schema.Parameter("A_LTP", 8.0e-5, "1/mV^2");
        ALtd = schema.Parameter("A_LTD", 14.0e-5, "1/mV");
        ALtdConst = schema.Flag("A_LTD_const", true);
        ThetaPlus = schema.Parameter("theta_plus", -45.3, "mV");
        ThetaMinus = schema.Parameter("theta_minus", -70.6, "mV");
        URefSquared = schema.Parameter("u_ref_squared", 60.0, "mV^2", Requirement.Positive("ensure that u_ref_squared > 0"));
        DelayUBars = schema.Parameter("delay_u_bars", 5.0, "ms", new Requirement(static v => v >= 0 && double.IsFinite(v), "must be a non-negative time"));
        UBarPlus = schema.State("u_bar_plus", uBarInitial, "mV");
        UBarMinus = schema.State("u_bar_minus", uBarInitial, "mV");
        UBarBar = schema.State("u_bar_bar", uBarInitial, "mV");
    }

    /// <summary>The filters' time constants of node <paramref name="i"/> (its parameters read through <paramref name="column"/>).</summary>
    public FilterTimeConstants FiltersOf(Func<Column, double[]> column, int i) =>
        new(column(TauUBarPlus)[i], column(TauUBarMinus)[i], column(TauUBarBar)[i]);

    /// <summary>
    /// A new history for node <paramref name="i"/> (its parameters read through <paramref name="column"/>): ū± delayed
    /// by delay_u_bars in steps, LTD values kept for max_delay + 1 steps (NEST's init_clopath_buffers).
    /// </summary>
    public ClopathHistory NewHistory(Func<Column, double[]> column, int i, SimulationContext context) =>
        new((int)context.Time.DelayToSteps(column(DelayUBars)[i]), context.MaxDelaySteps + 1);

    /// <summary>Gives node <paramref name="i"/>'s history the rule's parameters, its registered synapses and h before a run.</summary>
    public void Configure(Func<Column, double[]> column, int i, ClopathHistory history, int incoming, double resolution) =>
        history.Configure(column(ALtp)[i], column(ALtd)[i], column(ALtdConst)[i] != 0.0, column(URefSquared)[i],
            column(ThetaPlus)[i], column(ThetaMinus)[i], incoming, resolution);

    /// <summary>
    /// The time constants of the low-pass filtered potentials (ms) and their equations, in NEST's operations:
    /// dū+/dt = (-ū+ + u) / tau_u_bar_plus, dū-/dt = (-ū- + u) / tau_u_bar_minus, dū̄/dt = (-ū̄ + ū-) / tau_u_bar_bar.
    /// </summary>
    internal readonly record struct FilterTimeConstants(double Plus, double Minus, double Bar)
    {
        /// <summary>
        /// The derivatives of ū+, ū-, ū̄ (at <paramref name="first"/> .. + 2 of the state <paramref name="y"/>) into
        /// <paramref name="f"/>, with <paramref name="u"/> the membrane potential the dynamics see.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Derivatives(double u, ReadOnlySpan<double> y, Span<double> f, int first)
        {
            f[first] = (-y[first] + u) / Plus;
            f[first + 1] = (-y[first + 1] + u) / Minus;
            f[first + 2] = (-y[first + 2] + y[first + 1]) / Bar;
        }
    }
}
