namespace NestSharp.Models.Synapses;

/// <summary>
/// A registered synapse model: a <see cref="SynapseType"/> with defaults for <c>weight</c>, <c>delay</c> (ms) and
/// <c>receptor_type</c>, values of the type's common parameters (the _hom models' shared STDP parameters), defaults of
/// its per-connection parameters (such as <c>Kplus</c>), and optionally a <c>weight_recorder</c> and (for models that
/// read one) a <c>volume_transmitter</c>.
/// <c>CopyModel</c> makes a new model with its own values and its own connection count (<c>num_connections</c>).
/// </summary>
internal sealed class SynapseModel
{
    private static readonly string[] ReadOnlyKeys =
        ["element_type", "has_delay", "num_connections", "requires_symmetric", "sizeof", "synapse_model", "synapse_modelid"];

    private double[] _common;
    private long[][] _commonArrays;
    private double[] _connectionDefaults;

    public SynapseModel(string name, SynapseType type, int id)
    {
        Name = name;
        Type = type;
        Id = id;
        Weight = type.DefaultWeight;
        _common = type.Schema.Common.Select(p => p.Default).ToArray();
        _commonArrays = type.Schema.CommonArrays.Select(p => (long[])p.Default.Clone()).ToArray();
        _connectionDefaults = type.Schema.PerConnection.Select(p => p.Default).ToArray();
        CommonDictionary = type.DefaultCommonDictionary;
    }

    /// <summary>The model's dictionary-valued common property (<see cref="SynapseType.DefaultCommonDictionary"/>), or null.</summary>
    public ICommonDictionaryProperty? CommonDictionary { get; private set; }

    /// <summary>Gives <see cref="CommonDictionary"/> what a checkpoint kept of it beyond its status.</summary>
    public void RestoreCommonDictionary(CheckpointReader reader) => CommonDictionary = CommonDictionary!.RestoreCheckpoint(reader);

    public string Name { get; }
    public SynapseType Type { get; }
    public int Id { get; }
    public double Weight { get; private set; }
    public double Delay { get; private set; } = 1.0;

    /// <summary>
    /// For a type with a <see cref="SynapseType.DelayOffset"/> column: the part of the default delay below whole steps
    /// (ms); <see cref="Delay"/> then holds the whole steps, and the default delay is their difference. 0 otherwise.
    /// </summary>
    public double DelayOffset { get; private set; }
    public int ReceptorType { get; private set; }

    /// <summary>The common parameters in the order of <see cref="SynapseSchema.Common"/>.</summary>
    public double[] CommonValues => _common;

    /// <summary>The common integer arrays in the order of <see cref="SynapseSchema.CommonArrays"/>.</summary>
    public long[][] CommonArrays => _commonArrays;

    /// <summary>Defaults of the per-connection parameters in the order of <see cref="SynapseSchema.PerConnection"/>.</summary>
    public IReadOnlyList<double> ConnectionDefaults => _connectionDefaults;

    /// <summary>The kernel's delay rules (set by the connection manager; copies share it): defaults are checked and rounded by it.</summary>
    internal Connections.DelayChecker? Delays { get; set; }

    /// <summary>The weight_recorder plastic synapses of this model report to, if any.</summary>
    public NodeCollection? WeightRecorder { get; private set; }

    public int? WeightRecorderId => WeightRecorder?.Ids[0];

    /// <summary>The volume_transmitter the synapses read (models whose type <see cref="SynapseType.ReadsVolumeTransmitter"/>), if set.</summary>
    public NodeCollection? VolumeTransmitter { get; private set; }

    /// <summary>The spike list of <see cref="VolumeTransmitter"/>, if set.</summary>
    public NeuromodulatorySpikes? VolumeTransmitterSpikes { get; private set; }

