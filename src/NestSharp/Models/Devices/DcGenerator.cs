namespace NestSharp.Models.Devices;

/// <summary>
/// dc_generator: a constant current <c>amplitude</c> (pA), sent to every target in each step (t, t + h], scaled by the
/// connection weight, arriving after the connection delay. As NEST's current generators, it sends in the steps with
/// origin + start &lt; t + 2h &lt;= origin + stop, so that with the minimal delay the current acts on the neuron from
/// origin + start on.
/// <para>Parameters: <c>amplitude</c> (pA), <c>start</c>, <c>stop</c>, <c>origin</c> (ms). Recordable: I, the current of
/// each step (0 while inactive), sampled by a multimeter connected to the generator.</para>
/// </summary>
[NodeModelName("dc_generator")]
internal sealed class DcGenerator(NodeModel model, int firstId, int count)
    : SampledGeneratorGroup<DcGenerator.Node>(model, firstId, count, () => new Node(), RecordableNames)
{
    public override bool SupportsCheckpoint => true;

    private static readonly string[] RecordableNames = ["I"];

    public override bool SendsCurrent => true;

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("amplitude", n => n.Amplitude, (n, v) => n.Amplitude = v)
            .ReadOnly("recordables", _ => RecordableNames.ToArray());

        public double Amplitude;

        /// <summary>The current sent in the last step updated (0 while inactive): NEST's recordable I.</summary>
        public double Current;

        public override IDeviceKeys Keys => Declared;

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Current = 0;
        }
    }

    public override double ReadRecordable(int index, int position) => Nodes[position].Current;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var ring = context.Ring;
        foreach (var node in Nodes)
        {
            var targets = node.Targets.OfThread(thread);
            if (targets.Length == 0) continue;
            for (int lag = from; lag < to; lag++)
            {
                long step = sliceStart + lag;
                if (!node.IsActive(context.Time, step + 2)) continue;
                foreach (ref readonly var target in targets)
                    ring.Data[(long)ring.SlotOf(step + target.DelaySteps) * ring.Channels + target.Channel] += target.Weight * node.Amplitude;
            }
        }
        if (Samplers.Length > 0) RecordSamples(context.Time, thread, sliceStart, from, to);
    }

    /// <summary>
    /// As NEST's dc_generator, the current of each step (the amplitude while active, else 0) is logged at the step's
    /// end, by the thread that owns the device.
    /// </summary>
    private void RecordSamples(TimeGrid time, int thread, long sliceStart, int from, int to)
    {
        var links = Samplers[thread];
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            foreach (var s in links)
            {
                var node = Nodes[s.Position];
                node.Current = node.IsActive(time, step + 2) ? node.Amplitude : 0.0;
                if (s.Sampler.SamplesAt(step + 1)) s.Sampler.Take(thread, step + 1, FirstId + s.Position, this, s.Position, s.Recordables);
            }
        }
    }
}
