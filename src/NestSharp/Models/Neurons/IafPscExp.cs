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
/// delta (mV), rho (1/s); state V_m (mV); I_syn_ex, I_syn_in (pA) are recordable, not in the status. Current receptors: 0 (direct), 1 (filtered by tau_syn_ex).</para>
/// <para>References: Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. Tsodyks M et al. (2000) Neural Comput 12:1-13.
/// NEST model documentation, iaf_psc_exp.</para>
/// </summary>
[NodeModelName("iaf_psc_exp")]
internal sealed class IafPscExp : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafMembrane Membrane = new(Declared);

    // tau_syn_ex, tau_syn_in, I_syn_ex, I_syn_in, spikes_ex and spikes_in (receptor 0)
    private static readonly CurrentSynapses Synapses = new(Declared, IafMembrane.AllTimeConstantsPositive, SpikeRouting.BySignZeroExcitatory);
    private static readonly Column Delta = Declared.Parameter("delta", 0.0, "mV", Requirement.NonNegative("must not be negative"));
    private static readonly Column Rho = Declared.Parameter("rho", 0.01, "1/s", Requirement.NonNegative("must not be negative"));

    /// <summary>The current inputs of receptors 0 and 1 in the step (NEST's i_0_ and i_1_).</summary>
    private static readonly Column Current0 = Declared.Internal("current_0");
    private static readonly Column Current1 = Declared.Internal("current_1");

    private static readonly InputChannel Currents0 = Declared.CurrentInput("currents_0", 0);
    private static readonly InputChannel Currents1 = Declared.CurrentInput("currents_1", 1);

    static IafPscExp()
    {
        Declared.Recordable(Membrane.Vm, Synapses.ISynEx, Synapses.ISynIn);
    }

    private struct Propagators
    {
        public ExpPscPropagators Exp;
        public double Theta, VResetRel, Delta, EscapeRatePerStep;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly int[] _refractory;
    private ulong _escapeNoiseKey;

    public IafPscExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _refractory = CountersOutsideColumns();
    }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _escapeNoiseKey = RandomStream.Derive(context.SeedKey, 0x1AF_E5C0);
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double el = this[Membrane.EL][i];
            return new Propagators
            {
                Exp = ExpPscPropagators.Of(
                    this[Membrane.TauM][i], this[Membrane.Cm][i], this[Synapses.TauSynEx][i], this[Synapses.TauSynIn][i], this[Membrane.Ie][i], h),
                Theta = this[Membrane.VTh][i] - el,
                VResetRel = this[Membrane.VReset][i] - el,
                Delta = this[IafPscExp.Delta][i],
                EscapeRatePerStep = this[Rho][i] * h * 1e-3,
                RefractorySteps = (int)context.Time.MsToStepsCeil(this[Membrane.TRef][i]),
            };
        });
        _currentsPresent = GeneratorsSendInto(Currents0) || GeneratorsSendInto(Currents1) || !IsAllZero(Current0) || !IsAllZero(Current1);
        _vectorised = _propagators.IsUniform && _propagators.Sets[0].Delta < 1e-10;
    }

    /// <summary>Whether the current inputs can carry anything this run (else they stay zero and are not read).</summary>
    private bool _currentsPresent = true;

    /// <summary>Whether the nodes share one parameter set without escape noise this run (then they step four at a time).</summary>
    private bool _vectorised;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]),
            _currentsPresent ? ChannelsPerNode : Currents0.Index);

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(IafPscExp group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>
    /// One step of the chunk: vectorised where the nodes share one parameter set without escape noise, node by node
    /// otherwise.
    /// </summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        Span<double> exIn = s.Input(Synapses.SpikesEx), inIn = s.Input(Synapses.SpikesIn);
        Span<double> cur0 = s.Input(Currents0), cur1 = s.Input(Currents1);
        int done = !_vectorised ? s.Start
            : _currentsPresent ? StepUniformVectorised<CurrentsPresent>(s.Start, s.End, exIn, inIn, cur0, cur1, s.Lag, spikes)
            : StepUniformVectorised<CurrentsAbsent>(s.Start, s.End, exIn, inIn, cur0, cur1, s.Lag, spikes);
        StepScalar(done, s.End, s.Start, exIn, inIn, cur0, cur1, s.Step, s.Lag, spikes);
    }

    /// <summary>One step of nodes [from, end) in NEST's order of operations, each with its own parameter set.</summary>
    private void StepScalar(int from, int end, int chunkStart, ReadOnlySpan<double> exIn, ReadOnlySpan<double> inIn,
        ReadOnlySpan<double> cur0, ReadOnlySpan<double> cur1, long step, int lag, SpikeBuffer spikes)
    {
        double[] v = this[Membrane.Vm], iEx = this[Synapses.ISynEx], iIn = this[Synapses.ISynIn], i0 = this[Current0], i1 = this[Current1];
        int[] refractory = _refractory;
        var sets = _propagators.Sets;
        var setOfNode = _propagators.SetOfNode;
        for (int i = from; i < end; i++)
        {
            int k = i - chunkStart;
            ref readonly Propagators p = ref sets[setOfNode[i]];
            p.Exp.IntegrateUnlessRefractory(ref v[i], ref refractory[i], iEx[i], iIn[i], i0[i]);
            p.Exp.Decay(ref iEx[i], ref iIn[i]);
            iEx[i] += (1.0 - p.Exp.P11Ex) * i1[i];
            iEx[i] += exIn[k];
            iIn[i] += inIn[k];

            bool fires = p.Delta < 1e-10
                ? v[i] >= p.Theta
                : RandomStream.ToUnitInterval(RandomStream.At(RandomStream.Derive(_escapeNoiseKey, (ulong)IdOf(i)), (ulong)step))
                    < p.EscapeRatePerStep * Math.Exp((v[i] - p.Theta) / p.Delta);
            if (fires)
            {
                refractory[i] = p.RefractorySteps;
                v[i] = p.VResetRel;
                spikes.Add(lag, IdOf(i));
            }

            i0[i] = cur0[k];
            i1[i] = cur1[k];
        }
    }

    /// <summary>
    /// The same step for nodes sharing one parameter set with a sharp threshold, four at a time: the arithmetic is
    /// lane-wise and in the same order as <see cref="StepScalar"/> (no fused multiply-add), so results are bitwise
    /// equal. Returns where it stopped. With <see cref="CurrentsAbsent"/> the current inputs and their state (all zero)
    /// are not read: a zero takes their place in the same operations.
    /// </summary>
    private int StepUniformVectorised<TCurrents>(int start, int end, ReadOnlySpan<double> exIn, ReadOnlySpan<double> inIn,
        ReadOnlySpan<double> cur0, ReadOnlySpan<double> cur1, int lag, SpikeBuffer spikes)
        where TCurrents : struct, ICurrentPresence
    {
        if (!Vector256.IsHardwareAccelerated) return start;
        ref readonly Propagators p = ref _propagators.Sets[0];
        ref readonly ExpPscPropagators e = ref p.Exp;
        var p22 = Vector256.Create(e.P22);
        var p21Ex = Vector256.Create(e.P21Ex);
        var p21In = Vector256.Create(e.P21In);
        var p20 = Vector256.Create(e.P20);
        var ie = Vector256.Create(e.Ie);
        var p11Ex = Vector256.Create(e.P11Ex);
        var p11In = Vector256.Create(e.P11In);
        var fromCurrent1 = Vector256.Create(1.0 - e.P11Ex);
        var theta = Vector256.Create(p.Theta);
        var reset = Vector256.Create(p.VResetRel);
        var refractorySteps = Vector128.Create(p.RefractorySteps);

        ref double vm = ref MemoryMarshal.GetArrayDataReference(this[Membrane.Vm]);
        ref double synEx = ref MemoryMarshal.GetArrayDataReference(this[Synapses.ISynEx]);
        ref double synIn = ref MemoryMarshal.GetArrayDataReference(this[Synapses.ISynIn]);
        ref double current0 = ref MemoryMarshal.GetArrayDataReference(this[Current0]);
        ref double current1 = ref MemoryMarshal.GetArrayDataReference(this[Current1]);
        ref int refractory = ref MemoryMarshal.GetArrayDataReference(_refractory);
        ref double ex = ref MemoryMarshal.GetReference(exIn);
        ref double inh = ref MemoryMarshal.GetReference(inIn);
        ref double c0 = ref MemoryMarshal.GetReference(cur0);
        ref double c1 = ref MemoryMarshal.GetReference(cur1);

        int i = start;
        for (; i + 4 <= end; i += 4)
        {
            nuint node = (nuint)i, k = (nuint)(i - start);
            var v = Vector256.LoadUnsafe(ref vm, node);
            var iEx = Vector256.LoadUnsafe(ref synEx, node);
            var iIn = Vector256.LoadUnsafe(ref synIn, node);
            var r = Vector128.LoadUnsafe(ref refractory, node);

            var freeLanes = Vector128.Equals(r, Vector128<int>.Zero);
            var free = Vector256.WidenLower(freeLanes.ToVector256Unsafe()).AsDouble();
            var i0 = TCurrents.Present ? Vector256.LoadUnsafe(ref current0, node) : Vector256<double>.Zero;
            var integrated = v * p22 + iEx * p21Ex + iIn * p21In + (ie + i0) * p20;
            v = Vector256.ConditionalSelect(free, integrated, v);
            r = Vector128.ConditionalSelect(freeLanes, r, r - Vector128<int>.One);

            iEx *= p11Ex;
            iIn *= p11In;
            iEx += fromCurrent1 * (TCurrents.Present ? Vector256.LoadUnsafe(ref current1, node) : Vector256<double>.Zero);
            iEx += Vector256.LoadUnsafe(ref ex, k);
            iIn += Vector256.LoadUnsafe(ref inh, k);

            var fired = Vector256.GreaterThanOrEqual(v, theta);
            v = Vector256.ConditionalSelect(fired, reset, v);
            r = Vector128.ConditionalSelect(Vector256.Narrow(fired.AsInt64(), Vector256<long>.Zero).GetLower(), refractorySteps, r);

            v.StoreUnsafe(ref vm, node);
            iEx.StoreUnsafe(ref synEx, node);
            iIn.StoreUnsafe(ref synIn, node);
            r.StoreUnsafe(ref refractory, node);
            if (TCurrents.Present)
            {
                Vector256.LoadUnsafe(ref c0, k).StoreUnsafe(ref current0, node);
                Vector256.LoadUnsafe(ref c1, k).StoreUnsafe(ref current1, node);
            }

            AddFiredLanes(spikes, lag, i, fired);
        }
        return i;
    }
}
