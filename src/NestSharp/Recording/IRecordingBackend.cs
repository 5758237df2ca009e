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

/// <summary>
/// Who a recording belongs to, as a file name needs it: the device's id, its label (the model name when the label is
/// empty), the kernel's data_path and data_prefix, the number of virtual processes (one ascii file each) and the
/// virtual process the device's id falls to in the round-robin distribution (the one that writes a backend's single
/// file per recorder).
/// </summary>
internal sealed record RecorderIdentity(int DeviceId, string Label, string DataPath, string DataPrefix, int VirtualProcesses, int VirtualProcess);

/// <summary>Who a recording belongs to and where its run stands: what file names and headers need.</summary>
internal sealed record RecordingContext(
    RecorderIdentity Identity, bool OverwriteFiles, IReadOnlyList<int> LocalVirtualProcesses,
    IReadOnlyList<string> DoubleValueNames, IReadOnlyList<string> LongValueNames);

/// <summary>
/// One recorder's data in one backend, with the backend's device parameters (<see cref="Keys"/>): events kept in
/// memory, files, or nothing. Every event arrives in canonical order (time, then sender), already filtered by the
/// recorder's activity window.
/// </summary>
internal interface IDeviceRecording
{
    /// <summary>The device parameters this backend adds to the recorder's status (such as precision or time_in_steps).</summary>
    IReadOnlyCollection<string> Keys { get; }

    /// <summary>A copy for a staged change (data shared until the change is committed is not written to).</summary>
    IDeviceRecording Clone();

    /// <summary>The same parameters without data (for a new recorder made from a model's defaults).</summary>
    IDeviceRecording CloneEmpty();

    /// <summary>Sets one of <see cref="Keys"/>, checking the value (<paramref name="context"/> says whether the kernel has simulated).</summary>
    void Apply(string key, object value, Nodes.StatusContext context);

    /// <summary>
    /// Writes the backend's status of <paramref name="device"/> (events, file names, parameters); <paramref name="identity"/>
    /// is null for a model's defaults.
    /// </summary>
    void WriteStatus(Dictionary<string, object> status, Nodes.RecorderNode device, RecorderIdentity? identity);

    /// <summary>Before a run: opens what the run writes to (files are created once and appended to later).</summary>
    void Prepare(RecordingContext context);

    /// <summary>
    /// One event of <paramref name="sender"/> stamped at the end of step <paramref name="stamp"/>, <paramref name="offset"/>
    /// ms before that end (NEST's event offset: 0 but for precise spike times), at <paramref name="timeMs"/> (the
    /// stamp's time less the offset), about a node owned by virtual process <paramref name="vp"/>. With time_in_steps a
    /// backend writes the stamp and the offset, otherwise the time.
    /// </summary>
    void Write(int vp, long sender, long stamp, double offset, double timeMs, ReadOnlySpan<double> doubles, ReadOnlySpan<long> longs);

    /// <summary>After a run: everything written so far reaches its destination.</summary>
    void Flush();

    /// <summary>At Cleanup: closes what Prepare opened.</summary>
    void Close();

    /// <summary>Forgets the recorded events (n_events set to 0).</summary>
    void Clear();

    /// <summary>Whether a checkpoint keeps this backend's parameters and data of a recorder.</summary>
    bool SupportsCheckpoint => false;

    /// <summary>Writes the backend's parameters and the recorder's data to a checkpoint.</summary>
    void SaveCheckpoint(Checkpoint.CheckpointWriter writer) => throw new NestNotImplementedException("Checkpoints of this recording backend are not implemented yet.");

    /// <summary>Reads what <see cref="SaveCheckpoint"/> wrote.</summary>
    void RestoreCheckpoint(Checkpoint.CheckpointReader reader) => throw new NestNotImplementedException("Checkpoints of this recording backend are not implemented yet.");
}
