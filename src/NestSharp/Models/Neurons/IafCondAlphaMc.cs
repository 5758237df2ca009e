namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_cond_alpha_mc: multi-compartment leaky integrate-and-fire neuron with alpha-shaped synaptic conductances, three
/// compartments (soma s, proximal dendrite p, distal dendrite d) coupled by passive conductances (NEST's illustration of
/// multi-compartment models, deprecated there in favour of cm_default). For compartment X with potential V_X,
/// <code>
/// C_m,X dV_X/dt = -g_L,X (V_X - E_L,X) - g_ex,X (V_X - E_ex,X) - g_in,X (V_X - E_in,X) - I_conn,X + I_stim,X + I_e,X
/// I_conn,s = g_sp (V_s - V_p),   I_conn,p = g_sp (V_p - V_s) + g_pd (V_p - V_d),   I_conn,d = g_pd (V_d - V_p)
/// d(dg_Y,X)/dt = -dg_Y,X / tau_syn_Y,X,   dg_Y,X/dt = dg_Y,X - g_Y,X / tau_syn_Y,X          (Y = ex, in)
/// </code>
/// The soma's potential as the equations see it is min(V_s, V_th), and V_reset while refractory; while the neuron is
/// refractory no compartment's potential changes (NEST's right-hand side sets dV/dt = 0 for all three then). Each step h
/// is integrated with adaptive Runge-Kutta-Fehlberg 4(5) steps as NEST's GSL set-up does
/// (<see cref="Rkf45NeuronGroup{TConstants, TSystem}"/>, error control on the values with an absolute tolerance of
/// 1e-3), the inner step size carrying over from step to step. After the step, in this order: the spikes arriving in the
/// step add w · e/tau_syn_Y,X to dg_Y,X of their receptor's compartment (weights are taken as they are, so they should
/// be positive; an event of weight 1 gives a peak conductance of 1 nS at tau_syn); a refractory neuron counts down with
/// V_s held at V_reset, otherwise V_s &gt;= V_th is a spike: V_s = V_reset and the neuron is refractory for t_ref (the
/// dendrites are not reset); the current inputs of the step take effect from the next step. Every V_X starts at -70 mV
/// (NEST's default E_L), the conductances at 0.
/// <para>Status: V_th, V_reset (mV), t_ref (ms), g_sp, g_pd (nS, soma-proximal and proximal-distal couplings), and per
/// compartment in the sub-dictionaries "soma", "proximal" and "distal": V_m, E_L, E_ex, E_in (mV), C_m (pF), g_L (nS),
/// tau_syn_ex, tau_syn_in (ms), I_e (pA); archiving: tau_minus, tau_minus_triplet, tau_Ca (ms), beta_Ca, Ca.
/// Receptors: soma_exc 1, soma_inh 2, proximal_exc 3, proximal_inh 4, distal_exc 5, distal_inh 6 (spikes; conductances
/// in nS), soma_curr 7, proximal_curr 8, distal_curr 9 (currents, pA); receptor 0 takes nothing but multimeters.
/// Recordables: V_m.s, g_ex.s, g_in.s, V_m.p, g_ex.p, g_in.p, V_m.d, g_ex.d, g_in.d, t_ref_remaining (ms).</para>
/// <para>References: Meffin H, Burkitt AN, Grayden DB (2004) An analytical model for the large, fluctuating synaptic
/// conductance state typical of neocortical neurons in vivo. J Comput Neurosci 16:159-175. Bernander O, Douglas RJ,
/// Martin KAC, Koch C (1991) Synaptic background activity influences spatiotemporal integration in single pyramidal
/// cells. PNAS 88:11569-11573. NEST model documentation, iaf_cond_alpha_mc (NEST 3.10).</para>
/// </summary>
[NodeModelName("iaf_cond_alpha_mc")]
internal sealed class IafCondAlphaMc : Rkf45NeuronGroup<IafCondAlphaMc.Constants, IafCondAlphaMc.Dynamics>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column VTh = Declared.Parameter("V_th", -55.0, "mV");
    private static readonly Column VReset = Declared.Parameter("V_reset", -60.0, "mV");
    private static readonly Column TRef = Declared.Parameter("t_ref", 2.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
    private static readonly Column GSp = Declared.Parameter("g_sp", 2.5, "nS");
    private static readonly Column GPd = Declared.Parameter("g_pd", 1.0, "nS");

    private static readonly Compartment Soma = new("soma", "s", gL: 10.0, cm: 150.0);
    private static readonly Compartment Proximal = new("proximal", "p", gL: 5.0, cm: 75.0);
    private static readonly Compartment Distal = new("distal", "d", gL: 10.0, cm: 150.0);

    /// <summary>Refractory steps remaining (NEST's r_), recorded as t_ref_remaining in ms.</summary>
    private static readonly Column RefractorySteps = Declared.Internal("refractory_steps");

    /// <summary>The current inputs of the dendrites in the step (pA; the soma's is the base's, NEST's I_stim_[n]).</summary>
    private static readonly Column ProximalCurrent = Declared.Internal("proximal_current");
    private static readonly Column DistalCurrent = Declared.Internal("distal_current");

    static IafCondAlphaMc()
    {
        Soma.Declare(1, 7);
        Proximal.Declare(3, 8);
        Distal.Declare(5, 9);
        Declared.Recordable(RefractorySteps, "t_ref_remaining");
    }

    /// <summary>The index of t_ref_remaining among the recordables (after the three of each compartment).</summary>
    private const int RefractoryRecordable = 9;

    /// <summary>
    /// One compartment: its parameters and V_m in its sub-dictionary of the status, its conductances (recordable, not in
    /// the status), its excitatory, inhibitory and current inputs.
    /// </summary>
    private sealed class Compartment(string name, string suffix, double gL, double cm)
    {
        private const string Positive = "must be strictly positive";

        public readonly Column GL = Declared.Parameter(name + ".g_L", gL, "nS");
        public readonly Column EL = Declared.Parameter(name + ".E_L", -70.0, "mV");
        public readonly Column EEx = Declared.Parameter(name + ".E_ex", 0.0, "mV");
        public readonly Column EIn = Declared.Parameter(name + ".E_in", -85.0, "mV");
        public readonly Column Cm = Declared.Parameter(name + ".C_m", cm, "pF", Requirement.Positive($"capacitance ({name}) {Positive}"));
        public readonly Column TauSynEx = Declared.Parameter(name + ".tau_syn_ex", 0.5, "ms", Requirement.Positive($"all time constants ({name}) {Positive}"));
        public readonly Column TauSynIn = Declared.Parameter(name + ".tau_syn_in", 2.0, "ms", Requirement.Positive($"all time constants ({name}) {Positive}"));
        public readonly Column Ie = Declared.Parameter(name + ".I_e", 0.0, "pA");
        public readonly Column Vm = Declared.State(name + ".V_m", -70.0, "mV");

        public readonly Column DGEx = Declared.Internal(name + ".dg_ex");
        public readonly Column GEx = Declared.Internal(name + ".g_ex");
        public readonly Column DGIn = Declared.Internal(name + ".dg_in");
        public readonly Column GIn = Declared.Internal(name + ".g_in");

        public readonly InputChannel Exc = Declared.Input(name + "_exc");
        public readonly InputChannel Inh = Declared.Input(name + "_inh");
        public readonly InputChannel Curr = Declared.Input(name + "_curr");

        /// <summary>Its receptors (excitatory at <paramref name="spikeReceptor"/>, inhibitory at the next) and recordables.</summary>
        public void Declare(int spikeReceptor, int currentReceptor)
        {
            Declared.SpikeReceptor(spikeReceptor, Exc, name + "_exc");
            Declared.SpikeReceptor(spikeReceptor + 1, Inh, name + "_inh");
            Declared.CurrentReceptor(currentReceptor, Curr, name + "_curr");
            Declared.Recordable(Vm, "V_m." + suffix);
            Declared.Recordable(GEx, "g_ex." + suffix);
            Declared.Recordable(GIn, "g_in." + suffix);
        }

        /// <summary>The compartment's constants of node <paramref name="i"/>'s row.</summary>
        public CompartmentConstants ConstantsOf(Func<Column, double[]> column, int i) => new()
        {
            GL = column(GL)[i], EL = column(EL)[i], EEx = column(EEx)[i], EIn = column(EIn)[i], Cm = column(Cm)[i],
            TauSynEx = column(TauSynEx)[i], TauSynIn = column(TauSynIn)[i], Ie = column(Ie)[i],
        };
    }

    /// <summary>Positions in the integrated state vector: compartment c's V_m, dg_ex, g_ex, dg_in, g_in at 5c + 0..4 (NEST's order).</summary>
    private const int V = 0, DGEx = 1, GEx = 2, DGIn = 3, GIn = 4, PerCompartment = 5;

    private const int S = 0, P = PerCompartment, D = 2 * PerCompartment;

    /// <summary>The parameters of one compartment as the dynamics read them.</summary>
    internal struct CompartmentConstants
    {
        public double GL, EL, EEx, EIn, Cm, TauSynEx, TauSynIn, Ie;

        /// <summary>
        /// The compartment's five derivatives at <paramref name="at"/>, its potential taken as <paramref name="v"/>, with
        /// the coupling current <paramref name="iConn"/> and the current input <paramref name="iStim"/>.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public readonly void Derivatives(ReadOnlySpan<double> y, Span<double> f, int at, double v, double iConn, double iStim, bool refractory)
        {
            double iSynEx = y[at + GEx] * (v - EEx);
            double iSynIn = y[at + GIn] * (v - EIn);
            double iLeak = GL * (v - EL);
            f[at + V] = refractory ? 0.0 : (-iLeak - iSynEx - iSynIn - iConn + iStim + Ie) / Cm;
            SynapticKernel.Derivatives(y, f, at + DGEx, at + GEx, TauSynEx, TauSynEx);
            SynapticKernel.Derivatives(y, f, at + DGIn, at + GIn, TauSynIn, TauSynIn);
        }
    }

    /// <summary>The right-hand side of the fifteen state equations, for one node's parameters and current inputs.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => 3 * PerCompartment;

        public CompartmentConstants Soma, Proximal, Distal;
        public double GSp, GPd, VTh, VReset;

        /// <summary>The soma's current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        /// <summary>The dendrites' current inputs of this step (pA).</summary>
        public double IStimProximal, IStimDistal;

        /// <summary>Whether the neuron is refractory in this step.</summary>
        public bool Refractory;

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double vS = Refractory ? VReset : Math.Min(y[S + V], VTh);
            Soma.Derivatives(y, f, S, vS, GSp * (vS - y[P + V]), IStim, Refractory);
            double vP = y[P + V];
            Proximal.Derivatives(y, f, P, vP, GSp * (vP - y[S + V]) + GPd * (vP - y[D + V]), IStimProximal, Refractory);
            double vD = y[D + V];
            Distal.Derivatives(y, f, D, vD, GPd * (vD - y[P + V]), IStimDistal, Refractory);
        }
    }

    /// <summary>The constants of a parameter row: the dynamics, the jumps of dg per unit weight (e/tau_syn) and t_ref in steps.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public double JumpExS, JumpInS, JumpExP, JumpInP, JumpExD, JumpInD;
        public double VTh, VReset;
        public long RefractorySteps;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => Control;
    }

    /// <summary>NEST's error control of this model: gsl_odeiv_control_y_new(1e-3, 0).</summary>
    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    public IafCondAlphaMc(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Soma.Curr)
    {
        IntegratedState =
        [
            this[Soma.Vm], this[Soma.DGEx], this[Soma.GEx], this[Soma.DGIn], this[Soma.GIn],
            this[Proximal.Vm], this[Proximal.DGEx], this[Proximal.GEx], this[Proximal.DGIn], this[Proximal.GIn],
            this[Distal.Vm], this[Distal.DGEx], this[Distal.GEx], this[Distal.DGIn], this[Distal.GIn],
        ];
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row)
    {
        row.Require(row[VReset] < row[VTh], VReset, $"reset potential must be smaller than threshold (V_th = {row[VTh]})");
    }

    /// <summary>t_ref_remaining is the remaining refractory steps in ms.</summary>
    public override double ReadRecordable(int index, int position) =>
        index == RefractoryRecordable ? Resolution * this[RefractorySteps][position] : base.ReadRecordable(index, position);

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.StepToMs(1));
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            Func<Column, double[]> column = c => this[c];
            var dynamics = new Dynamics
            {
                Soma = Soma.ConstantsOf(column, i), Proximal = Proximal.ConstantsOf(column, i), Distal = Distal.ConstantsOf(column, i),
                GSp = this[GSp][i], GPd = this[GPd][i], VTh = this[VTh][i], VReset = this[VReset][i],
            };
            return new Constants
            {
                Dynamics = dynamics,
                JumpExS = Math.E / dynamics.Soma.TauSynEx, JumpInS = Math.E / dynamics.Soma.TauSynIn,
                JumpExP = Math.E / dynamics.Proximal.TauSynEx, JumpInP = Math.E / dynamics.Proximal.TauSynIn,
                JumpExD = Math.E / dynamics.Distal.TauSynEx, JumpInD = Math.E / dynamics.Distal.TauSynIn,
                VTh = this[VTh][i], VReset = this[VReset][i],
                RefractorySteps = time.MsToStepsCeil(this[TRef][i]),
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>Around the integration of a node over a step: the refractory flag and the dendrites' currents; then spikes in, refractoriness and spikes out, the next currents.</summary>
    private readonly struct Bookkeeping(IafCondAlphaMc group, SpikeBuffer spikes) : IGridStepBookkeeping<Constants, Dynamics>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Begin(int node, in Constants constants, ref Dynamics system)
        {
            system.Refractory = group[RefractorySteps][node] > 0;
            system.IStimProximal = group[ProximalCurrent][node];
            system.IStimDistal = group[DistalCurrent][node];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            y[S + DGEx] += step.Input(Soma.Exc, node) * constants.JumpExS;
            y[S + DGIn] += step.Input(Soma.Inh, node) * constants.JumpInS;
            y[P + DGEx] += step.Input(Proximal.Exc, node) * constants.JumpExP;
            y[P + DGIn] += step.Input(Proximal.Inh, node) * constants.JumpInP;
            y[D + DGEx] += step.Input(Distal.Exc, node) * constants.JumpExD;
            y[D + DGIn] += step.Input(Distal.Inh, node) * constants.JumpInD;

            ref double refractory = ref group[RefractorySteps][node];
            if (refractory > 0)
            {
                refractory--;
                y[S + V] = constants.VReset;
            }
            else if (y[S + V] >= constants.VTh)
            {
                refractory = constants.RefractorySteps;
                y[S + V] = constants.VReset;
                spikes.Add(step.Lag, group.IdOf(node));
            }

            group[ProximalCurrent][node] = step.Input(Proximal.Curr, node);
            group[DistalCurrent][node] = step.Input(Distal.Curr, node);
        }
    }
}
