using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>
/// GetConnections and what a <see cref="SynapseCollection"/> does with its connections: the connections of this
/// process (synapse blocks, generator connections, recording links), filtered by source, target and model, ordered
/// source by source, then by target, then as stored (the same order for any number of threads), and gathered from all
/// processes; reading their current status (NEST's keys: source, target, weight, delay, synapse_model, synapse_id,
/// port, receptor, target_thread, sizeof and the model's per-connection parameters and state); setting it (weight,
/// delay and the model's per-connection parameters, checked as NEST checks them); and removing them.
/// </summary>
internal static class ConnectionQuery
{
    /// <summary>The keys every connection reports.</summary>
    public static readonly string[] StandardKeys =
        ["delay", "port", "receptor", "sizeof", "source", "synapse_id", "synapse_model", "target", "target_thread", "weight"];

    /// <summary>The keys Set can change on every connection (the model's per-connection parameters come on top).</summary>
    private static readonly string[] SettableStandardKeys = ["delay", "weight"];

    /// <summary>A connection of a generator or recorder.</summary>
    private readonly record struct DeviceConnection(int Source, int Target, int Model, ConnectionKind Kind, int Vp, int Index, int Port);

    public static SynapseCollection Run(Simulator api, KernelManager kernel, int[]? sources, int[]? targets, string? synapseModel)
    {
        var connections = kernel.Connections;
        var nodes = kernel.Nodes;
        var store = connections.Store;
        int? modelId = synapseModel is null ? null : kernel.Models.SynapseModel(synapseModel).Id;
        var sourceSet = Membership(sources, nodes.NodeCount);
        var targetSet = Membership(targets, nodes.NodeCount);
        bool SourceWanted(int id) => sourceSet is null || (id < sourceSet.Length && sourceSet[id]);
        bool TargetWanted(int id) => targetSet is null || (id < targetSet.Length && targetSet[id]);

        connections.Consolidate();
        var blocks = new List<(SynapseBlock Block, int Vp)>();
        foreach (int vp in kernel.VirtualProcesses.Layout.Local)
        {
            foreach (var list in store.Of(vp))
            {
                foreach (var block in list)
                    if (modelId is null || block.SynapseModelId == modelId) blocks.Add((block, vp));
            }
        }

        // Connections kept outside synapse blocks (generators, recorders): few, collected directly.
        var devices = new List<DeviceConnection>();
        foreach (var group in nodes.Groups)
        {
            if (group is not ILocalGenerator generator) continue;
            for (int local = 0; local < group.Count; local++)
            {
                var targetsOf = generator.TargetsOf(local);
                int port = 0;
                for (int thread = 0; thread < kernel.VirtualProcesses.Layout.Count; thread++)
                {
                    var list = targetsOf.OfThread(thread);
                    for (int i = 0; i < list.Length; i++)
                        devices.Add(new(group.FirstId + local, list[i].TargetId, list[i].SynapseModelId, ConnectionKind.Generator, thread, i, port++));
                }
            }
        }
        // Recording links exist in every process; with several, rank 0 reports them.
        var communicator = kernel.VirtualProcesses.Communicator;
        if (communicator.Rank == 0)
        {
            // A link's port counts the earlier links of its source.
            var ports = new Dictionary<int, int>();
            int NextPort(int source)
            {
                int port = ports.GetValueOrDefault(source);
                ports[source] = port + 1;
                return port;
            }
            var spikeLinks = connections.SpikeRecordingLinks;
            for (int i = 0; i < spikeLinks.Count; i++)
            {
                var link = spikeLinks[i];
                devices.Add(new(link.Source, link.Recorder, link.SynapseModelId, ConnectionKind.SpikeRecording, 0, i, NextPort(link.Source)));
            }
            ports.Clear();
            var samplingLinks = connections.SamplingLinks;
            for (int i = 0; i < samplingLinks.Count; i++)
            {
                var link = samplingLinks[i];
                devices.Add(new(link.Sampler, link.Target, link.SynapseModelId, ConnectionKind.Sampling, 0, i, NextPort(link.Sampler)));
            }
        }
        devices.RemoveAll(d => !SourceWanted(d.Source) || !TargetWanted(d.Target) || (modelId is not null && d.Model != modelId));
        // NEST's order: connections between neurons first, model by model; then those to devices; then those from devices.
        devices.Sort(static (a, b) =>
            a.Kind != b.Kind ? (a.Kind == ConnectionKind.SpikeRecording ? -1 : b.Kind == ConnectionKind.SpikeRecording ? 1 : 0) :
            a.Source != b.Source ? a.Source.CompareTo(b.Source) : a.Target != b.Target ? a.Target.CompareTo(b.Target) :
            a.Vp != b.Vp ? a.Vp.CompareTo(b.Vp) : a.Index.CompareTo(b.Index));

        // Count first, so the table is allocated once at its size.
        long count = devices.Count;
        foreach (var (block, _) in blocks)
        {
            for (int si = 0; si < block.SourceCount; si++)
            {
                if (!SourceWanted(block.SourceMin + si)) continue;
                if (targetSet is null)
                {
                    count += block.Offsets[si + 1] - block.Offsets[si];
                }
                else
                {
                    for (int i = block.Offsets[si]; i < block.Offsets[si + 1]; i++)
                        if (TargetWanted(store.TargetOf(block, i))) count++;
                }
            }
        }

        if (count > Array.MaxLength) throw new KernelException($"{count} connections exceed what one SynapseCollection can hold; filter by source, target or model.");

        // Model by model (as NEST lists them), source by source, the synapses of every block ordered by target (then as
        // stored), so the order does not depend on how the targets are split over threads.
        var table = new ConnectionTable((int)count);
        var pending = new List<(int Target, int Block, int Index)>();
        foreach (var byModel in blocks.Select((b, index) => (b.Block, b.Vp, Index: index)).GroupBy(b => b.Block.SynapseModelId).OrderBy(g => g.Key))
        {
            var modelBlocks = byModel.ToArray();
            int minSource = modelBlocks.Min(b => b.Block.SourceMin);
            int maxSource = modelBlocks.Max(b => b.Block.SourceMin + b.Block.SourceCount - 1);
            for (int src = minSource; src <= maxSource; src++)
            {
                if (!SourceWanted(src)) continue;
                pending.Clear();
                foreach (var (block, _, b) in modelBlocks)
                {
                    var (first, last) = block.RangeOf(src);
                    for (int i = first; i < last; i++)
                    {
                        int tgt = store.TargetOf(block, i);
                        if (TargetWanted(tgt)) pending.Add((tgt, b, i));
                    }
                }
                if (pending.Count == 0) continue;
                if (pending.Count > 1)
                {
                    pending.Sort(static (a, b) =>
                        a.Target != b.Target ? a.Target.CompareTo(b.Target) :
                        a.Block != b.Block ? a.Block.CompareTo(b.Block) : a.Index.CompareTo(b.Index));
                }
                foreach (var (tgt, b, i) in pending)
                {
                    var (block, vp) = blocks[b];
                    table.Add(src, tgt, block.SynapseModelId, ConnectionKind.Synapse, vp, i, i);
                }
            }
        }
        foreach (var device in devices)
            table.Add(device.Source, device.Target, device.Model, device.Kind, device.Vp, device.Index, device.Port);
        if (communicator.Size > 1) table = Gathered(kernel, table);
        table.Owner = connections;
        connections.Edits.Track(table);
        return new SynapseCollection(api, table, null);
    }

