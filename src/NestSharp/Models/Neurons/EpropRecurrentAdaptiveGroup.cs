namespace NestSharp.Models.Neurons;

/// <summary>
/// What the adaptive recurrent e-prop neurons of the current family share (eprop_iaf_adapt,
/// eprop_iaf_psc_delta_adapt): the adaptive threshold's columns (<see cref="AdaptiveThreshold"/>: adapt_beta, adapt_tau,
/// adaptation, V_th_adapt), NEST's set_status rule for the threshold, and its propagator P_a = exp(-h/adapt_tau) and
/// adapt_beta per node for the adaptive part of the eprop_synapse's gradient (<see cref="EpropRecurrentGroup.ComputeGradient"/>):
/// <code>
/// e_t = ψ_t (z̄_t - β ε_t),   ε_{t+1} = P_a ε_t + e_t,   ε decays with P_a over the steps without history
/// </code>
/// <para>Setting adaptation sets V_th_adapt = V_th + adapt_beta · adaptation (with the V_th and adapt_beta of the same
/// call); V_th_adapt itself is read only (NEST's set_status does not read it), as are surrogate_gradient and
/// learning_signal.</para>
/// </summary>
internal abstract class EpropRecurrentAdaptiveGroup : EpropRecurrentGroup
{
    private readonly FamilyColumns _c;

    /// <summary>The adaptive threshold's columns.</summary>
    protected AdaptiveThreshold Threshold { get; }

    protected EpropRecurrentAdaptiveGroup(NodeModel model, int firstId, int count, NeuronSchema schema, FamilyColumns columns, AdaptiveThreshold threshold,
        EpropPscDeltaColumns? hardReset)
        : base(model, firstId, count, schema, columns, hardReset)
    {
        _c = columns;
        Threshold = threshold;
    }

    /// <summary>NEST's State_::set: a new adaptation sets the adaptive threshold from the (new) V_th and adapt_beta.</summary>
    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var commit = base.Stage(local, values, context);
        if (!values.ContainsKey("adaptation")) return commit;
        int position = PositionOf(local);
        return () =>
        {
            commit();
            this[Threshold.VThAdapt][position] = this[_c.VTh][position] + this[Threshold.Beta][position] * this[Threshold.A][position];
        };
    }

    protected override void PrepareModel(SimulationContext context)
    {
        if (PAdapt.Length != Count)
        {
            PAdapt = new double[Count];
            Beta = new double[Count];
        }
        double[] tau = this[Threshold.Tau], beta = this[Threshold.Beta];
        for (int i = 0; i < Count; i++)
        {
            PAdapt[i] = Math.Exp(-Resolution / tau[i]);
            Beta[i] = beta[i];
        }
        PrepareAdaptiveModel(context);
    }

    /// <summary>The model's own propagators (after the family's and P_a).</summary>
    protected virtual void PrepareAdaptiveModel(SimulationContext context) { }

    /// <summary>The adaptive threshold of the chunk's steps (the columns of <see cref="Threshold"/> and P_a).</summary>
    protected AdaptingThreshold Adapting => new(this[_c.VTh], this[Threshold.A], this[Threshold.VThAdapt], this[Threshold.Beta], PAdapt);

    /// <summary>a ← P_a a + z (the previous step's spike), V_th_adapt = V_th + adapt_beta a; the spike threshold is V_th_adapt.</summary>
    protected readonly struct AdaptingThreshold(double[] vTh, double[] a, double[] vThAdapt, double[] beta, double[] pAdapt) : ISpikeThreshold
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Adapt(int i, double zPrevious)
        {
            a[i] = pAdapt[i] * a[i] + zPrevious;
            vThAdapt[i] = vTh[i] + beta[i] * a[i];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double At(int i) => vThAdapt[i];
    }
}
