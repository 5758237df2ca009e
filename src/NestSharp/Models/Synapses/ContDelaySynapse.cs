namespace NestSharp.Models.Synapses;

/// <summary>
/// cont_delay_synapse (and cont_delay_synapse_hpc): a static synapse whose delay need not be a multiple of the
/// resolution h. As in NEST, a delay is kept as d whole steps less an offset o in [0, h):
/// <code>
/// delay = d·h - o;  given a delay D: with k = floor(D/h), f = D/h - k:  d = k + 1, o = h·(1 - f)  (f &gt; 0),
///                                                                  d = D/h, o = 0                 (f = 0)
/// a spike with offset s (before the end of its step) is transmitted with the weight w:
///   s + o &lt; h:  it arrives d steps later with offset s + o
///   otherwise:  it arrives d - 1 steps later with offset s + o - h
/// </code>
/// so that a precise receiver (iaf_psc_*_ps, parrot_neuron_ps) gets it at the exact time t_spike + delay; a grid
/// receiver gets it in the step the exact time falls in. Both k and k + 1 steps must be allowed delays: a delay below
/// the resolution is refused (BadDelay). As in NEST, a delay given to Connect is rounded to whole steps (the new
/// connection keeps the offset of the model's default delay); a delay that is not a multiple of h is set with
/// SetDefaults (or CopyModel) before Connect, or on the connections after it. GetStatus reports d·h - o.
/// <para>Parameters: weight (default 1) and delay (ms, 1). Sources: any node a static_synapse takes.</para>
/// </summary>
[SynapseModelName("cont_delay_synapse", Labelled = true)]
[SynapseModelName("cont_delay_synapse_hpc")]
internal sealed class ContDelaySynapse(string name) : SynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    /// <summary>The part of the delay below its whole steps (ms, in [0, h)).</summary>
    private static readonly SynapseColumn Offset = Declared.State("delay_offset", 0.0);

    protected override SynapseSchema DeclaredSchema => Declared;

    public override bool SupportsCheckpoint => true;

    /// <summary>Recording devices connect through it (see <see cref="SynapseType.CarriesRecordingDeviceEvents"/>).</summary>
    public override bool CarriesRecordingDeviceEvents => true;

    /// <summary>The synapse transmits its stored weight (precise receivers take the offset from the precise routes).</summary>
    public override PreciseWeight WeightForPreciseTargets => PreciseWeight.Stored;

    public override SynapseColumn? DelayOffset => Offset;

    /// <summary>A new connection takes the offset of the model's default delay (NEST copies its default connection).</summary>
    public override void OnCreated(SynapseBlock block, int index, bool statusSet, SynapseModel model) =>
        block.State[Offset.Index][index] = model.DelayOffset;

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model) =>
        block.Deliver(new StaticDelivery<StepBack>(new StepBack(block.State[Offset.Index], context.Time.Resolution)), spikes, context, model);

    /// <summary>A spike arrives one step before the whole steps of the delay when its offset and the delay's reach a step (see the class summary).</summary>
    private readonly struct StepBack(double[] delayOffsets, double h) : IArrivalStep
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool OneStepEarlier(int synapse, double spikeOffset) => spikeOffset + delayOffsets[synapse] >= h;
    }
}
