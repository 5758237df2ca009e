namespace NestSharp.Models.Neurons;

/// <summary>
/// parrot_neuron_ps: the parrot_neuron for precise spike times. It repeats every spike it receives on receptor_type 0
/// in the step the spike arrives, with the spike's offset (the time within the step it happened) and multiplicity, so
/// a spike sent at t = stamp - offset and passed on after a delay d leaves the parrot at t + d exactly; spikes arriving
/// in one step leave in the order of their times (largest offset first), each as its own event. Spikes on
/// receptor_type 1 are received (plastic synapses see them) but not repeated. Connection weights are ignored. The
/// parrot sends off-grid spikes (NEST's is_off_grid): creating one makes the kernel's off_grid_spiking true. Its spike
/// history (for plastic synapses leaving or reaching it) holds the precise times.
/// <para>Spikes reach it through synapses with their offsets (<see cref="IPreciseSpikeReceiver"/>); spikes a
/// generator adds into its input directly (poisson_generator, spike_dilutor) have no offset and leave after the
/// precise ones of their step, as one event with their summed multiplicity.</para>
/// <para>Parameters: none of its own (the archiving keys tau_minus, tau_minus_triplet and the calcium keys every
/// neuron has). No recordables.</para>
/// <para>Reference: NEST model documentation, parrot_neuron_ps; Morrison A, Straube S, Plesser HE, Diesmann M (2007)
/// Exact subthreshold integration with continuous spike times in discrete time neural network simulations. Neural
/// Comput 19:47-79.</para>
/// </summary>
[NodeModelName("parrot_neuron_ps")]
internal sealed class ParrotNeuronPs : NeuronGroup, IPreciseSpikeReceiver
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    // receptor 0 (repeated, with the spikes' offsets) and 1 (received, not repeated)
    private static readonly ParrotReceptors Receptors = new(Declared);

    /// <summary>The spikes on their way to each node (by storage position; null until the first), in arrival order.</summary>
    private readonly PreciseArrivals?[] _arrivals;

    /// <summary>Per thread: the arrivals of one node's current step, sorted by time before they leave.</summary>
    private PreciseArrival[][] _due = [];

    public ParrotNeuronPs(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _arrivals = new PreciseArrivals?[count];
    }

    public override bool SupportsCheckpoint => true;

    public override bool SendsOffGridSpikes => true;

    public bool TakesPreciseSpikesOn(int channel)
    {
        int first = ChannelOf(Receptors.Repeated);
        return channel >= first && channel < first + Count;
    }

    /// <summary>The parrot repeats spikes whatever their weight.</summary>
    public bool UsesWeights => false;

    public void ReceivePrecise(int channel, long step, double offset, int multiplicity, double weight, long stamp, int receptor) =>
        (_arrivals[channel - ChannelOf(Receptors.Repeated)] ??= new PreciseArrivals()).Add(new PreciseArrival(step, offset, multiplicity, weight));

    public override void Prepare(SimulationContext context)
    {
        base.Prepare(context);
        if (_due.Length != context.SpikesOfVp.Length)
            _due = Enumerable.Range(0, context.SpikesOfVp.Length).Select(_ => new PreciseArrival[4]).ToArray();
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread], thread));

    /// <summary>
    /// One step of a chunk: each node sends the spikes due in the step in the order of their times, each with its
    /// offset, then what generators added without an offset as one event.
    /// </summary>
    private readonly struct Stepper(ParrotNeuronPs group, SpikeBuffer spikes, int thread) : IChunkStepper
    {
        public void Advance(in ChunkStep step)
        {
            Span<double> arrived = step.Input(Receptors.Repeated);
            for (int k = 0; k < arrived.Length; k++)
            {
                int count = (int)arrived[k];
                if (count == 0) continue;
                int position = step.Start + k, id = group.IdOf(position);
                if (group._arrivals[position] is { } queue)
                {
                    int due = queue.TakeDue(step.Step, ref group._due[thread]);
                    foreach (ref readonly var spike in group._due[thread].AsSpan(0, due))
                    {
                        spikes.Add(step.Lag, id, spike.Multiplicity, 1.0, spike.Offset);
                        count -= spike.Multiplicity;
                    }
                }
                // What generators added into the input directly, without an offset.
                if (count > 0) spikes.Add(step.Lag, id, count);
            }
        }
    }

    /// <summary>The spikes on their way to each node, by node id.</summary>
    protected override void SaveModelState(CheckpointWriter writer) =>
        WriteInIdOrder(writer, _arrivals, arrivals => arrivals.Save(writer));

    /// <summary>Reads what <see cref="SaveModelState"/> wrote.</summary>
    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context) =>
        ReadInIdOrder(reader, _arrivals, PreciseArrivals.Restore);
}
