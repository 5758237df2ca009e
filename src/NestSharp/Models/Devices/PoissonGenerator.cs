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

        /// <summary>
        /// Per thread, the targets in the compact form of <see cref="DrawByInversionPlain"/>, or null where a target is
        /// a recorder, counts spikes or has a weight that is not finite (those go through <see cref="DrawByInversion"/>).
        /// </summary>
        public PlainTargets?[] PlainTargets = [];

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
            node.PlainTargets = new PlainTargets?[context.VirtualProcesses];
            for (int t = 0; t < context.VirtualProcesses; t++) node.PlainTargets[t] = PoissonGenerator.PlainTargets.Of(node.Targets.OfThread(t));
        }
    }

    /// <summary>
    /// What a draw for a target that adds into a neuron's input needs, as arrays (so that four targets load at once):
    /// the stream key, the ring channel, the delay in steps and the weight of each target.
    /// </summary>
    internal sealed class PlainTargets
    {
        private PlainTargets(int count)
        {
            StreamKeys = new ulong[count];
            Channels = new int[count];
            DelaySteps = new int[count];
            Weights = new double[count];
        }

        public ulong[] StreamKeys { get; }
        public int[] Channels { get; }
        public int[] DelaySteps { get; }
        public double[] Weights { get; }

        /// <summary>Whether every target has the same delay and the channels follow each other (a group's neurons in order).</summary>
        public bool AdjacentWithOneDelay { get; private set; }

        /// <summary>The targets in this form, or null when one of them needs <see cref="AddToTarget"/>'s special cases.</summary>
        public static PlainTargets? Of(ReadOnlySpan<DeviceTarget> targets)
        {
            var plain = new PlainTargets(targets.Length);
            bool adjacent = true;
            for (int j = 0; j < targets.Length; j++)
            {
                ref readonly var target = ref targets[j];
                if (target.Recorder is not null || target.Channel < 0 || !double.IsFinite(target.Weight)) return null;
                plain.StreamKeys[j] = target.StreamKey;
                plain.Channels[j] = target.Channel;
                plain.DelaySteps[j] = target.DelaySteps;
                plain.Weights[j] = target.Weight;
                if (j > 0) adjacent &= target.Channel == targets[j - 1].Channel + 1 && target.DelaySteps == targets[j - 1].DelaySteps;
            }
            plain.AdjacentWithOneDelay = adjacent;
            return plain;
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
                if (sampler.UsesInversion && node.PlainTargets[thread] is { } plain) DrawByInversionPlain(sampler, plain, (ulong)step, baseSlot, data, channels, slots);
                else if (sampler.UsesInversion) DrawByInversion(sampler, targets, (ulong)step, baseSlot, data, channels, slots);
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

    /// <summary>
    /// <see cref="DrawByInversion"/> for targets that all add into neurons' inputs with finite weights, four targets at a
    /// time where the processor has 256-bit vectors: the same uniform numbers (<see cref="RandomStream.At(Vector256{ulong}, ulong)"/>),
    /// the same counts (<see cref="PoissonSampler.FromUniform(Vector256{double})"/>), the same products weight·count.
    /// A draw of no spike adds weight·0, a zero that leaves the input as it was (a sum of weights is never -0), so no
    /// branch depends on the draw; the inputs end up bitwise as with <see cref="DrawByInversion"/>.
    /// </summary>
    private static void DrawByInversionPlain(PoissonSampler sampler, PlainTargets targets, ulong step, int baseSlot,
        double[] data, int channels, int slots)
    {
        ulong[] keys = targets.StreamKeys;
        int[] targetChannels = targets.Channels, delays = targets.DelaySteps;
        double[] weights = targets.Weights;
        int j = 0;
        if (Vector256.IsHardwareAccelerated && sampler.SearchesFewEntries)
        {
            ref ulong key = ref MemoryMarshal.GetArrayDataReference(keys);
            ref double weight = ref MemoryMarshal.GetArrayDataReference(weights);
            bool adjacent = targets.AdjacentWithOneDelay;
            for (; j + 4 <= keys.Length; j += 4)
            {
                var uniform = RandomStream.ToUnitInterval(RandomStream.At(Vector256.LoadUnsafe(ref key, (nuint)j), step));
                var added = Vector256.LoadUnsafe(ref weight, (nuint)j) * sampler.FromUniform(uniform);
                int slot = baseSlot + delays[j];
                if (slot >= slots) slot -= slots;
                nint row = (nint)slot * channels;
                if (adjacent)
                {
                    // four neighbouring inputs of one row: each lane one add, as below
                    var four = data.AsSpan((int)(row + targetChannels[j]), 4);
                    (Vector256.Create<double>(four) + added).CopyTo(four);
                    continue;
                }
                for (int lane = 0; lane < 4; lane++)
                {
                    slot = baseSlot + delays[j + lane];
                    if (slot >= slots) slot -= slots;
                    data[(nint)slot * channels + targetChannels[j + lane]] += added.GetElement(lane);
                }
            }
        }
        for (; j < keys.Length; j++)
        {
            int k = sampler.FromUniform(RandomStream.ToUnitInterval(RandomStream.At(keys[j], step)));
            int slot = baseSlot + delays[j];
            if (slot >= slots) slot -= slots;
            data[(nint)slot * channels + targetChannels[j]] += weights[j] * k;
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
        if (target.Channel < 0)
        {
            data[row + (target.Channel & int.MaxValue)] += count;
            target.PreciseNeuron?.HandToPreciseNeuron(in target, (long)step, count);
        }
        else
        {
            data[row + target.Channel] += target.Weight * count;
        }
    }
}
