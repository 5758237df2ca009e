using NestSharp.Models.Neurons;

namespace NestSharp.Models.Synapses;

/// <summary>
/// eprop_synapse: the plastic synapse of eligibility propagation (e-prop, Bellec et al. 2020) in NEST's event-based
/// form (Korcsak-Gorzo et al. 2025). At each presynaptic spike or flush event the synapse asks its target (a recurrent
/// e-prop neuron, <see cref="EpropRecurrentGroup"/>, or an eprop_readout) to walk its e-prop history from the previous
/// spike, up to eprop_isi_trace_cutoff, computing the gradient
/// <code>
/// recurrent target: g = Σ_t L_j(t) ē_ji(t) + c_reg-term · ē_reg,  ē = kappa ē + ψ_j z̄_i,  z̄_i = α z̄_i + z_i
/// readout target:   g = Σ_t E_k(t) z̄_i(t)
/// </code>
/// and changes the weight by the model's optimizer (the common dictionary <c>optimizer</c>: gradient_descent or adam,
/// see <see cref="WeightOptimizerSettings"/>), each step or once per spike (optimize_each_step), clipped to
/// [Wmin, Wmax]. Then the spike is transmitted with the new weight (flush events are not transmitted) and the target
/// erases the history no synapse needs any more. The delay must be one step (NEST's restriction).
/// <para>Parameters: weight (pA), delay (ms, one step); common: optimizer. Connections are counted into their target's
/// e-prop indegree before each run (NEST's register_eprop_connection at Connect).</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. Korcsak-Gorzo A et al. (2025).
/// Event-based implementation of eligibility propagation. NEST model documentation, eprop_synapse (NEST 3.10).</para>
/// </summary>
[SynapseModelName("eprop_synapse")]
[SynapseModelName("eprop_synapse_hpc")]
internal sealed class EpropSynapse(string name) : EpropSynapseType(name, Optimizer)
{
    private static readonly SynapseSchema Declared = new();
    private static readonly SynapseColumn TSpikePrevious = Declared.State("t_spike_previous");
    private static readonly SynapseColumn PreviousWasFlushEvent = Declared.State("previous_was_flush_event");
    private static readonly SynapseColumn ZBar = Declared.State("z_bar");
    private static readonly SynapseColumn EBar = Declared.State("e_bar");
    private static readonly SynapseColumn EBarReg = Declared.State("e_bar_reg");
    private static readonly SynapseColumn Epsilon = Declared.State("epsilon");
    private static readonly SynapseColumn ZPreviousBuffer = Declared.State("z_previous_buffer");
    private static readonly SynapseColumn Gradient = Declared.State("gradient");
    private static readonly SynapseColumn RemainingSteps = Declared.State("remaining_steps_until_cutoff");
    private static readonly SynapseColumn DecaySteps = Declared.State("decay_steps");
    private static readonly WeightOptimizerColumns Optimizer = new(Declared);

    protected override SynapseSchema DeclaredSchema => Declared;

    public override PreciseWeight WeightForPreciseTargets => PreciseWeight.Stored;

    public override void CheckTarget(NeuronGroup target)
    {
        if (target is not (EpropRecurrentGroup or EpropReadout)) throw new IllegalConnectionException("The target node does not support eprop synapses.");
    }

    /// <summary>Finds every synapse's target and counts the synapse into its e-prop indegree (the targets reset it in their Prepare).</summary>
    public override void PrepareRun(SimulationContext context, IReadOnlyList<SynapseBlock> blocks)
    {
        Targets.Resolve(blocks, context.Nodes);
        foreach (var block in blocks)
        {
            var table = Targets.Of(block);
            int[] groupOf = table.GroupOf, positionOf = table.PositionOf;
            for (int i = 0; i < groupOf.Length; i++) ((IEpropTarget)table.Groups[groupOf[i]]).RegisterEpropConnection(positionOf[i]);
        }
    }

