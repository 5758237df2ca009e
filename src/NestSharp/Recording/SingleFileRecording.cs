namespace NestSharp.Recording;

/// <summary>
/// The columns of a recorder's file, named and ordered as the memory backend's <c>events</c>: <c>senders</c>,
/// <c>times</c> (ms; with time_in_steps the steps, as integers, followed by <c>offsets</c> in ms), then the real values
/// (<see cref="DoubleValueNames"/>) and the integer values (<see cref="LongValueNames"/>).
/// </summary>
internal sealed record EventColumns(bool TimeInSteps, IReadOnlyList<string> DoubleValueNames, IReadOnlyList<string> LongValueNames)
{
    /// <summary>Every column name, in file order.</summary>
    public IReadOnlyList<string> Names => [.. TimeColumns, .. DoubleValueNames, .. LongValueNames];

    private IReadOnlyList<string> TimeColumns => TimeInSteps ? SendersStepsOffsets : SendersTimes;

    private static readonly string[] SendersTimes = ["senders", "times"];
    private static readonly string[] SendersStepsOffsets = ["senders", "times", "offsets"];
}

/// <summary>One recorder's file in a file format: events in canonical order, the end of each run, closing.</summary>
internal interface IRecordingFile : IDisposable
{
    /// <summary>One event, as <see cref="IDeviceRecording.Write"/> receives it.</summary>
    void Write(long sender, long stamp, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs);

    /// <summary>After a run: the run's events reach the file.</summary>
    void EndRun();
}

/// <summary>
/// A recording that writes one file per recorder (the csv and parquet backends): every event of the recorder, in the
/// canonical order of the memory backend, whatever the number of threads or processes. The file is named as NEST's
/// ascii files are, <c>data_path/data_prefix + label + "-" + node id + "-" + vp + "." + extension</c>, with the virtual
/// process that the recorder's node id falls to in the round-robin distribution; the process that runs that virtual
/// process writes it (every process receives every event). A later run appends to the file an earlier run of this
/// recorder wrote under the same name; a new file over an existing one needs overwrite_files. Device parameter:
/// <c>time_in_steps</c> (as the ascii backend's: fixed once the kernel has simulated); status <c>filenames</c>.
/// </summary>
/// <param name="extension">The file name's extension, without the dot.</param>
/// <param name="open">Opens the file at a path: a new one, or (append) one an earlier run of this recording wrote.</param>
internal sealed class SingleFileRecording(string extension, Func<string, bool, EventColumns, IRecordingFile> open) : IDeviceRecording
{
    private bool _timeInSteps;

    // The file an earlier run wrote: a later run appends to it if the name is still the same.
    private string? _path;

    // Open from Prepare to Close, on the process that writes the file.
    private IRecordingFile? _file;

    public IReadOnlyCollection<string> Keys => ["time_in_steps"];

    public IDeviceRecording Clone() => (SingleFileRecording)MemberwiseClone();

    public IDeviceRecording CloneEmpty() => new SingleFileRecording(extension, open) { _timeInSteps = _timeInSteps };

    public void Apply(string key, object value, Nodes.StatusContext context) =>
        _timeInSteps = BackendParameters.TimeInSteps(key, value, _timeInSteps, context, sameValueAllowed: true);

    public void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device, RecorderIdentity? identity)
    {
        status["time_in_steps"] = _timeInSteps;
        if (identity is not null) status["filenames"] = new[] { PathOf(identity) };
    }

    /// <summary>The recorder's file, named from the current data_path, data_prefix and label (as the status shows it).</summary>
    private string PathOf(RecorderIdentity identity) => AsciiRecordingFile.FileName(identity, identity.VirtualProcess, extension);

    public void Prepare(RecordingContext context)
    {
        if (_file is not null || !context.LocalVirtualProcesses.Contains(context.Identity.VirtualProcess)) return;
        string path = PathOf(context.Identity);
        bool append = path == _path;
        if (!append) RecordingFiles.RefuseToOverwrite(path, context.OverwriteFiles);
        try
        {
            _file = open(path, append, new EventColumns(_timeInSteps, context.DoubleValueNames, context.LongValueNames));
        }
        catch (Exception e) when (RecordingFiles.IsFileError(e))
        {
            throw RecordingFiles.OpenError(path, e);
        }
        _path = path;
    }

    public void Write(int vp, long sender, long stamp, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs) =>
        _file?.Write(sender, stamp, timeMs, doubles, longs);

    public void Flush() => _file?.EndRun();

    public void Close()
    {
        _file?.Dispose();
        _file = null;
    }

    public void Clear() { }
}
