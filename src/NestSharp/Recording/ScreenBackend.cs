using System.Globalization;
using System.Text;

namespace NestSharp.Recording;

/// <summary>
/// record_to "screen": prints each event as a line <c>sender  time  values...</c> on standard output, times and real
/// values with <c>precision</c> digits after the point (default 3); with <c>time_in_steps</c> the time is the step and
/// the offset. Unlike the memory and ascii backends, NEST lets time_in_steps change at any time here.
/// </summary>
[RecordingBackendName("screen")]
internal sealed class ScreenBackend : IRecordingBackend
{
    public IDeviceRecording Create() => new Printer();

    private sealed class Printer : IDeviceRecording
    {
        private int _precision = 3;
        private string _format = "F3";
        private bool _timeInSteps;
        private readonly StringBuilder _line = new();

        public IReadOnlyCollection<string> Keys => ["precision", "time_in_steps"];

        public IDeviceRecording Clone() => new Printer { _precision = _precision, _format = _format, _timeInSteps = _timeInSteps };

        public IDeviceRecording CloneEmpty() => Clone();

        public void Apply(string key, object value, Nodes.StatusContext context)
        {
            if (key == "time_in_steps")
            {
                _timeInSteps = StatusValue.ToBool(key, value);
            }
            else
            {
                _precision = BackendParameters.Precision(key, value);
                _format = "F" + _precision.ToString(CultureInfo.InvariantCulture);
            }
        }

        public void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device, RecorderIdentity? identity)
        {
            status["precision"] = (long)_precision;
            status["time_in_steps"] = _timeInSteps;
        }

        public void Prepare(RecordingContext context) { }

        public void Write(int vp, long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
        {
            string format = _format;
            _line.Clear();
            _line.Append(sender).Append('\t');
            if (_timeInSteps) _line.Append(stamp).Append('\t').Append(offset.ToString(format, CultureInfo.InvariantCulture));
            else _line.Append(timeMs.ToString(format, CultureInfo.InvariantCulture));
            foreach (double value in doubles) _line.Append('\t').Append(value.ToString(format, CultureInfo.InvariantCulture));
            foreach (long value in longs) _line.Append('\t').Append(value);
            Console.WriteLine(_line);
        }

        public void Flush() => Console.Out.Flush();

        public void Close() { }

        public void Clear() { }

        // Printed events are gone; the parameters are the recorder's settable status.
        public bool SupportsCheckpoint => true;

        public void SaveCheckpoint(Checkpoint.CheckpointWriter writer) { }

        public void RestoreCheckpoint(Checkpoint.CheckpointReader reader) { }
    }
}
