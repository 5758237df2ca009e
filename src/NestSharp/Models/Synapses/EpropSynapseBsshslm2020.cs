using NestSharp.Models.Neurons;

namespace NestSharp.Models.Synapses;

/// <summary>
/// eprop_synapse_bsshslm_2020: the plastic synapse of e-prop (Bellec et al. 2020) between the recurrent neurons
/// (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020) and from them to the readout neurons
/// (eprop_readout_bsshslm_2020). Its weight changes once per update interval T (eprop_update_interval) by the gradient
/// its target computes from the pre-synaptic spikes of the previous interval and the target's e-prop history (see
/// <see cref="EpropIafBsshslm2020Group.ComputeGradient"/> and <see cref="EpropReadoutBsshslm2020.ComputeGradient"/>). With
/// the target's shift s (2 for recurrent, 3 for readout neurons), a spike stamped t does, as NEST's send:
/// <code>
/// recurrent target and (t - s) mod T == 0:  the spike is not transmitted (nothing changes)
/// after a flush event: a further flush event does nothing; otherwise t_prev, t_trigger ← t
/// t_trigger == 0:  t_trigger ← t
/// t_prev &gt; 0:     isi = min(t, t_next + s) - min(t_prev, t_next + s); isi &gt; 0: keep isi
/// t &gt; t_next + s:  k = (t - s) / T; the target's update history moves from t_update to k·T;
///                  g += gradient(isis, t_update, t_trigger, κ = exp(-h/tau_m_readout)) (isis cleared);
///                  not a flush event: w ← optimizer(k, g, w), g ← 0
///                  t_update ← k·T; t_next ← t_update + T; t_trigger ← t
/// otherwise, a spike after a flush event: the update history moves on, w ← optimizer(k, g, w), g ← 0
/// not a flush event: t_prev ← t; transmit w
/// </code>
/// <para>Parameters: weight, delay (one step only: NEST's current implementation needs it), tau_m_readout (ms, &gt;
/// 0, the readout's membrane time constant for the low-pass filter of the eligibility trace); common: average_gradient
/// (divide the gradient by the learning window), optimizer (the model's weight optimizer, gradient_descent or adam:
/// <see cref="WeightOptimizerSettings"/>). Flush events (sent by a recurrent neuron after a silence of
/// flush_event_send_interval) bring a synapse's gradient up to date without transmitting anything; the weight then
/// changes at the next spike, as in NEST.</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. NEST model documentation,
/// eprop_synapse_bsshslm_2020 (NEST 3.10).</para>
/// </summary>
[SynapseModelName("eprop_synapse_bsshslm_2020")]
[SynapseModelName("eprop_synapse_bsshslm_2020_hpc")]
internal sealed class EpropSynapseBsshslm2020(string name) : EpropSynapseType(name, Optimizer)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn TauMReadout = Declared.Parameter("tau_m_readout", 10.0,
        Requirement.Positive("Membrane time constant of readout neuron tau_m_readout > 0 required"));

    private static readonly CommonParameter AverageGradient = Declared.CommonFlag("average_gradient", false);

    private static readonly SynapseColumn Gradient = Declared.State("gradient");
    private static readonly SynapseColumn TSpikePrevious = Declared.State("t_spike_previous");
    private static readonly SynapseColumn PreviousWasFlush = Declared.State("previous_was_flush_event");
    private static readonly SynapseColumn TPreviousUpdate = Declared.State("t_previous_update");

    /// <summary>The step of the next update; -1 until the first run (then eprop_update_interval, NEST's initial value).</summary>
    private static readonly SynapseColumn TNextUpdate = Declared.State("t_next_update", -1.0);

    private static readonly SynapseColumn TPreviousTrigger = Declared.State("t_previous_trigger_spike");

    /// <summary>Whether the target counted the synapse's first update (NEST's initialize_update_history at Connect).</summary>
    private static readonly SynapseColumn Initialized = Declared.State("update_history_initialized");

    /// <summary>The number of the synapse's list of pre-synaptic inter-spike intervals among its target's (<see cref="EpropIsiLists"/>; -1: none yet).</summary>
    private static readonly SynapseColumn IsiList = Declared.State("isi_list", -1.0);

    private static readonly WeightOptimizerColumns Optimizer = new(Declared);

    protected override SynapseSchema DeclaredSchema => Declared;

    public override PreciseWeight WeightForPreciseTargets => PreciseWeight.Logged;

    /// <summary>NEST's REQUIRES_EPROP_ARCHIVING: the targets are e-prop neurons of the bsshslm_2020 family.</summary>
    public override void CheckTarget(NeuronGroup target)
    {
        if (target is not (EpropIafBsshslm2020Group or EpropReadoutBsshslm2020))
            throw new IllegalConnectionException($"{target.Model.Name} does not support e-prop synapses: '{Name}' needs an e-prop neuron of the bsshslm_2020 family (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020 or eprop_readout_bsshslm_2020) as target.");
    }

    /// <summary>
    /// Before every run: each synapse counts itself into its target's e-prop in-degree (NEST's register_eprop_connection);
    /// a new one also adds its first update to the target's update history and starts its own update count-down.
    /// </summary>
    public override void PrepareRun(SimulationContext context, IReadOnlyList<SynapseBlock> blocks)
    {
        long interval = Math.Max(1L, (long)Math.Floor(context.Eprop.UpdateInterval * context.Time.StepsPerMs + 0.5));
        Targets.Resolve(blocks, context.Nodes);
        foreach (var block in blocks)
        {
            double[] initialized = block.State[Initialized.Index], next = block.State[TNextUpdate.Index];
            var table = Targets.Of(block);
            int[] groupOf = table.GroupOf, positionOf = table.PositionOf;
            for (int i = 0; i < groupOf.Length; i++)
            {
                int position = positionOf[i];
                switch (table.Groups[groupOf[i]])
                {
                    case EpropIafBsshslm2020Group recurrent:
                        recurrent.RegisterEpropConnection(position);
                        if (initialized[i] == 0.0) recurrent.InitializeUpdateHistory(position);
                        break;
                    case EpropReadoutBsshslm2020 readout:
                        readout.RegisterEpropConnection(position);
                        if (initialized[i] == 0.0) readout.InitializeUpdateHistory(position);
                        break;
                }
                initialized[i] = 1.0;
                if (next[i] < 0) next[i] = interval;
            }
        }
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var ring = context.Ring;
        double[] data = ring.Data, weights = block.Weights;
        int channels = ring.Channels, slots = ring.Slots;
        int[] channelOf = block.Channels, offsets = block.Offsets;
        var targets = Targets.Of(block);
        NeuronGroup[] groups = targets.Groups;
        int[] groupOf = targets.GroupOf, positionOf = targets.PositionOf;
        double[] tau = block.State[TauMReadout.Index], gradient = block.State[Gradient.Index], tPrev = block.State[TSpikePrevious.Index];
        double[] tUpdate = block.State[TPreviousUpdate.Index], tNext = block.State[TNextUpdate.Index], flushBefore = block.State[PreviousWasFlush.Index];
        double[] tTrigger = block.State[TPreviousTrigger.Index], lists = block.State[IsiList.Index];
        bool average = model.CommonValues[AverageGradient.Index] != 0.0;
        var optimizer = (WeightOptimizerSettings)model.CommonDictionary!;
        double h = context.Time.Resolution;
        int? recorder = model.WeightRecorderId;
        foreach (ref readonly var spike in spikes)
        {
            int s = spike.Source - block.SourceMin;
            if ((uint)s >= (uint)block.SourceCount) continue;
            bool isFlush = spike.IsFlushEvent;
            long tSpike = context.SliceStart + spike.Lag + 1;
            int baseSlot = (int)((context.SliceStart + spike.Lag) % slots);
            for (int i = offsets[s]; i < offsets[s + 1]; i++)
            {
                bool previousWasFlush = flushBefore[i] != 0.0;
                if (previousWasFlush)
                {
                    if (isFlush) continue;
                    tPrev[i] = tSpike;
                    tTrigger[i] = tSpike;
                }
                int channel = channelOf[i];
                var group = groups[groupOf[i]];
                int position = positionOf[i];
                var recurrent = group as EpropIafBsshslm2020Group;
                var readout = group as EpropReadoutBsshslm2020;
                long interval = recurrent?.UpdateIntervalSteps ?? readout!.UpdateIntervalSteps;
                long shift = recurrent is not null ? EpropIafBsshslm2020Group.Shift : EpropReadoutBsshslm2020.Shift;
                if (recurrent is not null && (tSpike - shift) % interval == 0) continue;
                if (tTrigger[i] == 0) tTrigger[i] = tSpike;
                long next = (long)tNext[i] + shift;
                if (tPrev[i] > 0)
                {
                    long isi = Math.Min(tSpike, next) - Math.Min((long)tPrev[i], next);
                    if (isi > 0) (recurrent?.IsiLists ?? readout!.IsiLists).Of(position, ref lists[i]).Add(isi);
                }
                if (tSpike > next)
                {
                    long k = (tSpike - shift) / interval;
                    long current = k * interval;
                    if (recurrent is not null) recurrent.ArchiveAt(position).WriteUpdateToHistory((long)tUpdate[i], current, isFlush, previousWasFlush);
                    else readout!.ArchiveAt(position).WriteUpdateToHistory((long)tUpdate[i], current, isFlush, previousWasFlush);
                    if (lists[i] >= 0 && tPrev[i] > 0)
                    {
                        var isis = (recurrent?.IsiLists ?? readout!.IsiLists).Of(position, ref lists[i]);
                        if (isis.Count > 0)
                        {
                            double kappa = Math.Exp(-h / tau[i]);
                            var span = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(isis);
                            gradient[i] += recurrent is not null
                                ? recurrent.ComputeGradient(position, span, (long)tUpdate[i], (long)tTrigger[i], kappa, average)
                                : readout!.ComputeGradient(position, span, (long)tTrigger[i], average);
                            isis.Clear();
                        }
                    }
                    if (!isFlush)
                    {
                        weights[i] = Optimize(block, i, optimizer, k, gradient[i], weights[i]);
                        gradient[i] = 0.0;
                    }
                    tUpdate[i] = current;
                    tNext[i] = current + interval;
                    tTrigger[i] = tSpike;
                }
                else if (!isFlush && previousWasFlush)
                {
                    long k = (tSpike - shift) / interval;
                    long current = k * interval;
                    if (recurrent is not null) recurrent.ArchiveAt(position).WriteUpdateToHistory((long)tUpdate[i], current, isFlush, previousWasFlush);
                    else readout!.ArchiveAt(position).WriteUpdateToHistory((long)tUpdate[i], current, isFlush, previousWasFlush);
                    weights[i] = Optimize(block, i, optimizer, k, gradient[i], weights[i]);
                    gradient[i] = 0.0;
                }
                flushBefore[i] = isFlush ? 1.0 : 0.0;
                if (isFlush) continue;
                tPrev[i] = tSpike;

                double w = weights[i];
                RingInput.Add(data, channels, slots, baseSlot, block.DelayAt(i), channel, in spike, i, w, in context);
                if (recorder is { } id) context.WeightEvents.Add(id, tSpike, spike.Source, context.NodeOfChannel[channel & int.MaxValue], w, block.PortAt(i), i);
            }
        }
    }

    /// <summary>NEST's optimized_weight of the synapse's optimizer (its state in the synapse's columns).</summary>
    private static double Optimize(SynapseBlock block, int i, WeightOptimizerSettings settings, long update, double gradient, double weight)
    {
        var state = Optimizer.Load(block, i);
        weight = state.OptimizedWeight(settings, update, gradient, weight);
        Optimizer.Store(block, i, state);
        return weight;
    }
}
