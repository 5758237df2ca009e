using System.Globalization;
using System.Text;

namespace NestSharp.Recording;

/// <summary>
/// A recorder's file in NEST's ASCII format: two comment lines, a tab-separated header (<c>sender time_ms</c>, or
/// <c>sender time_step time_offset</c> with time_in_steps, then the value names), then one line per event with times
/// and real values in fixed notation at the given precision and integer values as integers. Named
/// <c>data_path/data_prefix + label + "-" + node id + "-" + vp + ".dat"</c> (see <see cref="FileName"/>), as NEST names them.
/// </summary>
internal sealed class AsciiRecordingFile : IDisposable
{
    public const string NestVersion = "3.10.0";

    private readonly StreamWriter _writer;
    private readonly string _format;
    private readonly StringBuilder _line = new();
    private readonly bool _timeInSteps;
    /// <summary>An offset of 0 as written (every event of a grid-based sender), formatted once.</summary>
    private readonly string _zeroOffset;

    private AsciiRecordingFile(string path, bool append, int precision, bool timeInSteps, RecordingContext context)
    {
        Path = path;
        _timeInSteps = timeInSteps;
        _format = "F" + precision.ToString(CultureInfo.InvariantCulture);
        _zeroOffset = 0.0.ToString(_format, CultureInfo.InvariantCulture);
        _writer = new StreamWriter(path, append, new UTF8Encoding(false), 1 << 16);
        if (!append)
        {
            _writer.Write($"# NEST version: {NestVersion}\n# RecordingBackendASCII version: 2\nsender");
            _writer.Write(_timeInSteps ? "\ttime_step\ttime_offset" : "\ttime_ms");
            foreach (var name in context.DoubleValueNames) _writer.Write("\t" + name);
            foreach (var name in context.LongValueNames) _writer.Write("\t" + name);
            _writer.Write('\n');
        }
    }

    public string Path { get; }

    /// <summary>
    /// The file of virtual process <paramref name="vp"/>: <c>data_path/data_prefix + label + "-" + node id + "-" + vp +
    /// "." + extension</c>, the vp padded to the digits of the number of virtual processes. NEST pads the node id to
    /// the digits of the network size when the device was created, which does not count the device itself, so the
    /// padding never shows: the id is written as it is.
    /// </summary>
    public static string FileName(RecorderIdentity identity, int vp, string extension)
    {
        int vpDigits = (int)Math.Floor(Math.Log10(Math.Max(1, identity.VirtualProcesses))) + 1;
        string name = $"{identity.DataPrefix}{identity.Label}-{identity.DeviceId.ToString(CultureInfo.InvariantCulture)}-{vp.ToString(CultureInfo.InvariantCulture).PadLeft(vpDigits, '0')}.{extension}";
        return string.IsNullOrEmpty(identity.DataPath) ? name : System.IO.Path.Combine(identity.DataPath, name);
    }

    /// <summary>Opens a new file, failing if it exists and overwriting is off; or reopens one this kernel wrote, to append.</summary>
    public static AsciiRecordingFile Open(string path, bool append, bool overwrite, int precision, bool timeInSteps, RecordingContext context)
    {
        if (!append) RecordingFiles.RefuseToOverwrite(path, overwrite);
        try
        {
            return new AsciiRecordingFile(path, append, precision, timeInSteps, context);
        }
        catch (Exception e) when (RecordingFiles.IsFileError(e))
        {
            throw RecordingFiles.OpenError(path, e);
        }
    }

    public void Write(long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
    {
        _line.Clear();
        _line.Append(sender).Append('\t');
        if (_timeInSteps) _line.Append(stamp).Append('\t').Append(offset == 0.0 ? _zeroOffset : offset.ToString(_format, CultureInfo.InvariantCulture));
        else _line.Append(timeMs.ToString(_format, CultureInfo.InvariantCulture));
        foreach (double value in doubles) _line.Append('\t').Append(value.ToString(_format, CultureInfo.InvariantCulture));
        foreach (long value in longs) _line.Append('\t').Append(value);
        _line.Append('\n');
        _writer.Write(_line);
    }

    public void Flush() => _writer.Flush();

    public void Dispose() => _writer.Dispose();
}