    private static bool[]? Membership(int[]? ids, int nodeCount)
    {
        if (ids is null) return null;
        var set = new bool[nodeCount + 1];
        foreach (int id in ids) set[id] = true;
        return set;
    }

    // ---------------------------------------------------------------- several processes

    /// <summary>
    /// The connections of all processes in one table, ordered by (source, target) as a single process would order
    /// them (equal pairs in rank order); this process's own rows keep their storage location, the others are
    /// <see cref="ConnectionKind.Remote"/> with a snapshot of their standard values.
    /// </summary>
    private static ConnectionTable Gathered(KernelManager kernel, ConnectionTable local)
    {
        var communicator = kernel.VirtualProcesses.Communicator;
        int n0 = local.Count;
        var weight = new double[n0];
        var delay = new int[n0];
        var delayOffset = new double[n0];
        var receptor = new int[n0];
        var port = new int[n0];
        var thread = new int[n0];
        var section = new int[n0];
        var reader = new Reader(kernel, local);
        for (int i = 0; i < n0; i++)
        {
            weight[i] = reader.Weight(i);
            delay[i] = reader.DelaySteps(i);
            delayOffset[i] = reader.DelayOffset(i);
            receptor[i] = reader.Receptor(i);
            port[i] = reader.Port(i);
            thread[i] = reader.Thread(i);
            // The order of a single process: synapses model by model, then connections to devices, then from devices.
            section[i] = local.Kind[i] switch
            {
                ConnectionKind.Synapse => local.Model[i],
                ConnectionKind.SpikeRecording => int.MaxValue - 1,
                _ => int.MaxValue,
            };
        }
        int[] sources = [], targets = [], models = [], delays = [], receptors = [], ports = [], threads = [], sections = [];
        double[] weights = [], delayOffsets = [];
        int n = communicator.AllGather(local.Source.AsSpan(0, n0), ref sources);
        communicator.AllGather(local.Target.AsSpan(0, n0), ref targets);
        communicator.AllGather(local.Model.AsSpan(0, n0), ref models);
        communicator.AllGather(weight.AsSpan(), ref weights);
        communicator.AllGather(delay.AsSpan(), ref delays);
        communicator.AllGather(delayOffset.AsSpan(), ref delayOffsets);
        communicator.AllGather(receptor.AsSpan(), ref receptors);
        communicator.AllGather(port.AsSpan(), ref ports);
        communicator.AllGather(thread.AsSpan(), ref threads);
        communicator.AllGather(section.AsSpan(), ref sections);
        // Which rows are this process's: the counts of all ranks locate its own stretch.
        long[] counts = [];
        int ranks = communicator.AllGather([(long)n0], ref counts);
        long before = 0;
        for (int r = 0; r < communicator.Rank && r < ranks; r++) before += counts[r];
        // Ordered by (section, source, target) as a single process orders them; equal keys in rank order.
        var order = Enumerable.Range(0, n).ToArray();
        Array.Sort(order, (a, b) =>
            sections[a] != sections[b] ? sections[a].CompareTo(sections[b]) :
            sources[a] != sources[b] ? sources[a].CompareTo(sources[b]) :
            targets[a] != targets[b] ? targets[a].CompareTo(targets[b]) : a.CompareTo(b));
        var all = new ConnectionTable(n)
        {
            Remote = new ConnectionTable.RemoteValues(new double[n], new int[n], new int[n], new int[n], new int[n]),
        };
        foreach (int row in order)
        {
            bool mine = row >= before && row < before + n0;
            int i = mine
                ? all.Add(sources[row], targets[row], models[row], local.Kind[row - (int)before], local.Vp[row - (int)before], local.Index[row - (int)before], local.Port[row - (int)before])
                : all.Add(sources[row], targets[row], models[row], ConnectionKind.Remote, -1, -1, ports[row]);
            all.Remote.Weight[i] = weights[row];
            all.Remote.DelaySteps[i] = delays[row];
            all.Remote.DelayOffset[i] = delayOffsets[row];
            all.Remote.Receptor[i] = receptors[row];
            all.Remote.Port[i] = ports[row];
            all.Remote.Thread[i] = threads[row];
        }
        return all;
    }

