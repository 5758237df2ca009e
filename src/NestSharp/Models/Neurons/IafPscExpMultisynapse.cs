namespace NestSharp.Models.Neurons;

/// <summary>
/// iaf_psc_exp_multisynapse: leaky integrate-and-fire neuron with any number of receptor ports, each an exponentially
/// decaying post-synaptic current with its own time constant, integrated exactly on the time grid (Rotter &amp; Diesmann 1999).
/// <code>
/// dV/dt = -(V - E_L)/tau_m + (sum_r I_syn_r + I_e + I_0)/C_m
/// dI_syn_r/dt = -I_syn_r/tau_syn[r] + sum_k w_k δ(t - t_k)   for spikes on receptor r = 1 .. n_synapses
/// V &gt;= V_th: spike, V = V_reset, clamped for t_ref.
/// </code>
/// Per step h (y = V - E_L): y ← P22·y + P20·(I_e + I_0), then y += P21_r·I_syn_r for r = 1 .. n when not refractory,
/// with P22 = exp(-h/tau_m), P20 = tau_m/C_m·(1 - P22) and P21_r the exact current-to-voltage propagator; then
/// I_syn_r ← P11_r·I_syn_r + the weights arriving on port r (P11_r = exp(-h/tau_syn[r])).
/// <para>Parameters (units): C_m (pF), tau_m, t_ref (ms), E_L, V_reset, V_th (mV), I_e (pA), tau_syn (array, ms: one
/// receptor port per element; every element &gt; 0 and different from tau_m); read-only n_synapses (ports) and
/// has_connections (a spike connection reached the node: the number of ports can then no longer change); state V_m (mV).
/// Spike receptors 1 .. n_synapses; current receptor 0. Recordables: V_m, I_syn (sum of the ports' currents), I_syn_1 ..
/// I_syn_n.</para>
/// <para>References: Rotter S, Diesmann M (1999) Biol Cybern 81:381-402. NEST model documentation, iaf_psc_exp_multisynapse.</para>
/// </summary>
[NodeModelName("iaf_psc_exp_multisynapse")]
internal sealed class IafPscExpMultisynapse : IafPscMultisynapseGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly IafMembrane Membrane = new(Declared);

    // tau_syn, current_input, refractory_steps and the input currents
    private static readonly MultisynapseColumns Multisynapse = new(Declared);

    private static readonly PortColumn ISyn = Declared.PortVariable("I_syn");

    static IafPscExpMultisynapse() => DeclarePorts(Declared, Membrane, Multisynapse, ISyn);

    // Per port (index r - 1), per node: the synaptic propagators.
    private double[][] _p11 = [], _p21 = [];

    public IafPscExpMultisynapse(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, Membrane, Multisynapse, ISyn) { }

    public override bool SupportsCheckpoint => true;

    protected override void ValidateTimeConstants(in StatusRow row, ReadOnlySpan<double> tauSyn)
    {
        foreach (double tau in tauSyn)
            row.Require(tau != row[Membrane.TauM], Multisynapse.TauSyn, $"membrane and synapse time constants must differ (tau_m = {row[Membrane.TauM]})");
    }

    /// <summary>P20 = tau_m/C_m·(1 - P22), in NEST's order.</summary>
    protected override double CurrentPropagator(double tauM, double c, double p22) => tauM / c * (1.0 - p22);

    protected override void PreparePortPropagators(double h)
    {
        (_p11, _p21) = (PerPort(), PerPort());
        for (int i = 0; i < Count; i++)
        {
            double tauM = this[Membrane.TauM][i], c = this[Membrane.Cm][i];
            double[] tauSyn = ArrayOf(Multisynapse.TauSyn, i);
            for (int r = 0; r < tauSyn.Length; r++)
            {
                _p11[r][i] = Math.Exp(-h / tauSyn[r]);
                _p21[r][i] = ExactPropagators.Exponential(tauSyn[r], tauM, c, h);
            }
        }
    }

    protected override void StepPort(int port, int start, int n, Span<double> membrane, ReadOnlySpan<double> input) =>
        StepPort(membrane, PortState(ISyn, port + 1).AsSpan(start, n), input, _p11[port].AsSpan(start, n), _p21[port].AsSpan(start, n));

    /// <summary>One port over a chunk: adds the port's current to the membrane sum, then decays it and adds the input.</summary>
    private static void StepPort(Span<double> membrane, Span<double> iSyn, ReadOnlySpan<double> input,
        ReadOnlySpan<double> p11, ReadOnlySpan<double> p21)
    {
        int n = membrane.Length, k = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            ref double sum = ref MemoryMarshal.GetReference(membrane);
            ref double current = ref MemoryMarshal.GetReference(iSyn);
            ref double arriving = ref MemoryMarshal.GetReference(input);
            ref double decay = ref MemoryMarshal.GetReference(p11);
            ref double toMembrane = ref MemoryMarshal.GetReference(p21);
            for (; k + 4 <= n; k += 4)
            {
                nuint at = (nuint)k;
                var i = Vector256.LoadUnsafe(ref current, at);
                (Vector256.LoadUnsafe(ref sum, at) + Vector256.LoadUnsafe(ref toMembrane, at) * i).StoreUnsafe(ref sum, at);
                (i * Vector256.LoadUnsafe(ref decay, at) + Vector256.LoadUnsafe(ref arriving, at)).StoreUnsafe(ref current, at);
            }
        }
        for (; k < n; k++)
        {
            membrane[k] += p21[k] * iSyn[k];
            iSyn[k] = iSyn[k] * p11[k] + input[k];
        }
    }
}
