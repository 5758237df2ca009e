using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Numerics;
using NestSharp.Random;

namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_exp: leaky integrate-and-fire neuron with exponentially decaying post-synaptic currents, integrated
/// exactly on the time grid (Rotter &amp; Diesmann 1999).
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_0)/C_m
/// dI_syn_X/dt = -I_syn_X/tau_syn_X + sum_k w_k δ(t - t_k)   (+ the filtered current of receptor 1 on I_syn_ex)
/// V &gt;= V_th: spike, V = V_reset, clamped for t_ref.
/// </code>
/// Per step h (y = V - E_L): y ← P22·y + P21ex·I_ex + P21in·I_in + P20·(I_e + I_0) when not refractory, with
/// P22 = exp(-h/tau_m), P20 = tau_m/C_m·(1 - P22), P21X the exact current-to-voltage propagator; I_X ← P11X·I_X, plus
/// (1 - P11ex)·I_1; spikes arriving in the step add their weight to I_X at once. Positive (and zero) weights go to the
/// excitatory synapse. With <c>delta</c> &gt; 0 the threshold is stochastic (escape noise): the neuron fires in a step
/// with probability rho·exp((V - V_th)/delta)·h (rho in 1/s), drawn from the neuron's own keyed random stream.
/// <para>Parameters (units): C_m (pF), tau_m, tau_syn_ex, tau_syn_in, t_ref (ms), E_L, V_reset, V_th (mV), I_e (pA),
/// delta (mV), rho (1/s); state V_m (mV), I_syn_ex, I_syn_in (pA). Current receptors: 0 (direct), 1 (filtered by tau_syn_ex).</para>
/// <para>References: Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. Tsodyks M et al. (2000) Neural Comput 12:1-13.
/// NEST model documentation, iaf_psc_exp.</para>
/// </summary>
internal sealed class IafPscExp : CurrentBasedIafGroup
{
    public const string ModelName = "iaf_psc_exp";

    internal static readonly ColumnSchema ColumnsSchema = new(
        ("C_m", 250.0), ("tau_m", 10.0), ("tau_syn_ex", 2.0), ("tau_syn_in", 2.0), ("t_ref", 2.0),
        ("E_L", -70.0), ("V_reset", -70.0), ("V_th", -55.0), ("I_e", 0.0), ("delta", 0.0), ("rho", 0.01),
        ("tau_minus", 20.0), ("tau_minus_triplet", 110.0), ("tau_Ca", 10000.0), ("beta_Ca", 0.001),
        ("V_m", -70.0), ("I_syn_ex", 0.0), ("I_syn_in", 0.0), ("Ca", 0.0));

    private const int Cm = 0, TauM = 1, TauSynEx = 2, TauSynIn = 3, TRef = 4, EL = 5, VReset = 6, VTh = 7, Ie = 8, Delta = 9, Rho = 10;
    private const int ParameterColumns = 15;
    private const int Vm = 15, ISynEx = 16, ISynIn = 17;

    private const int ChannelEx = 0, ChannelIn = 1, ChannelCurrent0 = 2, ChannelCurrent1 = 3;

    private static readonly string[] RecordableNames = ["V_m", "I_syn_ex", "I_syn_in"];

    private struct Propagators
    {
        public double P11Ex, P11In, P22, P21Ex, P21In, P20, Ie, Theta, VResetRel, Delta, EscapeRatePerStep;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly double[] _current0, _current1;
    private readonly int[] _refractory;
    private ulong _escapeNoiseKey;

    public IafPscExp(NodeModel model, int firstId, int count) : base(model, firstId, count, ColumnsSchema)
    {
        _current0 = new double[count];
        _current1 = new double[count];
        _refractory = new int[count];
    }

    public override int ChannelsPerNode => 4;

    public override IReadOnlyList<string> Recordables => RecordableNames;

    protected override NeuronGroup CreateEmpty(NodeModel model, int firstId, int n) => new IafPscExp(model, firstId, n);

    public override int SpikeChannel(int local, int receptor, double weight)
    {
        if (receptor != 0) throw new IllegalConnectionException($"{Model.Name} accepts spikes only on receptor_type 0, got {receptor}.");
        return (weight >= 0 ? ChannelEx : ChannelIn) * Count + local;
    }