    // ---------------------------------------------------------------- reading

    /// <summary>
    /// Reads the live values of one table's rows: synapses from their blocks, device connections from the generators
    /// and recording links, connections of other processes from the table's snapshot.
    /// </summary>
    internal sealed class Reader
    {
        private readonly KernelManager _kernel;
        private readonly ConnectionTable _table;
        private readonly IReadOnlyList<SynapseModel> _models;
        private readonly TimeGrid _time;
        private readonly Kernel.Communication.VirtualProcessLayout _layout;
        private int _cachedVp = -1, _cachedModel = -1;
        private SynapseBlock? _cachedBlock;

        public Reader(KernelManager kernel, ConnectionTable table)
        {
            _kernel = kernel;
            _table = table;
            _models = kernel.Models.SynapseModels;
            _time = kernel.Simulation.Time;
            _layout = kernel.VirtualProcesses.Layout;
        }

        private SynapseBlock Block(int row)
        {
            int vp = _table.Vp[row], model = _table.Model[row];
            if (vp != _cachedVp || model != _cachedModel)
            {
                _cachedBlock = _kernel.Connections.Store.BlockOf(vp, model)
                    ?? throw new InvalidOperationException($"no synapse block for virtual process {vp} and model {model}");
                (_cachedVp, _cachedModel) = (vp, model);
            }
            return _cachedBlock!;
        }

        private InexistentConnectionException Removed(int row) =>
            new($"The connection {_table.Source[row]} -> {_table.Target[row]} ({_models[_table.Model[row]].Name}) was removed by Disconnect.");

        private ref DeviceTarget GeneratorTarget(int row)
        {
            var (group, local) = _kernel.Nodes.Locate(_table.Source[row]);
            return ref ((ILocalGenerator)group).TargetsOf(local).OfThread(_table.Vp[row])[_table.Index[row]];
        }

