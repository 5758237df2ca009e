namespace NestSharp.Recording;

/// <summary>
/// The recorders of a kernel and where their events come from (NEST's IOManager with its recording backends): before
/// a run it routes each spike source to the spike recorders connected to it, lets each neuron group know which
/// samplers read which of its nodes, and prepares every recorder's backend (opening files); during a run it passes
/// spikes, samples and weight events on. Keys data_path, data_prefix, overwrite_files (settable) and
/// recording_backends. It is the <see cref="IRecordingSite"/> of every recorder model (given to the models'
/// prototypes when the kernel starts), so that recorders name their files as the kernel's settings say.
/// </summary>
internal sealed class RecordingManager : IKernelManager, IRecordingSite
{
    private Kernel.KernelManager _kernel = null!;
    private RecorderNode[] _recorders = [];
    private Dictionary<RecorderNode, int> _recorderIds = new(ReferenceEqualityComparer.Instance);
    private ISpikeSink[]?[] _spikeSinksBySource = [];
    private BinaryRoute[]?[] _binarySinksBySource = [];
    private IBinaryEventSink[] _decoders = [];

    /// <summary>A link to a recorder that decodes binary events, with the link's receptor_type.</summary>
    private readonly record struct BinaryRoute(IBinaryEventSink Sink, int Receptor);
    private IWeightSink?[] _weightSinks = [];
    private ISampler[] _samplers = [];
    private TimeGrid _time = null!;
    private Func<int, int> _virtualProcessOf = null!;
    private Kernel.Communication.ICommunicator _communicator = null!;

    public string DataPath { get; private set; } = "";
    public string DataPrefix { get; private set; } = "";
    public bool OverwriteFiles { get; private set; }

    public int VirtualProcesses => _kernel.VirtualProcesses.Layout.Count;

    public double Resolution => _kernel.Simulation.Time.Resolution;

    public int VirtualProcessOf(int id) => _kernel.Nodes.VirtualProcessOf(id);

    public IReadOnlyCollection<string> SettableKeys => ["data_path", "data_prefix", "overwrite_files"];

    public void Initialize(Kernel.KernelManager kernel)
    {
        _kernel = kernel;
        _virtualProcessOf = kernel.Nodes.VirtualProcessOf;
    }

    /// <summary>Makes this manager the site of a recorder model's prototype (and so of the recorders made from it).</summary>
    public void Adopt(Nodes.NodeGroup prototype)
    {
        if (prototype is IRecorderGroup recorders) recorders.Site = this;
    }

    public void GetStatus(Dictionary<string, object> status)
    {
        status["data_path"] = DataPath;
        status["data_prefix"] = DataPrefix;
        status["overwrite_files"] = OverwriteFiles;
        status["recording_backends"] = Catalog.RecordingBackends.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        string path = DataPath, prefix = DataPrefix;
        bool overwrite = OverwriteFiles, any = false;
        if (change.TryClaim("data_path", out var value))
        {
            path = StatusValue.ToStringValue("data_path", value);
            if (path.Length > 0 && !Directory.Exists(path)) throw new BadPropertyException("data_path", path, "the directory does not exist");
            any = true;
        }
        if (change.TryClaim("data_prefix", out value))
        {
            prefix = StatusValue.ToStringValue("data_prefix", value);
            if (prefix.Contains('/', StringComparison.Ordinal)) throw new BadPropertyException("data_prefix", prefix, "the prefix cannot contain '/'");
            any = true;
        }
        if (change.TryClaim("overwrite_files", out value))
        {
            overwrite = StatusValue.ToBool("overwrite_files", value);
            any = true;
        }
        if (!any) return null;
        return () =>
        {
            DataPath = path;
            DataPrefix = prefix;
            OverwriteFiles = overwrite;
        };
    }

    /// <summary>Before a run: routes the recorders and opens what their backends write to.</summary>
    public void Prepare(SimulationContext context)
    {
        _time = context.Time;
        _communicator = context.Communicator;
        var nodes = _kernel.Nodes;
        var recorders = new List<RecorderNode>();
        _recorderIds = new Dictionary<RecorderNode, int>(ReferenceEqualityComparer.Instance);
        _weightSinks = new IWeightSink?[nodes.NodeCount + 1];
        foreach (var group in nodes.Groups)
        {
            if (group is not IRecorderGroup devices) continue;
            for (int local = 0; local < devices.Count; local++)
            {
                var recorder = devices.RecorderOf(local);
                recorders.Add(recorder);
                _recorderIds[recorder] = devices.FirstId + local;
                if (recorder is IWeightSink weights) _weightSinks[devices.FirstId + local] = weights;
            }
        }
        _recorders = [.. recorders];
        RouteSpikes(nodes);
        RouteSamplers(nodes, context);
        OpenRecordings(context);
    }

    private void RouteSpikes(NodeManager nodes)
    {
        var bySource = new List<ISpikeSink>?[nodes.NodeCount + 1];
        var binaryBySource = new List<BinaryRoute>?[nodes.NodeCount + 1];
        var decoders = new HashSet<IBinaryEventSink>(ReferenceEqualityComparer.Instance);
        foreach (var link in _kernel.Connections.SpikeRecordingLinks)
        {
            var (group, local) = nodes.Locate(link.Recorder);
            var sink = (ISpikeSink)((IRecorderGroup)group).RecorderOf(local);
            if (sink is IBinaryEventSink decoder)
            {
                (binaryBySource[link.Source] ??= []).Add(new BinaryRoute(decoder, link.Receptor));
                decoders.Add(decoder);
            }
            else
            {
                (bySource[link.Source] ??= []).Add(sink);
            }
        }
        _spikeSinksBySource = bySource.Select(l => l?.ToArray()).ToArray();
        _binarySinksBySource = binaryBySource.Select(l => l?.ToArray()).ToArray();
        _decoders = [.. decoders];
    }

