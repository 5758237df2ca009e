using NestSharp.Models.Synapses;

namespace NestSharp.Models.Neurons;

/// <summary>
/// pp_cond_exp_mc_urbanczik: two-compartment point-process neuron (soma s, dendrite p) with conductance-based somatic
/// and current-based dendritic synapses, the neuron of Urbanczik and Senn's dendritic prediction learning
/// (urbanczik_synapse). With U the somatic and V the dendritic potential,
/// <code>
/// C_m,s dU/dt = -g_L,s (U - E_L,s) - g_ex,s (U - E_ex,s) - g_in,s (U - E_in,s) + g_sp (V - U) + I_stim,s + I_e,s
/// C_m,p dV/dt = -g_L,p (V - E_L,p) + I_ex,p + I_in,p + g_ps (U - V)
/// dg_ex,s/dt = -g_ex,s / tau_syn_ex,s      dg_in,s/dt = -g_in,s / tau_syn_in,s
/// dI_ex,p/dt = -I_ex,p / tau_syn_ex,p      dI_in,p/dt = -I_in,p / tau_syn_in,p
/// </code>
/// Spikes are a point process with rate phi(U) = phi_max / (1 + rate_slope·exp(beta·(theta - U))) (phi in 1/ms); the
/// potential is not reset after a spike. Each step h is integrated with adaptive embedded Runge-Kutta-Fehlberg 4(5)
/// steps (<see cref="Rkf45Integrator"/>, error control on the values with eps_abs = 1e-3 and eps_rel = 0, as NEST's GSL
/// set-up); the inner step size carries over from step to step. After the integration, in this order: the spikes
/// arriving in the step are added (soma_exc to g_ex,s, soma_inh to g_in,s, dendritic_exc to I_ex,p, and dendritic_inh
/// subtracted from I_in,p, so I_in,p is negative); a neuron that is not refractory fires with probability
/// 1 - exp(-phi(U)·h) (t_ref &gt; 0; then it is refractory for t_ref) or a Poisson number of spikes with mean phi(U)·h
/// (t_ref = 0), drawn from the neuron's own keyed random stream (the same for any number of threads); the step's
/// dendritic potential and spike count go to the neuron's <see cref="UrbanczikHistory"/>; the current input of the
/// step takes effect from the next step.
/// <para>As in NEST 3.10, the dendrite's E_ex, E_in and I_e are status entries without effect, and current input to
/// the dendrite (dendritic_curr) is accepted but does not enter its equation.</para>
/// <para>Status: t_ref (ms), g_sp, g_ps (nS, soma-dendrite couplings), phi_max (1/ms), rate_slope, beta (1/mV),
/// theta (mV), and per compartment in the sub-dictionaries "soma" and "dendritic": V_m, E_L, E_ex, E_in (mV), C_m (pF),
/// g_L (nS), tau_syn_ex, tau_syn_in (ms), I_e (pA); archiving: tau_minus, tau_minus_triplet, tau_Ca (ms), beta_Ca, Ca.
/// Receptors: soma_exc 1, soma_inh 2, dendritic_exc 3, dendritic_inh 4 (spikes; conductances in nS at the soma,
/// currents in pA at the dendrite; weights should be positive, the receptor sets the sign), soma_curr 5,
/// dendritic_curr 6 (currents). Recordables: V_m.s, g_ex.s, g_in.s, V_m.p, I_ex.p, I_in.p.</para>
/// <para>References: Urbanczik R, Senn W (2014) Learning by the dendritic prediction of somatic spiking. Neuron
/// 81:521-528. NEST model documentation, pp_cond_exp_mc_urbanczik (NEST 3.10).</para>
/// </summary>
[NodeModelName("pp_cond_exp_mc_urbanczik")]
internal sealed class PpCondExpMcUrbanczik : Rkf45NeuronGroup<PpCondExpMcUrbanczik.Constants, PpCondExpMcUrbanczik.Dynamics>, IKeepsHistory<UrbanczikHistory>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column TRef = Declared.Parameter("t_ref", 3.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
    private static readonly Column GSp = Declared.Parameter("g_sp", 600.0, "nS");
    private static readonly Column GPs = Declared.Parameter("g_ps", 0.0, "nS");
    private static readonly Column PhiMax = Declared.Parameter("phi_max", 0.15, "1/ms", Requirement.NonNegative("maximum rate cannot be negative"));
    private static readonly Column RateSlope = Declared.Parameter("rate_slope", 0.5, "", Requirement.NonNegative("rate slope cannot be negative"));
    private static readonly Column Beta = Declared.Parameter("beta", 1.0 / 3.0, "1/mV");
    private static readonly Column Theta = Declared.Parameter("theta", -55.0, "mV");

    private static readonly Compartment Soma = new("soma", eIn: -75.0);
    private static readonly Compartment Dendritic = new("dendritic", eIn: 0.0);

    private static readonly Column SomaVm = Declared.State("soma.V_m", -70.0, "mV");
    private static readonly Column DendriticVm = Declared.State("dendritic.V_m", -70.0, "mV");

    /// <summary>The somatic conductances and dendritic currents, recordable but not part of the status (as in NEST).</summary>
    private static readonly Column GEx = Declared.Internal("g_ex.s");
    private static readonly Column GIn = Declared.Internal("g_in.s");
    private static readonly Column IEx = Declared.Internal("I_ex.p");
    private static readonly Column IIn = Declared.Internal("I_in.p");

    private static readonly InputChannel SomaExc = Declared.Input("soma_exc");
    private static readonly InputChannel SomaInh = Declared.Input("soma_inh");
    private static readonly InputChannel DendriteExc = Declared.Input("dendritic_exc");
    private static readonly InputChannel DendriteInh = Declared.Input("dendritic_inh");
    private static readonly InputChannel SomaCurrent = Declared.Input("soma_curr");
    private static readonly InputChannel DendriteCurrent = Declared.Input("dendritic_curr");

    static PpCondExpMcUrbanczik()
    {
        Declared.SpikeReceptor(1, SomaExc, "soma_exc");
        Declared.SpikeReceptor(2, SomaInh, "soma_inh");
        Declared.SpikeReceptor(3, DendriteExc, "dendritic_exc");
        Declared.SpikeReceptor(4, DendriteInh, "dendritic_inh");
        Declared.CurrentReceptor(5, SomaCurrent, "soma_curr");
        Declared.CurrentReceptor(6, DendriteCurrent, "dendritic_curr");
        Declared.Recordable(SomaVm, "V_m.s");
        Declared.Recordable(GEx);
        Declared.Recordable(GIn);
        Declared.Recordable(DendriticVm, "V_m.p");
        Declared.Recordable(IEx);
        Declared.Recordable(IIn);
    }

    /// <summary>The parameters of one compartment, in its sub-dictionary of the status.</summary>
    private sealed class Compartment(string name, double eIn)
    {
        public readonly Column Cm = Declared.Parameter(name + ".C_m", 300.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        public readonly Column EL = Declared.Parameter(name + ".E_L", -70.0, "mV");
        public readonly Column EEx = Declared.Parameter(name + ".E_ex", 0.0, "mV");
        public readonly Column EIn = Declared.Parameter(name + ".E_in", eIn, "mV");
        public readonly Column GL = Declared.Parameter(name + ".g_L", 30.0, "nS");
        public readonly Column TauSynEx = Declared.Parameter(name + ".tau_syn_ex", 3.0, "ms", Requirement.Positive("all time constants must be strictly positive"));
        public readonly Column TauSynIn = Declared.Parameter(name + ".tau_syn_in", 3.0, "ms", Requirement.Positive("all time constants must be strictly positive"));
        public readonly Column Ie = Declared.Parameter(name + ".I_e", 0.0, "pA");
    }

    /// <summary>Positions in the integrated state vector.</summary>
    private const int YVs = 0, YGEx = 1, YGIn = 2, YVd = 3, YIEx = 4, YIIn = 5, StateSize = 6;

    /// <summary>NEST's GSL control for this model: gsl_odeiv_control_y_new(1e-3, 0.0).</summary>
    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    /// <summary>The right-hand side of the six state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : ICurrentDrivenOdeSystem
    {
        public static int Dimension => StateSize;

        public double SomaGL, SomaEL, SomaEEx, SomaEIn, SomaCm, SomaTauEx, SomaTauIn, SomaIe, GSp;
        public double DendriteGL, DendriteEL, DendriteCm, DendriteTauEx, DendriteTauIn, GPs;

        /// <summary>The somatic current input of this step (pA).</summary>
        public double IStim { readonly get; set; }

        public readonly void Derivatives(double t, ReadOnlySpan<double> y, Span<double> f)
        {
            double u = y[YVs], v = y[YVd], gEx = y[YGEx], gIn = y[YGIn], iEx = y[YIEx], iIn = y[YIIn];
            double leak = SomaGL * (u - SomaEL);
            double excitation = gEx * (u - SomaEEx);
            double inhibition = gIn * (u - SomaEIn);
            double fromDendrite = GSp * (v - u);
            double fromSoma = GPs * (u - v);

            f[YVd] = (-DendriteGL * (v - DendriteEL) + iEx + iIn + fromSoma) / DendriteCm;
            f[YIEx] = -iEx / DendriteTauEx;
            f[YIIn] = -iIn / DendriteTauIn;
            f[YVs] = (-leak - excitation - inhibition + fromDendrite + IStim + SomaIe) / SomaCm;
            f[YGEx] = -gEx / SomaTauEx;
            f[YGIn] = -gIn / SomaTauIn;
        }
    }

    /// <summary>The constants of one parameter row, as the dynamics and the update use them.</summary>
    internal struct Constants : IRkf45Row<Constants, Dynamics>
    {
        public Dynamics Dynamics;
        public double PhiMax, RateSlope, Beta, Theta;
        public bool DeadTime;
        public int RefractorySteps;

        public static ref readonly Dynamics SystemOf(in Constants row) => ref row.Dynamics;

        public static ErrorControl ControlOf(in Constants row) => Control;

        public readonly double Phi(double u) => PhiMax / (1.0 + RateSlope * Math.Exp(Beta * (Theta - u)));
    }

    private readonly int[] _refractory;
    private readonly UrbanczikHistory?[] _histories;
    private ulong _spikeKey;

    public PpCondExpMcUrbanczik(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, SomaCurrent)
    {
        _refractory = new int[count];
        _histories = new UrbanczikHistory?[count];
        IntegratedState = [this[SomaVm], this[GEx], this[GIn], this[DendriticVm], this[IEx], this[IIn]];
    }

    public override bool SupportsCheckpoint => true;

    protected override void SaveModelState(CheckpointWriter writer)
    {
        base.SaveModelState(writer);
        WriteInIdOrder(writer, _refractory);
        WriteInIdOrder(writer, _histories, history => history.SaveCheckpoint(writer));
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        base.RestoreModelState(reader, context);
        ReadInIdOrder(reader, _refractory);
        ReadInIdOrder(reader, _histories, UrbanczikHistory.Restore);
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.Resolution);
        _spikeKey = RandomStream.Derive(context.SeedKey, 0x9C_0D_E5_C0);
        ParameterSets.Build(Columns, Schema.ParameterColumns, Count, i => new Constants
        {
            Dynamics = new Dynamics
            {
                SomaGL = this[Soma.GL][i], SomaEL = this[Soma.EL][i], SomaEEx = this[Soma.EEx][i],
                SomaEIn = this[Soma.EIn][i], SomaCm = this[Soma.Cm][i], SomaTauEx = this[Soma.TauSynEx][i],
                SomaTauIn = this[Soma.TauSynIn][i], SomaIe = this[Soma.Ie][i], GSp = this[GSp][i],
                DendriteGL = this[Dendritic.GL][i], DendriteEL = this[Dendritic.EL][i],
                DendriteCm = this[Dendritic.Cm][i], DendriteTauEx = this[Dendritic.TauSynEx][i],
                DendriteTauIn = this[Dendritic.TauSynIn][i], GPs = this[GPs][i],
            },
            PhiMax = this[PhiMax][i], RateSlope = this[RateSlope][i], Beta = this[Beta][i], Theta = this[Theta][i],
            DeadTime = this[TRef][i] > 0.0,
            RefractorySteps = (int)time.MsToStepsCeil(this[TRef][i]),
        });

        AttachHistories(context, _histories, _ => new UrbanczikHistory(),
            (i, history, incoming) => history.Configure(this[PhiMax][i], this[RateSlope][i], this[Beta][i], this[Theta][i], this[GSp][i],
                this[Soma.GL][i], this[Soma.EL][i], this[Dendritic.Cm][i], this[Dendritic.GL][i],
                this[Dendritic.TauSynEx][i], this[Dendritic.TauSynIn][i], incoming, Resolution));
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>
    /// Around the integration of a node over a step: nothing between the inner steps; at the end the spike input, the
    /// point process, the history and the next somatic current.
    /// </summary>
    private readonly struct Bookkeeping(PpCondExpMcUrbanczik group, SpikeBuffer spikes) : IGridStepBookkeeping<Constants, Dynamics>
    {
        /// <summary>Nothing: the dynamics read no discrete state.</summary>
        public readonly void Begin(int node, in Constants constants, ref Dynamics system) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            // Input arriving in this step, at its end; inhibition of the dendrite is a negative current.
            y[YGEx] += step.Input(SomaExc, node);
            y[YGIn] += step.Input(SomaInh, node);
            y[YIEx] += step.Input(DendriteExc, node);
            y[YIIn] -= step.Input(DendriteInh, node);
            if (!double.IsFinite(y[YVs]) || !double.IsFinite(y[YVd]))
                throw new NumericalInstabilityException($"{group.Model.Name} (node {group.IdOf(node)}): numerical instability at t = {step.End} ms (V_m.s = {y[YVs]}, V_m.p = {y[YVd]}).");

            int emitted = 0;
            if (group._refractory[node] == 0)
            {
                double h = group.Resolution;
                double rate = 1000.0 * constants.Phi(y[YVs]); // Hz
                if (rate > 0.0)
                {
                    ulong nodeKey = RandomStream.Derive(group._spikeKey, (ulong)group.IdOf(node));
                    if (constants.DeadTime)
                    {
                        double draw = RandomStream.ToUnitInterval(RandomStream.At(nodeKey, (ulong)step.Index));
                        if (draw <= -NumericsHelper.ExpM1(-rate * h * 1e-3)) emitted = 1;
                    }
                    else
                    {
                        var stream = new RandomStream(RandomStream.Derive(nodeKey, (ulong)step.Index));
                        emitted = (int)Math.Min(stream.NextPoisson(rate * h * 1e-3), int.MaxValue);
                    }
                    if (emitted > 0)
                    {
                        group._refractory[node] = constants.RefractorySteps;
                        spikes.Add(step.Lag, group.IdOf(node), emitted);
                    }
                }
            }
            else
            {
                group._refractory[node]--;
            }

            group._histories[node]!.Write(step.End, y[YVd], emitted);
        }
    }
}