        public double Weight(int row) => _table.Kind[row] switch
        {
            ConnectionKind.Synapse => Block(row).Weights[_table.Index[row]],
            ConnectionKind.Generator => GeneratorTarget(row).Weight,
            ConnectionKind.SpikeRecording => _kernel.Connections.SpikeRecordingLinks[_table.Index[row]].Weight,
            ConnectionKind.Sampling => _kernel.Connections.SamplingLinks[_table.Index[row]].Weight,
            ConnectionKind.Remote => _table.Remote!.Weight[row],
            _ => throw Removed(row),
        };

        public int DelaySteps(int row) => _table.Kind[row] switch
        {
            ConnectionKind.Synapse => Block(row).DelayAt(_table.Index[row]),
            ConnectionKind.Generator => GeneratorTarget(row).DelaySteps,
            ConnectionKind.SpikeRecording => _kernel.Connections.SpikeRecordingLinks[_table.Index[row]].DelaySteps,
            ConnectionKind.Sampling => _kernel.Connections.SamplingLinks[_table.Index[row]].DelaySteps,
            ConnectionKind.Remote => _table.Remote!.DelaySteps[row],
            _ => throw Removed(row),
        };

        /// <summary>The delay (ms): its whole steps less the part below them (<see cref="DelayOffset"/>).</summary>
        public double Delay(int row) => _time.DelayStepsToMs(DelaySteps(row)) - DelayOffset(row);

        /// <summary>The part of the delay below whole steps (ms): non-zero only for cont_delay_synapse's connections.</summary>
        public double DelayOffset(int row) => _table.Kind[row] switch
        {
            ConnectionKind.Synapse when _models[_table.Model[row]].Type.DelayOffset is { } offset => Block(row).State[offset.Index][_table.Index[row]],
            ConnectionKind.Remote => _table.Remote!.DelayOffset[row],
            _ => 0.0,
        };

        /// <summary>NEST's receptor port on the target (see <see cref="SynapseBuilder.ReceptorPort"/>).</summary>
        public int Receptor(int row)
        {
            switch (_table.Kind[row])
            {
                case ConnectionKind.Synapse: return Block(row).PortAt(_table.Index[row]);
                case ConnectionKind.Generator:
                    var target = GeneratorTarget(row);
                    if (target.Recorder is not null) return 0;
                    var (sourceGroup, _) = _kernel.Nodes.Locate(_table.Source[row]);
                    var neuron = (NeuronGroup)_kernel.Nodes.Locate(target.TargetId).Group;
                    return SynapseBuilder.ReceptorPort(neuron, target.Receptor, ((ILocalGenerator)sourceGroup).SendsCurrent);
                case ConnectionKind.SpikeRecording: return _kernel.Connections.SpikeRecordingLinks[_table.Index[row]].Receptor;
                case ConnectionKind.Sampling: return _kernel.Connections.RecordingLinks.SamplingReceptors[_table.Index[row]];
                case ConnectionKind.Remote: return _table.Remote!.Receptor[row];
                default: throw Removed(row);
            }
        }

        public int Port(int row) => _table.Kind[row] switch
        {
            ConnectionKind.Synapse => _table.Index[row],
            ConnectionKind.Removed => throw Removed(row),
            _ => _table.Port[row],
        };

        /// <summary>NEST's target_thread: the thread (within its process) of the virtual process that stores the connection.</summary>
        public int Thread(int row) => _table.Kind[row] switch
        {
            ConnectionKind.Synapse or ConnectionKind.Generator => _layout.ThreadOfVirtualProcess(_layout.VirtualProcessOfSlot(_table.Vp[row])),
            ConnectionKind.SpikeRecording => ThreadOfNode(_kernel.Nodes.Locate(_table.Source[row]).Group.HasProxies ? _table.Source[row] : _table.Target[row]),
            ConnectionKind.Sampling => ThreadOfNode(_table.Target[row]),
            ConnectionKind.Remote => _table.Remote!.Thread[row],
            _ => throw Removed(row),
        };

        private int ThreadOfNode(int id) => _layout.ThreadOfVirtualProcess(_layout.VirtualProcessOfNode(id));

        /// <summary>Whether the row's model reports <paramref name="key"/>.</summary>
        public bool Has(int row, string key)
        {
            var type = _models[_table.Model[row]].Type;
            var schema = type.Schema;
            return (Array.IndexOf(StandardKeys, key) >= 0 && ReportsStandardKey(schema, key)) || schema.IndexOfPerConnection(key) >= 0
                || type.NestedStatus?.Key == key;
        }

