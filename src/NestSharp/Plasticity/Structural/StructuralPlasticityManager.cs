namespace NestSharp.Plasticity.Structural;

/// <summary>
/// Calcium and synaptic elements of every neuron, and the structural plasticity that creates and deletes synapses
/// from them (Butz &amp; van Ooyen 2013, as NEST implements it).
/// <para>Calcium: Ca decays with tau_Ca and rises by beta_Ca at each spike; before each change every synaptic element
/// of the neuron is brought up to date with its growth curve.</para>
/// <para>At each update (every <c>structural_plasticity_update_interval</c> ms of model time, at the start of a slice),
/// for each structural-plasticity synapse type (synapse model, pre- and post-synaptic element): neurons with fewer
/// pre-synaptic elements than bound ones lose randomly chosen synapses of that type, then likewise for post-synaptic
/// elements; then all vacant pre- and post-synaptic elements are listed (a neuron once per vacant element, in id
/// order), the longer list is randomly sampled down to the length of the shorter, and the pairs are connected. Last,
/// every neuron retracts the fraction tau_vacant of its vacant elements. Every random choice comes from a stream keyed
/// by the update's time and the synapse type, so the result does not depend on the number of threads.</para>
/// <para>Reference: Butz M, van Ooyen A (2013) PLoS Comput Biol 9(10):e1003259.</para>
/// </summary>
internal sealed class StructuralPlasticityManager : IKernelManager
{
    private static readonly string[] SynapseSpecKeys =
        ["allow_autapses", "allow_multapses", "delay", "post_synaptic_element", "pre_synaptic_element", "synapse_model", "weight"];

    private Dictionary<string, SynapticElement>?[] _elements = [];
    private double[] _calciumTime = [];
    private Kernel.KernelManager _kernel = null!;

    // The synaptic elements a model gives the nodes it creates (SetDefaults, CopyModel), by model; a set is never
    // changed once stored (a new set replaces it), and every node receives its own copy.
    private readonly Dictionary<NodeModel, Dictionary<string, SynapticElement>?> _modelDefaults = [];

    // Nodes 1.._materialized have received their model's default elements (if any); later nodes receive them lazily,
    // before anything reads or changes elements, and at the latest before a model's defaults change.
    private int _materialized;

    /// <summary>
    /// One structural-plasticity synapse type (an entry of <c>structural_plasticity_synapses</c>). As in NEST 3.10,
    /// <c>allow_autapses</c> false keeps the update from pairing a neuron's own elements, and <c>allow_multapses</c>
    /// is kept and reported but does not restrict the update (NEST's builder does not check it either). A
    /// <c>delay</c> of its own (ms; null takes the model's default) is allowed only once the user set min_delay and
    /// max_delay, is checked when synapses are created, and is not reported (as NEST). A <c>weight</c> of its own (null
    /// takes the model's default) is the weight of the synapses it creates; NEST's builder takes it from the syn_spec
    /// and does not report it either.
    /// </summary>
    internal sealed record Builder(string Name, string SynapseModel, string PreElement, string PostElement, bool AllowAutapses, bool AllowMultapses, double? Delay,
        double? Weight = null);

    public bool Enabled { get; private set; }
    public double UpdateIntervalMs { get; private set; } = 10000.0;
    public IReadOnlyList<Builder> Builders { get; private set; } = [];

    public IReadOnlyCollection<string> SettableKeys => ["structural_plasticity_synapses", "structural_plasticity_update_interval"];

    public void Initialize(Kernel.KernelManager kernel) => _kernel = kernel;

    public void GetStatus(Dictionary<string, object> status)
    {
        status["structural_plasticity_update_interval"] = UpdateIntervalMs;
        status["structural_plasticity_synapses"] = Builders.ToDictionary(b => b.Name, b => (object)new Dictionary<string, object>
        {
            ["synapse_model"] = b.SynapseModel,
            ["pre_synaptic_element"] = b.PreElement,
            ["post_synaptic_element"] = b.PostElement,
            ["allow_autapses"] = b.AllowAutapses,
            ["allow_multapses"] = b.AllowMultapses,
        });
        status["growth_curves"] = Catalog.GrowthCurves.Keys.Order(StringComparer.Ordinal).ToArray();
    }

