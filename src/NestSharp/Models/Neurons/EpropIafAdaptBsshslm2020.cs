namespace NestSharp.Models.Neurons;

/// <summary>
/// eprop_iaf_adapt_bsshslm_2020: eprop_iaf_bsshslm_2020 with an adaptive threshold (Bellec et al. 2020), the
/// adaptive recurrent neuron of NEST's e-prop networks:
/// <code>
/// a_t = P_a·a_{t-1} + z_{t-1},    v_th,t = V_th + β·a_t,    P_a = exp(-h/τ_a)
/// </code>
/// v_th,t replaces V_th in the spike condition and the surrogate gradient (the reset still subtracts V_th), and the
/// eligibility trace gains the adaptive component: e_t = ψ_t·(z̄_t - β·ε_t), ε_{t+1} = P_a·ε_t + e_t. Everything else is
/// <see cref="EpropIafBsshslm2020"/>'s (<see cref="EpropIafBsshslm2020Group"/>).
/// <para>Parameters beyond eprop_iaf_bsshslm_2020's: adapt_beta (β ≥ 0), adapt_tau (τ_a &gt; 0, ms). State:
/// adaptation (a; setting it sets V_th_adapt = V_th + β·a, as NEST does), V_th_adapt (mV). Recordables:
/// eprop_history_duration, adaptation, V_th_adapt, learning_signal, surrogate_gradient, V_m.</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. NEST model documentation,
/// eprop_iaf_adapt_bsshslm_2020 (NEST 3.10).</para>
/// </summary>
[NodeModelName("eprop_iaf_adapt_bsshslm_2020")]
internal sealed class EpropIafAdaptBsshslm2020 : EpropIafBsshslm2020Group
{
    private static readonly NeuronSchema Declared = EpropNeuronSchema.Declare(ignoreAndSpike: true);

    private static readonly EpropRecurrentColumns Neuron = new(Declared);

    private static readonly AdaptiveThreshold Adapt = new(Declared, Neuron.EL);

    static EpropIafAdaptBsshslm2020()
    {
        Declared.Recordable(Adapt.A, Adapt.VThAdapt, Neuron.LearningSignal, Neuron.SurrogateGradient, Neuron.Vm);
    }

    public EpropIafAdaptBsshslm2020(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Neuron) { }

    protected override AdaptiveThreshold? Adaptation => Adapt;
}