        /// <summary>The keys row <paramref name="row"/> reports, sorted as NEST's dictionaries.</summary>
        public IEnumerable<string> KeysOf(int row)
        {
            var type = _models[_table.Model[row]].Type;
            var schema = type.Schema;
            var keys = StandardKeys.Where(k => ReportsStandardKey(schema, k) && schema.IndexOfPerConnection(k) < 0).Concat(schema.PerConnection.Select(p => p.Key));
            return type.NestedStatus is { } nested ? keys.Append(nested.Key) : keys;
        }

        /// <summary>Models with a weight common to all their connections report no weight per connection; some models no sizeof.</summary>
        private static bool ReportsStandardKey(SynapseSchema schema, string key) => key switch
        {
            "weight" => !schema.HasCommonWeight,
            "sizeof" => schema.ReportsSize,
            _ => true,
        };

        /// <summary>Per-connection parameter <paramref name="k"/> (its index in its model's) of a row.</summary>
        public double Parameter(int row, int k)
        {
            switch (_table.Kind[row])
            {
                case ConnectionKind.Synapse:
                    return _models[_table.Model[row]].Type.Schema.PerConnectionValue(Block(row), k, _table.Index[row]);
                case ConnectionKind.Remote:
                    throw new KernelException(
                        $"The connection {_table.Source[row]} -> {_table.Target[row]} is stored by another process; read its " +
                        $"'{_models[_table.Model[row]].Type.Schema.PerConnection[k].Key}' there.");
                case ConnectionKind.Removed: throw Removed(row);
                default:
                    return _models[_table.Model[row]].ConnectionDefaults[k];
            }
        }

        /// <summary>A dictionary-valued entry of a row (its model's <see cref="SynapseType.NestedStatus"/>).</summary>
        private Dictionary<string, object> NestedValue(int row, NestedConnectionStatus nested)
        {
            var model = _models[_table.Model[row]];
            var result = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (name, column) in nested.Entries(model))
            {
                result[name] = _table.Kind[row] switch
                {
                    ConnectionKind.Synapse => Block(row).State[column.Index][_table.Index[row]],
                    ConnectionKind.Removed => throw Removed(row),
                    _ => throw new KernelException(
                        $"The connection {_table.Source[row]} -> {_table.Target[row]} is stored by another process; read its '{nested.Key}' there."),
                };
            }
            return result;
        }