    /// <summary>Keys a syn_spec or SetDefaults may give for this model.</summary>
    public IReadOnlyCollection<string> Keys =>
    [
        .. (Type.HasDelay ? ["delay"] : Array.Empty<string>()), "receptor_type", .. (Type.NoWeightReason is null ? ["weight"] : Array.Empty<string>()), "weight_recorder",
        .. Type.Schema.Common.Select(p => p.Key), .. Type.Schema.CommonArrays.Select(p => p.Key), .. Type.Schema.PerConnection.Select(p => p.Key),
        .. (Type.ReadsVolumeTransmitter ? ["volume_transmitter"] : Array.Empty<string>()),
        .. (CommonDictionary is { } dictionary ? [dictionary.Key] : Array.Empty<string>()),
    ];

    public SynapseModel Copy(string newName, int newId) => new(newName, Type, newId)
    {
        Weight = Weight, Delay = Delay, DelayOffset = DelayOffset, ReceptorType = ReceptorType, WeightRecorder = WeightRecorder, Delays = Delays,
        VolumeTransmitter = VolumeTransmitter, VolumeTransmitterSpikes = VolumeTransmitterSpikes, CommonDictionary = CommonDictionary,
        _common = (double[])_common.Clone(), _connectionDefaults = (double[])_connectionDefaults.Clone(),
        _commonArrays = _commonArrays.Select(a => (long[])a.Clone()).ToArray(),
    };

    /// <summary>
    /// Applies new defaults after checking all of them; changes nothing on error. As NEST, the delay is rounded to whole
    /// steps (and must be allowed: at least the resolution, within min_delay and max_delay after a simulation or when
    /// the user set them), and the model's checks of a connection's status run on the new defaults.
    /// <paramref name="volumeTransmitterSpikes"/> gives the spike list of a node if it is a volume_transmitter, else null.
    /// </summary>
    public void SetDefaults(IReadOnlyDictionary<string, object> values, double resolution, Func<NodeCollection, bool> isWeightRecorder,
        Func<int, NeuromodulatorySpikes?>? volumeTransmitterSpikes = null, Func<long>? numConnections = null)
    {
        var dictionary = CommonDictionary;
        double weight = Weight, delay = Delay, delayOffset = DelayOffset;
        int receptor = ReceptorType;
        var recorder = WeightRecorder;
        var volumeTransmitter = VolumeTransmitter;
        var spikes = VolumeTransmitterSpikes;
        var common = (double[])_common.Clone();
        var arrays = (long[][])_commonArrays.Clone();
        var connection = (double[])_connectionDefaults.Clone();
        foreach (var (key, value) in values)
        {
            switch (key)
            {
                case "weight": weight = StatusValue.ToDouble(key, value); break;
                case "delay": delay = StatusValue.ToDouble(key, value); break;
                case "receptor_type": receptor = StatusValue.ToInt(key, value); break;
                case "weight_recorder":
                    if (value is not NodeCollection nodes || nodes.Count != 1 || !isWeightRecorder(nodes))
                        throw new BadPropertyException(key, value, "must be a NodeCollection of one weight_recorder");
                    recorder = nodes;
                    break;
                case "volume_transmitter" when Type.ReadsVolumeTransmitter:
                    if (value is not NodeCollection vt)
                        throw new TypeMismatchException(key, value, "a NodeCollection of one volume_transmitter");
                    if (vt.Count != 1) throw new BadPropertyException(key, vt.ToString(), "must be a NodeCollection of one node");
                    spikes = volumeTransmitterSpikes?.Invoke(vt.Ids[0])
                        ?? throw new BadPropertyException(key, vt.ToString(), "must be a node of model volume_transmitter");
                    volumeTransmitter = vt;
                    break;
                case var _ when dictionary is not null && key == dictionary.Key:
                    dictionary = dictionary.Staged(value, numConnections?.Invoke() ?? 0);
                    break;
                default:
                    int c = IndexOf(Type.Schema.Common, key);
                    int k = IndexOf(Type.Schema.PerConnection, key);
                    int a = Type.Schema.IndexOfCommonArray(key);
                    if (c < 0 && k < 0 && a < 0)
                    {
                        // NEST leaves read-only keys unaccessed, as unknown ones.
                        throw new UnaccessedDictionaryEntryException($"synapse model '{Name}'", key, Keys,
                            ReadOnlyKeys.Contains(key) ? "it is a read-only property" : null);
                    }
                    if (a >= 0)
                    {
                        long[] array = value is IEnumerable<bool> flags ? flags.Select(f => f ? 1L : 0L).ToArray() : StatusValue.ToLongArray(key, value);
                        Type.Schema.CommonArrays[a].Check?.Invoke(array);
                        arrays[a] = array;
                        break;
                    }
                    var declared = c >= 0 ? Type.Schema.Common[c] : Type.Schema.PerConnection[k];
                    double v = declared.Boolean ? (StatusValue.ToBool(key, value) ? 1.0 : 0.0) : StatusValue.ToDouble(key, value);
                    Type.Schema.Check(key, v);
                    if (c >= 0) common[c] = v;
                    else connection[k] = v;
                    break;
            }
        }
        if (values.ContainsKey("delay") && Type.NoDelayReason is { } noDelay) throw new BadPropertyException("delay", values["delay"], noDelay);
        if (values.ContainsKey("weight") && Type.NoWeightReason is { } noWeight) throw new BadPropertyException("weight", values["weight"], noWeight);
        if (values.ContainsKey("delay"))
        {
            if (Delays is not null && Type.DelayOffset is not null) delay = Delays.DefaultDelay(delay, out delayOffset);
            else if (Delays is not null) delay = Delays.DefaultDelay(delay);
            else if (!(delay >= resolution - 1e-12 * resolution)) throw new BadDelayException(delay, $"delay must be at least the resolution ({resolution} ms)");
        }
        if (receptor < 0) throw new BadPropertyException("receptor_type", receptor, "must not be negative");
        Type.CheckStatus(weight, connection);
        Type.DeriveCommon(values.Keys, common, arrays);
        Weight = weight;
        Delay = delay;
        DelayOffset = delayOffset;
        ReceptorType = receptor;
        WeightRecorder = recorder;
        VolumeTransmitter = volumeTransmitter;
        VolumeTransmitterSpikes = spikes;
        CommonDictionary = dictionary;
        _common = common;
        _commonArrays = arrays;
        _connectionDefaults = connection;
    }

