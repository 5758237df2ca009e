namespace NestSharp.Nodes;

/// <summary>A group of recording devices (the kernel reaches each device through this).</summary>
internal interface IRecorderGroup
{
    int FirstId { get; }
    int Count { get; }

    /// <summary>Where the group's recorders write files (the kernel's recording manager).</summary>
    IRecordingSite? Site { get; set; }

    /// <summary>The device <paramref name="local"/> of the group.</summary>
    RecorderNode RecorderOf(int local);

    /// <summary>Who recorder <paramref name="local"/> is, for its file names (null for a model's defaults).</summary>
    Recording.RecorderIdentity? IdentityOf(int local);
}

/// <summary>Where recorders' files go: the kernel's data_path and data_prefix, and the number of virtual processes.</summary>
internal interface IRecordingSite
{
    /// <summary>The kernel's data_path ("" for the working directory).</summary>
    string DataPath { get; }

    /// <summary>The kernel's data_prefix.</summary>
    string DataPrefix { get; }

    /// <summary>The number of virtual processes (one file each).</summary>
    int VirtualProcesses { get; }

    /// <summary>The simulation resolution (ms): the default of times that follow it (correlospinmatrix_detector's delta_tau).</summary>
    double Resolution { get; }

    /// <summary>The virtual process that node <paramref name="id"/> falls to in the round-robin distribution of node ids.</summary>
    int VirtualProcessOf(int id);
}

/// <summary>A recorder of the spikes its sources emit (spike_recorder).</summary>
internal interface ISpikeSink
{
    /// <summary>
    /// A spike of <paramref name="sender"/> (owned by virtual process <paramref name="vp"/>) at the end of step
    /// <paramref name="stamp"/>, recorded if within the device's window.
    /// </summary>
    void RecordSpike(TimeGrid time, int sender, int vp, long stamp, int multiplicity) => RecordSpike(time, sender, vp, stamp, multiplicity, 0.0);

    /// <summary>
    /// As <see cref="RecordSpike(TimeGrid, int, int, long, int)"/>, for a spike <paramref name="offset"/> ms before the
    /// end of its step (a precise spike time; 0 for grid-based senders).
    /// </summary>
    void RecordSpike(TimeGrid time, int sender, int vp, long stamp, int multiplicity, double offset);
}

/// <summary>
/// A recorder that decodes the state changes of binary neurons from their events (spin_detector,
/// correlospinmatrix_detector). It gets each event as its sender sent it, in canonical order (step, then sender), with
/// the receptor_type of the link and whether the sender has proxies (whose events NEST's spike exchange unrolls into
/// single spikes for the receivers that are reached through it), then the end of each slice.
/// </summary>
internal interface IBinaryEventSink : ISpikeSink
{
    /// <summary>
    /// An event of <paramref name="sender"/> (owned by virtual process <paramref name="vp"/>) of
    /// <paramref name="multiplicity"/>, at the end of step <paramref name="stamp"/> less <paramref name="offset"/> ms,
    /// on the link's <paramref name="receptor"/>.
    /// </summary>
    void ReceiveEvent(TimeGrid time, int sender, int vp, long stamp, int multiplicity, double offset, int receptor, bool fromNodeWithProxies);

    /// <summary>Once per slice, after its events.</summary>
    void EndOfSlice(TimeGrid time);

    /// <summary>Refuses a link on a receptor_type the recorder does not have (UnknownReceptorType, naming <paramref name="model"/>).</summary>
    void CheckReceptor(int receptor, string model);
}

/// <summary>A recorder of the weight changes of plastic synapses (weight_recorder).</summary>
internal interface IWeightSink
{
    /// <summary>Records a weight event; <paramref name="vp"/> owns the synapse's target.</summary>
    void RecordWeight(TimeGrid time, in WeightEvent e, int vp);
}

/// <summary>
/// A device that samples recordables of the neurons it is connected to (multimeter, voltmeter): the neurons' threads
/// take samples during the update, and once per slice the kernel hands them over in canonical order.
/// </summary>
internal interface ISampler
{
    /// <summary>The recordables to sample, by name.</summary>
    IReadOnlyList<string> RecordFrom { get; }

    /// <summary>
    /// The device has been connected to nodes (a Connect call committed links from it): from now on its interval,
    /// offset and record_from are fixed, as in NEST.
    /// </summary>
    void OnConnected();

    /// <summary>
    /// Before a run, at step <paramref name="currentStep"/>: checks the sampling times against the grid, sets up
    /// per-thread buffers, and starts sampling the nodes among <paramref name="targets"/> (every node it is connected
    /// to) that it has not sampled before, from the first sampling time after the current time.
    /// </summary>
    void PrepareRun(TimeGrid time, int virtualProcesses, long currentStep, IReadOnlyList<int> targets);

    /// <summary>Whether a sample is due after the step ending at <paramref name="stamp"/>.</summary>
    bool SamplesAt(long stamp);

    /// <summary>
    /// Takes a sample of <paramref name="recordables"/> of the node at storage position <paramref name="position"/> of
    /// <paramref name="group"/> (called by the thread that owns the node).
    /// </summary>
    void Take(int thread, long stamp, int sender, ISampledGroup group, int position, int[] recordables);

    /// <summary>
    /// Once per slice, serially: records the samples taken so far that are stamped at or before
    /// <paramref name="upToStamp"/>, in canonical order (time, then sender), gathered from all processes.
    /// </summary>
    void HandOver(long upToStamp, Kernel.Communication.ICommunicator communicator, Func<int, int> virtualProcessOf);
}

/// <summary>
/// A group whose nodes a multimeter can sample: neurons, and devices that list recordables (dc_generator's I). Before a
/// run the kernel gives it, per thread, the sampling links of the nodes that thread owns; the thread takes the samples
/// after each step.
/// </summary>
internal interface ISampledGroup
{
    /// <summary>The model.</summary>
    NodeModel Model { get; }

    /// <summary>Names of the recordables, in NEST's order.</summary>
    IReadOnlyList<string> Recordables { get; }

    /// <summary>The index of a recordable by name, or -1.</summary>
    int RecordableIndex(string name);

    /// <summary>The index of a recordable of node <paramref name="local"/> by name, or -1 (recordables may vary per node).</summary>
    int RecordableIndexOf(string name, int local) => RecordableIndex(name);

    /// <summary>The recordables of node <paramref name="local"/>.</summary>
    IReadOnlyList<string> RecordablesOf(int local) => Recordables;

    /// <summary>The value of recordable <paramref name="index"/> of the node at storage position <paramref name="position"/>.</summary>
    double ReadRecordable(int index, int position);

    /// <summary>The storage position of node <paramref name="local"/>.</summary>
    int PositionOf(int local);

    /// <summary>The thread (slot) that updates node <paramref name="local"/> and so takes its samples.</summary>
    int OwnerThread(int local);

    /// <summary>The sampling links per thread, set by the kernel before a run.</summary>
    SamplerLink[][] Samplers { get; set; }
}

/// <summary>A sampling device's interest in one node of a sampled group (by storage position): which recordables to read.</summary>
internal readonly record struct SamplerLink(ISampler Sampler, int Position, int[] Recordables);
