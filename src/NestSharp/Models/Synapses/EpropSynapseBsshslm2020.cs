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
/// t_trigger == 0:  t_trigger ← t
/// t_prev &gt; 0:     isi = min(t, t_next + s) - min(t_prev, t_next + s); isi &gt; 0: keep isi
/// t &gt; t_next + s:  k = (t - s) / T; the target's update history moves from t_update to k·T;
///                  g += gradient(isis, t_update, t_trigger, κ = exp(-h/tau_m_readout)) (isis cleared);
///                  w ← optimizer(k, g, w); g ← 0; t_update ← k·T; t_next ← t_update + T; t_trigger ← t
/// t_prev ← t; transmit w
/// </code>
/// <para>Parameters: weight, delay (one step only: NEST's current implementation needs it), tau_m_readout (ms, &gt;
/// 0, the readout's membrane time constant for the low-pass filter of the eligibility trace); common: average_gradient
/// (divide the gradient by the learning window). The weight optimizer (gradient_descent or adam) is not here yet: the
/// weight stays as set (see the model's report).</para>
/// <para>References: Bellec G et al. (2020). Nature Communications 11:3625. NEST model documentation,
/// eprop_synapse_bsshslm_2020 (NEST 3.10).</para>
/// </summary>
[SynapseModelName("eprop_synapse_bsshslm_2020")]
internal sealed class EpropSynapseBsshslm2020(string name) : SynapseType(name)
{
    private static readonly SynapseSchema Declared = new();

    private static readonly SynapseColumn TauMReadout = Declared.Parameter("tau_m_readout", 10.0,
        Requirement.Positive("Membrane time constant of readout neuron tau_m_readout > 0 required"));

    private static readonly CommonParameter AverageGradient = Declared.CommonParameter("average_gradient", 0.0);

    private static readonly SynapseColumn Gradient = Declared.State("gradient");
    private static readonly SynapseColumn TSpikePrevious = Declared.State("t_spike_previous");
    private static readonly SynapseColumn TPreviousUpdate = Declared.State("t_previous_update");

    /// <summary>The step of the next update; -1 until the first spike (then eprop_update_interval, NEST's initial value).</summary>
    private static readonly SynapseColumn TNextUpdate = Declared.State("t_next_update", -1.0);

    private static readonly SynapseColumn TPreviousTrigger = Declared.State("t_previous_trigger_spike");

    /// <summary>The synapse's list of pre-synaptic inter-spike intervals in <see cref="_isis"/> (-1: none yet).</summary>
    private static readonly SynapseColumn IsiList = Declared.State("isi_list", -1.0);

    protected override SynapseSchema DeclaredSchema => Declared;

    /// <summary>Every synapse's inter-spike intervals since its last update (NEST's presyn_isis_), by the synapse's list number.</summary>
    private readonly List<List<long>> _isis = [];
    private readonly Lock _isisLock = new();

    /// <summary>The e-prop groups connections of this model end on (noted when connected).</summary>
    private NeuronGroup[] _targets = [];

    public override bool ReadsPostSynapticHistory => false;

    public override PreciseWeight WeightForPreciseTargets => PreciseWeight.Logged;

    /// <summary>NEST: the sources send spike events (neurons and parrots).</summary>
    public override void CheckSource(NodeGroup source) => RequireSpikeEventSource(source, Name);

    /// <summary>NEST's REQUIRES_EPROP_ARCHIVING: the targets are e-prop neurons of the bsshslm_2020 family.</summary>
    public override void CheckTarget(NeuronGroup target)
    {
        if (target is not (EpropIafBsshslm2020Group or EpropReadoutBsshslm2020))
            throw new IllegalConnectionException($"{target.Model.Name} does not support e-prop synapses: '{Name}' needs an e-prop neuron (eprop_iaf_bsshslm_2020, eprop_iaf_adapt_bsshslm_2020 or eprop_readout_bsshslm_2020) as target.");
        lock (_isisLock)
        {
            if (Array.IndexOf(_targets, target) < 0) _targets = [.. _targets, target];
        }
    }

    /// <summary>NEST's check_connection: the delay is one step; the target registers the synapse (its e-prop archive starts).</summary>
    public override void OnCreated(SynapseBlock block, int index, bool statusSet, SynapseModel model)
    {
        if (block.DelayAt(index) != 1)
            throw new IllegalConnectionException("eprop synapses currently require a delay of one simulation step");
        var (group, position) = Locate(block.Channels[index]);
        switch (group)
        {
            case EpropIafBsshslm2020Group recurrent:
                recurrent.ArchiveAt(position).Register(EpropIafBsshslm2020Group.Shift);
                break;
            case EpropReadoutBsshslm2020 readout:
                readout.ArchiveAt(position).Register(EpropReadoutBsshslm2020.Shift);
                break;
        }
    }