    /// <summary>Long counts kept in doubles: infinity's step count (long.MaxValue) is not a double; it saturates.</summary>
    private static long ToLong(double value) => value >= 9.2e18 ? long.MaxValue : (long)value;

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var targets = Targets.Of(block);
        NeuronGroup[] groups = targets.Groups;
        int[] groupOf = targets.GroupOf, positionOf = targets.PositionOf;
        var cp = (WeightOptimizerSettings)model.CommonDictionary!;
        int? recorder = model.WeightRecorderId;
        var ring = context.Ring;
        double[] data = ring.Data, weights = block.Weights;
        int channels = ring.Channels, slots = ring.Slots;
        int[] channelOf = block.Channels, nodeOfChannel = context.NodeOfChannel;
        double[][] s = block.State;
        foreach (ref readonly var spike in spikes)
        {
            int source = spike.Source - block.SourceMin;
            if ((uint)source >= (uint)block.SourceCount) continue;
            int first = block.Offsets[source], end = block.Offsets[source + 1];
            if (first == end) continue;
            long tSpike = context.SliceStart + spike.Lag + 1;
            bool isFlush = spike.IsFlushEvent;
            int baseSlot = (int)((context.SliceStart + spike.Lag) % slots);
            for (int i = first; i < end; i++)
            {
                // The two kinds of target CheckTarget admits, called directly (no virtual call per event).
                var group = groups[groupOf[i]];
                var readout = group as EpropReadout;
                int position = positionOf[i];
                long tPrevious = (long)s[TSpikePrevious.Index][i];
                bool previousWasFlush = s[PreviousWasFlushEvent.Index][i] != 0.0;
                double weight = weights[i];
                if (tPrevious != 0)
                {
                    var trace = new EpropSynapseTrace
                    {
                        ZPreviousBuffer = s[ZPreviousBuffer.Index][i],
                        ZBar = s[ZBar.Index][i],
                        EBar = s[EBar.Index][i],
                        EBarReg = s[EBarReg.Index][i],
                        Epsilon = s[Epsilon.Index][i],
                        Gradient = s[Gradient.Index][i],
                        RemainingStepsUntilCutoff = ToLong(s[RemainingSteps.Index][i]),
                        DecaySteps = ToLong(s[DecaySteps.Index][i]),
                    };
                    var optimizer = Optimizer.Load(block, i);
                    if (readout is not null)
                        readout.ComputeGradient(position, tSpike, tPrevious, ref trace, ref weight, cp, ref optimizer, isFlush, previousWasFlush);
                    else
                        ((EpropRecurrentGroup)group).ComputeGradient(position, tSpike, tPrevious, ref trace, ref weight, cp, ref optimizer, isFlush, previousWasFlush);
                    s[ZPreviousBuffer.Index][i] = trace.ZPreviousBuffer;
                    s[ZBar.Index][i] = trace.ZBar;
                    s[EBar.Index][i] = trace.EBar;
                    s[EBarReg.Index][i] = trace.EBarReg;
                    s[Epsilon.Index][i] = trace.Epsilon;
                    s[Gradient.Index][i] = trace.Gradient;
                    s[RemainingSteps.Index][i] = trace.RemainingStepsUntilCutoff;
                    s[DecaySteps.Index][i] = trace.DecaySteps;
                    Optimizer.Store(block, i, optimizer);
                    weights[i] = weight;
                }
                if (readout is not null) readout.EraseUsedEpropHistory(position, tSpike, tPrevious);
                else ((EpropRecurrentGroup)group).EraseUsedEpropHistory(position, tSpike, tPrevious);
                s[TSpikePrevious.Index][i] = tSpike;
                s[PreviousWasFlushEvent.Index][i] = isFlush ? 1.0 : 0.0;
                if (isFlush) continue;
                int slot = baseSlot + block.DelayAt(i);
                if (slot >= slots) slot -= slots;
                data[(nint)slot * channels + (channelOf[i] & int.MaxValue)] += weight * spike.Multiplicity;
                if (recorder is { } id)
                    context.WeightEvents.Add(id, tSpike, spike.Source, nodeOfChannel[channelOf[i] & int.MaxValue], weight, block.PortAt(i), i);
            }
        }
    }
}
