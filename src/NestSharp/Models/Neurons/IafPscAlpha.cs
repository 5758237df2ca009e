namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_alpha: leaky integrate-and-fire neuron with alpha-shaped post-synaptic currents, integrated exactly on the
/// time grid (Rotter &amp; Diesmann 1999).
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (I_syn_ex + I_syn_in + I_e + I_stim)/C_m
/// I_syn_X(t) = sum_k w_k · (e/tau_syn_X) · (t - t_k) · exp(-(t - t_k)/tau_syn_X)   (peak w_k at t - t_k = tau_syn_X)
/// V &gt;= V_th: spike, V = V_reset, clamped for t_ref; V is bounded below by V_min.
/// </code>
/// Per step h, with y = V - E_L, the state (dI, I, y) advances by the exact propagators
/// P11 = P22 = exp(-h/tau_syn), P21 = h·P11, P30 = -tau_m/C_m·expm1(-h/tau_m), P31, P32 (alpha kernel onto V, with the
/// tau_m = tau_syn limit handled as in NEST), then spikes arriving in the step add w·e/tau_syn to dI; a current input
/// takes effect from the next step. Positive weights go to the excitatory, others to the inhibitory synapse.
/// <para>Parameters (units): C_m (pF), tau_m (ms), tau_syn_ex, tau_syn_in (ms), t_ref (ms), E_L, V_reset, V_th,
/// V_min (mV), I_e (pA); state V_m (mV); I_syn_ex, I_syn_in (pA) are recordable, not in the status. Recordables: V_m, I_syn_ex, I_syn_in.</para>
/// <para>References: Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. Diesmann M et al. (2001) Neurocomputing
/// 38-40:565-571. NEST model documentation, iaf_psc_alpha.</para>
/// </summary>
[NodeModelName("iaf_psc_alpha")]
internal sealed class IafPscAlpha : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafMembrane Membrane = new(Declared);

    // tau_syn_ex, tau_syn_in, I_syn_ex, I_syn_in, spikes_ex and spikes_in (receptor 0)
    private static readonly CurrentSynapses Synapses = new(Declared, IafMembrane.AllTimeConstantsPositive, SpikeRouting.BySignZeroInhibitory);
    private static readonly Column VMin = Declared.Parameter("V_min", double.NegativeInfinity, "mV");

    /// <summary>The derivatives of the synaptic currents (NEST's dI_ex, dI_in).</summary>
    private static readonly Column DISynEx = Declared.Internal("dI_syn_ex");
    private static readonly Column DISynIn = Declared.Internal("dI_syn_in");

    /// <summary>The current input of the step (NEST's y0).</summary>
    private static readonly Column CurrentInput = Declared.Internal("current_input");

    /// <summary>Remaining refractory steps, as doubles so that the vectorised update can count them down.</summary>
    private static readonly Column Refractory = Declared.Internal("refractory_steps");

    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    static IafPscAlpha()
    {
        Declared.Recordable(Membrane.Vm, Synapses.ISynEx, Synapses.ISynIn);
    }

    public IafPscAlpha(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }

    public override bool SupportsCheckpoint => true;

    protected override void Validate(in StatusRow row) => Membrane.Validate(row);

    /// <summary>Exact-integration propagators and thresholds of one parameter set (voltages relative to E_L).</summary>
    private struct Propagators
    {
        public double P11Ex, P21Ex, P11In, P21In, P30, P31Ex, P32Ex, P31In, P32In, ExpM1TauM;
        public double EpscInitial, IpscInitial, Theta, VResetRel, LowerBound, Ie;
        public int RefractorySteps;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[Membrane.TauM][i], c = this[Membrane.Cm][i], el = this[Membrane.EL][i];
            var p = new Propagators
            {
                P11Ex = Math.Exp(-h / this[Synapses.TauSynEx][i]),
                P11In = Math.Exp(-h / this[Synapses.TauSynIn][i]),
                ExpM1TauM = NumericsHelper.ExpM1(-h / tauM),
                P30 = -tauM / c * NumericsHelper.ExpM1(-h / tauM),
                EpscInitial = Math.E / this[Synapses.TauSynEx][i],
                IpscInitial = Math.E / this[Synapses.TauSynIn][i],
                Theta = this[Membrane.VTh][i] - el,
                VResetRel = this[Membrane.VReset][i] - el,
                LowerBound = this[VMin][i] - el,
                Ie = this[Membrane.Ie][i],
                RefractorySteps = (int)context.Time.MsToStepsCeil(this[Membrane.TRef][i]),
            };
            p.P21Ex = h * p.P11Ex;
            p.P21In = h * p.P11In;
            (p.P31Ex, p.P32Ex) = ExactPropagators.Alpha(this[Synapses.TauSynEx][i], tauM, c, h);
            (p.P31In, p.P32In) = ExactPropagators.Alpha(this[Synapses.TauSynIn][i], tauM, c, h);
            return p;
        });
        _currentsPresent = GeneratorsSendInto(Currents) || !IsAllZero(CurrentInput);
    }

    /// <summary>Whether the current input can carry anything this run (else it stays zero and is not read).</summary>
    private bool _currentsPresent = true;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]),
            _currentsPresent ? ChannelsPerNode : Currents.Index);

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(IafPscAlpha group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the chunk: vectorised where the nodes share one parameter set, node by node otherwise.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        Span<double> exIn = s.Input(Synapses.SpikesEx), inIn = s.Input(Synapses.SpikesIn), curIn = s.Input(Currents);
        int done = !_propagators.IsUniform ? s.Start
            : _currentsPresent ? StepUniformVectorised<CurrentsPresent>(s.Start, s.End, exIn, inIn, curIn, s.Lag, spikes)
            : StepUniformVectorised<CurrentsAbsent>(s.Start, s.End, exIn, inIn, curIn, s.Lag, spikes);
        StepScalar(done, s.End, s.Start, exIn, inIn, curIn, s.Lag, spikes);
    }

    /// <summary>One step of nodes [from, end) in NEST's order of operations, each with its own parameter set.</summary>
    private void StepScalar(int from, int end, int chunkStart, ReadOnlySpan<double> exIn, ReadOnlySpan<double> inIn,
        ReadOnlySpan<double> curIn, int lag, SpikeBuffer spikes)
    {
        double[] y3 = this[Membrane.Vm], iEx = this[Synapses.ISynEx], iIn = this[Synapses.ISynIn];
        double[] dIEx = this[DISynEx], dIIn = this[DISynIn], y0 = this[CurrentInput], refractory = this[Refractory];
        var sets = _propagators.Sets;
        var setOfNode = _propagators.SetOfNode;
        for (int i = from; i < end; i++)
        {
            int k = i - chunkStart;
            ref readonly Propagators p = ref sets[setOfNode[i]];
            if (refractory[i] == 0)
            {
                double v = p.P30 * (y0[i] + p.Ie) + p.P31Ex * dIEx[i] + p.P32Ex * iEx[i] + p.P31In * dIIn[i]
                    + p.P32In * iIn[i] + p.ExpM1TauM * y3[i] + y3[i];
                y3[i] = v < p.LowerBound ? p.LowerBound : v;
            }
            else
            {
                refractory[i]--;
            }

            iEx[i] = p.P21Ex * dIEx[i] + p.P11Ex * iEx[i];
            dIEx[i] = dIEx[i] * p.P11Ex + p.EpscInitial * exIn[k];
            iIn[i] = p.P21In * dIIn[i] + p.P11In * iIn[i];
            dIIn[i] = dIIn[i] * p.P11In + p.IpscInitial * inIn[k];

            if (y3[i] >= p.Theta)
            {
                refractory[i] = p.RefractorySteps;
                y3[i] = p.VResetRel;
                spikes.Add(lag, IdOf(i));
            }

            y0[i] = curIn[k];
        }
    }

    /// <summary>
    /// The same step for nodes sharing one parameter set, four at a time: the arithmetic is lane-wise and in the same
    /// order as <see cref="StepScalar"/> (no fused multiply-add), so results are bitwise equal. Returns where it stopped.
    /// With <see cref="CurrentsAbsent"/> the current input and its state (all zero) are not read: a zero takes their
    /// place in the same operations.
    /// </summary>
    private int StepUniformVectorised<TCurrents>(int start, int end, ReadOnlySpan<double> exIn, ReadOnlySpan<double> inIn,
        ReadOnlySpan<double> curIn, int lag, SpikeBuffer spikes)
        where TCurrents : struct, ICurrentPresence
    {
        if (!Vector256.IsHardwareAccelerated) return start;
        ref readonly Propagators p = ref _propagators.Sets[0];
        var p30 = Vector256.Create(p.P30);
        var ie = Vector256.Create(p.Ie);
        var p31Ex = Vector256.Create(p.P31Ex);
        var p32Ex = Vector256.Create(p.P32Ex);
        var p31In = Vector256.Create(p.P31In);
        var p32In = Vector256.Create(p.P32In);
        var expm1 = Vector256.Create(p.ExpM1TauM);
        var lowerBound = Vector256.Create(p.LowerBound);
        var p21Ex = Vector256.Create(p.P21Ex);
        var p11Ex = Vector256.Create(p.P11Ex);
        var p21In = Vector256.Create(p.P21In);
        var p11In = Vector256.Create(p.P11In);
        var epsc = Vector256.Create(p.EpscInitial);
        var ipsc = Vector256.Create(p.IpscInitial);
        var theta = Vector256.Create(p.Theta);
        var reset = Vector256.Create(p.VResetRel);
        var refractorySteps = Vector256.Create((double)p.RefractorySteps);
        var one = Vector256.Create(1.0);

        ref double y3 = ref MemoryMarshal.GetArrayDataReference(this[Membrane.Vm]);
        ref double iEx = ref MemoryMarshal.GetArrayDataReference(this[Synapses.ISynEx]);
        ref double iIn = ref MemoryMarshal.GetArrayDataReference(this[Synapses.ISynIn]);
        ref double dIEx = ref MemoryMarshal.GetArrayDataReference(this[DISynEx]);
        ref double dIIn = ref MemoryMarshal.GetArrayDataReference(this[DISynIn]);
        ref double y0 = ref MemoryMarshal.GetArrayDataReference(this[CurrentInput]);
        ref double refractory = ref MemoryMarshal.GetArrayDataReference(this[Refractory]);
        ref double ex = ref MemoryMarshal.GetReference(exIn);
        ref double inh = ref MemoryMarshal.GetReference(inIn);
        ref double cur = ref MemoryMarshal.GetReference(curIn);

        int i = start;
        for (; i + 4 <= end; i += 4)
        {
            nuint node = (nuint)i, k = (nuint)(i - start);
            var v = Vector256.LoadUnsafe(ref y3, node);
            var r = Vector256.LoadUnsafe(ref refractory, node);
            var dIe = Vector256.LoadUnsafe(ref dIEx, node);
            var ie_ = Vector256.LoadUnsafe(ref iEx, node);
            var dIi = Vector256.LoadUnsafe(ref dIIn, node);
            var ii = Vector256.LoadUnsafe(ref iIn, node);

            var free = Vector256.Equals(r, Vector256<double>.Zero);
            var current = TCurrents.Present ? Vector256.LoadUnsafe(ref y0, node) : Vector256<double>.Zero;
            var integrated = p30 * (current + ie) + p31Ex * dIe + p32Ex * ie_ + p31In * dIi
                + p32In * ii + expm1 * v + v;
            integrated = Vector256.ConditionalSelect(Vector256.LessThan(integrated, lowerBound), lowerBound, integrated);
            v = Vector256.ConditionalSelect(free, integrated, v);
            r = Vector256.ConditionalSelect(free, r, r - one);

            ie_ = p21Ex * dIe + p11Ex * ie_;
            dIe = dIe * p11Ex + epsc * Vector256.LoadUnsafe(ref ex, k);
            ii = p21In * dIi + p11In * ii;
            dIi = dIi * p11In + ipsc * Vector256.LoadUnsafe(ref inh, k);

            var fired = Vector256.GreaterThanOrEqual(v, theta);
            v = Vector256.ConditionalSelect(fired, reset, v);
            r = Vector256.ConditionalSelect(fired, refractorySteps, r);

            v.StoreUnsafe(ref y3, node);
            r.StoreUnsafe(ref refractory, node);
            dIe.StoreUnsafe(ref dIEx, node);
            ie_.StoreUnsafe(ref iEx, node);
            dIi.StoreUnsafe(ref dIIn, node);
            ii.StoreUnsafe(ref iIn, node);
            if (TCurrents.Present) Vector256.LoadUnsafe(ref cur, k).StoreUnsafe(ref y0, node);

            AddFiredLanes(spikes, lag, i, fired);
        }
        return i;
    }
}
