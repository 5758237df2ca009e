using System.Runtime.CompilerServices;
using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Numerics;
using NestSharp.Plasticity;
using NestSharp.Random;

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
internal sealed class PpCondExpMcUrbanczik : Rkf45NeuronGroup<PpCondExpMcUrbanczik.Constants, PpCondExpMcUrbanczik.Dynamics>
{
    public const string ModelName = "pp_cond_exp_mc_urbanczik";

    internal static readonly ColumnSchema ColumnsSchema = new(
        ("t_ref", 3.0), ("g_sp", 600.0), ("g_ps", 0.0), ("phi_max", 0.15), ("rate_slope", 0.5), ("beta", 1.0 / 3.0),
        ("theta", -55.0),
        ("soma.C_m", 300.0), ("soma.E_L", -70.0), ("soma.E_ex", 0.0), ("soma.E_in", -75.0), ("soma.g_L", 30.0),
        ("soma.tau_syn_ex", 3.0), ("soma.tau_syn_in", 3.0), ("soma.I_e", 0.0),
        ("dendritic.C_m", 300.0), ("dendritic.E_L", -70.0), ("dendritic.E_ex", 0.0), ("dendritic.E_in", 0.0),
        ("dendritic.g_L", 30.0), ("dendritic.tau_syn_ex", 3.0), ("dendritic.tau_syn_in", 3.0), ("dendritic.I_e", 0.0),
        ("tau_minus", 20.0), ("tau_minus_triplet", 110.0), ("tau_Ca", 10000.0), ("beta_Ca", 0.001),
        ("soma.V_m", -70.0), ("dendritic.V_m", -70.0), ("Ca", 0.0));

    private const int TRef = 0, GSp = 1, GPs = 2, PhiMax = 3, RateSlope = 4, Beta = 5, Theta = 6;

    /// <summary>Offsets of a compartment's parameters from its first column (soma: 7, dendrite: 15).</summary>
    private const int Soma = 7, Dendrite = 15, CompCm = 0, CompEL = 1, CompEEx = 2, CompEIn = 3, CompGL = 4, CompTauEx = 5,
        CompTauIn = 6, CompIe = 7;


    /// <summary>Columns that determine a node's dynamics (everything before the state).</summary>
    private const int ParameterColumns = 27;

    private const int SomaVm = 27, DendriteVm = 28, Ca = 29;

    /// <summary>Positions in the integrated state vector.</summary>
    private const int YVs = 0, YGEx = 1, YGIn = 2, YVd = 3, YIEx = 4, YIIn = 5, StateSize = 6;

    /// <summary>Input channels: the four spike receptors (receptor r on channel r - 1), then the two current inputs.</summary>
    private const int ChannelSomaExc = 0, ChannelSomaInh = 1, ChannelDendriteExc = 2, ChannelDendriteInh = 3,
        ChannelSomaCurrent = 4, ChannelDendriteCurrent = 5;

    private const int FirstSpikeReceptor = 1, LastSpikeReceptor = 4, SomaCurrentReceptor = 5, DendriteCurrentReceptor = 6;

    /// <summary>NEST's GSL control for this model: gsl_odeiv_control_y_new(1e-3, 0.0).</summary>
    private static readonly ErrorControl Control = ErrorControl.OnValues(1e-3, 0.0);

    private static readonly string[] RecordableNames = ["V_m.s", "g_ex.s", "g_in.s", "V_m.p", "I_ex.p", "I_in.p"];

    private static readonly Dictionary<string, int> Receptors = new(StringComparer.Ordinal)
    {
        ["soma_exc"] = 1, ["soma_inh"] = 2, ["dendritic_exc"] = 3, ["dendritic_inh"] = 4, ["soma_curr"] = 5, ["dendritic_curr"] = 6,
    };

    /// <summary>The right-hand side of the six state equations, for one node's parameters and input.</summary>
    internal struct Dynamics : IFixedDimensionOdeSystem
    {
        public static int Dimension => StateSize;

        public double SomaGL, SomaEL, SomaEEx, SomaEIn, SomaCm, SomaTauEx, SomaTauIn, SomaIe, GSp;
        public double DendriteGL, DendriteEL, DendriteCm, DendriteTauEx, DendriteTauIn, GPs;