        /// <summary>The value of <paramref name="key"/> for a row, as NEST reports it; null when the row's model has no such key.</summary>
        public object? Value(int row, string key)
        {
            switch (key)
            {
                case "source": return (long)_table.Source[row];
                case "target": return (long)_table.Target[row];
                case "synapse_model": return _models[_table.Model[row]].Name;
                // A model's own per-connection synapse_id (stdp_facetshw_synapse_hom) replaces the model's id, as in NEST.
                case "synapse_id" when _models[_table.Model[row]].Type.Schema.IndexOfPerConnection(key) < 0: return (long)_table.Model[row];
                case "sizeof": return (long)_models[_table.Model[row]].Type.BytesPerSynapse;
                case "weight": return Weight(row);
                case "delay": return Delay(row);
                case "receptor": return (long)Receptor(row);
                case "port": return (long)Port(row);
                case "target_thread": return (long)Thread(row);
                default:
                    if (_models[_table.Model[row]].Type.NestedStatus is { } nested && nested.Key == key) return NestedValue(row, nested);
                    var schema = _models[_table.Model[row]].Type.Schema;
                    int k = schema.IndexOfPerConnection(key);
                    if (k < 0) return null;
                    double value = Parameter(row, k);
                    return schema.PerConnection[k].Boolean ? value != 0 : schema.PerConnection[k].Integer ? (object)(long)value : value;
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /// <summary>
    /// New values of one key for the rows of a Set: a number for all, one per row, or a random parameter drawn per
    /// row; <see cref="Given"/> (if any) says which rows get one (a list of dictionaries may give a key to some rows).
    /// </summary>
    internal sealed record Column(string Key, double Constant, double[]? PerRow, bool[]? Given)
    {
        /// <summary>Whether the values were given as booleans (true as 1, false as 0), for boolean per-connection keys.</summary>
        public bool Boolean { get; init; }

        public bool IsGiven(int i) => Given is null || Given[i];

        public double ValueAt(int i) => PerRow is null ? Constant : PerRow[i];
    }

    /// <summary>A value of a Set call as a column for <paramref name="count"/> rows.</summary>
    public static Column ColumnOf(KernelManager kernel, string key, object? value, int count)
    {
        switch (value)
        {
            case Parameter p:
                var values = new double[count];
                ulong opKey = kernel.Random.NextOperationKey(0x5E7_3E16);
                for (int i = 0; i < count; i++)
                {
                    var stream = new RandomStream(RandomStream.Derive(opKey, (ulong)i));
                    values[i] = p.Draw(ref stream);
                }
                return new Column(key, 0, values, null);
            case bool flag:
                return new Column(key, flag ? 1.0 : 0.0, null, null) { Boolean = true };
            case string:
                throw new TypeMismatchException(key, value, "a number, an array with one number per connection or a random parameter");
            case System.Collections.IEnumerable:
                var array = StatusValue.ToDoubleArray(key, value);
                if (array.Length != count)
                    throw new BadPropertyException(key, value, $"an array needs one value per connection ({count}), got {array.Length}");
                return new Column(key, 0, array, null);
            default:
                return new Column(key, StatusValue.ToDouble(key, value), null, null);
        }
    }

    /// <summary>
    /// The entries of a Set with dictionary values (a model's <see cref="SynapseType.NestedStatus"/>, the e-prop
    /// optimizer's {"m": .., "v": ..}) flattened to one entry per inner key, named key.inner.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, object>> Flatten(IEnumerable<KeyValuePair<string, object>> values)
    {
        foreach (var (key, value) in values)
        {
            if (value is IEnumerable<KeyValuePair<string, object>> inner)
            {
                foreach (var (name, innerValue) in inner) yield return new(key + "." + name, innerValue);
            }
            else
            {
                yield return new(key, value);
            }
        }
    }

    /// <summary>The columns of a list of per-row dictionaries (each may give its own keys; dictionary values flattened, <see cref="Flatten"/>).</summary>
    public static List<Column> ColumnsOf(IReadOnlyList<IReadOnlyDictionary<string, object>> perRow)
    {
        var columns = new Dictionary<string, (double[] Values, bool[] Given, bool Boolean)>(StringComparer.Ordinal);
        for (int i = 0; i < perRow.Count; i++)
        {
            foreach (var (key, value) in Flatten(perRow[i]))
            {
                if (!columns.TryGetValue(key, out var column))
                    columns[key] = column = (new double[perRow.Count], new bool[perRow.Count], value is bool);
                if ((value is bool) != column.Boolean)
                    throw new TypeMismatchException(key, value, column.Boolean ? "a boolean, as for the other connections" : "a number, as for the other connections");
                column.Values[i] = value is bool flag ? (flag ? 1.0 : 0.0) : StatusValue.ToDouble(key, value);
                column.Given[i] = true;
            }
        }
        return columns.Select(c => new Column(c.Key, 0, c.Value.Values, c.Value.Given) { Boolean = c.Value.Boolean }).ToList();
    }

    /// <summary>
    /// Sets <paramref name="columns"/> on the connections of <paramref name="rows"/> (column entry i for row
    /// rows[i]): checks every key (settable by every connection it is given to) and every new status (the key's own
    /// checks, the delay's, the model's checks of a connection's status) first, then applies them all; a connection's
    /// weight sign moves it to its target's other input where the target routes by sign.
    /// </summary>
    public static void Write(KernelManager kernel, ConnectionTable table, IReadOnlyList<int> rows, IReadOnlyList<Column> columns)
    {
        var connections = kernel.Connections;
        connections.Edits.CatchUp(table);
        var models = kernel.Models.SynapseModels;
        var reader = new Reader(kernel, table);
        bool prepared = kernel.Simulation.IsPrepared;

        // Which column is which key, per model.
        int weightColumn = -1, delayColumn = -1;
        for (int c = 0; c < columns.Count; c++)
        {
            if (columns[c].Key == "weight") weightColumn = c;
            else if (columns[c].Key == "delay") delayColumn = c;
        }
        if (delayColumn >= 0 && prepared)
            throw new KernelException("The delay of connections cannot be set between Prepare and Cleanup.");
        var delays = connections.Delays.Rule();

        var newDelay = delayColumn >= 0 ? new int[rows.Count] : null;
        var newDelayOffset = delayColumn >= 0 ? new double[rows.Count] : null;
        var perConnectionIndex = new Dictionary<int, int[]>(); // model -> per column: index in the model's per-connection parameters, or -1
        var nestedColumns = new Dictionary<int, SynapseColumn?[]>(); // model -> per column: the state column of a key.entry of its nested status
        int[] IndicesFor(int model)
        {
            if (perConnectionIndex.TryGetValue(model, out var indices)) return indices;
            var schema = models[model].Type.Schema;
            indices = new int[columns.Count];
            var nested = new SynapseColumn?[columns.Count];
            for (int c = 0; c < columns.Count; c++)
            {
                string key = columns[c].Key;
                indices[c] = schema.IndexOfPerConnection(key);
                bool standard = Array.IndexOf(SettableStandardKeys, key) >= 0 && !(key == "weight" && schema.HasCommonWeight);
                if (indices[c] < 0 && !standard && models[model].Type.NestedStatus is { } status)
                {
                    nested[c] = status.ColumnOf(models[model], key, out bool isNested);
                    if (isNested && nested[c] is null)
                    {
                        throw new UnaccessedDictionaryEntryException($"'{status.Key}' of a connection of '{models[model].Name}' (Set)",
                            key[(status.Key.Length + 1)..], status.Entries(models[model]).Select(e => e.Name));
                    }
                    if (nested[c] is not null) continue;
                }
                if (indices[c] < 0 && !standard)
                {
                    string owner = $"a connection of '{models[model].Name}' (Set)";
                    var settable = SettableStandardKeys.Where(k => !(k == "weight" && schema.HasCommonWeight)).Concat(schema.PerConnection.Select(p => p.Key));
                    throw new UnaccessedDictionaryEntryException(owner, key, settable);
                }
            }
            nestedColumns[model] = nested;
            return perConnectionIndex[model] = indices;
        }

        // Check everything first.
        var scratch = new List<double>();
        for (int i = 0; i < rows.Count; i++)
        {
            int row = rows[i];
            int model = table.Model[row];
            var indices = IndicesFor(model);
            var kind = table.Kind[row];
            var type = models[model].Type;
            var schema = type.Schema;
            bool anyGiven = false;
            for (int c = 0; c < columns.Count; c++)
            {
                if (!columns[c].IsGiven(i)) continue;
                anyGiven = true;
                bool boolean = indices[c] >= 0 && schema.PerConnection[indices[c]].Boolean;
                if (boolean != columns[c].Boolean)
                    throw new TypeMismatchException(columns[c].Key, columns[c].Boolean ? columns[c].ValueAt(i) != 0 : columns[c].ValueAt(i), boolean ? "a boolean" : "a number");
                if (indices[c] >= 0) schema.Check(columns[c].Key, columns[c].ValueAt(i));
                if (c == delayColumn && type.NoDelayReason is { } noDelay) throw new BadPropertyException("delay", columns[c].ValueAt(i), noDelay);
                if (c == weightColumn && type.NoWeightReason is { } noWeight) throw new BadPropertyException("weight", columns[c].ValueAt(i), noWeight);
            }
            if (!anyGiven) continue;
            if (kind == ConnectionKind.Removed) reader.Weight(row); // throws: the connection was removed
            if (kind is ConnectionKind.SpikeRecording or ConnectionKind.Sampling)
            {
                throw new NestNotImplementedException(
                    $"Setting the status of the connection {table.Source[row]} -> {table.Target[row]} of a recording device is not supported.");
            }
            if (newDelay is not null && columns[delayColumn].IsGiven(i))
            {
                // cont_delay_synapse keeps the part of the delay below whole steps (NEST's split, both step counts checked)
                newDelay[i] = kind is ConnectionKind.Synapse or ConnectionKind.Remote && type.DelayOffset is not null
                    ? delays.SplitSteps(columns[delayColumn].ValueAt(i), out newDelayOffset![i])
                    : delays.Steps(columns[delayColumn].ValueAt(i));
            }
            if (kind != ConnectionKind.Synapse) continue;
            // The model's checks of the new status.
            double weight = weightColumn >= 0 && columns[weightColumn].IsGiven(i) ? columns[weightColumn].ValueAt(i) : reader.Weight(row);
            scratch.Clear();
            for (int k = 0; k < schema.PerConnection.Count; k++) scratch.Add(reader.Parameter(row, k));
            for (int c = 0; c < columns.Count; c++)
                if (indices[c] >= 0 && columns[c].IsGiven(i)) scratch[indices[c]] = columns[c].ValueAt(i);
            type.CheckStatus(weight, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(scratch));
        }

        // Then apply. Values of columns a source's synapses share are applied per block at the end, each block's runs rebuilt once.
        var nodes = kernel.Nodes;
        Dictionary<SynapseBlock, List<(int Index, int Column, double Value)>>? sharedValues = null;
        int minDelay = int.MaxValue, maxDelay = 0;
        for (int i = 0; i < rows.Count; i++)
        {
            int row = rows[i];
            var kind = table.Kind[row];
            var indices = IndicesFor(table.Model[row]);
            bool anyGiven = false;
            for (int c = 0; c < columns.Count; c++) anyGiven |= columns[c].IsGiven(i);
            if (!anyGiven) continue;
            bool setWeight = weightColumn >= 0 && columns[weightColumn].IsGiven(i);
            bool setDelay = newDelay is not null && columns[delayColumn].IsGiven(i);
            double w = setWeight ? columns[weightColumn].ValueAt(i) : 0;
            if (setDelay)
            {
                minDelay = Math.Min(minDelay, newDelayOffset![i] > 0.0 ? newDelay![i] - 1 : newDelay![i]);
                maxDelay = Math.Max(maxDelay, newDelay[i]);
            }
            switch (kind)
            {
                case ConnectionKind.Synapse:
                    var block = connections.Store.BlockOf(table.Vp[row], table.Model[row])!;
                    int index = table.Index[row];
                    if (setWeight)
                    {
                        var (group, position) = nodes.LocateChannel(block.Channels[index]);
                        block.Channels[index] = group.RingChannel(group.SpikeChannelAt(position, block.ReceptorAt(index), w));
                        block.Weights[index] = w;
                    }
                    if (setDelay)
                    {
                        block.SetDelay(index, newDelay![i]);
                        if (models[table.Model[row]].Type.DelayOffset is { } offsetColumn) block.State[offsetColumn.Index][index] = newDelayOffset![i];
                    }
                    var columnsOfModel = models[table.Model[row]].Type.Schema;
                    for (int c = 0; c < columns.Count; c++)
                    {
                        if (indices[c] < 0 || !columns[c].IsGiven(i)) continue;
                        var column = columnsOfModel.ColumnOfPerConnection(indices[c]);
                        if (!column.BySource)
                        {
                            block.State[column.Index][index] = columns[c].ValueAt(i);
                            continue;
                        }
                        sharedValues ??= [];
                        if (!sharedValues.TryGetValue(block, out var pending)) sharedValues[block] = pending = [];
                        pending.Add((index, column.Index, columns[c].ValueAt(i)));
                    }
                    var nestedOfModel = nestedColumns[table.Model[row]];
                    for (int c = 0; c < columns.Count; c++)
                        if (nestedOfModel[c] is { } nestedColumn && columns[c].IsGiven(i)) block.State[nestedColumn.Index][index] = columns[c].ValueAt(i);
                    models[table.Model[row]].Type.OnStatusSet(block, index);
                    break;
                case ConnectionKind.Generator:
                    var (sourceGroup, sourceLocal) = nodes.Locate(table.Source[row]);
                    var generator = (ILocalGenerator)sourceGroup;
                    ref var target = ref generator.TargetsOf(sourceLocal).OfThread(table.Vp[row])[table.Index[row]];
                    if (setWeight && target.Recorder is null)
                    {
                        var (targetGroup, targetLocal) = nodes.Locate(target.TargetId);
                        var neuron = (NeuronGroup)targetGroup;
                        if (!generator.SendsCurrent) target.Channel = neuron.RingChannel(neuron.SpikeChannel(targetLocal, target.Receptor, w));
                    }
                    if (setWeight) target.Weight = w;
                    if (setDelay) target.DelaySteps = newDelay![i];
                    break;
                case ConnectionKind.Remote:
                    break;
            }
            // Every process keeps the snapshot of the others' connections in step with what they set.
            if (table.Remote is { } remote)
            {
                if (setWeight) remote.Weight[row] = w;
                if (setDelay)
                {
                    remote.DelaySteps[row] = newDelay![i];
                    remote.DelayOffset[row] = newDelayOffset![i];
                }
            }
        }
        if (sharedValues is not null)
            foreach (var (block, pending) in sharedValues) block.SetSourceValues(pending);
        if (maxDelay > 0) connections.Delays.Extend(minDelay, maxDelay);
    }

    /// <summary>Sets the weight of every connection of <paramref name="table"/> (the path of older callers; see <see cref="Write"/>).</summary>
    public static void SetWeights(KernelManager kernel, ConnectionTable table, long version, object value)
    {
        _ = version;
        var rows = Enumerable.Range(0, table.Count).ToArray();
        Write(kernel, table, rows, [ColumnOf(kernel, "weight", value, rows.Length)]);
    }
}