    /// <summary>The target group and storage position of an input channel of a synapse.</summary>
    private (NeuronGroup Group, int Position) Locate(int encodedChannel)
    {
        int channel = encodedChannel & int.MaxValue;
        foreach (var group in _targets)
        {
            int offset = channel - group.ChannelBase;
            if (offset >= 0 && offset < group.ChannelsPerNode * group.Count) return (group, offset % group.Count);
        }
        throw new InvalidOperationException($"{Name}: channel {channel} is not an e-prop neuron's");
    }

    /// <summary>The inter-spike-interval list of a synapse, made when first needed.</summary>
    private List<long> IsisOf(double[] lists, int synapse)
    {
        int list = (int)lists[synapse];
        if (list >= 0) return _isis[list];
        lock (_isisLock)
        {
            _isis.Add([]);
            lists[synapse] = _isis.Count - 1;
            return _isis[^1];
        }
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var ring = context.Ring;
        double[] data = ring.Data, weights = block.Weights;
        int channels = ring.Channels, slots = ring.Slots;
        int[] channelOf = block.Channels, offsets = block.Offsets;
        double[] tau = block.State[TauMReadout.Index], gradient = block.State[Gradient.Index], tPrev = block.State[TSpikePrevious.Index];
        double[] tUpdate = block.State[TPreviousUpdate.Index], tNext = block.State[TNextUpdate.Index];
        double[] tTrigger = block.State[TPreviousTrigger.Index], lists = block.State[IsiList.Index];
        bool average = model.CommonValues[AverageGradient.Index] != 0.0;
        double h = context.Time.Resolution;
        int? recorder = model.WeightRecorderId;
        foreach (ref readonly var spike in spikes)
        {
            int s = spike.Source - block.SourceMin;
            if ((uint)s >= (uint)block.SourceCount) continue;
            long tSpike = context.SliceStart + spike.Lag + 1;
            int baseSlot = (int)((context.SliceStart + spike.Lag) % slots);
            for (int i = offsets[s]; i < offsets[s + 1]; i++)
            {
                int channel = channelOf[i];
                var (group, position) = Locate(channel);
                var recurrent = group as EpropIafBsshslm2020Group;
                var readout = group as EpropReadoutBsshslm2020;
                long interval = recurrent?.UpdateIntervalSteps ?? readout!.UpdateIntervalSteps;
                long shift = recurrent is not null ? EpropIafBsshslm2020Group.Shift : EpropReadoutBsshslm2020.Shift;
                if (recurrent is not null && (tSpike - shift) % interval == 0) continue;
                if (tNext[i] < 0) tNext[i] = interval;
                if (tTrigger[i] == 0) tTrigger[i] = tSpike;
                long next = (long)tNext[i] + shift;
                if (tPrev[i] > 0)
                {
                    long isi = Math.Min(tSpike, next) - Math.Min((long)tPrev[i], next);
                    if (isi > 0) IsisOf(lists, i).Add(isi);
                }
                if (tSpike > next)
                {
                    long k = (tSpike - shift) / interval;
                    long current = k * interval;
                    var archive = recurrent is not null ? recurrent.ArchiveAt(position) : readout!.ArchiveAt(position);
                    archive.WriteUpdate((long)tUpdate[i], current, isFlush: false, previousWasFlush: false, shift);
                    if (lists[i] >= 0 && tPrev[i] > 0)
                    {
                        var isis = IsisOf(lists, i);
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
                    weights[i] = OptimizedWeight(k, gradient[i], weights[i]);
                    gradient[i] = 0.0;
                    tUpdate[i] = current;
                    tNext[i] = current + interval;
                    tTrigger[i] = tSpike;
                }
                tPrev[i] = tSpike;

                double w = weights[i];
                int slot = baseSlot + block.DelayAt(i);
                if (slot >= slots) slot -= slots;
                if (channel >= 0)
                {
                    data[(nint)slot * channels + channel] += w * spike.Multiplicity;
                }
                else
                {
                    data[(nint)slot * channels + (channel & int.MaxValue)] += spike.Multiplicity;
                    context.PreciseWeights?.Add(in spike, i, w);
                }
                if (recorder is { } id) context.WeightEvents.Add(id, tSpike, spike.Source, context.NodeOfChannel[channel & int.MaxValue], w, block.PortAt(i), i);
            }
        }
    }

    /// <summary>The weight optimizer's new weight (to come from the shared weight optimizers; the weight is kept meanwhile).</summary>
    private static double OptimizedWeight(long updateIndex, double gradient, double weight)
    {
        _ = updateIndex;
        _ = gradient;
        return weight;
    }
}
