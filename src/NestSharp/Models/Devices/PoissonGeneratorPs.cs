namespace NestSharp.Models.Devices;

/// <summary>
/// poisson_generator_ps: sends every target its own Poisson spike train with dead time, in continuous time: the
/// intervals between a target's spikes are dead_time + X with X exponential of mean 1000/rate - dead_time (ms), so the
/// rate is <c>rate</c> spikes/s. A spike at time t is sent with the stamp of the step that holds it, the first grid
/// point s &gt;= t (NEST's Time::ms_stamp), and the offset s - t, so precise receivers (parrot_neuron_ps) and spike
/// recorders see t itself; grid-based neurons receive it in the step of its stamp (after the connection's delay).
/// <para>Activity: spikes are sent at times t with t_min &lt; stamp &lt;= t_max, where in each slice
/// t_min = max(slice start, origin + start) and t_max = min(slice end, origin + stop). A target's first spike is drawn
/// from t_min of the first slice in which the generator is active (rate &gt; 0), from the process's equilibrium
/// (backward recurrence time): with probability dead_time·rate/1000 uniformly in [0, dead_time), otherwise
/// dead_time + X. Every later spike follows the previous one by dead_time + X. A spike's stamp and offset are kept as
/// NEST keeps them (the offset within the stamp's step, each interval added to the offset first), so the times do not
/// depend on the resolution.</para>
/// <para>Setting <c>rate</c> (to any value) restarts every target's train at the next run, from that run's t_min; so
/// does moving origin + start beyond a target's next spike. Changing only <c>dead_time</c> keeps the next spikes already
/// drawn. Targets connected between runs start their trains in the next run; the others keep theirs. A spike that has
/// fallen behind the active period (stop extended after the generator was idle) is not sent: the train is drawn on to
/// the period (NEST would send it in the past).</para>
/// <para>Random numbers: each connection draws from its own keyed stream (seed, generator, target, connection) at a
/// running count of draws, so the trains do not depend on the number of threads, nor on the resolution.</para>
/// <para>Parameters: <c>rate</c> (spikes/s, ≥ 0, finite), <c>dead_time</c> (ms, ≥ 0, with 1000/rate ≥ dead_time),
/// start, stop, origin (ms). No recordables. It sends off-grid spikes: creating one makes the kernel's off_grid_spiking
/// true, as in NEST. NEST's infinite rate is refused (NEST's generator would loop forever on its first spike).</para>
/// <para>Reference: NEST model documentation, poisson_generator_ps; Morrison A, Straube S, Plesser HE, Diesmann M
/// (2007). Exact subthreshold integration with continuous spike times in discrete time neural network simulations.
/// Neural Computation 19:47-79.</para>
/// </summary>
[NodeModelName("poisson_generator_ps")]
internal sealed class PoissonGeneratorPs(NodeModel model, int firstId, int count)
    : GeneratorGroup<PoissonGeneratorPs.Node>(model, firstId, count, () => new Node())
{
    private const ulong StreamSalt = 0x9015_0095;

    /// <summary>The stamp of a train that has not drawn its first spike (NEST's Time::neg_inf()).</summary>
    private const long NotDrawn = long.MinValue;

    public override bool SupportsCheckpoint => true;

    /// <summary>Each process keeps the trains of its targets' connections (see <see cref="PerTargetCheckpoint"/>).</summary>
    public override bool SavesPerProcess => true;

    public override bool SendsOffGridSpikes => true;

    /// <summary>
    /// One connection's train: the stamp (step) and offset (ms, ≥ 0) of its next spike, or <see cref="NotDrawn"/>, and
    /// how many numbers its stream has given.
    /// </summary>
    internal struct Train
    {
        public long Stamp;
        public double Offset;
        public ulong Draws;
    }

    internal sealed class Node : GeneratorNode
    {
        private static readonly DeviceKeys<Node> Declared = StimulatorKeys<Node>()
            .Real("rate", n => n.Rate, (n, v) =>
            {
                n.Rate = v;
                n.RestartTrains = true;
            })
            .Real("dead_time", n => n.DeadTime, (n, v) => n.DeadTime = v);

        public double Rate, DeadTime;

        /// <summary>1000/rate - dead_time (ms): the mean of the exponential part of an interval (infinite for rate 0).</summary>
        public double MeanExponentialMs;

        /// <summary>Whether rate was set since the last run: every train starts anew at the next.</summary>
        public bool RestartTrains;

        /// <summary>Per thread, per target (in the thread's connection order): the train.</summary>
        public Train[][] Trains = [];

        /// <summary>Per thread, per target: the precise receiver the target is (null for other targets).</summary>
        public IPreciseSpikeReceiver?[][] PreciseReceivers = [];

        /// <summary>The trains a checkpoint restored, by target id and ordinal, until the next Prepare places them.</summary>
        public Dictionary<(int Target, int Ordinal), Train>? RestoredTrains;

        public override IDeviceKeys Keys => Declared;

        public override void SaveRuntime(CheckpointWriter writer)
        {
            writer.Write(RestartTrains);
            PerTargetCheckpoint.Save(writer, Targets, t => t < Trains.Length ? Trains[t].Length : 0, (t, j) =>
            {
                writer.Write(Trains[t][j].Stamp);
                writer.Write(Trains[t][j].Offset);
                writer.Write((long)Trains[t][j].Draws);
            });
        }

        public override void RestoreRuntime(CheckpointReader reader)
        {
            RestartTrains = reader.ReadBool();
            RestoredTrains = PerTargetCheckpoint.Read(reader,
                () => new Train { Stamp = reader.ReadLong(), Offset = reader.ReadDouble(), Draws = (ulong)reader.ReadLong() }, RestoredTrains);
        }

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            Trains = [];
            PreciseReceivers = [];
            RestoredTrains = null;
        }

        /// <summary>NEST's checks in its order (dead_time, rate, both), then those of every device.</summary>
        public override void Validate(StatusContext context)
        {
            if (double.IsNaN(DeadTime)) throw new BadPropertyException("dead_time", DeadTime, "The dead time must be a number");
            if (DeadTime < 0) throw new BadPropertyException("dead_time", DeadTime, "The dead time cannot be negative");
            if (double.IsNaN(Rate)) throw new BadPropertyException("rate", Rate, "The rate must be a number");
            if (Rate < 0.0) throw new BadPropertyException("rate", Rate, "The rate cannot be negative");
            if (double.IsPositiveInfinity(Rate))
                throw new BadPropertyException("rate", Rate, "The rate must be finite (an infinite rate would send infinitely many spikes at the first spike's time)");
            if (1000.0 / Rate < DeadTime)
            {
                throw new BadPropertyException("rate", Rate,
                    $"The inverse rate cannot be smaller than the dead time (1000 / rate = {StatusValue.Format(1000.0 / Rate)} ms, dead_time = {StatusValue.Format(DeadTime)} ms)");
            }
            base.Validate(context);
        }
    }

    public override void Prepare(SimulationContext context)
    {
        for (int local = 0; local < Count; local++)
        {
            var node = Nodes[local];
            var targets = node.Targets;
            GeneratorDelivery.AssignStreamKeys(targets, context, StreamSalt, FirstId + local);
            node.MeanExponentialMs = node.Rate > 0 ? 1000.0 / node.Rate - node.DeadTime : double.PositiveInfinity;

            int threads = context.VirtualProcesses;
            if (node.Trains.Length != threads) node.Trains = Enumerable.Range(0, threads).Select(_ => Array.Empty<Train>()).ToArray();
            if (node.RestoredTrains is { } restored)
            {
                for (int t = 0; t < threads; t++) node.Trains[t] = new Train[targets.OfThread(t).Length];
                for (int t = 0; t < threads; t++) Array.Fill(node.Trains[t], new Train { Stamp = NotDrawn });
                PerTargetCheckpoint.Apply(restored, targets, (t, j, train) => node.Trains[t][j] = train);
                node.RestoredTrains = null;
            }

            // As NEST: every train starts anew when rate was set, or when a target's next spike lies before
            // origin + start (start or origin moved later during a break; a train not started yet counts as before).
            var (firstActive, _) = node.ActiveSteps(context.Time);
            bool restart = node.RestartTrains;
            for (int t = 0; t < threads && !restart; t++)
            {
                foreach (ref readonly var train in node.Trains[t].AsSpan())
                    restart |= train.Stamp < firstActive;
            }
            node.RestartTrains = false;
            for (int t = 0; t < threads; t++)
            {
                var trains = node.Trains[t];
                int before = trains.Length;
                if (before != targets.OfThread(t).Length) Array.Resize(ref node.Trains[t], targets.OfThread(t).Length);
                trains = node.Trains[t];
                for (int j = restart ? 0 : before; j < trains.Length; j++) trains[j].Stamp = NotDrawn;
            }

            node.PreciseReceivers = new IPreciseSpikeReceiver?[threads][];
            for (int t = 0; t < threads; t++)
            {
                var ofThread = targets.OfThread(t);
                var receivers = node.PreciseReceivers[t] = new IPreciseSpikeReceiver?[ofThread.Length];
                for (int j = 0; j < ofThread.Length; j++)
                {
                    if (ofThread[j].Recorder is not null || ofThread[j].Channel >= 0) continue; // precise inputs count spikes
                    if (context.Nodes.LocateChannel(ofThread[j].Channel).Group is IPreciseSpikeReceiver receiver
                        && receiver.TakesPreciseSpikesOn(ofThread[j].Channel & int.MaxValue))
                    {
                        receivers[j] = receiver;
                    }
                }
            }
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var time = context.Time;
        foreach (var node in Nodes)
        {
            var targets = node.Targets.OfThread(thread);
            if (node.Rate <= 0 || targets.Length == 0) continue;
            var (firstActive, lastActive) = node.ActiveSteps(time);
            // Spikes are sent with stamps in (activeFrom, activeTo] (times in steps).
            long activeFrom = Math.Max(sliceStart + from, firstActive);
            long activeTo = Math.Min(sliceStart + to, lastActive);
            if (activeFrom >= activeTo) continue;
            var trains = node.Trains[thread];
            var receivers = node.PreciseReceivers[thread];
            for (int j = 0; j < targets.Length; j++)
                Send(node, ref trains[j], in targets[j], receivers[j], activeFrom, activeTo, context);
        }
    }

    /// <summary>Sends a target's spikes with stamps up to <paramref name="activeTo"/>, drawing each next spike.</summary>
    private static void Send(Node node, ref Train train, in DeviceTarget target, IPreciseSpikeReceiver? receiver,
        long activeFrom, long activeTo, SimulationContext context)
    {
        var time = context.Time;
        ulong key = target.StreamKey;
        double deadTime = node.DeadTime, meanExponential = node.MeanExponentialMs;
        if (train.Stamp == NotDrawn)
        {
            // The first spike, from the equilibrium of the process: the time since its (unseen) last spike is uniform
            // on [0, dead_time) with probability dead_time·rate/1000, else dead_time + exponential. Without dead time
            // only the exponential is drawn.
            double fromStart;
            if (deadTime > 0 && Uniform(key, ref train.Draws) < deadTime * node.Rate / 1000.0)
                fromStart = Uniform(key, ref train.Draws) * deadTime;
            else
                fromStart = meanExponential * Exponential(key, ref train.Draws) + deadTime;
            long stamp = SpikeTimeStamps.StepHolding(fromStart, time);
            train.Offset = SpikeTimeStamps.StampToMs(stamp, time) - fromStart;
            train.Stamp = StampAfter(activeFrom, stamp);
        }

        var ring = context.Ring;
        while (train.Stamp <= activeTo)
        {
            if (train.Stamp > activeFrom) Deliver(in target, receiver, train.Stamp, train.Offset, ring);
            // The next spike, relative to the stamp of this one.
            double sinceStamp = -train.Offset + meanExponential * Exponential(key, ref train.Draws) + deadTime;
            if (sinceStamp < 0)
            {
                train.Offset = -sinceStamp; // still in the same step
                continue;
            }
            long steps = SpikeTimeStamps.StepHolding(sinceStamp, time);
            train.Stamp = StampAfter(train.Stamp, steps);
            train.Offset = SpikeTimeStamps.StampToMs(steps, time) - sinceStamp;
        }
    }

    /// <summary>One spike with stamp <paramref name="stamp"/> and <paramref name="offset"/> to one target.</summary>
    private static void Deliver(in DeviceTarget target, IPreciseSpikeReceiver? receiver, long stamp, double offset, InputRing ring)
    {
        if (target.Recorder is { } recorder)
        {
            recorder.RecordPrecise(stamp, offset);
            return;
        }
        // The spike lies in step stamp - 1 and arrives after the connection's delay.
        long arrival = stamp - 1 + target.DelaySteps;
        long row = (long)ring.SlotOf(arrival) * ring.Channels;
        if (target.Channel < 0)
        {
            int channel = target.Channel & int.MaxValue;
            ring.Data[row + channel] += 1;
            receiver?.ReceivePrecise(channel, arrival, offset, 1, target.Weight, stamp, target.Receptor);
        }
        else
        {
            ring.Data[row + target.Channel] += target.Weight;
        }
    }

    /// <summary>A stamp <paramref name="steps"/> after <paramref name="stamp"/>, infinite when either is (NEST's Time arithmetic).</summary>
    private static long StampAfter(long stamp, long steps) =>
        steps >= SpikeTimeStamps.InfiniteStamp ? SpikeTimeStamps.InfiniteStamp : Math.Min(stamp + steps, SpikeTimeStamps.InfiniteStamp);

    /// <summary>The next number of a connection's stream, uniform on [0, 1).</summary>
    private static double Uniform(ulong key, ref ulong draws) => RandomStream.ToUnitInterval(RandomStream.At(key, draws++));

    /// <summary>The next number of a connection's stream, exponential with mean 1 (-ln(1 - u)).</summary>
    private static double Exponential(ulong key, ref ulong draws) => -Math.Log(1.0 - Uniform(key, ref draws));
}
