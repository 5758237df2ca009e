using NestSharp.Kernel;

namespace NestSharp.Recording;

/// <summary>
/// record_to "ascii": NEST's text files (<see cref="AsciiRecordingFile"/>), one per virtual process; the file of VP v
/// gets the events about the nodes v owns, and a process writes only its own VPs' files. Device parameters:
/// <c>precision</c> (digits after the point, default 3) and <c>file_extension</c> ("dat"); <c>filenames</c> lists the
/// files once a run has opened them. A later run appends to the files of the earlier one. With <c>time_in_steps</c> the
/// files hold the step and the offset of each event instead of its time in ms (as in NEST, it cannot change once the
/// kernel has simulated).
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
            if (identity is not null) status["filenames"] = PathsOf(identity);
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
                    files[vp] = AsciiRecordingFile.Open(paths[vp], append, context.OverwriteFiles, _precision, _timeInSteps, context);
            }
            catch
            {
                foreach (var file in files) file?.Dispose();
                throw;
            }
            _files = files;
            _paths = paths;
        }

        public void Write(int vp, long sender, long stamp, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs)
        {
            // Every process sees every event; the process running the owning VP writes it.
            if (vp < _files.Length) _files[vp]?.Write(sender, stamp, timeMs, doubles, longs);
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
    }
}
