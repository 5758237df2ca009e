namespace NestSharp.Models.Neurons;

/// <summary>
/// What NEST's ClopathArchivingNode adds to the status of the neurons clopath_synapse connects to
/// (aeif_psc_delta_clopath, hh_psc_alpha_clopath), declared into a model's schema once: A_LTP (1/mV²), A_LTD (1/mV),
/// A_LTD_const, theta_plus, theta_minus (mV), u_ref_squared (mV², positive) and delay_u_bars (ms), with NEST's
/// defaults; and the <see cref="ClopathHistory"/> of a node built and configured from them before a run.
/// </summary>
internal sealed class ClopathArchiving
{
    public readonly Column ALtp, ALtd, ALtdConst, ThetaPlus, ThetaMinus, URefSquared, DelayUBars;

    /// <param name="schema">The model's schema.</param>
    public ClopathArchiving(NeuronSchema schema)
    {
        ALtp = schema.Parameter("A_LTP", 8.0e-5, "1/mV^2");
        ALtd = schema.Parameter("A_LTD", 14.0e-5, "1/mV");
        ALtdConst = schema.Flag("A_LTD_const", true);
        ThetaPlus = schema.Parameter("theta_plus", -45.3, "mV");
        ThetaMinus = schema.Parameter("theta_minus", -70.6, "mV");
        URefSquared = schema.Parameter("u_ref_squared", 60.0, "mV^2", Requirement.Positive("ensure that u_ref_squared > 0"));
        DelayUBars = schema.Parameter("delay_u_bars", 5.0, "ms", new Requirement(static v => v >= 0 && double.IsFinite(v), "must be a non-negative time"));
    }

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
}
