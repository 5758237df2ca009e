using System.Globalization;
using System.Text;

namespace NestSharp.Recording;

/// <summary>
/// record_to "csv": one comma-separated file per recorder (see <see cref="SingleFileRecording"/> for its name, who
/// writes it and how later runs continue it), for analysis in pandas, polars, R or a spreadsheet. A header line names
/// the columns as the memory backend's events (<c>senders,times,</c> then the recorder's values; with time_in_steps
/// <c>senders,times,offsets,...</c>), then one line per event: integers as integers, real numbers in the invariant
/// culture's shortest round-trip form (reading them back gives the same doubles). A later run appends lines, with no
/// second header. Not in NEST.
/// </summary>
[RecordingBackendName("csv")]
internal sealed class CsvBackend : IRecordingBackend
{
    public IDeviceRecording Create() => new SingleFileRecording("csv", (path, append, columns) => new CsvFile(path, append, columns), _ => 0);

    private sealed class CsvFile : IRecordingFile
    {
        // Enough for any long or round-trip double and its separator.
        private const int CharsPerValue = 32;

        private readonly StreamWriter _writer;
        private readonly bool _timeInSteps;
        private readonly char[] _line;

        public CsvFile(string path, bool append, EventColumns columns)
        {
            _timeInSteps = columns.TimeInSteps;
            _line = new char[CharsPerValue * columns.Names.Count];
            _writer = new StreamWriter(path, append, new UTF8Encoding(false), 1 << 16);
            if (!append) _writer.Write(string.Join(',', columns.Names) + "\n");
        }

        public void Write(long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
        {
            var line = _line.AsSpan();
            int length = Append(line, 0, sender);
            if (_timeInSteps)
            {
                length = Append(line, length, stamp);
                length = Append(line, length, offset);
            }
            else
            {
                length = Append(line, length, timeMs);
            }
            foreach (double value in doubles) length = Append(line, length, value);
            foreach (long value in longs) length = Append(line, length, value);
            line[length - 1] = '\n';
            _writer.Write(line[..length]);
        }

        /// <summary>Writes <paramref name="value"/> and a comma at <paramref name="at"/>; returns the new length.</summary>
        private static int Append(Span<char> line, int at, long value)
        {
            value.TryFormat(line[at..], out int written, default, CultureInfo.InvariantCulture);
            line[at + written] = ',';
            return at + written + 1;
        }

        private static int Append(Span<char> line, int at, double value)
        {
            value.TryFormat(line[at..], out int written, "R", CultureInfo.InvariantCulture);
            line[at + written] = ',';
            return at + written + 1;
        }

        public void EndRun() => _writer.Flush();

        public void Dispose() => _writer.Dispose();
    }
}
