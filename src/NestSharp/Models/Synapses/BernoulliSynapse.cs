namespace NestSharp.Models.Synapses;

/// <summary>
/// bernoulli_synapse (and bernoulli_synapse_hpc): a static synapse that transmits each pre-synaptic spike with
/// probability p_transmit, independently of every other spike and synapse; a transmitted spike of multiplicity m adds
/// m·w to the target's input after the delay, a dropped one adds nothing and is not recorded by a weight_recorder. The
/// draw comes from the synapse's own random stream for the spike (keyed by the kernel seed, the Connect call, the
/// connection and the spike's time step): results are the same for any number of threads or processes.
/// <para>Parameters (per connection): weight, delay, p_transmit (default 1, in [0, 1]). Sources must be neurons.</para>
/// <para>References: Lefort S, Tomm C, Sarria J-C F, Petersen CCH (2009) The excitatory neuronal network of the C2
/// barrel column in mouse primary somatosensory cortex. Neuron 61:301-316. Gerstner W, Kistler WM (2002) Spiking neuron
/// models. Cambridge University Press.</para>
/// </summary>
[SynapseModelName("bernoulli_synapse", Labelled = true)]
[SynapseModelName("bernoulli_synapse_hpc")]
internal sealed class BernoulliSynapse(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn PTransmit = Declared.Parameter("p_transmit", 1.0,
        new Requirement(static p => p >= 0.0 && p <= 1.0, "the spike transmission probability must be in [0, 1]"));

    static BernoulliSynapse() => Declared.KeepStreamKeys();

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new Rule(block), block, spikes, context, model);

    /// <summary>One Bernoulli trial per spike and synapse.</summary>
    private readonly struct Rule(SynapseBlock block) : ITransmissionRule
    {
        private readonly double[] _pTransmit = block.State[PTransmit.Index];
        private readonly SynapseBlock _block = block;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public bool Transmit(int i, double weight, long stamp, double tSpike, out double transmitted)
        {
            ulong key = RandomStream.Derive(SynapseSchema.StreamKeyOf(_block, i), (ulong)stamp);
            transmitted = weight;
            return RandomStream.ToUnitInterval(RandomStream.At(key, 0)) < _pTransmit[i];
        }
    }
}
