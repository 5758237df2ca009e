namespace NestSharp.Models.Synapses;

/// <summary>
/// ht_synapse (and ht_synapse_hpc): the depressing synapse of Hill &amp; Tononi (2005), p. 1678. The vesicle pool P
/// recovers towards 1 between spikes and loses the fraction delta_P at each spike; the spike is transmitted with the
/// weight w·P the pool has when the spike arrives:
/// <code>
/// dP/dt = (1 - P)/tau_P,   P(0) = 1                     (between spikes)
/// at a spike, after the time h since the last one (0 at the start):
///   P ← 1 - (1 - P)·exp(-h/tau_P);  the spike is transmitted with weight w·P;  then P ← (1 - delta_P)·P
/// </code>
/// As in NEST, the spike's time is its step (the offset of a precise spike is ignored), the last spike time starts at
/// 0, and the transmitted weight is what a weight_recorder records.
/// <para>Parameters (per connection): weight (default 1), delay, tau_P (ms, 500, &gt; 0), delta_P (0.125, in [0, 1])
/// and the state P (1, in [0, 1]). Sources must be neurons.</para>
/// <para>Reference: Hill S, Tononi G (2005) Modeling sleep and wakefulness in the thalamocortical system. J
/// Neurophysiol 93:1671-1698. doi:10.1152/jn.00915.2004.</para>
/// </summary>
[SynapseModelName("ht_synapse", Labelled = true)]
[SynapseModelName("ht_synapse_hpc")]
internal sealed class HtSynapse(string name) : TransmissionRuleSynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn TauP = Declared.Parameter("tau_P", 500.0, Requirement.Positive("tau_P > 0 required."));
    private static readonly SynapseColumn DeltaP = Declared.Parameter("delta_P", 0.125,
        new Requirement(static v => v >= 0.0 && v <= 1.0, "0 <= delta_P <= 1 required."));
    private static readonly SynapseColumn PoolP = Declared.Parameter("P", 1.0,
        new Requirement(static v => v >= 0.0 && v <= 1.0, "0 <= P <= 1 required."));

    /// <summary>The time of the last spike through the synapse (0 at the start).</summary>
    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);

    protected override SynapseSchema DeclaredSchema => Declared;

    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        Deliver(new Rule(block), block, spikes, context, model);

    /// <summary>Recovery of the pool since the last spike, transmission with w·P, depletion (see the class summary).</summary>
    private readonly struct Rule(SynapseBlock block) : ITransmissionRule
    {
        private readonly double[] _tauP = block.State[TauP.Index], _deltaP = block.State[DeltaP.Index],
            _pool = block.State[PoolP.Index], _lastSpike = block.State[LastSpike.Index];

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public bool Transmit(int i, double weight, long stamp, double tSpike, out double transmitted)
        {
            double h = tSpike - _lastSpike[i];
            double pool = 1.0 - (1.0 - _pool[i]) * Math.Exp(-h / _tauP[i]);
            transmitted = weight * pool;
            _pool[i] = pool * (1.0 - _deltaP[i]);
            _lastSpike[i] = tSpike;
            return true;
        }
    }
}
