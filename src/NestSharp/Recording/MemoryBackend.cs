namespace NestSharp.Recording;

/// <summary>
/// record_to "memory": keeps the events for the recorder's <c>events</c> status entry: <c>senders</c>, <c>times</c>
/// (ms, or with <c>time_in_steps</c> the steps, as integers, with <c>offsets</c>) and one array per value name. As in
/// NEST, time_in_steps cannot be set at all once the kernel has simulated.
/// </summary>
[RecordingBackendName("memory", Default = true)]
internal sealed class MemoryBackend : IRecordingBackend
{
    public IDeviceRecording Create() => new Events();

    private sealed class Events : IDeviceRecording
    {
        private List<long> _senders = [];
        private List<double> _times = [];
        private List<long> _steps = [];
        private List<double> _offsets = [];
        private List<double>[] _doubles = [];
        private List<long>[] _longs = [];
        private bool _timeInSteps;

        public IReadOnlyCollection<string> Keys => ["time_in_steps"];

        public IDeviceRecording Clone() => (Events)MemberwiseClone();

        public IDeviceRecording CloneEmpty() => new Events { _timeInSteps = _timeInSteps };

        public void Apply(string key, object value, Nodes.StatusContext context) =>
            _timeInSteps = BackendParameters.TimeInSteps(key, value, _timeInSteps, context, sameValueAllowed: false);

        public void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device, RecorderIdentity? identity)
        {
            status["time_in_steps"] = _timeInSteps;
            var events = new Dictionary<string, object> { ["senders"] = _senders.ToArray() };
            if (_timeInSteps)
            {
                events["times"] = _steps.ToArray();
                events["offsets"] = _offsets.ToArray();
            }
            else
            {
                events["times"] = _times.ToArray();
            }

            for (int i = 0; i < device.DoubleValueNames.Count; i++)
                events[device.DoubleValueNames[i]] = i < _doubles.Length ? _doubles[i].ToArray() : Array.Empty<double>();
            for (int i = 0; i < device.LongValueNames.Count; i++)
                events[device.LongValueNames[i]] = i < _longs.Length ? _longs[i].ToArray() : Array.Empty<long>();
            status["events"] = events;
        }

        public void Prepare(RecordingContext context) { }

        public void Write(int vp, long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
        {
            _senders.Add(sender);
            if (_timeInSteps)
            {
                _steps.Add(stamp);
                _offsets.Add(offset);
            }
            else
            {
                _times.Add(timeMs);
            }

            if (_doubles.Length < doubles.Length) _doubles = Grow(_doubles, doubles.Length, _senders.Count - 1);
            if (_longs.Length < longs.Length) _longs = Grow(_longs, longs.Length, _senders.Count - 1);
            for (int i = 0; i < doubles.Length; i++) _doubles[i].Add(doubles[i]);
            for (int i = 0; i < longs.Length; i++) _longs[i].Add(longs[i]);
        }

        /// <summary>More value columns (the value names were set after earlier events, which get no value there).</summary>
        private static List<T>[] Grow<T>(List<T>[] columns, int count, int earlier)
        {
            var grown = new List<T>[count];
            Array.Copy(columns, grown, columns.Length);
            for (int i = columns.Length; i < count; i++) grown[i] = new List<T>(Math.Max(earlier, 0));
            return grown;
        }

        public void Flush() { }

        public void Close() { }

        public bool SupportsCheckpoint => true;

        public void SaveCheckpoint(Checkpoint.CheckpointWriter writer)
        {
            writer.Write(_timeInSteps);
            writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_senders));
            writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_times));
            writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_steps));
            writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_offsets));
            writer.Write(_doubles.Length);
            foreach (var column in _doubles) writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(column));
            writer.Write(_longs.Length);
            foreach (var column in _longs) writer.Write(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(column));
        }

        public void RestoreCheckpoint(Checkpoint.CheckpointReader reader)
        {
            _timeInSteps = reader.ReadBool();
            _senders = [.. reader.ReadLongs()];
            _times = [.. reader.ReadDoubles()];
            _steps = [.. reader.ReadLongs()];
            _offsets = [.. reader.ReadDoubles()];
            _doubles = new List<double>[reader.ReadInt()];
            for (int i = 0; i < _doubles.Length; i++) _doubles[i] = [.. reader.ReadDoubles()];
            _longs = new List<long>[reader.ReadInt()];
            for (int i = 0; i < _longs.Length; i++) _longs[i] = [.. reader.ReadLongs()];
        }

        public void Clear()
        {
            _senders = [];
            _times = [];
            _steps = [];
            _offsets = [];
            _doubles = [];
            _longs = [];
        }
    }
}
