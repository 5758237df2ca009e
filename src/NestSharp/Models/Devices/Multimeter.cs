namespace NestSharp.Models.Devices;

/// <summary>
/// multimeter: samples the recordables named in <c>record_from</c> of the neurons it is connected to, every
/// <c>interval</c> ms, and records the samples stamped within (origin + start, origin + stop]. A sample stamped t is the
/// state after the step (t - h, t]; t is tics · ms_per_tic, as NEST's Time::get_ms (e.g. 0.3, 10.700000000000001), the
/// same value a spike in that step is recorded with.
/// <para>Sampling times, as NEST's data loggers take them: with <c>offset</c> 0 the multiples of the interval, from the
/// first one after the time the connection starts sampling (the first Simulate after Connect); with a non-zero offset
/// the times offset + k·interval (k ≥ 0), from the first one at least two steps after that time (NEST skips a sampling
/// time that falls on the first step). The samples go through the activity window when they reach the device.</para>
/// <para>As in NEST, samples reach the multimeter one slice (min_delay) after they were taken: after Simulate(T) the
/// events end at T - min_delay, and a further Simulate delivers the rest.</para>
/// <para>Parameters: <c>interval</c> (ms, a multiple of the resolution, default 1), <c>offset</c> (ms, 0 or at least
/// the resolution; rounded up to the grid, as NEST does), <c>record_from</c> (names of recordables; empty by default,
/// which records nothing). The three are fixed once the multimeter has been connected. A multimeter is connected once
/// to a neuron, through static_synapse; each connection takes the next receptor of the neuron's data loggers (1, 2, ...).</para>
/// <para>Status: <c>events</c> {<c>senders</c>, <c>times</c>, one array per recordable}, <c>n_events</c>,
/// <c>record_from</c>, <c>interval</c>, <c>offset</c>, <c>record_to</c>, <c>label</c>, <c>start</c>, <c>stop</c>,
/// <c>origin</c>, <c>time_in_steps</c>.</para>
/// </summary>
[NodeModelName("multimeter")]
internal sealed class Multimeter(NodeModel model, int firstId, int count)
    : RecorderGroup<Multimeter.Node>(model, firstId, count, () => new Node())
{
    /// <summary>As NEST: its events may reach binary neurons as well as spiking ones.</summary>
    public override SignalType SendsSignal => SignalType.All;

    public override bool SupportsCheckpoint => RecordingsSupportCheckpoint;

    /// <summary>A sample taken during a slice, waiting for hand-over.</summary>
    private readonly record struct Sample(long Stamp, int Sender, int ValueOffset);

    /// <summary>One multimeter (or voltmeter: a multimeter whose record_from starts as ["V_m"]).</summary>
    internal sealed class Node : RecorderNode, ISampler
    {
        private const string FixedAfterConnect =
            "The recording interval, the interval offset and the list of properties to record cannot be changed after the multimeter has been connected to nodes";

        private static readonly DeviceKeys<Node> Declared = RecorderKeys<Node>()
            .Custom("interval", n => n.Interval, static (n, key, value, context) => n.Interval = n.CheckedInterval(key, value, context))
            .Custom("offset", n => n.Offset, static (n, key, value, context) => n.Offset = n.CheckedOffset(key, value, context))
            .Custom("record_from", n => n.RecordFrom.ToArray(), static (n, key, value) =>
            {
                if (n.HasTargets) throw new BadPropertyException(key, value, FixedAfterConnect);
                n.RecordFrom = StatusValue.ToStringArray(key, value);
            }, isArray: true);

        public double Interval = 1.0;
        public double Offset;
        public string[] RecordFrom = [];

        /// <summary>Whether the device has been connected to nodes (NEST's has_targets_): interval, offset and record_from are fixed.</summary>
        public bool HasTargets;

        private long _intervalSteps = 10, _offsetSteps;
        private List<Sample>[] _takenByThread = [];
        private List<double>[] _valuesByThread = [];
        private List<Sample> _held = [];
        private List<double> _heldValues = [];
        private List<double> _outgoing = [];
        private double[] _incoming = [];
        private List<double> _spareValues = [];
        private Kernel.TimeGrid? _time;

        /// <summary>The nodes this device has started sampling (at the first run after each was connected).</summary>
        private HashSet<int> _started = [];

        /// <summary>A sampling time the nodes in <see cref="_skipSenders"/> skip (NEST's data loggers skip a first step on the grid).</summary>
        private long _skipStamp = -1;
        private HashSet<int> _skipSenders = [];

        /// <summary>A multimeter that starts out recording <paramref name="recordables"/> (the voltmeter's preset).</summary>
        public static Node RecordingFrom(params string[] recordables) => new() { RecordFrom = recordables };

        public override IDeviceKeys Keys => Declared;

        public override IReadOnlyList<string> DoubleValueNames => RecordFrom;

        IReadOnlyList<string> ISampler.RecordFrom => RecordFrom;

        /// <summary>The number set for a sampling key: finite, and settable only before the multimeter is connected.</summary>
        private double FiniteBeforeConnect(string key, object value, string notFinite)
        {
            double v = StatusValue.ToDouble(key, value);
            if (HasTargets) throw new BadPropertyException(key, v, FixedAfterConnect);
            if (!double.IsFinite(v)) throw new BadPropertyException(key, v, notFinite);
            return v;
        }

        private double CheckedInterval(string key, object value, StatusContext context)
        {
            double v = FiniteBeforeConnect(key, value, "The sampling interval must be a finite multiple of the simulation resolution");
            var time = context.Time;
            long tics = time.MsToTics(v);
            if (tics < time.TicsPerStep)
                throw new BadPropertyException(key, v, $"The sampling interval must be at least as long as the simulation resolution ({StatusValue.Format(time.Resolution)} ms)");
            if (tics % time.TicsPerStep != 0)
                throw new BadPropertyException(key, v, $"The sampling interval must be a multiple of the simulation resolution ({StatusValue.Format(time.Resolution)} ms)");
            return time.StepToMs(tics / time.TicsPerStep);
        }

        private double CheckedOffset(string key, object value, StatusContext context)
        {
            double v = FiniteBeforeConnect(key, value, "The offset for the sampling interval must be finite");
            var time = context.Time;
            long tics = time.MsToTics(v);
            if (v != 0 && tics < time.TicsPerStep)
                throw new BadPropertyException(key, v, $"The offset for the sampling interval must be at least as long as the simulation resolution ({StatusValue.Format(time.Resolution)} ms)");
            // NEST keeps the offset as whole steps, rounding up (0.15 at resolution 0.1 becomes 0.2).
            return time.StepToMs(CeilSteps(tics, time.TicsPerStep));
        }

        private static long CeilSteps(long tics, long ticsPerStep) => (tics + ticsPerStep - 1) / ticsPerStep;

        public void OnConnected() => HasTargets = true;

        /// <summary>
        /// Writes the samples not yet recorded (taken in the last slice or held for a later one), the nodes sampling has
        /// started for and the first-step skip, after the recorder's events.
        /// </summary>
        public override void SaveRuntime(Checkpoint.CheckpointWriter writer)
        {
            base.SaveRuntime(writer);
            int width = RecordFrom.Length;
            var pending = new List<double>();
            for (int t = 0; t < _takenByThread.Length; t++)
                AddSamples(pending, _takenByThread[t], _valuesByThread[t], width);
            AddSamples(pending, _held, _heldValues, width);
            writer.Write(width);
            writer.Write(CollectionsMarshal.AsSpan(pending));
            writer.Write([.. _started.Order()]);
            writer.Write(_skipStamp);
            writer.Write([.. _skipSenders.Order()]);
        }

        private static void AddSamples(List<double> into, List<Sample> samples, List<double> values, int width)
        {
            foreach (var s in samples)
            {
                into.Add(s.Stamp);
                into.Add(s.Sender);
                for (int k = 0; k < width; k++) into.Add(values[s.ValueOffset + k]);
            }
        }

        public override void RestoreRuntime(Checkpoint.CheckpointReader reader)
        {
            base.RestoreRuntime(reader);
            int width = reader.ReadInt();
            if (width != RecordFrom.Length) throw reader.Bad($"a multimeter's samples have {width} values, its record_from {RecordFrom.Length}");
            var pending = reader.ReadDoubles();
            _held = [];
            _heldValues = [];
            for (int i = 0; i + width + 2 <= pending.Length; i += width + 2)
            {
                _held.Add(new Sample((long)pending[i], (int)pending[i + 1], _heldValues.Count));
                for (int k = 0; k < width; k++) _heldValues.Add(pending[i + 2 + k]);
            }
            _held.Sort(static (a, b) => a.Stamp != b.Stamp ? a.Stamp.CompareTo(b.Stamp) : a.Sender.CompareTo(b.Sender));
            _started = [.. reader.ReadInts()];
            _skipStamp = reader.ReadLong();
            _skipSenders = [.. reader.ReadInts()];
        }

        protected override void AfterClone()
        {
            base.AfterClone();
            RecordFrom = (string[])RecordFrom.Clone();
        }

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            HasTargets = false;
            _takenByThread = [];
            _valuesByThread = [];
            _held = [];
            _heldValues = [];
            _spareValues = [];
            _incoming = [];
            _outgoing = [];
            _started = [];
            _skipStamp = -1;
            _skipSenders = [];
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (RecordFrom.Distinct().Count() != RecordFrom.Length)
                throw new BadPropertyException("record_from", RecordFrom, "names a recordable twice");
        }

        /// <summary>
        /// Sets up the sampling grid and per-thread sample lists, and starts sampling the nodes connected since the
        /// last run. An interval or offset off the grid (possible only for a model default made before the resolution
        /// changed) is rounded up to whole steps, as NEST calibrates it.
        /// </summary>
        public void PrepareRun(Kernel.TimeGrid time, int threads, long currentStep, IReadOnlyList<int> targets)
        {
            _time = time;
            _intervalSteps = Math.Max(1, CeilSteps(time.MsToTics(Interval), time.TicsPerStep));
            _offsetSteps = CeilSteps(time.MsToTics(Offset), time.TicsPerStep);
            if (_takenByThread.Length != threads)
            {
                _takenByThread = Enumerable.Range(0, threads).Select(_ => new List<Sample>()).ToArray();
                _valuesByThread = Enumerable.Range(0, threads).Select(_ => new List<double>()).ToArray();
            }

            // NEST starts a data logger at its first run: with offset 0 at the next multiple of the interval, otherwise
            // at the first offset + k·interval whose step starts after the current step, which skips a time on the grid
            // at currentStep + 1.
            long first = currentStep + 1;
            bool skipsFirst = _offsetSteps != 0 && first >= _offsetSteps && (first - _offsetSteps) % _intervalSteps == 0;
            if (_skipStamp != first)
            {
                _skipStamp = first;
                _skipSenders = [];
            }
            foreach (int target in targets)
            {
                if (_started.Add(target) && skipsFirst) _skipSenders.Add(target);
            }
        }

        /// <summary>Whether a sample is due after the step ending at <paramref name="stamp"/> (before the activity window, applied at hand-over).</summary>
        public bool SamplesAt(long stamp) =>
            RecordFrom.Length > 0 && stamp >= _offsetSteps && (stamp - _offsetSteps) % _intervalSteps == 0;

        /// <summary>Takes a sample of <paramref name="recordables"/> of one node (called by the thread that owns the node).</summary>
        public void Take(int thread, long stamp, int sender, ISampledGroup group, int position, int[] recordables)
        {
            if (stamp == _skipStamp && _skipSenders.Contains(sender)) return;
            var values = _valuesByThread[thread];
            _takenByThread[thread].Add(new Sample(stamp, sender, values.Count));
            foreach (int r in recordables) values.Add(group.ReadRecordable(r, position));
        }

        /// <summary>
        /// Once per slice, serially: gathers the samples the threads took, in canonical order (time, then sender)
        /// whatever the number of threads, and records those stamped at or before <paramref name="upToStamp"/>
        /// (the start of the current slice) that lie in the activity window; later ones wait for the next slice, as
        /// NEST hands them over.
        /// </summary>
        public void HandOver(long upToStamp, Kernel.Communication.ICommunicator communicator, Func<int, int> vpOfNode)
        {
            int width = RecordFrom.Length;
            if (width == 0) return;
            // Samples as records of (stamp, sender, values...), so that they can be gathered from all processes.
            _outgoing.Clear();
            for (int t = 0; t < _takenByThread.Length; t++)
            {
                var taken = _takenByThread[t];
                var values = _valuesByThread[t];
                foreach (var s in taken)
                {
                    _outgoing.Add(s.Stamp);
                    _outgoing.Add(s.Sender);
                    for (int k = 0; k < width; k++) _outgoing.Add(values[s.ValueOffset + k]);
                }
                taken.Clear();
                values.Clear();
            }
            int n = communicator.AllGather(CollectionsMarshal.AsSpan(_outgoing), ref _incoming);
            bool added = n > 0;
            for (int i = 0; i < n; i += width + 2)
            {
                _held.Add(new Sample((long)_incoming[i], (int)_incoming[i + 1], _heldValues.Count));
                for (int k = 0; k < width; k++) _heldValues.Add(_incoming[i + 2 + k]);
            }
            if (added) _held.Sort(static (a, b) => a.Stamp != b.Stamp ? a.Stamp.CompareTo(b.Stamp) : a.Sender.CompareTo(b.Sender));
            int done = 0;
            var heldValues = CollectionsMarshal.AsSpan(_heldValues);
            var (firstActive, lastActive) = ActiveSteps(_time!);
            while (done < _held.Count && _held[done].Stamp <= upToStamp)
            {
                var s = _held[done++];
                if (s.Stamp <= firstActive || s.Stamp > lastActive) continue;
                Record(vpOfNode(s.Sender), s.Sender, s.Stamp, _time!.StepToMs(s.Stamp), heldValues.Slice(s.ValueOffset, width), []);
            }
            if (done == 0) return;
            _held.RemoveRange(0, done);
            _spareValues.Clear();
            for (int i = 0; i < _held.Count; i++)
            {
                _spareValues.AddRange(heldValues.Slice(_held[i].ValueOffset, width));
                _held[i] = _held[i] with { ValueOffset = _spareValues.Count - width };
            }
            (_heldValues, _spareValues) = (_spareValues, _heldValues);
        }
    }
}
