using System.Globalization;
using System.Text;
using NestSharp.Kernel;

namespace NestSharp.Recording;

/// <summary>
/// record_to "screen": prints each event as a line <c>sender  time  values...</c> on standard output, times and real
/// values with <c>precision</c> digits after the point (default 3).
/// </summary>
[RecordingBackendName("screen")]
internal sealed class ScreenBackend : IRecordingBackend
{
    public IDeviceRecording Create() => new Printer();

    /// <summary>A <c>precision</c> (digits after the point of written times and values), checked: 0 to 17.</summary>
    public static int Precision(string key, object value)
    {
        int precision = StatusValue.ToInt(key, value);
        return precision is >= 0 and <= 17 ? precision : throw new BadPropertyException(key, precision, "must be between 0 and 17");
    }

    private sealed class Printer : IDeviceRecording
    {
        private int _precision = 3;
        private readonly StringBuilder _line = new();

        public IReadOnlyCollection<string> Keys => ["precision"];

        public IDeviceRecording Clone() => new Printer { _precision = _precision };

        public IDeviceRecording CloneEmpty() => Clone();

        public void Apply(string key, object value) => _precision = Precision(key, value);

        public void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device) => status["precision"] = (long)_precision;

        public void Prepare(RecordingContext context) { }

        public void Write(int vp, long sender, long stamp, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
        {
            string format = "F" + _precision.ToString(CultureInfo.InvariantCulture);
            _line.Clear();
            _line.Append(sender).Append('\t').Append(timeMs.ToString(format, CultureInfo.InvariantCulture));
            foreach (double value in doubles) _line.Append('\t').Append(value.ToString(format, CultureInfo.InvariantCulture));
            foreach (long value in longs) _line.Append('\t').Append(value);
            Console.WriteLine(_line);
        }

        public void Flush() => Console.Out.Flush();

        public void Close() { }

        public void Clear() { }
    }
}
