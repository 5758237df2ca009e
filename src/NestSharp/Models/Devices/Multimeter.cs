using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Models.Devices;

/// <summary>
/// multimeter: samples the recordables named in <c>record_from</c> of the neurons it is connected to, every
/// <c>interval</c> ms (a multiple of the resolution; default 1 ms), at times t = offset + k·interval &gt; offset within
/// (origin + start, origin + stop]. A sample stamped t is the state after the step (t - h, t]; t is tics · ms_per_tic,
/// as NEST's Time::get_ms (e.g. 0.3, 10.700000000000001), the same value a spike in that step is recorded with.
/// <para>As in NEST, samples reach the multimeter one slice (min_delay) after they were taken: after Simulate(T) the
/// events end at T - min_delay, and a further Simulate delivers the rest.</para>
/// <para>Status: <c>events</c> {<c>senders</c>, <c>times</c>, one array per recordable}, <c>n_events</c>,
/// <c>record_from</c>, <c>interval</c>, <c>offset</c>, <c>record_to</c>, <c>label</c>, <c>start</c>, <c>stop</c>, <c>origin</c>.</para>
/// </summary>
[NodeModelName("multimeter")]
internal sealed class Multimeter(NodeModel model, int firstId, int count)
    : RecorderGroup<Multimeter.Node>(model, firstId, count, () => new Node())
{
    /// <summary>A sample taken during a slice, waiting for hand-over.</summary>
    private readonly record struct Sample(long Stamp, int Sender, int ValueOffset);

    internal sealed class Node : RecorderNode, ISampler
    {
        private static readonly DeviceKeys<Node> Declared = RecorderKeys<Node>()
            .Real("interval", n => n.Interval, (n, v) => n.Interval = v, Requirement.Positive("must be positive"))
            .Real("offset", n => n.Offset, (n, v) => n.Offset = v, Requirement.NonNegative("must not be negative"))
            .Texts("record_from", n => n.RecordFrom, (n, v) => n.RecordFrom = v);

        public double Interval = 1.0;
        public double Offset;
        public string[] RecordFrom = [];

        private long _intervalSteps = 10, _offsetSteps;
        private List<Sample>[] _takenByThread = [];
        private List<double>[] _valuesByThread = [];
        private List<Sample> _held = [];
        private List<double> _heldValues = [];
        private List<double> _outgoing = [];
        private double[] _incoming = [];
        private List<double> _spareValues = [];
        private Kernel.TimeGrid? _time;

        public override IDeviceKeys Keys => Declared;

        public override IReadOnlyList<string> DoubleValueNames => RecordFrom;

        IReadOnlyList<string> ISampler.RecordFrom => RecordFrom;

        protected override void AfterClone()
        {
            base.AfterClone();
            RecordFrom = (string[])RecordFrom.Clone();
        }

        protected override void ResetRuntimeState()
        {
            base.ResetRuntimeState();
            _takenByThread = [];
            _valuesByThread = [];
            _held = [];
            _heldValues = [];
            _spareValues = [];
            _incoming = [];
            _outgoing = [];
        }

        public override void Validate(StatusContext context)
        {
            base.Validate(context);
            if (RecordFrom.Distinct().Count() != RecordFrom.Length)
                throw new BadPropertyException("record_from", RecordFrom, "names a recordable twice");
        }

        /// <summary>Checks the interval against the grid and sets up per-thread sample lists.</summary>
        public void PrepareRun(Kernel.TimeGrid time, int threads)
        {
            if (!time.IsOnGrid(Interval))
                throw new BadPropertyException("interval", Interval, $"must be a multiple of the resolution ({time.Resolution} ms)");
            if (!time.IsOnGrid(Offset))
                throw new BadPropertyException("offset", Offset, $"must be a multiple of the resolution ({time.Resolution} ms)");
            _time = time;
            _intervalSteps = time.MsToTics(Interval) / time.TicsPerStep;
            _offsetSteps = time.MsToTics(Offset) / time.TicsPerStep;
            if (_takenByThread.Length != threads)
            {
                _takenByThread = Enumerable.Range(0, threads).Select(_ => new List<Sample>()).ToArray();
                _valuesByThread = Enumerable.Range(0, threads).Select(_ => new List<double>()).ToArray();
            }
        }

        /// <summary>Whether a sample is due after the step ending at <paramref name="stamp"/>.</summary>
        public bool SamplesAt(long stamp) =>
            stamp > _offsetSteps && (stamp - _offsetSteps) % _intervalSteps == 0 && IsActive(_time!, stamp);

        /// <summary>Takes a sample of <paramref name="recordables"/> of one node (called by the thread that owns the node).</summary>
        public void Take(int thread, long stamp, int sender, NeuronGroup group, int local, int[] recordables)
        {
            var values = _valuesByThread[thread];
            _takenByThread[thread].Add(new Sample(stamp, sender, values.Count));
            foreach (int r in recordables) values.Add(group.ReadRecordable(r, local));
        }

        /// <summary>
        /// Once per slice, serially: gathers the samples the threads took, in canonical order (time, then sender)
        /// whatever the number of threads, and records those stamped at or before <paramref name="upToStamp"/>
        /// (the start of the current slice); later ones wait for the next slice, as NEST hands them over.
        /// </summary>
        public void HandOver(long upToStamp, Kernel.Communication.ICommunicator communicator, Func<int, int> vpOfNode)
        {
            int width = RecordFrom.Length;
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
            int n = communicator.AllGather(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_outgoing), ref _incoming);
            bool added = n > 0;
            for (int i = 0; i < n; i += width + 2)
            {
                _held.Add(new Sample((long)_incoming[i], (int)_incoming[i + 1], _heldValues.Count));
                for (int k = 0; k < width; k++) _heldValues.Add(_incoming[i + 2 + k]);
            }
            if (added) _held.Sort(static (a, b) => a.Stamp != b.Stamp ? a.Stamp.CompareTo(b.Stamp) : a.Sender.CompareTo(b.Sender));
            int done = 0;
            var heldValues = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_heldValues);
            while (done < _held.Count && _held[done].Stamp <= upToStamp)
            {
                var s = _held[done++];
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
