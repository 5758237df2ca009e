namespace NestSharp.Nodes;

/// <summary>
/// What generators that serve each target locally (<see cref="ILocalGenerator"/>) share: the keyed random stream of
/// each connection, and adding a current or a number of spikes into a target's input ring.
/// </summary>
internal static class GeneratorDelivery
{
    /// <summary>
    /// Gives every connection of a generator its stream key, derived from the kernel seed, the model's salt, the
    /// generator's id, the target and the connection's ordinal among those to the same target: a connection draws the
    /// same numbers whatever the number of threads.
    /// </summary>
    public static void AssignStreamKeys(DeviceTargets targets, SimulationContext context, ulong modelSalt, int generatorId)
    {
        ulong generatorKey = GeneratorKey(context, modelSalt, generatorId);
        for (int t = 0; t < context.VirtualProcesses; t++)
        {
            foreach (ref var target in targets.OfThread(t))
                target.StreamKey = RandomStream.Derive(generatorKey, (ulong)target.TargetId, (ulong)target.Ordinal);
        }
    }

    /// <summary>The key of a generator's own draws (those shared by all its targets).</summary>
    public static ulong GeneratorKey(SimulationContext context, ulong modelSalt, int generatorId) =>
        RandomStream.Derive(context.SeedKey, modelSalt, (ulong)generatorId);

    /// <summary>
    /// Adds <paramref name="count"/> spikes, sent in step <paramref name="step"/>, to the target's input after its delay;
    /// a spike recorder target records them at the end of the step (no delay), as NEST does. A target that counts
    /// spikes gets the count; a precise neuron among those also gets them as one event (<see cref="HandToPreciseNeuron"/>).
    /// </summary>
    public static void AddSpikes(InputRing ring, in DeviceTarget target, long step, long count)
    {
        if (target.Recorder is { } recorder)
        {
            recorder.Record(step, count);
            return;
        }
        int slot = ring.SlotOf(step + target.DelaySteps);
        long row = (long)slot * ring.Channels;
        if (target.Channel < 0)
        {
            ring.Data[row + (target.Channel & int.MaxValue)] += count;
            target.PreciseNeuron?.HandToPreciseNeuron(in target, step, count);
        }
        else
        {
            ring.Data[row + target.Channel] += target.Weight * count;
        }
    }

    /// <summary>
    /// Hands <paramref name="count"/> spikes a generator sends in step <paramref name="step"/> to the precise neuron
    /// behind <paramref name="target"/> (<see cref="DeviceTarget.PreciseNeuron"/>): one event arriving after the
    /// connection's delay, at offset 0 (the end of the sending step, the time NEST gives a generator's spikes), with
    /// multiplicity <paramref name="count"/> and the connection's weight. The count itself is added to the neuron's
    /// counting input as for any target that counts spikes.
    /// </summary>
    public static void HandToPreciseNeuron(this IPreciseSpikeReceiver neuron, in DeviceTarget target, long step, long count) =>
        neuron.ReceivePrecise(target.Channel & int.MaxValue, step + target.DelaySteps, 0.0, checked((int)count), target.Weight, step + 1, target.Receptor);

    /// <summary>Adds a current (pA, scaled by the connection weight), sent in step <paramref name="step"/>, to the target's input.</summary>
    public static void AddCurrent(InputRing ring, in DeviceTarget target, long step, double current) =>
        ring.Data[(long)ring.SlotOf(step + target.DelaySteps) * ring.Channels + target.Channel] += target.Weight * current;
}
