namespace NestSharp.Recording;

/// <summary>
/// Where a recorder's events go (NEST's RecordingBackend), chosen per recorder with <c>record_to</c>. A backend makes,
/// for each recorder that uses it, an <see cref="IDeviceRecording"/> holding the backend's data and its own device
/// parameters. A backend class is found by its <see cref="Kernel.RecordingBackendNameAttribute"/> and made through its
/// parameterless constructor.
/// </summary>
internal interface IRecordingBackend
{
    /// <summary>A new, empty recording for one recorder.</summary>
    IDeviceRecording Create();
}

/// <summary>Who a recording belongs to and where its run stands: what file names and headers need.</summary>
internal sealed record RecordingContext(
    int DeviceId, string Label, string DataPath, string DataPrefix, bool OverwriteFiles, int NetworkSize,
    int VirtualProcesses, IReadOnlyList<int> LocalVirtualProcesses, bool TimeInSteps,
    IReadOnlyList<string> DoubleValueNames, IReadOnlyList<string> LongValueNames);

/// <summary>
/// One recorder's data in one backend, with the backend's device parameters (<see cref="Keys"/>): events kept in
/// memory, files, or nothing. Every event arrives in canonical order (time, then sender), already filtered by the
/// recorder's activity window.
/// </summary>
internal interface IDeviceRecording
{
    /// <summary>The device parameters this backend adds to the recorder's status (such as precision).</summary>
    IReadOnlyCollection<string> Keys { get; }

    /// <summary>A copy for a staged change (data shared until the change is committed is not written to).</summary>
    IDeviceRecording Clone();

    /// <summary>The same parameters without data (for a new recorder made from a model's defaults).</summary>
    IDeviceRecording CloneEmpty();

    /// <summary>Sets one of <see cref="Keys"/>, checking the value.</summary>
    void Apply(string key, object value);

    /// <summary>Writes the backend's status of <paramref name="device"/> (events, file names, parameters).</summary>
    void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device);

    /// <summary>Before a run: opens what the run writes to (files are created once and appended to later).</summary>
    void Prepare(RecordingContext context);

    /// <summary>
    /// One event of <paramref name="sender"/> stamped at the end of step <paramref name="stamp"/> (<paramref name="timeMs"/>),
    /// about a node owned by virtual process <paramref name="vp"/>.
    /// </summary>
    void Write(int vp, long sender, long stamp, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs);

    /// <summary>After a run: everything written so far reaches its destination.</summary>
    void Flush();

    /// <summary>At Cleanup: closes what Prepare opened.</summary>
    void Close();

    /// <summary>Forgets the recorded events (n_events set to 0).</summary>
    void Clear();
}