    private void RouteSamplers(NodeManager nodes, SimulationContext context)
    {
        var perGroup = new Dictionary<ISampledGroup, List<SamplerLink>[]>(ReferenceEqualityComparer.Instance);
        var samplers = new HashSet<ISampler>(ReferenceEqualityComparer.Instance);
        var targetsOf = new Dictionary<ISampler, List<int>>(ReferenceEqualityComparer.Instance);
        foreach (var link in _kernel.Connections.SamplingLinks)
        {
            var (samplerGroup, samplerLocal) = nodes.Locate(link.Sampler);
            var sampler = (ISampler)((IRecorderGroup)samplerGroup).RecorderOf(samplerLocal);
            if (!targetsOf.TryGetValue(sampler, out var targets)) targetsOf[sampler] = targets = [];
            targets.Add(link.Target);
            var (targetGroup, local) = nodes.Locate(link.Target);
            var sampled = (ISampledGroup)targetGroup;
            var indices = sampler.RecordFrom.Select(name => sampled.RecordableIndexOf(name, local)).ToArray();
            int missing = Array.IndexOf(indices, -1);
            if (missing >= 0)
                throw new IllegalConnectionException($"{sampled.Model.Name} has no recordable '{sampler.RecordFrom[missing]}'. Its recordables: {string.Join(", ", sampled.RecordablesOf(local))}.");
            if (!perGroup.TryGetValue(sampled, out var lists))
                perGroup[sampled] = lists = Enumerable.Range(0, context.VirtualProcesses).Select(_ => new List<SamplerLink>()).ToArray();
            lists[sampled.OwnerThread(local)].Add(new SamplerLink(sampler, sampled.PositionOf(local), indices));
            samplers.Add(sampler);
        }
        foreach (var group in nodes.Groups)
        {
            if (group is ISampledGroup sampled)
                sampled.Samplers = perGroup.TryGetValue(sampled, out var lists) ? lists.Select(l => l.ToArray()).ToArray() : [];
        }

        foreach (var recorder in _recorders)
        {
            if (recorder is ISampler sampler)
            {
                sampler.PrepareRun(context.Time, context.VirtualProcesses, _kernel.Simulation.CurrentStep, targetsOf.GetValueOrDefault(sampler) ?? []);
                samplers.Add(sampler);
            }
        }

        _samplers = [.. samplers];
    }

    private void OpenRecordings(SimulationContext context)
    {
        var localVps = context.Layout.Local.Select(context.Layout.VirtualProcessOfSlot).ToArray();
        try
        {
            foreach (var recorder in _recorders)
            {
                var (group, local) = _kernel.Nodes.Locate(_recorderIds[recorder]);
                var identity = ((IRecorderGroup)group).IdentityOf(local)!;
                recorder.Recording.Prepare(new RecordingContext(identity, OverwriteFiles, localVps, recorder.DoubleValueNames, recorder.LongValueNames));
            }
        }
        catch
        {
            foreach (var recorder in _recorders) recorder.Recording.Close();
            throw;
        }
    }

    /// <summary>
    /// A spike of <paramref name="source"/> stamped at the end of step <paramref name="stamp"/>,
    /// <paramref name="offset"/> ms before that end (0 but for senders with precise spike times).
    /// </summary>
    public void RecordSpike(int source, long stamp, int multiplicity, double offset, bool fromNodeWithProxies = false)
    {
        if ((uint)source >= (uint)_spikeSinksBySource.Length) return;
        var sinks = _spikeSinksBySource[source];
        var decoders = _binarySinksBySource[source];
        if (sinks is null && decoders is null) return;
        int vp = _virtualProcessOf(source);
        if (sinks is not null)
        {
            foreach (var sink in sinks) sink.RecordSpike(_time, source, vp, stamp, multiplicity, offset);
        }
        if (decoders is not null)
        {
            foreach (var route in decoders) route.Sink.ReceiveEvent(_time, source, vp, stamp, multiplicity, offset, route.Receptor, fromNodeWithProxies);
        }
    }

    /// <summary>After the spikes of a slice: the recorders that decode binary events finish the slice (the spin_detector writes what it holds).</summary>
    public void EndOfSlice()
    {
        foreach (var decoder in _decoders) decoder.EndOfSlice(_time);
    }

    /// <summary>A weight event of a plastic synapse, for its weight recorder.</summary>
    public void RecordWeight(in WeightEvent e)
    {
        if ((uint)e.Recorder < (uint)_weightSinks.Length && _weightSinks[e.Recorder] is { } sink)
            sink.RecordWeight(_time, e, _virtualProcessOf(e.Target));
    }

    /// <summary>Once per slice, serially: the samplers record what was sampled up to the start of the slice.</summary>
    public void HandOverSamples(long sliceStart)
    {
        foreach (var sampler in _samplers) sampler.HandOver(sliceStart, _communicator, _virtualProcessOf);
    }

    /// <summary>After a run: what the backends wrote reaches its destination.</summary>
    public void Flush()
    {
        foreach (var recorder in _recorders) recorder.Recording.Flush();
    }

    /// <summary>At Cleanup: the backends close what Prepare opened.</summary>
    public void Cleanup()
    {
        foreach (var recorder in _recorders) recorder.Recording.Close();
    }
}
