namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_alpha_multisynapse: leaky integrate-and-fire neuron with any number of receptor ports, each an alpha-shaped
/// post-synaptic current with its own time constant, integrated exactly on the time grid (Rotter &amp; Diesmann 1999).
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (sum_r I_syn_r + I_e + I_0)/C_m
/// I_syn_r = sum_k w_k (t - t_k)/tau_syn[r] · e^(1 - (t - t_k)/tau_syn[r])   for spikes on receptor r = 1 .. n_synapses
/// V &gt;= V_th: spike, V = V_reset, clamped for t_ref; V is bounded below by V_min.
/// </code>
/// Per step h (y = V - E_L, port r with states dI_r, I_r): y ← P30·(I_0 + I_e) + P33·y, then y += P31_r·dI_r + P32_r·I_r
/// for r = 1 .. n, then y ← max(y, V_min - E_L), when not refractory; P33 = exp(-h/tau_m), P30 = (1 - P33)·tau_m/C_m,
/// (P31_r, P32_r) the exact propagators; then I_r ← h·P11_r·dI_r + P11_r·I_r, dI_r ← P11_r·dI_r + e/tau_syn[r]·(weights
/// arriving on port r), P11_r = exp(-h/tau_syn[r]).
/// <para>Parameters (units): C_m (pF), tau_m, t_ref (ms), E_L, V_reset, V_th, V_min (mV), I_e (pA), tau_syn (array, ms:
/// one receptor port per element, every element &gt; 0); read-only n_synapses (ports) and has_connections (a spike
/// connection reached the node: the number of ports can then no longer change); state V_m (mV). Spike receptors 1 ..
/// n_synapses; current receptor 0. Recordables: V_m, I_syn (sum of the ports' currents), I_syn_1 .. I_syn_n.</para>
/// <para>References: Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. NEST model documentation, iaf_psc_alpha_multisynapse.</para>
/// </summary>
[NodeModelName("iaf_psc_alpha_multisynapse")]
internal sealed class IafPscAlphaMultisynapse : IafPscMultisynapseGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafMembrane Membrane = new(Declared);

    private static readonly Column VMin = Declared.ParameterRelativeTo(Membrane.EL, "V_min", double.NegativeInfinity, "mV");

    // tau_syn, current_input, refractory_steps and the input currents
    private static readonly MultisynapseColumns Multisynapse = new(Declared);

    /// <summary>Per port: the derivative-like state dI (NEST's y1) and the current I (y2, recorded as I_syn_r).</summary>
    private static readonly PortColumn DISyn = Declared.PortVariable("dI_syn");
    private static readonly PortColumn ISyn = Declared.PortVariable("I_syn");

    static IafPscAlphaMultisynapse() => DeclarePorts(Declared, Membrane, Multisynapse, ISyn);

    // Per port (index r - 1), per node: the synaptic propagators.
    private double[][] _p11 = [], _p21 = [], _p31 = [], _p32 = [], _pscInitial = [];

    public IafPscAlphaMultisynapse(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Membrane, Multisynapse, ISyn) { }

    public override bool SupportsCheckpoint => true;

    /// <summary>P30 = 1/C_m·(1 - P33)·tau_m, in NEST's order.</summary>
    protected override double CurrentPropagator(double tauM, double c, double p22) => 1 / c * (1 - p22) * tauM;

    protected override double LowerBoundOf(int i) => this[VMin][i];

    protected override void PreparePortPropagators(double h)
    {
        (_p11, _p21, _p31, _p32, _pscInitial) = (PerPort(), PerPort(), PerPort(), PerPort(), PerPort());
        for (int i = 0; i < Count; i++)
        {
            double tauM = this[Membrane.TauM][i], c = this[Membrane.Cm][i];
            double[] tauSyn = ArrayOf(Multisynapse.TauSyn, i);
            for (int r = 0; r < tauSyn.Length; r++)
            {
                _p11[r][i] = Math.Exp(-h / tauSyn[r]);
                _p21[r][i] = h * _p11[r][i];
                (_p31[r][i], _p32[r][i]) = ExactPropagators.Alpha(tauSyn[r], tauM, c, h);
                _pscInitial[r][i] = 1.0 * Math.E / tauSyn[r];
            }
        }
    }

    protected override void StepPort(int port, int start, int n, Span<double> membrane, ReadOnlySpan<double> input) =>
        StepPort(membrane, PortState(DISyn, port + 1).AsSpan(start, n), PortState(ISyn, port + 1).AsSpan(start, n), input,
            _p11[port].AsSpan(start, n), _p21[port].AsSpan(start, n), _p31[port].AsSpan(start, n), _p32[port].AsSpan(start, n),
            _pscInitial[port].AsSpan(start, n));

    /// <summary>
    /// One port over a chunk: adds the port's currents to the membrane sum, then propagates them and adds the input
    /// (scaled to the alpha function's initial slope).
    /// </summary>
    private static void StepPort(Span<double> membrane, Span<double> dISyn, Span<double> iSyn, ReadOnlySpan<double> input,
        ReadOnlySpan<double> p11, ReadOnlySpan<double> p21, ReadOnlySpan<double> p31, ReadOnlySpan<double> p32,
        ReadOnlySpan<double> pscInitial)
    {
        int n = membrane.Length, k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double sum = ref MemoryMarshal.GetReference(membrane);
            ref double slope = ref MemoryMarshal.GetReference(dISyn);
            ref double current = ref MemoryMarshal.GetReference(iSyn);
            ref double arriving = ref MemoryMarshal.GetReference(input);
            ref double q11 = ref MemoryMarshal.GetReference(p11), q21 = ref MemoryMarshal.GetReference(p21);
            ref double q31 = ref MemoryMarshal.GetReference(p31), q32 = ref MemoryMarshal.GetReference(p32);
            ref double initial = ref MemoryMarshal.GetReference(pscInitial);
            for (; k + 4 <= n; k += 4)
            {
                nuint at = (nuint)k;
                var dI = Vector256.LoadUnsafe(ref slope, at);
                var i = Vector256.LoadUnsafe(ref current, at);
                var decay = Vector256.LoadUnsafe(ref q11, at);
                (Vector256.LoadUnsafe(ref sum, at) + (Vector256.LoadUnsafe(ref q31, at) * dI + Vector256.LoadUnsafe(ref q32, at) * i))
                    .StoreUnsafe(ref sum, at);
                (Vector256.LoadUnsafe(ref q21, at) * dI + decay * i).StoreUnsafe(ref current, at);
                (dI * decay + Vector256.LoadUnsafe(ref initial, at) * Vector256.LoadUnsafe(ref arriving, at)).StoreUnsafe(ref slope, at);
            }
        }
        for (; k < n; k++)
        {
            membrane[k] += p31[k] * dISyn[k] + p32[k] * iSyn[k];
            iSyn[k] = p21[k] * dISyn[k] + p11[k] * iSyn[k];
            dISyn[k] = dISyn[k] * p11[k] + pscInitial[k] * input[k];
        }
    }
}