    public override int CurrentChannel(int local, int receptor) => receptor switch
    {
        0 => ChannelCurrent0 * Count + local,
        1 => ChannelCurrent1 * Count + local,
        _ => throw new IllegalConnectionException($"{Model.Name} accepts currents on receptor_type 0 or 1, got {receptor}."),
    };

    public override double ReadRecordable(int index, int local) => index switch
    {
        0 => AbsolutePotential(local),
        1 => Columns[ISynEx][local],
        _ => Columns[ISynIn][local],
    };

    protected override void Validate(ReadOnlySpan<double> row)
    {
        ValidateCommon(row);
        Require(row[Delta] >= 0, "delta", row[Delta], "must not be negative");
        Require(row[Rho] >= 0, "rho", row[Rho], "must not be negative");
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _escapeNoiseKey = RandomStream.Derive(context.SeedKey, 0x1AF_E5C0);
        _propagators.Build(Columns[..ParameterColumns], Count, i =>
        {
            double tauM = Columns[TauM][i], c = Columns[Cm][i], el = Columns[EL][i];
            double p22 = Math.Exp(-h / tauM);
            return new Propagators
            {
                P11Ex = Math.Exp(-h / Columns[TauSynEx][i]),
                P11In = Math.Exp(-h / Columns[TauSynIn][i]),
                P22 = p22,
                P21Ex = ExactPropagators.Exponential(Columns[TauSynEx][i], tauM, c, h),
                P21In = ExactPropagators.Exponential(Columns[TauSynIn][i], tauM, c, h),
                P20 = tauM / c * (1.0 - p22),
                Ie = Columns[Ie][i],
                Theta = Columns[VTh][i] - el,
                VResetRel = Columns[VReset][i] - el,
                Delta = Columns[Delta][i],
                EscapeRatePerStep = Columns[Rho][i] * h * 1e-3,
                RefractorySteps = (int)context.Time.MsToStepsCeil(Columns[TRef][i]),
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        var spikes = context.SpikesOfVp[thread];
        double[] v = Columns[Vm], iEx = Columns[ISynEx], iIn = Columns[ISynIn], i0 = _current0, i1 = _current1;
        int[] refractory = _refractory;
        var sets = _propagators.Sets;
        var setOfNode = _propagators.SetOfNode;
        bool uniform = _propagators.IsUniform;
        int n = end - start;

        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> exIn = ring.Row(step, ChannelBase + ChannelEx * Count + start, n);
            Span<double> inIn = ring.Row(step, ChannelBase + ChannelIn * Count + start, n);
            Span<double> cur0 = ring.Row(step, ChannelBase + ChannelCurrent0 * Count + start, n);
            Span<double> cur1 = ring.Row(step, ChannelBase + ChannelCurrent1 * Count + start, n);
            ref readonly Propagators p = ref sets[0];
            for (int k = 0; k < n; k++)
            {
                int i = start + k;
                if (!uniform) p = ref sets[setOfNode[i]];
                if (refractory[i] == 0)
                    v[i] = v[i] * p.P22 + iEx[i] * p.P21Ex + iIn[i] * p.P21In + (p.Ie + i0[i]) * p.P20;
                else
                    refractory[i]--;

                iEx[i] *= p.P11Ex;
                iIn[i] *= p.P11In;
                iEx[i] += (1.0 - p.P11Ex) * i1[i];
                iEx[i] += exIn[k];
                iIn[i] += inIn[k];

                bool fires = p.Delta < 1e-10
                    ? v[i] >= p.Theta
                    : RandomStream.ToUnitInterval(RandomStream.At(RandomStream.Derive(_escapeNoiseKey, (ulong)(FirstId + i)), (ulong)step))
                        < p.EscapeRatePerStep * Math.Exp((v[i] - p.Theta) / p.Delta);
                if (fires)
                {
                    refractory[i] = p.RefractorySteps;
                    v[i] = p.VResetRel;
                    spikes.Add(lag, FirstId + i);
                }

                i0[i] = cur0[k];
                i1[i] = cur1[k];
            }
            exIn.Clear();
            inIn.Clear();
            cur0.Clear();
            cur1.Clear();
            RecordSamples(thread, step);
        }
    }
}
