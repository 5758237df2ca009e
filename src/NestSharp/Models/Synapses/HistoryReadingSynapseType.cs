namespace NestSharp.Models.Synapses;

/// <summary>
/// What a plastic synapse does to one of its synapses when a spike passes: reads the target's history, changes the
/// weight and the synapse's own traces, and returns the weight the spike is transmitted with. Implemented by a struct
/// (a ref struct where it holds a span) over the columns of one block, so that the delivery loop is specialised for it;
/// implementations mark <see cref="Transmit"/> for inlining.
/// </summary>
internal interface IPlasticityRule
{
    /// <summary>
    /// Applies the rule to <paramref name="synapse"/> (whose target is <paramref name="target"/> and whose delay is
    /// <paramref name="delaySteps"/>) for a pre-synaptic spike at <paramref name="tSpike"/> (ms): returns the weight the
    /// spike is transmitted with, from the synapse's <paramref name="weight"/>, and advances the synapse's traces and
    /// last spike time to <paramref name="tSpike"/>.
    /// </summary>
    double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps);
}

/// <summary>
/// A plasticity rule whose synapses of one source share part of their state while they are in step (runs,
/// <see cref="SynapseBlock.Runs"/>): the delivery loop tells it where each run of a spike's source begins and ends, so
/// that the shared part is read before the run's synapses and advanced once after them.
/// </summary>
internal interface ISourceTraceRule : IPlasticityRule
{
    /// <summary>Before the synapses of run <paramref name="run"/>: takes up the run's shared state.</summary>
    void BeginRun(int run);

    /// <summary>After the synapses of run <paramref name="run"/>: advances the run's shared state to the spike at <paramref name="tSpike"/>.</summary>
    void EndRun(int run, double tSpike);
}

/// <summary>
/// Base of the plastic synapse models whose rule reads what the post-synaptic neuron keeps (its spike history, or a
/// voltage-based history): each synapse keeps the time of the last spike it transmitted (its target's id follows from its
/// input channel, <see cref="DeliveryContext.NodeOfChannel"/>), and its
/// sources must send spike events (neurons, parrots, spike_train_injector, pulsepacket_generator: NEST refuses the
/// generators that serve each target on its own, whose spikes reach plastic synapses through a parrot neuron). A
/// pre-synaptic spike of multiplicity m in step s (stamped s + 1) does for each synapse i of its source, in the order
/// of the block:
/// <code>
/// w_i ← Rule.Transmit(i, w_i, target_i, t_spike = time of s + 1, d_i)       (d_i the delay in steps)
/// the target's channel receives m·w_i in step s + d_i (or m, for a target that counts spikes)
/// the model's weight_recorder, if any, records w_i
/// </code>
/// </summary>
/// <param name="name">The synapse model's name.</param>
internal abstract class HistoryReadingSynapseType(string name) : SynapseType(name)
{
    public sealed override bool ReadsPostSynapticHistory => true;

    /// <summary>Delivery logs the weight each spike into a counting input leaves with.</summary>
    public sealed override PreciseWeight WeightForPreciseTargets => PreciseWeight.Logged;

    /// <summary>The column with the last spike time (ms) the model declared (per synapse, or shared by a source's synapses).</summary>
    protected abstract StoredColumn LastSpikeColumn { get; }

    public sealed override double LastSpikeTime(SynapseBlock block, int index) => LastSpikeColumn.ValueAt(block, index);

    /// <summary>NEST's check: the sources send spike events (see <see cref="SynapseType.RequireSpikeEventSource"/>).</summary>
    public sealed override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    /// <summary>
    /// A device that passes spikes on (spike_dilutor) keeps no spike history: NEST refuses such synapses to it. Neither
    /// does a neuron built on NEST's plain Node (gif_pop_psc_exp), whose register_stdp_connection refuses them.
    /// </summary>
    public override void CheckTarget(NeuronGroup target)
    {
        if (target is ISpikeRelayGroup)
            throw new IllegalConnectionException($"{target.Model.Name} does not support plastic ('{Name}') synapses.");
        RequireArchivingTarget(target);
    }

