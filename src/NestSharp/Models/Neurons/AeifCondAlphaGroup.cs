namespace NestSharp.Models.Neurons;

/// <summary>
/// What aeif_cond_alpha and aeif_cond_alpha_astro (aeif_cond_alpha with the slow inward current I_SIC of astrocytes)
/// share: their declarations (<see cref="AeifMembrane"/>, <see cref="AeifConductances"/>, dg_ex, dg_in,
/// <see cref="AeifInputs"/>, the recordables), the six state equations and the system of a parameter row. With
/// <typeparamref name="TSlowCurrent"/> taking the slow current, the model also declares I_SIC (recordable, not in the
/// status: NEST's I_sic_) and its input sic_currents, and I_SIC is added to the currents of dV/dt after I_stim. Each
/// closed type has its own schema (a generic class's static fields are per closed type), so each model its own.
/// </summary>
internal abstract class AeifCondAlphaGroup<TSlowCurrent> : AeifNeuronGroup<AeifCondAlphaGroup<TSlowCurrent>.Dynamics>
    where TSlowCurrent : struct, ISlowInwardCurrent
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly AeifMembrane Membrane = new(Declared, peakCheckedFirst: false);

    // E_ex, E_in, tau_syn_ex, tau_syn_in, g_ex, g_in
    private static readonly AeifConductances Synapses = new(Declared);
    private static readonly Column DgEx = Declared.State("dg_ex", 0.0, "nS/ms");
    private static readonly Column DgIn = Declared.State("dg_in", 0.0, "nS/ms");

    // spikes_ex, spikes_in and the current input, receptor 0
    private static readonly AeifInputs Inputs = new(Declared);

    /// <summary>With the slow current: its column, the current of the step (pA); else none.</summary>
    private static readonly Column? ISic;

    /// <summary>With the slow current: its input, sic_currents; else none.</summary>
    protected static readonly InputChannel? SicCurrents;

    static AeifCondAlphaGroup()
    {
        if (TSlowCurrent.Taken)
        {
            ISic = Declared.Internal("I_SIC");
            SicCurrents = Declared.Input("sic_currents");
        }
        Declared.Recordable(Membrane.Vm, Synapses.GEx, Synapses.GIn, Membrane.W);
        if (ISic is { } column) Declared.Recordable(column);
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YDgEx = 1, YGEx = 2, YDgIn = 3, YGIn = 4, YW = 5, StateSize = 6;

    /// <summary>The right-hand side of the six state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IAeifSystem<Dynamics>
    {
        public static int Dimension => StateSize;

        public AeifMembrane.Constants Membrane;
        public double EEx, EIn, TauSynEx, TauSynIn;

        /// <summary>The jump of dg_ex and dg_in per nS of weight: e / tau_syn (1/ms).</summary>
        public double G0Ex, G0In;

        public double IStim { get; set; }

        /// <summary>The slow inward current of this step (pA), read only when the model takes it.</summary>
        public double ISic;

        public static void SetSlowCurrent(ref Dynamics system, double current) => system.ISic = current;

        public bool Refractory { get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double v = Membrane.EffectivePotential(y[YV], Refractory);
            double dgEx = y[YDgEx], gEx = y[YGEx], dgIn = y[YDgIn], gIn = y[YGIn], w = y[YW];
            double excitation = gEx * (v - EEx);
            double inhibition = gIn * (v - EIn);

            f[YV] = Refractory ? 0.0 : (TSlowCurrent.Taken
                ? Membrane.LeakAndSpikeCurrent(v) - excitation - inhibition - w + Membrane.Ie + IStim + ISic
                : Membrane.LeakAndSpikeCurrent(v) - excitation - inhibition - w + Membrane.Ie + IStim) / Membrane.Cm;
            f[YDgEx] = -dgEx / TauSynEx;
            f[YGEx] = dgEx - gEx / TauSynEx;
            f[YDgIn] = -dgIn / TauSynIn;
            f[YGIn] = dgIn - gIn / TauSynIn;
            f[YW] = Membrane.AdaptationDerivative(v, w);
        }

        public static void AddSpikes(in Dynamics system, Span<double> y, double excitatory, double inhibitory)
        {
            y[YDgEx] += excitatory * system.G0Ex;
            y[YDgIn] += -inhibitory * system.G0In;
        }
    }

    /// <param name="model">The node model the group is an instance of.</param>
    /// <param name="firstId">The node id of the group's first node.</param>
    /// <param name="count">The number of nodes.</param>
    protected AeifCondAlphaGroup(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Membrane, Inputs, ISic is { } column ? (column, SicCurrents!.Value) : null)
    {
        IntegratedState = [this[Membrane.Vm], this[DgEx], this[Synapses.GEx], this[DgIn], this[Synapses.GIn], this[Membrane.W]];
    }

    public override bool SupportsCheckpoint => true;

    protected override Dynamics SystemOf(int position) => new()
    {
        Membrane = Membrane.ConstantsOf(Columns, position),
        EEx = this[Synapses.EEx][position], EIn = this[Synapses.EIn][position], TauSynEx = this[Synapses.TauSynEx][position], TauSynIn = this[Synapses.TauSynIn][position],
        G0Ex = 1.0 * Math.E / this[Synapses.TauSynEx][position], G0In = 1.0 * Math.E / this[Synapses.TauSynIn][position],
    };
}

/// <summary>Whether an <see cref="AeifCondAlphaGroup{TSlowCurrent}"/> model takes the slow inward current I_SIC (a type argument).</summary>
internal interface ISlowInwardCurrent
{
    static abstract bool Taken { get; }
}

/// <summary>The model takes the slow inward current (aeif_cond_alpha_astro).</summary>
internal readonly struct SlowInwardCurrent : ISlowInwardCurrent
{
    public static bool Taken => true;
}

/// <summary>The model takes no slow inward current (aeif_cond_alpha).</summary>
internal readonly struct NoSlowInwardCurrent : ISlowInwardCurrent
{
    public static bool Taken => false;
}