    private static int IndexOf(IReadOnlyList<SynapseKey> parameters, string key)
    {
        for (int i = 0; i < parameters.Count; i++) if (parameters[i].Key == key) return i;
        return -1;
    }

    public Dictionary<string, object> GetDefaults(long numConnections)
    {
        var status = new Dictionary<string, object>
        {
            ["weight"] = Weight,
            ["delay"] = Delay - DelayOffset,
            ["receptor_type"] = (long)ReceptorType,
            ["synapse_model"] = Name,
            ["synapse_modelid"] = (long)Id,
            ["num_connections"] = numConnections,
            ["element_type"] = "synapse",
            ["has_delay"] = Type.HasDelay,
            ["requires_symmetric"] = Type.RequiresSymmetric,
            ["weight_recorder"] = (object?)WeightRecorder ?? "NodeCollection(<empty>)",
        };
        if (CommonDictionary is { } commonDictionary) status[commonDictionary.Key] = commonDictionary.Status();
        if (Type.ReadsVolumeTransmitter) status["volume_transmitter"] = (object?)VolumeTransmitter ?? "NodeCollection(<empty>)";
        if (Type.Schema.ReportsSize) status["sizeof"] = (long)Type.BytesPerSynapse;
        for (int i = 0; i < _common.Length; i++)
        {
            var key = Type.Schema.Common[i];
            status[key.Key] = key.Boolean ? _common[i] != 0 : key.Integer ? (object)(long)_common[i] : _common[i];
        }
        for (int i = 0; i < _commonArrays.Length; i++) status[Type.Schema.CommonArrays[i].Key] = (long[])_commonArrays[i].Clone();
        for (int i = 0; i < _connectionDefaults.Length; i++)
        {
            var key = Type.Schema.PerConnection[i];
            status[key.Key] = key.Boolean ? _connectionDefaults[i] != 0 : key.Integer ? (object)(long)_connectionDefaults[i] : _connectionDefaults[i];
        }
        return status;
    }
}
