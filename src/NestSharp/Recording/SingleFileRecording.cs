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
    void Write(long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs);

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
/// <para>A checkpoint keeps the file's name, its length and its last bytes (the format's footer, which a later run
/// overwrites: <paramref name="footerBytes"/>); a restored kernel gives the file back that content (the stopped run may
/// have written on) and appends, so the file equals the uninterrupted run's. Restored onto another number of virtual
/// processes the name changes with the virtual process: the new file starts as a copy of the checkpointed one, and the
/// old one is given back its checkpoint content too. With several MPI processes every process knows the file's name,
/// and rank 0, which writes the recorders' state into the checkpoint, reads the length and footer of the file whatever
/// process wrote it (a file system all processes share, as for the ascii backend; the save begins after every process
/// closed its files); after a restore, the process that writes the file in the new layout alone gives it back its
/// content. A file a run wrote that rank 0 cannot read fails the save with a KernelException on every process, rather
/// than being restarted (and its events lost) after a restore.</para>
/// </summary>
/// <param name="extension">The file name's extension, without the dot.</param>
/// <param name="open">Opens the file at a path: a new one, or (append) one an earlier run of this recording wrote.</param>
/// <param name="footerBytes">How many bytes at the end of a complete file of the format a later run overwrites (0 for none).</param>
internal sealed class SingleFileRecording(string extension, Func<string, bool, EventColumns, IRecordingFile> open, Func<FileStream, int> footerBytes)
    : IDeviceRecording
{
    private bool _timeInSteps;

    // The file an earlier run wrote: a later run appends to it if the name is still the same.
    private string? _path;

    // Open from Prepare to Close, on the process that writes the file.
    private IRecordingFile? _file;

    // After a restore, until the next run opens the file: its length at the checkpoint and its footer then.
    private (long Length, byte[] Footer)? _restored;

    public IReadOnlyCollection<string> Keys => ["time_in_steps"];

    public IDeviceRecording Clone() => (SingleFileRecording)MemberwiseClone();

    public IDeviceRecording CloneEmpty() => new SingleFileRecording(extension, open, footerBytes) { _timeInSteps = _timeInSteps };

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
        if (_file is not null) return;
        string path = PathOf(context.Identity);
        if (!context.LocalVirtualProcesses.Contains(context.Identity.VirtualProcess))
        {
            // Another process writes the file (and gives a restored one back its content): this one only knows its
            // name, which rank 0 keeps in a checkpoint with the file's length and footer then.
            _path = path;
            _restored = null;
            return;
        }
        bool append = path == _path;
        if (!append) RecordingFiles.RefuseToOverwrite(path, context.OverwriteFiles);
        if (_restored is { } restored)
        {
            if (!append)
            {
                RecordingFiles.CopyStart(_path!, path, restored.Length - restored.Footer.Length);
                // the earlier layout's file keeps what it held at the checkpoint (as the ascii backend's other files)
                RecordingFiles.CutBack(_path!, restored.Length, restored.Footer);
            }
            RecordingFiles.CutBack(path, restored.Length, restored.Footer);
            append = true;
            _restored = null;
        }
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

    public void Write(int vp, long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs) =>
        _file?.Write(sender, stamp, offset, timeMs, doubles, longs);

    public void Flush() => _file?.EndRun();

    public void Close()
    {
        _file?.Dispose();
        _file = null;
    }

    public void Clear() { }

    public bool SupportsCheckpoint => true;

    /// <summary>
    /// Writes the file an earlier run wrote (between runs it is closed): its name, length and footer, or, saved again
    /// before a restored kernel ran, those it was restored with.
    /// </summary>
    public void SaveCheckpoint(CheckpointWriter writer)
    {
        var saved = _restored ?? (_path is not null ? Snapshot(_path) : null);
        writer.Write(saved is not null);
        if (saved is not { } file) return;
        writer.Write(_path!);
        writer.Write(file.Length);
        writer.Write(file.Footer);
    }

    public void RestoreCheckpoint(CheckpointReader reader)
    {
        _path = null;
        _restored = null;
        if (!reader.ReadBool()) return;
        _path = reader.ReadString();
        long length = reader.ReadLong();
        byte[] footer = reader.ReadBytes();
        if (length < footer.Length) throw reader.Bad($"the recording file '{_path}' is shorter ({length} bytes) than its footer");
        _restored = (length, footer);
    }

    private (long Length, byte[] Footer) Snapshot(string path)
    {
        using var file = RecordingFiles.OpenToKeep(path);
        try
        {
            var footer = new byte[footerBytes(file)];
            file.Seek(-footer.Length, SeekOrigin.End);
            file.ReadExactly(footer);
            return (file.Length, footer);
        }
        catch (Exception e) when (RecordingFiles.IsFileError(e))
        {
            throw RecordingFiles.KeepError(path, e);
        }
    }
}
