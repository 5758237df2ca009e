namespace NestSharp.Recording;

/// <summary>
/// record_to "ascii": NEST's text files (<see cref="AsciiRecordingFile"/>), one per virtual process; the file of VP v
/// gets the events about the nodes v owns, and a process writes only its own VPs' files. Device parameters:
/// <c>precision</c> (digits after the point, default 3) and <c>file_extension</c> ("dat"); <c>filenames</c> lists the
/// files once a run has opened them. A later run appends to the files of the earlier one. With <c>time_in_steps</c> the
/// files hold the step and the offset of each event instead of its time in ms (as in NEST, it cannot change once the
/// kernel has simulated).
/// <para>A checkpoint keeps each file's name and length: a restored kernel cuts the files back to that length (a run
/// that went on after the checkpoint wrote more) and appends to them, so the files continue as if the run had not
/// stopped. Restored onto another number of virtual processes, the files of the virtual processes both layouts have
/// are continued, the new ones start with a header, and <c>filenames</c> also lists the earlier layout's other files,
/// which hold events from before the checkpoint. With several MPI processes rank 0 keeps every process's files, so it
/// must see them (a file system all processes share): a file it cannot read fails the save with a KernelException.</para>
/// </summary>
[RecordingBackendName("ascii")]
internal sealed class AsciiBackend : IRecordingBackend
{
    public IDeviceRecording Create() => new Files();

    private sealed class Files : IDeviceRecording
    {
        private int _precision = 3;
        private string _extension = "dat";
        private bool _timeInSteps;
        private AsciiRecordingFile?[] _files = [];
        private string[] _paths = [];

        /// <summary>After a restore, until the next run opens them: the files of the checkpointed run with their lengths then.</summary>
        private Dictionary<string, long> _restoredLengths = [];

        /// <summary>The files of a checkpointed run on another number of virtual processes that this layout does not continue.</summary>
        private string[] _earlierPaths = [];

        public IReadOnlyCollection<string> Keys => ["file_extension", "precision", "time_in_steps"];

        public IDeviceRecording Clone() => (Files)MemberwiseClone();

        public IDeviceRecording CloneEmpty() => new Files { _precision = _precision, _extension = _extension, _timeInSteps = _timeInSteps };

        public void Apply(string key, object value, Nodes.StatusContext context)
        {
            switch (key)
            {
                case "precision":
                    _precision = BackendParameters.Precision(key, value);
                    break;
                case "time_in_steps":
                    _timeInSteps = BackendParameters.TimeInSteps(key, value, _timeInSteps, context, sameValueAllowed: true);
                    break;
                default:
                    _extension = StatusValue.ToStringValue(key, value);
                    break;
            }
        }

        public void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device, RecorderIdentity? identity)
        {
            status["precision"] = (long)_precision;
            status["file_extension"] = _extension;
            status["time_in_steps"] = _timeInSteps;
            if (identity is null) return;
            var paths = PathsOf(identity);
            status["filenames"] = _restoredLengths.Count == 0 && _earlierPaths.Length == 0
                ? paths
                : [.. paths.Union(_restoredLengths.Keys.Concat(_earlierPaths).Order(StringComparer.Ordinal))];
        }

        /// <summary>The file of each virtual process, named from the current data_path, data_prefix and label (as NEST's status shows them).</summary>
        private string[] PathsOf(RecorderIdentity identity) =>
            Enumerable.Range(0, identity.VirtualProcesses).Select(vp => AsciiRecordingFile.FileName(identity, vp, _extension)).ToArray();

        public void Prepare(RecordingContext context)
        {
            if (_files.Length > 0) return;
            var paths = PathsOf(context.Identity);
            bool append = _paths.SequenceEqual(paths);
            var files = new AsciiRecordingFile?[paths.Length];
            try
            {
                foreach (int vp in context.LocalVirtualProcesses)
                {
                    bool restored = _restoredLengths.TryGetValue(paths[vp], out long length);
                    if (restored) RecordingFiles.CutBack(paths[vp], length, []);
                    files[vp] = AsciiRecordingFile.Open(paths[vp], append || restored, context.OverwriteFiles, _precision, _timeInSteps, context);
                }
            }
            catch
            {
                foreach (var file in files) file?.Dispose();
                throw;
            }
            _files = files;
            _paths = paths;
            if (_restoredLengths.Count == 0) return;
            // the earlier layout's other files keep what they held at the checkpoint
            foreach (var (path, length) in _restoredLengths)
                if (Array.IndexOf(paths, path) < 0) RecordingFiles.CutBack(path, length, []);
            _earlierPaths = [.. _restoredLengths.Keys.Concat(_earlierPaths).Except(paths).Order(StringComparer.Ordinal)];
            _restoredLengths = [];
        }

        public void Write(int vp, long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
        {
            // Every process sees every event; the process running the owning VP writes it.
            if (vp < _files.Length) _files[vp]?.Write(sender, stamp, offset, timeMs, doubles, longs);
        }

        public void Flush()
        {
            foreach (var file in _files) file?.Flush();
        }

        public void Close()
        {
            foreach (var file in _files) file?.Dispose();
            _files = [];
        }

        public void Clear() { }

        public bool SupportsCheckpoint => true;

        // Between runs the files are closed: their lengths are what the run wrote so far (or, saved again before a
        // restored kernel ran, the lengths it was restored with).
        public void SaveCheckpoint(Checkpoint.CheckpointWriter writer)
        {
            var lengths = _restoredLengths.Count > 0
                ? [.. _restoredLengths.OrderBy(f => f.Key, StringComparer.Ordinal)]
                : _paths.Select(path => KeyValuePair.Create(path, LengthOf(path))).ToArray();
            writer.Write(lengths.Length);
            foreach (var (path, length) in lengths)
            {
                writer.Write(path);
                writer.Write(length);
            }
            writer.Write(_earlierPaths.Length);
            foreach (var path in _earlierPaths) writer.Write(path);
        }

        private static long LengthOf(string path)
        {
            using var file = RecordingFiles.OpenToKeep(path);
            return file.Length;
        }

        public void RestoreCheckpoint(Checkpoint.CheckpointReader reader)
        {
            var lengths = new Dictionary<string, long>(StringComparer.Ordinal);
            for (int n = reader.ReadInt(), i = 0; i < n; i++) lengths[reader.ReadString()] = reader.ReadLong();
            _restoredLengths = lengths;
            _earlierPaths = new string[reader.ReadInt()];
            for (int i = 0; i < _earlierPaths.Length; i++) _earlierPaths[i] = reader.ReadString();
            _paths = [];
        }
    }
}