    /// <summary>NEST's Node::register_stdp_connection: a target that keeps no spike history does not support STDP synapses.</summary>
    protected void RequireArchivingTarget(NeuronGroup target)
    {
        if (!target.IsArchivingNode)
        {
            throw new IllegalConnectionException(
                $"The target node does not support STDP synapses: '{Name}' reads its target's spike history, which {target.Model.Name} does not keep.");
        }
    }

    /// <summary>
    /// NEST's check of a new connection of a model with an upper weight bound: the weight and Wmax lie on the same side
    /// of 0, a weight of 0 counting as positive and a Wmax of 0 as negative.
    /// </summary>
    protected static void RequireSameSign(double weight, double wmax)
    {
        if ((weight >= 0) != (wmax > 0))
        {
            throw new BadPropertyException("Wmax", wmax, $"weight ({weight}) and Wmax must have the same sign");
        }
    }

    /// <summary>Transmits the spikes through the synapses of <paramref name="block"/>, each updated by <paramref name="rule"/>.</summary>
    protected static void Deliver<TRule>(TRule rule, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TRule : struct, IPlasticityRule, allows ref struct =>
        block.Deliver(new Delivery<TRule, WholeSource<TRule>>(rule, new WholeSource<TRule>(block.Offsets)), spikes, context, model);

    /// <summary>
    /// Transmits the spikes through the synapses of <paramref name="block"/>, whose synapses of one source share traces
    /// in runs (<see cref="SynapseBlock.Runs"/>): <paramref name="rule"/> is told where each run begins and ends, so it
    /// advances the shared traces once per run and spike.
    /// </summary>
    protected static void DeliverByRuns<TRule>(TRule rule, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TRule : struct, ISourceTraceRule, allows ref struct =>
        block.Deliver(new Delivery<TRule, ByRuns<TRule>>(rule, new ByRuns<TRule>(block.Runs!)), spikes, context, model);

    /// <summary>
    /// How the delivery loop goes over a source's synapses: in parts (all of them as one, or its runs), the rule told
    /// where each part begins and ends. Implemented by a struct, so the loop is compiled per kind of part.
    /// </summary>
    private interface ISourceParts<TRule>
        where TRule : struct, IPlasticityRule, allows ref struct
    {
        /// <summary>The parts [<paramref name="firstPart"/>, <paramref name="endPart"/>) of source index <paramref name="s"/>; false if it has no synapses.</summary>
        bool PartsOf(int s, out int firstPart, out int endPart);

        /// <summary>The first synapse of part <paramref name="part"/> (of part <paramref name="part"/> - 1's end).</summary>
        int StartOf(int part);

        /// <summary>Before the synapses of <paramref name="part"/>.</summary>
        void Begin(ref TRule rule, int part);

        /// <summary>After the synapses of <paramref name="part"/>, for the spike at <paramref name="tSpike"/>.</summary>
        void End(ref TRule rule, int part, double tSpike);
    }

    /// <summary>A source's synapses as one part (rules that keep no state per run).</summary>
    private readonly struct WholeSource<TRule>(int[] offsets) : ISourceParts<TRule>
        where TRule : struct, IPlasticityRule, allows ref struct
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool PartsOf(int s, out int firstPart, out int endPart)
        {
            firstPart = s;
            endPart = s + 1;
            return offsets[s] != offsets[s + 1];
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int StartOf(int part) => offsets[part];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Begin(ref TRule rule, int part) { }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(ref TRule rule, int part, double tSpike) { }
    }

    /// <summary>A source's synapses run by run (<see cref="SourceRuns"/>), the rule taking up and advancing each run's shared state.</summary>
    private readonly struct ByRuns<TRule>(SourceRuns runs) : ISourceParts<TRule>
        where TRule : struct, ISourceTraceRule, allows ref struct
    {
        private readonly int[] _firstOfRun = runs.First, _runsOfSource = runs.OfSource;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public bool PartsOf(int s, out int firstPart, out int endPart)
        {
            firstPart = _runsOfSource[s];
            endPart = _runsOfSource[s + 1];
            return firstPart != endPart;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int StartOf(int part) => _firstOfRun[part];

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void Begin(ref TRule rule, int part) => rule.BeginRun(part);

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public void End(ref TRule rule, int part, double tSpike) => rule.EndRun(part, tSpike);
    }

    /// <summary>The delivery loop of a rule and a kind of part, compiled once per rule, kind of part and delay width.</summary>
    private readonly ref struct Delivery<TRule, TParts>(TRule rule, TParts parts) : IDeliveryLoop
        where TRule : struct, IPlasticityRule, allows ref struct
        where TParts : struct, ISourceParts<TRule>
    {
        private readonly TRule _rule = rule;
        private readonly TParts _parts = parts;

        public void Run<TDelays>(TDelays delays, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
            where TDelays : struct, IDelays =>
            Loop(_rule, _parts, delays, block, spikes, in context, model);

        private static void Loop<TDelays>(TRule rule, TParts parts, TDelays delays, SynapseBlock block, ReadOnlySpan<Spike> spikes,
            in DeliveryContext context, SynapseModel model)
            where TDelays : struct, IDelays
        {
            int? recorder = model.WeightRecorderId;
            int slots = context.Ring.Slots;
            foreach (ref readonly var spike in spikes)
            {
                int s = spike.Source - block.SourceMin;
                if ((uint)s >= (uint)block.SourceCount || !parts.PartsOf(s, out int firstPart, out int endPart)) continue;
                int last = parts.StartOf(endPart);
                long stamp = context.SliceStart + spike.Lag + 1;
                double tSpike = context.Time.StepToMs(stamp);
                int baseSlot = (int)((context.SliceStart + spike.Lag) % slots);
                for (int p = firstPart; p < endPart; p++)
                {
                    parts.Begin(ref rule, p);
                    Transmit(ref rule, delays, block, in spike, parts.StartOf(p), parts.StartOf(p + 1), last, stamp, tSpike, baseSlot, in context, recorder);
                    parts.End(ref rule, p, tSpike);
                }
            }
        }
    }

    /// <summary>
    /// Transmits one spike through synapses [<paramref name="first"/>, <paramref name="end"/>) of its source (whose
    /// synapses in the block end at <paramref name="last"/>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transmit<TRule, TDelays>(ref TRule rule, TDelays delays, SynapseBlock block, in Spike spike,
        int first, int end, int last, long stamp, double tSpike, int baseSlot, in DeliveryContext context, int? recorder)
        where TRule : struct, IPlasticityRule, allows ref struct
        where TDelays : struct, IDelays
    {
        double[] data = context.Ring.Data;
        int channels = context.Ring.Channels, slots = context.Ring.Slots;
        double[] weights = block.Weights;
        int[] channelsOf = block.Channels;
        int[] nodeOfChannel = context.NodeOfChannel;
        for (int i = first; i < end; i++)
        {
            int ahead = i + InputRing.PrefetchDistance;
            if (ahead < last)
            {
                int aheadSlot = baseSlot + delays[ahead];
                if (aheadSlot >= slots) aheadSlot -= slots;
                InputRing.Prefetch(data, (nint)aheadSlot * channels + (channelsOf[ahead] & int.MaxValue));
            }
            int delay = delays[i];
            int channel = channelsOf[i];
            int target = nodeOfChannel[channel & int.MaxValue];
            double w = rule.Transmit(i, weights[i], target, tSpike, delay);
            weights[i] = w;
            RingInput.Add(data, channels, slots, baseSlot, delay, channel, in spike, i, w, in context);

            // NEST's weight event: the receptor port on the target (rport) and the connection's port (its lcid).
            if (recorder is { } id)
                context.WeightEvents.Add(id, stamp, spike.Source, target, w, block.PortAt(i), i);
        }
    }
}
