using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Nodes;
using NestSharp.Random;

namespace NestSharp.Models.Devices;

/// <summary>
/// poisson_generator: sends every target its own, independent Poisson spike train of rate <c>rate</c> (spikes/s).
/// In each step (t, t + h] whose start t lies in (origin + start, origin + stop] (NEST's activity test on the step's
/// start, so spikes are stamped in (origin + start + h, origin + stop + h]) a target receives k ~ Poisson(rate·h)
/// spikes as one event of multiplicity k, through the connection's weight and delay.
/// <para>Each connection draws from its own keyed stream (seed, generator, target, connection) indexed by the step,
/// so trains do not depend on the number of threads.</para>
/// <para>Parameters: <c>rate</c> (spikes/s), <c>start</c>, <c>stop</c>, <c>origin</c> (ms).</para>
/// </summary>
[NodeModelName("poisson_generator")]
internal sealed class PoissonGenerator(NodeModel model, int firstId, int count)
    : GeneratorGroup<PoissonGenerator.Node>(model, firstId, count, () => new Node())
{
    public override bool SupportsCheckpoint => true;

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("rate", n => n.Rate, (n, v) => n.Rate = v, new Requirement(static v => v >= 0 && !double.IsInfinity(v), "the rate cannot be negative"));

        public double Rate;
        public PoissonSampler? Sampler;

        public override IDeviceKeys Keys => Declared;
    }

    public override void Prepare(SimulationContext context)
    {
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            node.Sampler = new PoissonSampler(node.Rate * context.Time.Resolution * 1e-3);
            ulong generatorKey = RandomStream.Derive(context.SeedKey, 0x9015_5013, (ulong)(FirstId + local));
            for (int t = 0; t < context.VirtualProcesses; t++)
            {
                var targets = node.Targets.OfThread(t);
                foreach (ref var target in targets)
                    target.StreamKey = RandomStream.Derive(generatorKey, (ulong)target.TargetId, (ulong)target.Ordinal);
            }
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        double[] data = ring.Data;
        int channels = ring.Channels, slots = ring.Slots;
        foreach (var node in Nodes)
        {
            var sampler = node.Sampler!;
            if (sampler.Mean == 0) continue;
            var targets = node.Targets.OfThread(thread);
            if (targets.Length == 0) continue;
            var (firstActive, lastActive) = node.ActiveSteps(context.Time);
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                if (step <= firstActive || step > lastActive) continue;
                int baseSlot = ring.SlotOf(step);
                if (sampler.UsesInversion) DrawByInversion(sampler, targets, (ulong)step, baseSlot, data, channels, slots);
                else DrawByRejection(sampler, targets, (ulong)step, baseSlot, data, channels, slots);
            }
        }
    }

    /// <summary>One step of every target's train, for small rates·h: one uniform per target, inverted by table.</summary>
    private static void DrawByInversion(PoissonSampler sampler, ReadOnlySpan<DeviceTarget> targets, ulong step, int baseSlot,
        double[] data, int channels, int slots)
    {
        for (int j = 0; j < targets.Length; j++)
        {
            ref readonly var target = ref targets[j];
            int k = sampler.FromUniform(RandomStream.ToUnitInterval(RandomStream.At(target.StreamKey, step)));
            if (k != 0) AddToTarget(in target, step, k, baseSlot, data, channels, slots);
        }
    }

    /// <summary>One step of every target's train, for large rates·h: a short stream per target and step.</summary>
    private static void DrawByRejection(PoissonSampler sampler, ReadOnlySpan<DeviceTarget> targets, ulong step, int baseSlot,
        double[] data, int channels, int slots)
    {
        for (int j = 0; j < targets.Length; j++)
        {
            ref readonly var target = ref targets[j];
            var stream = new RandomStream(RandomStream.Derive(target.StreamKey, step));
            ulong k = sampler.Sample(ref stream);
            if (k != 0) AddToTarget(in target, step, (int)k, baseSlot, data, channels, slots);
        }
    }

    private static void AddToTarget(in DeviceTarget target, ulong step, int count, int baseSlot, double[] data, int channels, int slots)
    {
        if (target.Recorder is { } recorder)
        {
            recorder.Record((long)step, count);
            return;
        }
        int slot = baseSlot + target.DelaySteps;
        if (slot >= slots) slot -= slots;
        nint row = (nint)slot * channels;
        if (target.Channel < 0) data[row + (target.Channel & int.MaxValue)] += count;
        else data[row + target.Channel] += target.Weight * count;
    }
}
