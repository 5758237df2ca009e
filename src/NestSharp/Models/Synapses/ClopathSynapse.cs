using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Plasticity;

namespace NestSharp.Models.Synapses;

/// <summary>
/// clopath_synapse: voltage-based STDP (Clopath et al. 2010). The weight depends on the pre-synaptic spike train through
/// the trace x̄ and on the post-synaptic membrane potential through the target's <see cref="ClopathHistory"/> (only
/// aeif_psc_delta_clopath keeps one). A pre-synaptic spike at t_pre through a connection with delay d (previous spike
/// at t_last, 0 for the first) does, in this order:
/// <code>
/// for every LTP entry (t, dw) with t_last - d &lt; t &lt;= t_pre - d:  w ← min(Wmax, w + dw · x̄·exp((t_last - (t + d))/tau_x))
/// w ← max(Wmin, w - LTD(t_pre - d))            (the target's LTD value for the step ending at t_pre - d, else 0)
/// transmit w
/// x̄ ← x̄·exp((t_last - t_pre)/tau_x) + 1/tau_x,   t_last ← t_pre
/// </code>
/// The weight_recorder of the model (set with CopyModel or SetDefaults) records w after each spike.
/// <para>Parameters (per connection): weight, delay (ms), x_bar (initial trace, 1/ms, default 0), tau_x (ms, 15),
/// Wmin (0), Wmax (100). weight must have the sign of Wmin, and of Wmax (weight &gt;= 0 needs Wmax &gt; 0).</para>
/// <para>References: Clopath C, Büsing L, Vasilaki E, Gerstner W (2010) Connectivity reflects coding: a model of
/// voltage-based STDP with homeostasis. Nat Neurosci 13:344-352. NEST model documentation, clopath_synapse (NEST 3.10).</para>
/// </summary>
internal sealed class ClopathSynapse(string name) : SynapseType
{
    public const string ModelName = "clopath_synapse";

    private const int XBarColumn = 0, LastSpikeColumn = 1, TauXColumn = 2, WminColumn = 3, WmaxColumn = 4;
    private const int TargetColumn = 0;

    private static readonly (string Key, double Default)[] Parameters =
        [("x_bar", 0.0), ("tau_x", 15.0), ("Wmin", 0.0), ("Wmax", 100.0)];

    public override string Name { get; } = name;

    public override SynapseLayout Layout { get; } = new(["x_bar", "t_lastspike", "tau_x", "Wmin", "Wmax"], ["target"]);

    public override IReadOnlyList<(string Key, double Default)> ConnectionParameters => Parameters;

    public override bool ReadsPostSynapticHistory => true;

    public override void Validate(string key, double value)
    {
        if (key == "tau_x" && !(value > 0)) throw new BadParameterException(key, value, "tau_x must be strictly positive");
    }

    public override void CheckTarget(Nodes.NeuronGroup target)
    {
        if (target is not Neurons.AeifPscDeltaClopath)
            throw new IllegalConnectionException(
                $"{Name} reads the membrane-potential history of its target, which only aeif_psc_delta_clopath keeps; {target.Model.Name} does not.");
    }

    public override void Initialise(SynapseBlock block, int index, ReadOnlySpan<double> connectionValues, int targetId)
    {
        double weight = block.Weights[index], wmin = connectionValues[2], wmax = connectionValues[3];
        // NEST's sign rules: weight and Wmin on the same side of 0 (0 counting as positive); likewise weight and Wmax,
        // except that Wmax = 0 counts as negative.
        if ((weight >= 0) != (wmin >= 0))
            throw new BadParameterException("Wmin", wmin, $"weight ({weight}) and Wmin must have the same sign");
        if ((weight >= 0) != (wmax > 0))
            throw new BadParameterException("Wmax", wmax, $"weight ({weight}) and Wmax must have the same sign");
        block.State[XBarColumn][index] = connectionValues[0];
        block.State[LastSpikeColumn][index] = 0.0;
        block.State[TauXColumn][index] = connectionValues[1];
        block.State[WminColumn][index] = wmin;
        block.State[WmaxColumn][index] = wmax;
        block.Indices[TargetColumn][index] = targetId;
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var ring = context.Ring;
        var time = context.Time;
        var archive = context.Archive;
        double[] data = ring.Data;
        int channels = ring.Channels, slots = ring.Slots;
        double[] weights = block.Weights, xBar = block.State[XBarColumn], lastSpike = block.State[LastSpikeColumn];
        double[] tauX = block.State[TauXColumn], wmin = block.State[WminColumn], wmax = block.State[WmaxColumn];
        int[] targets = block.Indices[TargetColumn];
        ushort[] delays = block.Delays;
        int? recorder = model.WeightRecorderId;

        foreach (ref readonly var spike in spikes)
        {
            var (first, last) = block.RangeOf(spike.Source);
            if (first == last) continue;
            long stamp = context.SliceStart + spike.Lag + 1;
            double tSpike = time.StepToMs(stamp);
            int baseSlot = (int)((context.SliceStart + spike.Lag) % slots);
            for (int i = first; i < last; i++)
            {
                var history = archive.VoltageHistoryOf<ClopathHistory>(targets[i])
                    ?? throw new KernelException($"{Name}: target {targets[i]} keeps no Clopath history (it must be an aeif_psc_delta_clopath).");
                double dendriticDelay = delays[i] * time.Resolution;
                double tLast = lastSpike[i], tau = tauX[i], trace = xBar[i], upper = wmax[i];
                double w = weights[i];

                var (from, to) = history.ReadLtp(tLast - dendriticDelay, tSpike - dendriticDelay);
                for (int h = from; h < to; h++)
                {
                    ref readonly var entry = ref history.LtpAt(h);
                    double minusDt = tLast - (entry.T + dendriticDelay);
                    w += entry.Dw * (trace * Math.Exp(minusDt / tau));
                    w = w < upper ? w : upper;
                }
                w -= history.LtdValue(tSpike - dendriticDelay);
                w = w > wmin[i] ? w : wmin[i];
                weights[i] = w;

                int slot = baseSlot + delays[i];
                if (slot >= slots) slot -= slots;
                data[(nint)slot * channels + block.Channels[i]] += w * spike.Multiplicity;

                if (recorder is { } id)
                    context.WeightEvents.Add(id, stamp, spike.Source, targets[i], w, block.ReceptorAt(i), i - first);

                xBar[i] = trace * Math.Exp((tLast - tSpike) / tau) + 1.0 / tau;
                lastSpike[i] = tSpike;
            }
        }
    }
}
