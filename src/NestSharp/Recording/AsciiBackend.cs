using NestSharp.Kernel;

namespace NestSharp.Recording;

/// <summary>
/// record_to "ascii": NEST's text files (<see cref="AsciiRecordingFile"/>), one per virtual process; the file of VP v
/// gets the events about the nodes v owns, and a process writes only its own VPs' files. Device parameters:
/// <c>precision</c> (digits after the point, default 3) and <c>file_extension</c> ("dat"); <c>filenames</c> lists the
/// files once a run has opened them. A later run appends to the files of the earlier one.
/// </summary>
[RecordingBackendName("ascii")]
internal sealed class AsciiBackend : IRecordingBackend
{
    public IDeviceRecording Create() => new Files();

    private sealed class Files : IDeviceRecording
    {
        private int _precision = 3;
        private string _extension = "dat";
        private AsciiRecordingFile?[] _files = [];
        private string[] _paths = [];

        public IReadOnlyCollection<string> Keys => ["file_extension", "precision"];

        public IDeviceRecording Clone() => (Files)MemberwiseClone();

        public IDeviceRecording CloneEmpty() => new Files { _precision = _precision, _extension = _extension };

        public void Apply(string key, object value)
        {
            if (key == "precision")
            {
                _precision = ScreenBackend.Precision(key, value);
            }
            else
            {
                _extension = StatusValue.ToStringValue(key, value);
            }
        }

        public void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device)
        {
            status["precision"] = (long)_precision;
            status["file_extension"] = _extension;
            if (_paths.Length > 0) status["filenames"] = _paths.ToArray();
        }

        public void Prepare(RecordingContext context)
        {
            if (_files.Length > 0) return;
            var paths = Enumerable.Range(0, context.VirtualProcesses)
                .Select(vp => AsciiRecordingFile.FileName(context.DataPath, context.DataPrefix, context.Label, context.DeviceId,
                    context.NetworkSize, vp, context.VirtualProcesses, _extension))
                .ToArray();
            bool append = _paths.SequenceEqual(paths);
            var files = new AsciiRecordingFile?[paths.Length];
            try
            {
                foreach (int vp in context.LocalVirtualProcesses)
                    files[vp] = AsciiRecordingFile.Open(paths[vp], append, context.OverwriteFiles, _precision, context);
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