    public Action? StageStatus(KernelStatusChange change)
    {
        double interval = UpdateIntervalMs;
        var builders = Builders;
        bool any = false;
        if (change.TryClaim("structural_plasticity_update_interval", out var value))
        {
            interval = StatusValue.ToDouble("structural_plasticity_update_interval", value);
            if (!(interval > 0)) throw new BadPropertyException("structural_plasticity_update_interval", value, "must be positive");
            any = true;
        }
        if (change.TryClaim("structural_plasticity_synapses", out value))
        {
            builders = ParseBuilders(value);
            any = true;
        }
        if (!any) return null;
        return () =>
        {
            UpdateIntervalMs = interval;
            Builders = builders;
        };
    }

    private List<Builder> ParseBuilders(object value)
    {
        if (value is not System.Collections.IDictionary && value is not IReadOnlyDictionary<string, object>)
            throw new TypeMismatchException("structural_plasticity_synapses", value, "a dictionary of synapse specifications");
        var builders = new List<Builder>();
        foreach (var (name, specValue) in AsDictionary("structural_plasticity_synapses", value))
        {
            var spec = AsDictionary($"structural_plasticity_synapses.{name}", specValue);
            foreach (var key in spec.Keys)
            {
                if (!SynapseSpecKeys.Contains(key))
                    throw new UnaccessedDictionaryEntryException($"structural_plasticity_synapses.{name}", key, SynapseSpecKeys);
            }
            // As NEST: a delay of its own needs min_delay and max_delay set by the user first.
            double? delay = null;
            if (spec.TryGetValue("delay", out var delayValue))
            {
                if (!_kernel.Connections.Delays.UserSet)
                {
                    throw new BadPropertyException($"structural_plasticity_synapses.{name}.delay", delayValue,
                        "to use different delays for structural-plasticity synapses, set min_delay and max_delay in the kernel status first");
                }
                delay = StatusValue.ToDouble($"structural_plasticity_synapses.{name}.delay", delayValue);
            }

            double? weight = spec.TryGetValue("weight", out var weightValue) ? StatusValue.ToDouble($"structural_plasticity_synapses.{name}.weight", weightValue) : null;

            string Require(string key) => spec.TryGetValue(key, out var v)
                ? StatusValue.ToStringValue($"{name}.{key}", v)
                : throw new BadPropertyException($"structural_plasticity_synapses.{name}", key, $"'{key}' is missing");
            string model = Require("synapse_model");
            _kernel.Models.SynapseModel(model);
            bool autapses = !spec.TryGetValue("allow_autapses", out var a) || StatusValue.ToBool($"{name}.allow_autapses", a);
            bool multapses = !spec.TryGetValue("allow_multapses", out var m) || StatusValue.ToBool($"{name}.allow_multapses", m);
            builders.Add(new(name, model, Require("pre_synaptic_element"), Require("post_synaptic_element"), autapses, multapses, delay, weight));
        }
        return builders;
    }

