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

    /// <summary>The open ASCII file, and its path once a run has opened it (kept to append on later runs).</summary>
    public AsciiRecordingFile? File;
    public string? FilePath;

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
        File = null;
        FilePath = null;
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
        if (FilePath is not null) status["filenames"] = new[] { FilePath };
    }

    /// <summary>Names of the values stored with each event besides sender and time.</summary>
    public abstract IReadOnlyList<string> ValueNames { get; }

    /// <summary>How many of the values are real numbers; the rest are integers (ids, ports).</summary>
    public virtual int DoubleValueCount => ValueNames.Count;

    /// <summary>Stores one event.</summary>
    protected void Record(long sender, double timeMs, ReadOnlySpan<double> values)
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
                File?.Write(sender, timeMs, values); // only rank 0 has the file open; every rank counts the event
                break;
            case "screen":
                Console.WriteLine($"{sender}\t{timeMs.ToString("F" + Precision, System.Globalization.CultureInfo.InvariantCulture)}");
                break;
        }
    }

    protected virtual void StoreValues(ReadOnlySpan<double> values) { }

    /// <summary>Opens the ASCII file before a run (first run: create, checking overwrite_files; later runs: append).</summary>
    public void OpenFile(string path, bool overwrite)
    {
        if (RecordTo != "ascii" || File is not null) return;
        bool append = FilePath == path;
        File = AsciiRecordingFile.Open(path, append, overwrite, Precision, ValueNames, DoubleValueCount);
        FilePath = path;
    }

    public void CloseFile()
    {
        File?.Dispose();
        File = null;
    }
}
