namespace NestSharp.Models.Devices;

/// <summary>
/// pulsepacket_generator: for each time in <c>pulse_times</c> (ms, absolute) a packet of <c>activity</c> spikes whose
/// times are drawn from a normal distribution centred on the pulse time with standard deviation <c>sdev</c> (ms); all
/// targets receive the same spikes. A spike time x is rounded to the nearest tic and falls in step floor(x/h), so it
/// leaves at the end of that step (a packet with sdev 0 arrives as one event of multiplicity <c>activity</c>, stamped
/// pulse time + h). Spikes of one step are sent as one event.
/// <para>A packet is drawn when the slice start comes within sdev·10 ms (1 ms when sdev is 0) of its pulse time;
/// packets whose pulse time lies further than that in the past when a run is prepared are left out, and spikes that
/// would fall before the slice in which they are drawn are dropped. The generator is active for slices whose start
/// lies in (origin + start, origin + stop]. Changing activity, sdev or pulse_times discards the spikes drawn and not
/// yet sent.</para>
/// <para>The spike times of a packet are drawn from a stream keyed by the seed, the generator, the run and the packet,
/// so they do not depend on the number of threads.</para>
/// <para>Parameters: <c>pulse_times</c> (ms, kept sorted), <c>activity</c> (spikes per packet, ≥ 0), <c>sdev</c> (ms,
/// ≥ 0), start, stop, origin (ms).</para>
/// <para>Reference: NEST model documentation, pulsepacket_generator.</para>
/// </summary>
[NodeModelName("pulsepacket_generator")]
internal sealed class PulsepacketGenerator(NodeModel model, int firstId, int count)
    : DeviceGroup<PulsepacketGenerator.Node>(model, firstId, count, () => new Node())
{
    public override bool SupportsCheckpoint => true;

    private const ulong StreamSalt = 0x9015_E9AC;
    private const double SdevTolerance = 10.0;

    public override ElementType ElementType => ElementType.Stimulator;

    public override bool EmitsSpikes => true;

    /// <summary>NEST's pulsepacket_generator sends ordinary spike events (no DSSpikeEvent), so every synapse model takes them.</summary>
    public override SynapseTestEvent SynapseTestEvent => SynapseTestEvent.Spike;

    internal sealed class Node : DeviceNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Custom("pulse_times", n => n.PulseTimes.ToArray(), (n, key, value) =>
            {
                var times = StatusValue.ToDoubleArray(key, value);
                Array.Sort(times);
                n.PulseTimes = times;
                n.Pending = [];
            }, isArray: true)
            .Integer("activity", n => n.Activity, (n, v) => { n.Activity = v; n.Pending = []; })
            .Real("sdev", n => n.Sdev, (n, v) => { n.Sdev = v; n.Pending = []; });

        public double[] PulseTimes = [];
        public long Activity;
        public double Sdev;

        /// <summary>The steps of the spikes drawn and not yet sent, sorted from <see cref="PendingHead"/> on.</summary>
        public List<long> Pending = [];
        public int PendingHead;

        /// <summary>The packets drawn so far ([0, FirstUndrawn)) and those within reach of the current time ([.., LastInReach)).</summary>
        public int FirstUndrawn, LastInReach;
        public double Tolerance;

        /// <summary>How many runs have been prepared: part of the key of the packets' draws.</summary>
        public long Runs;

        public override IDeviceKeys Keys => Declared;

        protected override void AfterClone() => Pending = [.. Pending];

        protected override void ResetRuntimeState()
        {
            Pending = [];
            PendingHead = 0;
            Runs = 0;
        }

        // The spikes drawn and not sent yet, and the run count the next run's draws are keyed with.
        public override void SaveRuntime(CheckpointWriter writer)
        {
            writer.Write(Runs);
            writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Pending)[PendingHead..]);
        }

        public override void RestoreRuntime(CheckpointReader reader)
        {
            Runs = reader.ReadLong();
            Pending = [.. reader.ReadLongs()];
            PendingHead = 0;
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (Activity < 0) throw new BadPropertyException("activity", Activity, "The activity cannot be negative.");
            if (Sdev < 0) throw new BadPropertyException("sdev", Sdev, "The standard deviation cannot be negative.");
            if (Pending.Count == 0) PendingHead = 0;
        }
    }

    public override void Prepare(SimulationContext context)
    {
        double now = context.Time.StepToMs(context.PreparedAtStep);
        foreach (var node in Nodes)
        {
            node.Runs++;
            node.Tolerance = node.Sdev > 0.0 ? node.Sdev * SdevTolerance : 1.0;
            node.FirstUndrawn = node.LastInReach = 0;
            // Packets more than the tolerance in the past are left out; those within it are drawn (again) in this run.
            while (node.LastInReach < node.PulseTimes.Length && node.PulseTimes[node.LastInReach] - now <= node.Tolerance)
            {
                if (Math.Abs(node.PulseTimes[node.LastInReach] - now) > node.Tolerance) node.FirstUndrawn++;
                node.LastInReach++;
            }
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        if (thread != 0) return;
        var grid = context.Time;
        var spikes = context.SpikesOfVp[0];
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            if (node.FirstUndrawn == node.PulseTimes.Length && node.PendingHead == node.Pending.Count) continue;
            if (!node.IsActive(grid, sliceStart)) continue;
            long sliceStartTics = sliceStart * grid.TicsPerStep;
            while (node.LastInReach < node.PulseTimes.Length
                && (TicsOf(node.PulseTimes[node.LastInReach], grid) - sliceStartTics) / grid.TicsPerMs <= node.Tolerance)
            {
                node.LastInReach++;
            }
            if (node.FirstUndrawn < node.LastInReach) DrawPackets(node, FirstId + local, context, sliceStartTics);

            // Send the spikes due in this slice, one event per step.
            var pending = node.Pending;
            while (node.PendingHead < pending.Count && pending[node.PendingHead] < sliceStart + to)
            {
                long step = pending[node.PendingHead];
                int multiplicity = 0;
                while (node.PendingHead < pending.Count && pending[node.PendingHead] == step)
                {
                    multiplicity++;
                    node.PendingHead++;
                }
                spikes.Add((int)(step - sliceStart), FirstId + local, multiplicity);
            }
            if (node.PendingHead == pending.Count)
            {
                pending.Clear();
                node.PendingHead = 0;
            }
        }
    }

    private static void DrawPackets(Node node, int id, SimulationContext context, long sliceStartTics)
    {
        var grid = context.Time;
        ulong runKey = RandomStream.Derive(GeneratorDelivery.GeneratorKey(context, StreamSalt, id), (ulong)node.Runs);
        for (; node.FirstUndrawn < node.LastInReach; node.FirstUndrawn++)
        {
            var stream = new RandomStream(RandomStream.Derive(runKey, (ulong)node.FirstUndrawn));
            double center = node.PulseTimes[node.FirstUndrawn];
            for (long i = 0; i < node.Activity; i++)
            {
                long tics = TicsOf(node.Sdev * stream.NextNormal() + center, grid);
                if (tics >= sliceStartTics) node.Pending.Add(tics / grid.TicsPerStep);
            }
        }
        node.Pending.Sort(node.PendingHead, node.Pending.Count - node.PendingHead, Comparer<long>.Default);
    }

    /// <summary>A time in tics as NEST converts a time in ms (rounded half up toward the next tic, truncated).</summary>
    private static long TicsOf(double ms, TimeGrid grid) => (long)(ms * grid.TicsPerMs + 0.5);
}