        /// <summary>The somatic current input of this step (pA).</summary>
        public double SomaStimulus;

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
            f[YVs] = (-leak - excitation - inhibition + fromDendrite + SomaStimulus + SomaIe) / SomaCm;
            f[YGEx] = -gEx / SomaTauEx;
            f[YGIn] = -gIn / SomaTauIn;
        }
    }

    /// <summary>The constants of one parameter row, as the dynamics and the update use them.</summary>
    internal struct Constants
    {
        public Dynamics Dynamics;
        public double PhiMax, RateSlope, Beta, Theta;
        public bool DeadTime;
        public int RefractorySteps;

        public readonly double Phi(double u) => PhiMax / (1.0 + RateSlope * Math.Exp(Beta * (Theta - u)));
    }

    private readonly double[] _gEx, _gIn, _iEx, _iIn;
    private readonly int[] _refractory;
    private readonly UrbanczikHistory?[] _histories;
    private ulong _spikeKey;

    public PpCondExpMcUrbanczik(NodeModel model, int firstId, int count) : base(model, firstId, count, ColumnsSchema, ChannelSomaCurrent)
    {
        _gEx = new double[count];
        _gIn = new double[count];
        _iEx = new double[count];
        _iIn = new double[count];
        _refractory = new int[count];
        _histories = new UrbanczikHistory?[count];
        IntegratedState = [Columns[SomaVm], _gEx, _gIn, Columns[DendriteVm], _iEx, _iIn];
    }

    public override int ChannelsPerNode => 6;

    public override IReadOnlyList<string> Recordables => RecordableNames;

    public override IReadOnlyDictionary<string, int> ReceptorTypes => Receptors;

    protected override NeuronGroup CreateEmpty(NodeModel model, int firstId, int n) => new PpCondExpMcUrbanczik(model, firstId, n);

    public override int SpikeChannel(int local, int receptor, double weight)
    {
        if (receptor is >= FirstSpikeReceptor and <= LastSpikeReceptor) return (receptor - FirstSpikeReceptor) * Count + local;
        throw new IllegalConnectionException(receptor is SomaCurrentReceptor or DendriteCurrentReceptor
            ? $"{Model.Name}: receptor_type {receptor} receives currents, not spikes; spikes go to soma_exc (1), soma_inh (2), dendritic_exc (3) or dendritic_inh (4)."
            : $"{Model.Name} has no spike receptor_type {receptor}; its spike receptors are soma_exc (1), soma_inh (2), dendritic_exc (3) and dendritic_inh (4).");
    }

    public override int CurrentChannel(int local, int receptor) => receptor switch
    {
        SomaCurrentReceptor => ChannelSomaCurrent * Count + local,
        DendriteCurrentReceptor => ChannelDendriteCurrent * Count + local,
        _ => throw new IllegalConnectionException(
            $"{Model.Name} receives currents on soma_curr (5) and dendritic_curr (6), not on receptor_type {receptor}."),
    };

    public override double ReadRecordable(int index, int local) => index switch
    {
        0 => Columns[SomaVm][local],
        1 => _gEx[local],
        2 => _gIn[local],
        3 => Columns[DendriteVm][local],
        4 => _iEx[local],
        _ => _iIn[local],
    };

    protected override void Validate(ReadOnlySpan<double> row)
    {
        Require(row[RateSlope] >= 0, "rate_slope", row[RateSlope], "rate slope cannot be negative");
        Require(row[PhiMax] >= 0, "phi_max", row[PhiMax], "maximum rate cannot be negative");
        Require(row[TRef] >= 0, "t_ref", row[TRef], "refractory time cannot be negative");
        foreach (int comp in (ReadOnlySpan<int>)[Soma, Dendrite])
        {
            Require(row[comp + CompCm] > 0, ColumnsSchema.Names[comp + CompCm], row[comp + CompCm], "capacitance must be strictly positive");
            Require(row[comp + CompTauEx] > 0, ColumnsSchema.Names[comp + CompTauEx], row[comp + CompTauEx], "all time constants must be strictly positive");
            Require(row[comp + CompTauIn] > 0, ColumnsSchema.Names[comp + CompTauIn], row[comp + CompTauIn], "all time constants must be strictly positive");
        }
    }

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        PrepareIntegration(context, time.Resolution);
        _spikeKey = RandomStream.Derive(context.SeedKey, 0x9C_0D_E5_C0);
        ParameterSets.Build(Columns[..ParameterColumns], Count, i => new Constants
        {
            Dynamics = new Dynamics
            {
                SomaGL = Columns[Soma + CompGL][i], SomaEL = Columns[Soma + CompEL][i], SomaEEx = Columns[Soma + CompEEx][i],
                SomaEIn = Columns[Soma + CompEIn][i], SomaCm = Columns[Soma + CompCm][i], SomaTauEx = Columns[Soma + CompTauEx][i],
                SomaTauIn = Columns[Soma + CompTauIn][i], SomaIe = Columns[Soma + CompIe][i], GSp = Columns[GSp][i],
                DendriteGL = Columns[Dendrite + CompGL][i], DendriteEL = Columns[Dendrite + CompEL][i],
                DendriteCm = Columns[Dendrite + CompCm][i], DendriteTauEx = Columns[Dendrite + CompTauEx][i],
                DendriteTauIn = Columns[Dendrite + CompTauIn][i], GPs = Columns[GPs][i],
            },
            PhiMax = Columns[PhiMax][i], RateSlope = Columns[RateSlope][i], Beta = Columns[Beta][i], Theta = Columns[Theta][i],
            DeadTime = Columns[TRef][i] > 0.0,
            RefractorySteps = (int)time.MsToStepsCeil(Columns[TRef][i]),
        });

        var archive = context.Archive;
        archive.EnsureCapacity(LastId);
        for (int i = 0; i < Count; i++)
        {
            int id = FirstId + i;
            var history = _histories[i] ??= new UrbanczikHistory();
            history.Configure(Columns[PhiMax][i], Columns[RateSlope][i], Columns[Beta][i], Columns[Theta][i], Columns[GSp][i],
                Columns[Soma + CompGL][i], Columns[Soma + CompEL][i], Columns[Dendrite + CompCm][i], Columns[Dendrite + CompGL][i],
                Columns[Dendrite + CompTauEx][i], Columns[Dendrite + CompTauIn][i], archive.Of(id)?.Incoming ?? 0, Resolution);
            archive.AttachVoltageHistory(id, history);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Integrate(new Bookkeeping(this, context.SpikesOfVp[thread]), context, thread, sliceStart, from, to);

    /// <summary>
    /// Around the integration of a node over a step: nothing between the inner steps; at the end the spike input, the
    /// point process, the history and the next somatic current.
    /// </summary>
    private readonly struct Bookkeeping(PpCondExpMcUrbanczik group, SpikeBuffer spikes) : IGridStepBookkeeping<Constants, Dynamics>
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public Dynamics Begin(int node, in Constants constants, double current, out ErrorControl control)
        {
            control = Control;
            var dynamics = constants.Dynamics;
            dynamics.SomaStimulus = current;
            return dynamics;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void BeforeInnerStep(int node, ref Dynamics system) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void AfterInnerStep(int node, in Constants constants, Span<double> y, bool first, in GridStep step) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(int node, in Constants constants, Span<double> y, in GridStep step)
        {
            // Input arriving in this step, at its end; inhibition of the dendrite is a negative current.
            y[YGEx] += step.Input(ChannelSomaExc, node);
            y[YGIn] += step.Input(ChannelSomaInh, node);
            y[YIEx] += step.Input(ChannelDendriteExc, node);
            y[YIIn] -= step.Input(ChannelDendriteInh, node);
            if (!double.IsFinite(y[YVs]) || !double.IsFinite(y[YVd]))
                throw new KernelException($"{group.Model.Name} (node {group.FirstId + node}): numerical instability at t = {step.End} ms (V_m.s = {y[YVs]}, V_m.p = {y[YVd]}).");

            int emitted = 0;
            if (group._refractory[node] == 0)
            {
                double h = group.Resolution;
                double rate = 1000.0 * constants.Phi(y[YVs]); // Hz
                if (rate > 0.0)
                {
                    ulong nodeKey = RandomStream.Derive(group._spikeKey, (ulong)(group.FirstId + node));
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
                        spikes.Add(step.Lag, group.FirstId + node, emitted);
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
