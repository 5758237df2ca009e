namespace NestSharp.Models.Neurons;

/// <summary>
/// What iaf_cond_alpha and iaf_cond_beta share: the membrane of <see cref="IafCondMembrane"/> with two second-order
/// synaptic conductances, integrated over each step with adaptive Runge-Kutta-Fehlberg 4(5) steps.
/// <code>
/// C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) + I_stim + I_e
/// d(dg_X)/dt = -dg_X / tau_decay_X,   dg_X/dt = dg_X - g_X / tau_rise_X          (X = ex, in)
/// </code>
/// iaf_cond_alpha is the case tau_rise_X = tau_decay_X = tau_syn_X (the same arithmetic). A spike of weight w adds
/// w · <see cref="BetaNormalization.Factor"/>(tau_rise_X, tau_decay_X) to dg_X (e/tau_syn_X for the alpha function),
/// so that g_X peaks at w. After each step, in this order: refractoriness and threshold
/// (<see cref="IafCondMembrane.RefractoryOrThreshold"/>), then the spikes of the step (positive weights to dg_ex, the
/// magnitude of the others to dg_in); a current input takes effect from the next step.
/// A model declares itself with a <see cref="Declaration"/>: the names and defaults of its time constants (one per
/// conductance for the alpha function, a rise and a decay for the beta function).
/// </summary>
internal abstract class BetaConductanceGroup : Rkf45NeuronGroup<BetaConductanceGroup.Constants, BetaConductanceGroup.Dynamics>
{
    /// <summary>A synaptic time constant parameter of a model: its name and default (ms).</summary>
    protected readonly record struct TimeConstant(string Name, double Default);

    /// <summary>
    /// A model's declarations, in this order: its schema, the membrane (<see cref="IafCondMembrane"/>), the synaptic
    /// time constants, g_ex, dg_ex, g_in, dg_in, the inputs, receptor 0 and the recordables V_m, g_ex, g_in,
    /// t_ref_remaining.
    /// </summary>
    protected sealed class Declaration
    {
        public readonly NeuronSchema Schema = NeuronSchema.ForNeuron();
        public readonly IafCondMembrane Membrane;
        /// <summary>The alpha function's time constants (tau_syn_ex, tau_syn_in), or null for beta-shaped conductances.</summary>
        public readonly Column? TauSynEx, TauSynIn;

        /// <summary>The beta function's rise and decay time constants, or null for alpha-shaped conductances.</summary>
        public readonly Column? TauRiseEx, TauDecayEx, TauRiseIn, TauDecayIn;
        public readonly Column GEx, DGEx, GIn, DGIn;
        public readonly InputChannel SpikesEx, SpikesIn, Currents;

        /// <summary>Alpha-shaped conductances: one time constant each, <paramref name="ex"/> and <paramref name="inhibitory"/>, for rise and decay.</summary>
        public Declaration(TimeConstant ex, TimeConstant inhibitory) : this(ex, null, inhibitory, null) { }

        /// <summary>Beta-shaped conductances: a rise and a decay time constant each.</summary>
        public Declaration(TimeConstant riseEx, TimeConstant decayEx, TimeConstant riseIn, TimeConstant decayIn)
            : this(riseEx, (TimeConstant?)decayEx, riseIn, decayIn) { }

        private Declaration(TimeConstant riseEx, TimeConstant? decayEx, TimeConstant riseIn, TimeConstant? decayIn)
        {
            Membrane = new(Schema);
            if (decayEx is { } dEx && decayIn is { } dIn)
            {
                TauRiseEx = TimeConstantParameter(riseEx);
                TauDecayEx = TimeConstantParameter(dEx);
                TauRiseIn = TimeConstantParameter(riseIn);
                TauDecayIn = TimeConstantParameter(dIn);
            }
            else
            {
                TauSynEx = TimeConstantParameter(riseEx);
                TauSynIn = TimeConstantParameter(riseIn);
            }
            GEx = Schema.State("g_ex", 0.0, "nS");
            DGEx = Schema.State("dg_ex", 0.0, "nS/ms");
            GIn = Schema.State("g_in", 0.0, "nS");
            DGIn = Schema.State("dg_in", 0.0, "nS/ms");
            SpikesEx = Schema.Input("spikes_ex");
            SpikesIn = Schema.Input("spikes_in");
            Currents = Schema.Input("currents");
            Schema.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroInhibitory);
            Schema.CurrentReceptor(0, Currents);
            Schema.Recordable(Membrane.Vm);
            Schema.Recordable(GEx);
            Schema.Recordable(GIn);
            Schema.Recordable(Membrane.RefractorySteps, "t_ref_remaining");
        }

