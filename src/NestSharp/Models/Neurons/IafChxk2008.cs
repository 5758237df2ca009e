namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_chxk_2008: conductance-based leaky integrate-and-fire neuron with alpha-shaped synaptic conductances and an
/// after-hyperpolarisation (AHP) conductance, with spike times interpolated within the step (Casti et al. 2008).
/// <code>
/// C_m dV/dt = -g_L (V - E_L) - g_ex (V - E_ex) - g_in (V - E_in) - g_ahp (V - E_ahp) + I_stim + I_e
/// dg'_X/dt = -g'_X / tau_X,   dg_X/dt = g'_X - g_X / tau_X   (X = ex, in with tau_syn_X; ahp with tau_ahp)
/// </code>
/// No reset and no refractoriness: the neuron spikes when V_m crosses V_th from below within a step. Each step h is
/// integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>,
/// error control on the values with an absolute tolerance of 1e-3). After the step, in this order: when V_m was below
/// V_th at the step's start and is at or above it at its end, the spike time is interpolated linearly, dt = h (V - V_th)
/// / (V - V_prev) before the step's end; the AHP conductance's alpha function started then is added as it stands at the
/// step's end (g'_ahp += g_ahp·e/tau_ahp·exp(-dt/tau_ahp), g_ahp += that·dt; with ahp_bug, as in Casti's original code,
/// both are replaced instead), and the spike leaves with dt as its offset (off-grid spiking); then spikes arriving in
/// the step add weight·e/tau_syn_ex to g'_ex (positive weights) or |weight|·e/tau_syn_in to g'_in, so that a weight of
/// 1 gives a conductance peaking at 1 nS; a current input takes effect from the next step.
/// <para>Parameters (units): V_th, E_L, E_ex, E_in, E_ahp (mV), g_L, g_ahp (nS), C_m (pF), tau_syn_ex, tau_syn_in,
/// tau_ahp (ms), I_e (pA), ahp_bug (boolean). State: V_m (mV). Recordables: V_m, g_ex, g_in, g_ahp (nS), I_syn_ex,
/// I_syn_in, I_ahp (pA, g·(V - E) of each conductance).</para>
/// <para>References: Casti A, Hayot F, Xiao Y, Kaplan E (2008) A simple model of retina-LGN transmission. J Comput
/// Neurosci 24:235-252. NEST model documentation, iaf_chxk_2008 (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_chxk_2008")]
internal sealed class IafChxk2008 : Rkf45NeuronGroup<IafChxk2008.Dynamics, IafChxk2008.Dynamics>
{
    private const string AllTimeConstantsPositive = "All time constants must be strictly positive";

    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column VTh = Declared.Parameter("V_th", -45.0, "mV");
    private static readonly Column GL = Declared.Parameter("g_L", 100.0, "nS");
    private static readonly Column Cm = Declared.Parameter("C_m", 1000.0, "pF", Requirement.Positive("Capacitance must be strictly positive"));
    private static readonly Column EEx = Declared.Parameter("E_ex", 20.0, "mV");
    private static readonly Column EIn = Declared.Parameter("E_in", -90.0, "mV");
    private static readonly Column EL = Declared.Parameter("E_L", -60.0, "mV");
    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 1.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 1.0, "ms", Requirement.Positive(AllTimeConstantsPositive));
    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column TauAhp = Declared.Parameter("tau_ahp", 0.5, "ms", Requirement.Positive(AllTimeConstantsPositive));
    private static readonly Column EAhp = Declared.Parameter("E_ahp", -95.0, "mV");
    private static readonly Column GAhp = Declared.Parameter("g_ahp", 443.8, "nS");
    private static readonly Column AhpBug = Declared.Flag("ahp_bug", false);

    private static readonly Column Vm = Declared.State("V_m", -60.0, "mV");

    // the conductances and their derivatives: integrated, recordable, not in the status (as in NEST)
    private static readonly Column DgEx = Declared.Internal("dg_ex");
    private static readonly Column GEx = Declared.Internal("g_ex");
    private static readonly Column DgIn = Declared.Internal("dg_in");
    private static readonly Column GIn = Declared.Internal("g_in");
    private static readonly Column DgAhp = Declared.Internal("dg_ahp");
    private static readonly Column GAhpState = Declared.Internal("g_ahp_state");

    private static readonly InputChannel SpikesEx = Declared.Input("spikes_ex");
    private static readonly InputChannel SpikesIn = Declared.Input("spikes_in");
    private static readonly InputChannel Currents = Declared.Input("currents");

    /// <summary>The recordable indices of the currents computed when sampled.</summary>
    private const int ISynExIndex = 4, ISynInIndex = 5, IAhpIndex = 6;

    static IafChxk2008()
    {
        Declared.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroInhibitory);
        Declared.CurrentReceptor(0, Currents);
        Declared.Recordable(Vm);
        Declared.Recordable(GEx);
        Declared.Recordable(GIn);
        Declared.Recordable(GAhpState, "g_ahp");
        Declared.ComputedRecordable("I_syn_ex");
        Declared.ComputedRecordable("I_syn_in");
        Declared.ComputedRecordable("I_ahp");
    }

    /// <summary>Positions in the integrated state vector (NEST's order).</summary>
    private const int YV = 0, YDgEx = 1, YGEx = 2, YDgIn = 3, YGIn = 4, YDgAhp = 5, YGAhp = 6;

    /// <summary>The right-hand side for one node's parameters and current input; also the constants of a parameter row.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem, IRkf45Row<Dynamics, Dynamics>
    {
        public static int Dimension => 7;

        public double VTh, GL, Cm, EEx, EIn, EL, TauSynEx, TauSynIn, Ie, TauAhp, EAhp;
        public bool AhpBug;

        /// <summary>The jumps of g'_ex and g'_in per unit weight and of g'_ahp per spike (NEST's PSConInit_*).</summary>
        public double PsConInitEx, PsConInitIn, PsConInitAhp;

        /// <summary>The current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public static ref readonly Dynamics SystemOf(in Dynamics row) => ref row;

        public static ErrorControl ControlOf(in Dynamics row) => IafCondMembrane.Control;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double iSynEx = y[YGEx] * (y[YV] - EEx);
            double iSynIn = y[YGIn] * (y[YV] - EIn);
            double iAhp = y[YGAhp] * (y[YV] - EAhp);
            double iLeak = GL * (y[YV] - EL);
            f[YV] = (-iLeak - iSynEx - iSynIn - iAhp + IStim + Ie) / Cm;
            f[YDgEx] = -y[YDgEx] / TauSynEx;
            f[YGEx] = y[YDgEx] - (y[YGEx] / TauSynEx);
            f[YDgIn] = -y[YDgIn] / TauSynIn;
            f[YGIn] = y[YDgIn] - (y[YGIn] / TauSynIn);
            f[YDgAhp] = -y[YDgAhp] / TauAhp;
            f[YGAhp] = y[YDgAhp] - (y[YGAhp] / TauAhp);
        }
    }

    private double _h;

    public IafChxk2008(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Currents)
    {
        IntegratedState = [this[Vm], this[DgEx], this[GEx], this[DgIn], this[GIn], this[DgAhp], this[GAhpState]];
        ArchivesStampsOnly = true; // NEST archives the step's end, not the offset's time
    }

    public override bool SupportsCheckpoint => true;

    /// <summary>NEST's is_off_grid: spikes leave with their interpolated time within the step.</summary>
    public override bool SendsOffGridSpikes => true;

    protected override double ReadComputedRecordable(int index, int position)
    {
        double v = this[Vm][position];
        return index switch
        {
            ISynExIndex => this[GEx][position] * (v - this[EEx][position]),
            ISynInIndex => this[GIn][position] * (v - this[EIn][position]),
            IAhpIndex => this[GAhpState][position] * (v - this[EAhp][position]),
            _ => base.ReadComputedRecordable(index, position),
        };
    }

    public override void Prepare(SimulationContext context)
    {
        _h = context.Time.StepToMs(1);
        PrepareIntegration(context, _h);
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Dynamics
        {
            VTh = this[VTh][i],
            GL = this[GL][i],
            Cm = this[Cm][i],
            EEx = this[EEx][i],
            EIn = this[EIn][i],
            EL = this[EL][i],
            TauSynEx = this[TauSynEx][i],
            TauSynIn = this[TauSynIn][i],
            Ie = this[Ie][i],
            TauAhp = this[TauAhp][i],
            EAhp = this[EAhp][i],
            AhpBug = this[AhpBug][i] != 0.0,
            PsConInitEx = 1.0 * Math.E / this[TauSynEx][i],
            PsConInitIn = 1.0 * Math.E / this[TauSynIn][i],
            PsConInitAhp = this[GAhp][i] * Math.E / this[TauAhp][i],
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>After the integration of a node over a step: the threshold crossing and its AHP, then the spikes in.</summary>
    private readonly struct Bookkeeping(IafChxk2008 group, SpikeBuffer spikes) : IGridStepBookkeeping<Dynamics, Dynamics>
    {
        public void Begin(int node, in Dynamics constants, ref Dynamics system) { }

        public void End(int node, in Dynamics c, Span<double> y, in GridStep step)
        {
            // the node's column still holds V_m at the step's start
            double vmPrev = group[Vm][node];
            if (vmPrev < c.VTh && y[YV] >= c.VTh)
            {
                double dt = group._h * (y[YV] - c.VTh) / (y[YV] - vmPrev);
                double deltaDg = c.PsConInitAhp * Math.Exp(-dt / c.TauAhp);
                double deltaG = deltaDg * dt;
                if (c.AhpBug)
                {
                    y[YGAhp] = deltaG;
                    y[YDgAhp] = deltaDg;
                }
                else
                {
                    y[YGAhp] += deltaG;
                    y[YDgAhp] += deltaDg;
                }
                spikes.Add(step.Lag, group.IdOf(node), 1, 1.0, dt);
            }
            y[YDgEx] += step.Input(SpikesEx, node) * c.PsConInitEx;
            y[YDgIn] += -step.Input(SpikesIn, node) * c.PsConInitIn;
        }
    }
}