    private static IReadOnlyDictionary<string, object> AsDictionary(string key, object value) => value switch
    {
        IReadOnlyDictionary<string, object> d => d,
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => d[k]!),
        _ => throw new TypeMismatchException(key, value, "a dictionary"),
    };

    /// <summary>
    /// Starts the structural updates at every update interval (NEST's EnableStructuralPlasticity). As in NEST, this
    /// needs no structural-plasticity synapses: without them an update brings the elements up to date and retracts
    /// the fraction tau_vacant of the vacant ones, and creates or deletes no synapse. It needs the kernel keys
    /// keep_source_table and use_compressed_spikes true.
    /// </summary>
    public void Enable()
    {
        if (!_kernel.Connections.KeepSourceTable)
            throw new KernelException("Structural plasticity cannot be enabled after keep_source_table has been set to false.");
        if (!_kernel.Connections.UseCompressedSpikes)
            throw new KernelException("Structural plasticity cannot be enabled after use_compressed_spikes has been set to false.");
        Enabled = true;
    }

    /// <summary>Stops structural plasticity; existing synapses stay.</summary>
    public void Disable() => Enabled = false;

    /// <summary>The synaptic_elements status of node <paramref name="id"/>.</summary>
    public Dictionary<string, object> ElementsStatus(int id)
    {
        Materialize();
        return StatusOf(ElementsOf(id));
    }

    /// <summary>The synaptic_elements a model gives the nodes it creates, as GetDefaults shows them.</summary>
    public Dictionary<string, object> DefaultElementsStatus(NodeModel model) => StatusOf(DefaultsOf(model));

    private static Dictionary<string, object> StatusOf(Dictionary<string, SynapticElement>? elements)
    {
        var status = new Dictionary<string, object>(StringComparer.Ordinal);
        if (elements is null) return status;
        foreach (var (name, element) in elements) status[name] = element.Status();
        return status;
    }

    /// <summary>
    /// Stages <c>synaptic_elements</c> (replaces the node's elements by new ones made from the given values, with no
    /// bound elements, as NEST does) or <c>synaptic_elements_param</c> (changes parameters of existing elements;
    /// names the node lacks are ignored, as in NEST) for node <paramref name="local"/> of <paramref name="group"/>
    /// (also while the group is being created), checked before anything changes.
    /// </summary>
    public Action StageElements(NodeGroup group, int local, string key, object value, string owner)
    {
        Materialize();
        int id = group.FirstId + local;
        // A node being created (its id beyond the network) starts from its model's default elements.
        var current = id > _kernel.Nodes.NodeCount ? DefaultsOf(group.Model) : ElementsOf(id);
        var staged = Staged(current, key, value, owner, CalciumTime(id));
        return () => SetElements(id, staged);
    }

    /// <summary>
    /// Stages <c>synaptic_elements</c> or <c>synaptic_elements_param</c> given to SetDefaults or CopyModel: the
    /// elements every node <paramref name="model"/> creates from then on receives (nodes that exist keep theirs).
    /// </summary>
    public Action StageDefaultElements(NodeModel model, string key, object value, string owner)
    {
        var staged = Staged(DefaultsOf(model), key, value, owner, 0.0);
        return () =>
        {
            // Nodes that exist, and models copied before this change, keep the defaults they were made with.
            Materialize();
            PinCopiedModels();
            _modelDefaults[model] = staged;
        };
    }

    private static Dictionary<string, SynapticElement> Staged(Dictionary<string, SynapticElement>? current, string key, object value, string owner, double zTime)
    {
        var given = AsDictionary(key, value);
        var staged = new Dictionary<string, SynapticElement>(StringComparer.Ordinal);
        if (key == "synaptic_elements_param" && current is not null)
            foreach (var (name, element) in current) staged[name] = element.Clone();
        foreach (var (name, elementValue) in given)
        {
            var values = AsDictionary($"{key}.{name}", elementValue);
            if (!staged.TryGetValue(name, out var element))
            {
                if (key == "synaptic_elements_param") continue;
                element = new SynapticElement { ZTime = zTime };
                staged[name] = element;
            }
            element.Set(values, $"{owner} {name}");
        }
        return staged;
    }

    /// <summary>The default elements of <paramref name="model"/>; a copy not seen yet has those of the built-in model it copies.</summary>
    private Dictionary<string, SynapticElement>? DefaultsOf(NodeModel model)
    {
        if (_modelDefaults.TryGetValue(model, out var defaults)) return defaults;
        if (model.Name == model.TypeName || !_kernel.Models.TryGetNodeModel(model.TypeName, out var original)) return null;
        return DefaultsOf(original);
    }

    /// <summary>
    /// Fixes the defaults of every model copied since the last change to those it has now. A model whose prototype is
    /// not made yet is a built-in model nobody used: it has no defaults of its own to fix.
    /// </summary>
    private void PinCopiedModels()
    {
        foreach (string name in _kernel.Models.NodeModelNames.ToArray())
        {
            var model = _kernel.Models.NodeModel(name);
            if (model.HasPrototype && model.Prototype is NeuronGroup { IsArchivingNode: true } && !_modelDefaults.ContainsKey(model))
                _modelDefaults[model] = DefaultsOf(model);
        }
    }

    /// <summary>Gives every node created since the last call a copy of its model's default elements (unless it has its own).</summary>
    private void Materialize()
    {
        int count = _kernel.Nodes.NodeCount;
        if (count <= _materialized) return;
        Grow(count);
        foreach (var group in _kernel.Nodes.Groups)
        {
            if (group.LastId <= _materialized || group is not NeuronGroup { IsArchivingNode: true } || DefaultsOf(group.Model) is not { } defaults) continue;
            for (int id = Math.Max(group.FirstId, _materialized + 1); id <= group.LastId; id++)
            {
                if (_elements[id] is not null) continue;
                var own = new Dictionary<string, SynapticElement>(StringComparer.Ordinal);
                foreach (var (name, element) in defaults)
                {
                    var copy = element.Clone();
                    copy.ZTime = _calciumTime[id];
                    own[name] = copy;
                }
                _elements[id] = own;
            }
        }
        _materialized = count;
    }

    /// <summary>The connection rules that can bind new synapses to synaptic elements (NEST's builders with sp_connect).</summary>
    private static readonly string[] ElementBindingRules = ["all_to_all", "one_to_one"];

    /// <summary>
    /// Takes <c>pre_synaptic_element</c> and <c>post_synaptic_element</c> out of a syn_spec (NEST lets Connect and
    /// Disconnect with <paramref name="rule"/> bind or free synaptic elements of the synapses they make or remove).
    /// As NEST, only one_to_one and all_to_all can (else NotImplemented), and the two names go together.
    /// </summary>
    public static (string? Pre, string? Post, SynSpec Remaining) SynapticElementsOf(SynSpec spec, string rule)
    {
        bool hasPre = spec.Other.TryGetValue("pre_synaptic_element", out var pre);
        bool hasPost = spec.Other.TryGetValue("post_synaptic_element", out var post);
        if (!hasPre && !hasPost) return (null, null, spec);
        if (hasPre != hasPost)
        {
            throw new BadPropertyException(hasPre ? "post_synaptic_element" : "pre_synaptic_element", null,
                "structural plasticity needs both a pre_synaptic_element and a post_synaptic_element");
        }
        if (!ElementBindingRules.Contains(rule))
        {
            throw new NestNotImplementedException(
                $"The connection rule '{rule}' cannot bind synapses to synaptic elements (pre_synaptic_element, post_synaptic_element): only {string.Join(" and ", ElementBindingRules)} can.");
        }

        var rest = spec.Other.Where(kv => kv.Key is not ("pre_synaptic_element" or "post_synaptic_element")).ToDictionary();
        return (StatusValue.ToStringValue("pre_synaptic_element", pre), StatusValue.ToStringValue("post_synaptic_element", post), spec with { Other = rest });
    }

    /// <summary>Counts each new synapse in z_connected of its source's pre- and its target's post-synaptic element.</summary>
    public void Bind(List<(int Source, int Target)> created, string preElement, string postElement)
    {
        Materialize();
        foreach (var (source, target) in created)
        {
            ElementsOf(source)?.GetValueOrDefault(preElement)?.Connect(1);
            ElementsOf(target)?.GetValueOrDefault(postElement)?.Connect(1);
        }
    }

    /// <summary>
    /// The elements Disconnect frees for each synapse of <paramref name="synapseModel"/> it removes, as NEST's: those of
    /// the last structural-plasticity synapse type of the model if any type is registered (none if the model is not
    /// one of them), else those the Disconnect's syn_spec names (<paramref name="preElement"/>, <paramref name="postElement"/>).
    /// </summary>
    public (string Pre, string Post)? ElementsFreedByDisconnect(string synapseModel, string? preElement, string? postElement)
    {
        if (Builders.Count > 0)
            return Builders.LastOrDefault(b => b.SynapseModel == synapseModel) is { } builder ? (builder.PreElement, builder.PostElement) : null;
        return preElement is null || postElement is null ? null : (preElement, postElement);
    }

    /// <summary>Frees one bound element of each of <paramref name="preElement"/> on <paramref name="source"/> and <paramref name="postElement"/> on <paramref name="target"/> (a removed synapse).</summary>
    public void Unbind(int source, int target, string preElement, string postElement)
    {
        Materialize();
        ElementsOf(source)?.GetValueOrDefault(preElement)?.Connect(-1);
        ElementsOf(target)?.GetValueOrDefault(postElement)?.Connect(-1);
    }

    /// <summary>Room for nodes up to <paramref name="maxId"/>, each with its elements (before a run).</summary>
    public void EnsureCapacity(int maxId)
    {
        Grow(maxId);
        Materialize();
    }

    private void Grow(int maxId)
    {
        if (_elements.Length <= maxId)
        {
            Array.Resize(ref _elements, maxId + 1);
            Array.Resize(ref _calciumTime, maxId + 1);
        }
    }

    public Dictionary<string, SynapticElement>? ElementsOf(int id) => (uint)id < (uint)_elements.Length ? _elements[id] : null;

    public void SetElements(int id, Dictionary<string, SynapticElement> elements)
    {
        Grow(id);
        _elements[id] = elements;
    }

    /// <summary>
    /// Writes the whole structural-plasticity state: whether the updates run, their interval and synapse types (with
    /// the delays the status does not show), every node's synaptic elements (by id), the elements the models give new
    /// nodes, how many nodes have received theirs, and the time each neuron's Ca was last brought up to. The updates'
    /// random streams are keyed by the update's time, so they need nothing.
    /// </summary>
    public void SaveCheckpoint(CheckpointWriter writer)
    {
        writer.Write(Enabled);
        writer.Write(UpdateIntervalMs);
        writer.Write(Builders.Count);
        foreach (var builder in Builders)
        {
            writer.Write(builder.Name);
            writer.Write(builder.SynapseModel);
            writer.Write(builder.PreElement);
            writer.Write(builder.PostElement);
            writer.Write(builder.AllowAutapses);
            writer.Write(builder.AllowMultapses);
            writer.Write(builder.Delay.HasValue);
            writer.Write(builder.Delay ?? 0.0);
            writer.Write(builder.Weight.HasValue);
            writer.Write(builder.Weight ?? 0.0);
        }
        writer.Write(_elements.Length);
        foreach (var elements in _elements) WriteElements(writer, elements);
        var defaults = _modelDefaults.OrderBy(d => d.Key.Id).ToArray();
        writer.Write(defaults.Length);
        foreach (var (model, elements) in defaults)
        {
            writer.Write(model.Name);
            WriteElements(writer, elements);
        }
        writer.Write(_materialized);
        writer.Write(_calciumTime);
    }

    public void RestoreCheckpoint(CheckpointReader reader)
    {
        Enabled = reader.ReadBool();
        UpdateIntervalMs = reader.ReadDouble();
        var builders = new List<Builder>();
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            string name = reader.ReadString(), model = reader.ReadString(), pre = reader.ReadString(), post = reader.ReadString();
            bool autapses = reader.ReadBool(), multapses = reader.ReadBool(), hasDelay = reader.ReadBool();
            double delay = reader.ReadDouble();
            bool hasWeight = reader.ReadBool();
            double weight = reader.ReadDouble();
            _kernel.Models.SynapseModel(model);
            builders.Add(new(name, model, pre, post, autapses, multapses, hasDelay ? delay : null, hasWeight ? weight : null));
        }
        Builders = builders;
        _elements = new Dictionary<string, SynapticElement>?[reader.ReadInt()];
        for (int id = 0; id < _elements.Length; id++) _elements[id] = ReadElements(reader);
        _modelDefaults.Clear();
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            var model = _kernel.Models.NodeModel(reader.ReadString());
            _modelDefaults[model] = ReadElements(reader);
        }
        _materialized = reader.ReadInt();
        _calciumTime = reader.ReadDoubles();
        if (_calciumTime.Length != _elements.Length)
            throw reader.Bad($"its structural plasticity has calcium times of {_calciumTime.Length - 1} nodes and synaptic elements of {_elements.Length - 1}");
    }

    private static void WriteElements(CheckpointWriter writer, Dictionary<string, SynapticElement>? elements)
    {
        writer.Write(elements is not null);
        if (elements is null) return;
        writer.Write(elements.Count);
        foreach (var (name, element) in elements)
        {
            writer.Write(name);
            element.SaveCheckpoint(writer);
        }
    }

    private static Dictionary<string, SynapticElement>? ReadElements(CheckpointReader reader)
    {
        if (!reader.ReadBool()) return null;
        var elements = new Dictionary<string, SynapticElement>(StringComparer.Ordinal);
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            string name = reader.ReadString();
            elements[name] = SynapticElement.Restore(reader);
        }
        return elements;
    }

    /// <summary>The model time Ca and the elements of node <paramref name="id"/> were last brought up to.</summary>
    public double CalciumTime(int id) => (uint)id < (uint)_calciumTime.Length ? _calciumTime[id] : 0.0;

    /// <summary>Brings the elements and Ca of a neuron up to <paramref name="t"/> (NEST's update_synaptic_elements).</summary>
    public void UpdateTo(NeuronGroup group, int local, double t, double h)
    {
        int id = group.FirstId + local;
        ref double ca = ref group.CalciumOf(local);
        double tauCa = group.ValueOf(NeuronSchema.Archiving.TauCa, local);
        double caTime = _calciumTime[id];
        if (_elements[id] is { } elements)
            foreach (var element in elements.Values) element.Update(t, caTime, ca, tauCa, h);
        ca *= Math.Exp((caTime - t) / tauCa);
        _calciumTime[id] = t;
    }

    /// <summary>Brings the elements and Ca of every neuron up to <paramref name="t"/> (as NEST does at the end of every run).</summary>
    public void UpdateAllTo(double t, double h)
    {
        EnsureCapacity(_kernel.Nodes.NodeCount);
        foreach (var group in _kernel.Nodes.Groups)
        {
            if (group is not NeuronGroup { IsArchivingNode: true } neurons) continue;
            for (int local = 0; local < neurons.Count; local++) UpdateTo(neurons, local, t, h);
        }
    }

    /// <summary>A spike of a neuron at <paramref name="t"/>: elements and Ca up to t, then Ca += beta_Ca.</summary>
    public void OnSpike(NeuronGroup group, int local, double t, double h)
    {
        UpdateTo(group, local, t, h);
        group.CalciumOf(local) += group.ValueOf(NeuronSchema.Archiving.BetaCa, local);
    }

    /// <summary>
    /// Whether a structural update is due at the start of step <paramref name="step"/> (also without
    /// structural-plasticity synapses: NEST then still updates the elements and retracts vacant ones).
    /// </summary>
    public bool IsDue(TimeGrid time, long step)
    {
        if (!Enabled) return false;
        double t = time.StepToMs(step);
        return t % UpdateIntervalMs == 0;
    }

    /// <summary>What the update needs from the connection side.</summary>
    internal interface IConnectionEditor
    {
        /// <summary>The targets of <paramref name="source"/> through synapses of <paramref name="model"/>, one entry per synapse.</summary>
        List<int> TargetsOf(int source, string model);

        /// <summary>The sources of <paramref name="target"/> through synapses of <paramref name="model"/>, one entry per synapse.</summary>
        List<int> SourcesOf(int target, string model);

        /// <summary>Removes one synapse of <paramref name="model"/> from source to target.</summary>
        void RemoveOne(int source, int target, string model);

        /// <summary>Connects as Connect does, with the call's random streams keyed by <paramref name="seedKey"/>.</summary>
        void Connect(int[] sources, int[] targets, ConnSpec spec, SynSpec syn, ulong seedKey);
    }

    /// <summary>The structural update at <paramref name="t"/> ms, for all neurons.</summary>
    public void Update(double t, double h, ulong seedKey)
    {
        IConnectionEditor connections = _kernel.Connections;
        UpdateAllTo(t, h);

        ulong updateKey = RandomStream.Derive(seedKey, 0x57_2C_7A1, BitConverter.DoubleToUInt64Bits(t));
        for (int b = 0; b < Builders.Count; b++)
        {
            var builder = Builders[b];
            var stream = new RandomStream(RandomStream.Derive(updateKey, (ulong)b));
            DeleteFromPre(builder, connections, ref stream);
            DeleteFromPost(builder, connections, ref stream);
            Create(builder, connections, ref stream, updateKey);
        }
        foreach (var elements in _elements)
        {
            if (elements is not null)
                foreach (var element in elements.Values) element.DecayVacant();
        }
    }

    private (List<int> Ids, List<int> Counts) Deficits(string element)
    {
        var ids = new List<int>();
        var counts = new List<int>();
        for (int id = 0; id < _elements.Length; id++)
        {
            if (_elements[id]?.GetValueOrDefault(element) is { } e && e.Vacant < 0)
            {
                ids.Add(id);
                counts.Add(-e.Vacant);
            }
        }

        return (ids, counts);
    }

    private void DeleteFromPre(Builder builder, IConnectionEditor connections, ref RandomStream stream)
    {
        var (ids, counts) = Deficits(builder.PreElement);
        for (int i = 0; i < ids.Count; i++)
        {
            // As NEST: only targets that still have post-synaptic elements of the kind are candidates.
            var targets = connections.TargetsOf(ids[i], builder.SynapseModel).FindAll(t => ElementCount(t, builder.PostElement) != 0);
            foreach (int target in SampleWithoutReplacement(targets, Math.Min(counts[i], targets.Count), ref stream))
                DeleteSynapse(ids[i], target, builder, connections);
        }
    }

    private void DeleteFromPost(Builder builder, IConnectionEditor connections, ref RandomStream stream)
    {
        var (ids, counts) = Deficits(builder.PostElement);
        for (int i = 0; i < ids.Count; i++)
        {
            var sources = connections.SourcesOf(ids[i], builder.SynapseModel);
            foreach (int source in SampleWithoutReplacement(sources, Math.Min(counts[i], sources.Count), ref stream))
                DeleteSynapse(source, ids[i], builder, connections);
        }
    }

    private void DeleteSynapse(int source, int target, Builder builder, IConnectionEditor connections)
    {
        _elements[source]?.GetValueOrDefault(builder.PreElement)?.Connect(-1);
        connections.RemoveOne(source, target, builder.SynapseModel);
        _elements[target]?.GetValueOrDefault(builder.PostElement)?.Connect(-1);
    }

    private void Create(Builder builder, IConnectionEditor connections, ref RandomStream stream, ulong seedKey)
    {
        var pre = Vacancies(builder.PreElement);
        var post = Vacancies(builder.PostElement);
        if (pre.Count == 0 || post.Count == 0) return;
        if (pre.Count > post.Count) pre = SampleWithoutReplacement(pre, post.Count, ref stream);
        else post = SampleWithoutReplacement(post, pre.Count, ref stream);

        var sources = new List<int>(pre.Count);
        var targets = new List<int>(pre.Count);
        for (int i = 0; i < pre.Count; i++)
        {
            if (!builder.AllowAutapses && pre[i] == post[i]) continue;
            _elements[pre[i]]!.GetValueOrDefault(builder.PreElement)!.Connect(1);
            _elements[post[i]]!.GetValueOrDefault(builder.PostElement)!.Connect(1);
            sources.Add(pre[i]);
            targets.Add(post[i]);
        }
        if (sources.Count > 0)
            connections.Connect(sources.ToArray(), targets.ToArray(), Rule.OneToOne(), new SynSpec { SynapseModel = builder.SynapseModel, Delay = builder.Delay, Weight = builder.Weight }, seedKey);
    }

    /// <summary>The number of elements NEST reports for a node: z, or floor(z) when not continuous; 0 without the element.</summary>
    private double ElementCount(int id, string element) =>
        ElementsOf(id)?.GetValueOrDefault(element) is { } e ? (e.Continuous ? e.Z : Math.Floor(e.Z)) : 0.0;

    /// <summary>Each neuron with vacant elements of the kind, once per vacant element, in id order.</summary>
    private List<int> Vacancies(string element)
    {
        var list = new List<int>();
        for (int id = 0; id < _elements.Length; id++)
        {
            if (_elements[id]?.GetValueOrDefault(element) is { } e)
                for (int k = 0; k < e.Vacant; k++) list.Add(id);
        }

        return list;
    }

    /// <summary><paramref name="n"/> entries drawn without replacement, in the order drawn.</summary>
    private static List<int> SampleWithoutReplacement(List<int> values, int n, ref RandomStream stream)
    {
        var pool = new List<int>(values);
        var drawn = new List<int>(n);
        for (int i = 0; i < n; i++)
        {
            int k = (int)stream.NextBelow((ulong)pool.Count);
            drawn.Add(pool[k]);
            pool.RemoveAt(k);
        }
        return drawn;
    }
}
