using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Models.Synapses;

namespace NestSharp.Plasticity;

/// <summary>The weight-update rule of a pair-based STDP synapse, with its parameters in a fixed order.</summary>
internal interface IStdpRule
{
    /// <summary>Parameter names in the order the rule reads them, with NEST's defaults.</summary>
    static abstract (string Key, double Default)[] Parameters { get; }

    /// <summary>Potentiation by a post-synaptic spike, given the decayed pre-synaptic trace.</summary>
    static abstract double Facilitate(double weight, double kplus, ReadOnlySpan<double> p);

    /// <summary>Depression by a pre-synaptic spike, given the post-synaptic trace.</summary>
    static abstract double Depress(double weight, double kminus, ReadOnlySpan<double> p);

    /// <summary>The decay factor of the pre-synaptic trace over <paramref name="dt"/> (negative) ms.</summary>
    static abstract double PlusDecay(double dt, ReadOnlySpan<double> p);

    /// <summary>Checks one parameter; throws naming the key.</summary>
    static abstract void Validate(string key, double value);
}

/// <summary>
/// A pair-based STDP synapse (Morrison et al. 2008, "all-to-all" pairing): at each pre-synaptic spike at t_pre with
/// dendritic delay d, every post-synaptic spike t_post with t_last - d &lt; t_post &lt;= t_pre - d potentiates
/// w ← Facilitate(w, K+·exp((t_last - (t_post + d))/tau_plus)); then w ← Depress(w, K-(t_pre - d)); the spike is
/// transmitted with the new weight; finally K+ ← K+·exp((t_last - t_pre)/tau_plus) + 1 and t_last ← t_pre.
/// With <paramref name="homogeneous"/> the rule's parameters are common to the model (the _hom models); otherwise each
/// connection has its own. Every synapse keeps K+, t_last and its target's id.
/// </summary>
internal sealed class StdpSynapseType<TRule>(string name, bool homogeneous) : SynapseType where TRule : struct, IStdpRule
{
    private const int KplusColumn = 0, LastSpikeColumn = 1, RuleColumns = 2;
    private const int TargetColumn = 0;

    private static readonly (string Key, double Default)[] KplusParameter = [("Kplus", 0.0)];

    public override string Name { get; } = name;

    public override SynapseLayout Layout { get; } = new(
        ["Kplus", "t_lastspike", .. homogeneous ? [] : TRule.Parameters.Select(p => p.Key)], ["target"]);

    public override IReadOnlyList<(string Key, double Default)> CommonParameters => homogeneous ? TRule.Parameters : [];

    public override IReadOnlyList<(string Key, double Default)> ConnectionParameters =>
        homogeneous ? KplusParameter : [.. KplusParameter, .. TRule.Parameters];

    public override bool ReadsPostSynapticHistory => true;

    public override void Validate(string key, double value)
    {
        if (key == "Kplus")
        {
            if (!(value >= 0)) throw new BadParameterException(key, value, "Kplus must be non-negative");
            return;
        }
        TRule.Validate(key, value);
    }

    public override void Initialise(SynapseBlock block, int index, ReadOnlySpan<double> connectionValues, int targetId)
    {
        block.State[KplusColumn][index] = connectionValues[0];
        block.State[LastSpikeColumn][index] = 0.0;
        for (int c = 1; c < connectionValues.Length; c++) block.State[LastSpikeColumn + c][index] = connectionValues[c];
        block.Indices[TargetColumn][index] = targetId;
    }

    public override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var ring = context.Ring;
        var time = context.Time;
        double[] data = ring.Data;
        int channels = ring.Channels, slots = ring.Slots;
        double[] weights = block.Weights, kplus = block.State[KplusColumn], lastSpike = block.State[LastSpikeColumn];
        int[] targets = block.Indices[TargetColumn];
        ushort[] delays = block.Delays;
        int ruleWidth = TRule.Parameters.Length;
        Span<double> perConnection = stackalloc double[ruleWidth];
        ReadOnlySpan<double> common = model.CommonValues;
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
                scoped ReadOnlySpan<double> p = common;
                if (!homogeneous)
                {
                    for (int c = 0; c < ruleWidth; c++) perConnection[c] = block.State[RuleColumns + c][i];
                    p = perConnection;
                }
                var history = context.Archive.Of(targets[i])!;
                double dendriticDelay = time.StepToMs(delays[i]);
                double tLast = lastSpike[i];
                double w = weights[i];
                var (from, to) = history.Read(tLast - dendriticDelay, tSpike - dendriticDelay);
                for (int h = from; h < to; h++)
                {
                    double minusDt = tLast - (history.At(h).T + dendriticDelay);
                    w = TRule.Facilitate(w, kplus[i] * TRule.PlusDecay(minusDt, p), p);
                }
                w = TRule.Depress(w, history.KValue(tSpike - dendriticDelay), p);
                weights[i] = w;

                int slot = baseSlot + delays[i];
                if (slot >= slots) slot -= slots;
                int channel = block.Channels[i];
                if (channel >= 0) data[(nint)slot * channels + channel] += w * spike.Multiplicity;
                else data[(nint)slot * channels + (channel & int.MaxValue)] += spike.Multiplicity;

                if (recorder is { } id)
                    context.WeightEvents.Add(id, stamp, spike.Source, targets[i], w, block.ReceptorAt(i), i - first);

                kplus[i] = kplus[i] * TRule.PlusDecay(tLast - tSpike, p) + 1.0;
                lastSpike[i] = tSpike;
            }
        }
    }
}
