using NestSharp.Recording;

namespace NestSharp.Nodes;

/// <summary>
/// What spike recorders and multimeters share: <c>record_to</c> ("memory" keeps events for <c>events</c>, "ascii"
/// writes NEST's text files), <c>n_events</c> (setting it to 0 clears the events), and the ASCII file's settings.
/// </summary>
internal abstract class RecorderNode : DeviceNode
{
    public string RecordTo = "memory";
    public bool TimeInSteps;
    public int Precision = 3;
    public List<long> Senders = [];
    public List<double> Times = [];

    /// <summary>Number of events recorded (to memory or file).</summary>
    public long EventCount;

    /// <summary>
    /// The ASCII files, one per virtual process as NEST writes them: the file of VP v gets the events of the nodes v
    /// owns. Indexed by VP; a process opens only its own VPs' files (null elsewhere).
    /// </summary>
    public AsciiRecordingFile?[] Files = [];

    /// <summary>The paths of all VPs' files once a run has opened them (kept to append on later runs).</summary>
    public string[] FilePaths = [];

    protected static readonly string[] RecorderKeys = [.. CommonKeys, "n_events", "precision", "record_to", "time_in_steps"];

    public override void Apply(string key, object value)
    {
        switch (key)
        {
            case "record_to":
                string to = StatusValue.ToStringValue(key, value);
                if (to is not ("memory" or "ascii" or "screen"))
                    throw new BadParameterException(key, to, "the recording backends are \"memory\", \"ascii\" and \"screen\"");
                RecordTo = to;
                break;
            case "n_events":
                if (StatusValue.ToLong(key, value) != 0)
                    throw new BadParameterException(key, value, "n_events can only be set to 0, which clears the recorded events");
                ClearEvents();
                break;
            case "time_in_steps": TimeInSteps = StatusValue.ToBool(key, value); break;
            case "precision":
                int p = StatusValue.ToInt(key, value);
                if (p is < 0 or > 17) throw new BadParameterException(key, p, "must be between 0 and 17");
                Precision = p;
                break;
            default: base.Apply(key, value); break;
        }
    }

    protected override void ResetRuntimeState()
    {
        ClearEvents();
        Files = [];
        FilePaths = [];
    }

    protected virtual void ClearEvents()
    {
        Senders = [];
        Times = [];
        EventCount = 0;
    }

    public override void Write(Dictionary<string, object> status)
    {
        base.Write(status);
        status["record_to"] = RecordTo;
        status["n_events"] = EventCount;
        status["time_in_steps"] = TimeInSteps;
        status["precision"] = (long)Precision;
        status["element_type"] = "recorder";
        if (FilePaths.Length > 0) status["filenames"] = FilePaths.ToArray();
    }

    /// <summary>Names of the values stored with each event besides sender and time.</summary>
    public abstract IReadOnlyList<string> ValueNames { get; }

    /// <summary>How many of the values are real numbers; the rest are integers (ids, ports).</summary>
    public virtual int DoubleValueCount => ValueNames.Count;

    /// <summary>Stores one event; <paramref name="vp"/> is the virtual process that owns the node the event is about.</summary>
    protected void Record(long sender, double timeMs, ReadOnlySpan<double> values, int vp)
    {
        EventCount++;
        switch (RecordTo)
        {
            case "memory":
                Senders.Add(sender);
                Times.Add(timeMs);
                StoreValues(values);
                break;
            case "ascii":
                // Every process sees every event and counts it; the process running the owning VP writes it.
                if (vp < Files.Length) Files[vp]?.Write(sender, timeMs, values);
                break;
            case "screen":
                Console.WriteLine($"{sender}\t{timeMs.ToString("F" + Precision, System.Globalization.CultureInfo.InvariantCulture)}");
                break;
        }
    }

    protected virtual void StoreValues(ReadOnlySpan<double> values) { }

    /// <summary>
    /// Opens this process's files before a run (first run: create, checking overwrite_files; later runs: append).
    /// </summary>
    public void OpenFiles(string[] pathOfVp, IEnumerable<int> localVps, bool overwrite)
    {
        if (RecordTo != "ascii" || Files.Length > 0) return;
        bool append = FilePaths.SequenceEqual(pathOfVp);
        Files = new AsciiRecordingFile?[pathOfVp.Length];
        foreach (int vp in localVps)
            Files[vp] = AsciiRecordingFile.Open(pathOfVp[vp], append, overwrite, Precision, ValueNames, DoubleValueCount);
        FilePaths = pathOfVp;
    }

    public void FlushFiles()
    {
        foreach (var file in Files) file?.Flush();
    }

    public void CloseFiles()
    {
        foreach (var file in Files) file?.Dispose();
        Files = [];
    }
}