        /// <summary>The rise and decay time constants of the excitatory and inhibitory conductances (one each for the alpha function).</summary>
        public (Column RiseEx, Column DecayEx, Column RiseIn, Column DecayIn) TimeConstants =>
            TauSynEx is { } ex && TauSynIn is { } inhibitory
                ? (ex, ex, inhibitory, inhibitory)
                : (TauRiseEx!.Value, TauDecayEx!.Value, TauRiseIn!.Value, TauDecayIn!.Value);

        private Column TimeConstantParameter(TimeConstant tau) =>
            Schema.Parameter(tau.Name, tau.Default, "ms", Requirement.Positive(IafCondMembrane.AllTimeConstantsPositive));
    }

    /// <summary>The index of t_ref_remaining among the recordables.</summary>
    private const int RefractoryRecordable = 3;

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YDGEx = 1, YGEx = 2, YDGIn = 3, YGIn = 4;

    /// <summary>The right-hand side for one node's parameters, its current input and whether it is refractory.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => 5;

        public IafCondMembrane.Constants Membrane;
        public double TauRiseEx, TauDecayEx, TauRiseIn, TauDecayIn;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            var (iSynEx, iSynIn, iLeak) = Membrane.Currents(y[YV], Refractory, y[YGEx], y[YGIn]);
            f[YV] = Refractory ? 0.0 : (-iLeak - iSynEx - iSynIn + IStim + Membrane.Ie) / Membrane.Cm;
            SynapticKernel.Derivatives(y, f, YDGEx, YGEx, TauDecayEx, TauRiseEx);
            SynapticKernel.Derivatives(y, f, YDGIn, YGIn, TauDecayIn, TauRiseIn);
        }
    }

    /// <summary>The right-hand side of four nodes, one per SIMD lane, each lane computing what <see cref="Dynamics"/> does.</summary>
    internal struct LaneDynamics : ILaneOdeSystem<Dynamics>
    {
        /// <summary>The membrane's constants of the lanes and which lanes are refractory.</summary>
        public IafCondMembrane.LaneConstants Membrane;

        private Vector256<double> _tauRiseEx, _tauDecayEx, _tauRiseIn, _tauDecayIn, _iStim;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void LoadShared(in Dynamics system, Vector256<double> iStim)
        {
            Membrane = new(system.Membrane);
            _tauRiseEx = Vector256.Create(system.TauRiseEx);
            _tauDecayEx = Vector256.Create(system.TauDecayEx);
            _tauRiseIn = Vector256.Create(system.TauRiseIn);
            _tauDecayIn = Vector256.Create(system.TauDecayIn);
            _iStim = iStim;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Load(in Dynamics lane0, in Dynamics lane1, in Dynamics lane2, in Dynamics lane3)
        {
            Membrane = new(lane0.Membrane, lane0.Refractory, lane1.Membrane, lane1.Refractory, lane2.Membrane, lane2.Refractory,
                lane3.Membrane, lane3.Refractory);
            _tauRiseEx = Vector256.Create(lane0.TauRiseEx, lane1.TauRiseEx, lane2.TauRiseEx, lane3.TauRiseEx);
            _tauDecayEx = Vector256.Create(lane0.TauDecayEx, lane1.TauDecayEx, lane2.TauDecayEx, lane3.TauDecayEx);
            _tauRiseIn = Vector256.Create(lane0.TauRiseIn, lane1.TauRiseIn, lane2.TauRiseIn, lane3.TauRiseIn);
            _tauDecayIn = Vector256.Create(lane0.TauDecayIn, lane1.TauDecayIn, lane2.TauDecayIn, lane3.TauDecayIn);
            _iStim = Vector256.Create(lane0.IStim, lane1.IStim, lane2.IStim, lane3.IStim);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(Vector256<double> t, ReadOnlySpan<Vector256<double>> y, Span<Vector256<double>> f, int lanes)
        {
            var (iSynEx, iSynIn, iLeak) = Membrane.Currents(y[YV], y[YGEx], y[YGIn]);
            f[YV] = Membrane.UnlessRefractory((Lanes.Negate(iLeak) - iSynEx - iSynIn + _iStim + Membrane.Ie) / Membrane.Cm);
            SynapticKernel.Derivatives(y, f, YDGEx, YGEx, _tauDecayEx, _tauRiseEx);
            SynapticKernel.Derivatives(y, f, YDGIn, YGIn, _tauDecayIn, _tauRiseIn);
        }
    }

    /// <summary>The dynamics of a parameter row and the jumps of dg_ex and dg_in per unit weight.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public double JumpEx, JumpIn;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => IafCondMembrane.Control;
    }

    private readonly Declaration _declared;
    private readonly IafCondMembrane _membrane;

    protected BetaConductanceGroup(NodeModel model, int firstId, int count, Declaration declared)
        : base(model, firstId, count, declared.Schema, declared.Currents)
    {
        _declared = declared;
        _membrane = declared.Membrane;
        IntegratedState = [this[_membrane.Vm], this[declared.DGEx], this[declared.GEx], this[declared.DGIn], this[declared.GIn]];
    }

    public sealed override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => _membrane.Validate(row);

    /// <summary>t_ref_remaining is the remaining refractory steps in ms.</summary>
    public override double ReadRecordable(int index, int position) =>
        index == RefractoryRecordable ? Resolution * this[_membrane.RefractorySteps][position] : base.ReadRecordable(index, position);

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        var (tauRiseEx, tauDecayEx, tauRiseIn, tauDecayIn) = _declared.TimeConstants;
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double riseEx = this[tauRiseEx][i], decayEx = this[tauDecayEx][i];
            double riseIn = this[tauRiseIn][i], decayIn = this[tauDecayIn][i];
            return new Constants
            {
                Dynamics = new Dynamics
                {
                    Membrane = _membrane.ConstantsOf(Columns, i, time),
                    TauRiseEx = riseEx,
                    TauDecayEx = decayEx,
                    TauRiseIn = riseIn,
                    TauDecayIn = decayIn,
                },
                JumpEx = BetaNormalization.Factor(riseEx, decayEx),
                JumpIn = BetaNormalization.Factor(riseIn, decayIn),
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        IntegrateInLanes<Bookkeeping, LaneDynamics>(new Bookkeeping(this, this[_membrane.RefractorySteps], _declared.SpikesEx, _declared.SpikesIn, context.SpikesOfVp[thread]),
            context, thread, sliceStart, from, to);

    /// <summary>Around the integration of a node over a step: the input and refractoriness, then spikes out and in.</summary>
    private readonly struct Bookkeeping(BetaConductanceGroup group, double[] refractorySteps, InputChannel spikesEx,
        InputChannel spikesIn, SpikeBuffer spikes) : ILaneBookkeeping<Constants, Dynamics, LaneDynamics>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void BeginLanes(int first, in Constants constants, ref LaneDynamics lanes) =>
            lanes.Membrane.Refractory = IafCondMembrane.LaneConstants.RefractoryOf(refractorySteps, first);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Begin(int node, in Constants constants, ref Dynamics system) => system.Refractory = refractorySteps[node] > 0;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void EndLanes(int first, in Constants constants, Span<Vector256<double>> y, in GridStep step)
        {
            IafCondMembrane.RefractoryOrThresholdLanes(constants.Dynamics.Membrane, refractorySteps, first, ref y[YV], group, spikes, step.Lag);
            y[YDGEx] += step.Inputs(spikesEx, first) * Vector256.Create(constants.JumpEx);
            y[YDGIn] += Lanes.Negate(step.Inputs(spikesIn, first)) * Vector256.Create(constants.JumpIn);
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            if (IafCondMembrane.RefractoryOrThreshold(constants.Dynamics.Membrane, ref refractorySteps[node], ref y[YV]))
                spikes.Add(step.Lag, group.IdOf(node));
            y[YDGEx] += step.Input(spikesEx, node) * constants.JumpEx;
            y[YDGIn] += -step.Input(spikesIn, node) * constants.JumpIn;
        }
    }
}
