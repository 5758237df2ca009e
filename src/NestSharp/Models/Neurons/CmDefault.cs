namespace NestSharp.Models.Neurons;

/// <summary>
/// cm_default: a compartmental neuron whose tree of compartments and whose receptors are given at run time (NEST's
/// cm_default, after Wybo et al. 2021). Each compartment i with parent p(i) and children ch(i) follows
/// <code>
/// C_m,i dv_i/dt = g_L,i (e_L,i - v_i) + g_C,i (v_p(i) - v_i) + sum_(k in ch(i)) g_C,k (v_k - v_i)
///                 + I_Na,i + I_K,i + sum of its receptors' currents + I_input,i
/// I_Na = gbar_Na m^3 h (e_Na - v),  I_K = gbar_K n (e_K - v)
/// AMPA, GABA:  I = g (e - v);  NMDA: I = g σ(v) (e - v), σ(v) = 1/(1 + 0.3 exp(-0.1 v));
/// AMPA_NMDA:   I = (g_AMPA + NMDA_ratio g_NMDA σ(v)) (e - v);
/// g = g_r + g_d, a spike of weight w: g_r -= w·g_norm, g_d += w·g_norm (g peaks at w), g_r, g_d decay with tau_r, tau_d
/// </code>
/// integrated by NEST's implicit scheme: per step h, every compartment's row of the linear system (each current
/// linearised at the present voltage, half of its conductance on each side, the gates and receptor conductances
/// advanced first) is built in index order, then the tree is solved by Hines' elimination (down-sweep from the leaves
/// in NEST's order, up-sweep from the root): <see cref="CompartmentTree"/>. The neuron spikes when the root's voltage
/// reaches V_th from below (no reset, no refractoriness).
/// <para>Status: V_th (mV, -55). compartments: a dictionary or a list of dictionaries {"parent_idx": p, "params": {...}}
/// (the root, parent_idx -1, first; params C_m nF 1, g_C uS 0.01, g_L uS 0.1, e_L mV -70, v_comp mV -70, gbar_Na uS 0,
/// e_Na mV 50, gbar_K uS 0, e_K mV -85), allowed once (add_compartments adds more); receptors likewise
/// {"comp_idx": c, "receptor_type": "AMPA" | "GABA" | "NMDA" | "AMPA_NMDA", "params": {...}} (e_AMPA 0 mV, tau_r_AMPA
/// 0.2 ms, tau_d_AMPA 3 ms; e_GABA -80 mV, tau_r_GABA 0.2 ms, tau_d_GABA 10 ms; e_NMDA 0 mV, tau_r_NMDA 0.2 ms,
/// tau_d_NMDA 43 ms; AMPA_NMDA: e_AMPA_NMDA 0 mV, the AMPA and NMDA time constants, NMDA_ratio 2), allowed once
/// (add_receptors adds more). The status shows compartments as {comp_idx, parent_idx} and receptors as {receptor_idx,
/// comp_idx, receptor_type}, grouped by compartment and type as NEST lists them.</para>
/// <para>Receptors and recordables: compartment i and receptor r are numbered in order of addition. Spikes go to
/// receptor_type r (weights in uS, not negative), currents to receptor_type i (the compartment, nA). Recordables:
/// v_comp{i}, m_Na_{i}, h_Na_{i}, n_K_{i}, and per receptor g_r_AMPA_{r}, g_d_AMPA_{r} (GABA, NMDA likewise;
/// AMPA_NMDA: g_r_AN_AMPA_{r}, g_d_AN_AMPA_{r}, g_r_AN_NMDA_{r}, g_d_AN_NMDA_{r}).</para>
/// <para>Differences from NEST 3.10: a status change that fails changes nothing (NEST keeps the compartments and
/// receptors added before the failing one); e_K is read whenever given (NEST reads it only when e_Na is given too);
/// input in flight at the end of a Simulate is kept (NEST's pre_run_hook empties the model's buffers at every
/// Simulate); compartments and receptors cannot be added between Prepare and Cleanup.</para>
/// <para>References: Wybo WAM, Jordan J, Ellenberger B, Marti Mengual U, Nevian T, Senn W (2021) Data-driven reduction
/// of dendritic morphologies with preserved dendro-somatic responses. eLife 10:e60936. Hines M (1984) Efficient
/// computation of branched nerve equations. Int J Biomed Comput 15:69-76. NEST model documentation, cm_default
/// (NEST 3.10).</para>
/// </summary>
[NodeModelName("cm_default")]
internal sealed class CmDefault : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column VTh = Declared.Parameter("V_th", -55.0, "mV");

    private readonly CmTrees _trees;

    public CmDefault(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _trees = KeepOutsideColumns(new CmTrees(this, count));
    }

    public override bool SupportsCheckpoint => true;

    // ---------------------------------------------------------------- inputs: port blocks 2r (receptor r), 2i + 1 (compartment i)

    public override bool UsesPortBlocks => true;

    public override bool ReceptorsVaryPerNode => true;

    public override bool CurrentReceptorsVaryPerNode => true;

    protected override int PortBlocksNeeded()
    {
        int needed = 0;
        foreach (var tree in _trees.Trees)
            needed = Math.Max(needed, Math.Max(2 * tree.Receptors - 1, 2 * tree.Compartments));
        return needed;
    }

    public override void CheckSpikeReceptorAt(int position, int receptor)
    {
        int receptors = _trees.Trees[position].Receptors;
        if (receptor < 0 || receptor >= receptors)
            throw new UnknownPortException(receptor, $"Valid spike receptor ports for {Model.Name} are in [0, {receptors}[ (node {IdOf(position)}).");
    }

    public override int SpikeChannelAt(int position, int receptor, double weight)
    {
        if (receptor < 0 || 2 * receptor >= PortCount) CheckSpikeReceptorAt(position, receptor);
        return PortChannel(2 * receptor + 1) - ChannelBase + position;
    }

    public override int CurrentChannel(int local, int receptor)
    {
        int position = PositionOf(local);
        int compartments = _trees.Trees[position].Compartments;
        if (receptor < 0 || receptor >= compartments)
            throw new UnknownPortException(receptor, $"Valid current receptor ports for {Model.Name} are in [0, {compartments}[ (node {IdOf(position)}).");
        return PortChannel(2 * receptor + 2) - ChannelBase + position;
    }

    // ---------------------------------------------------------------- recordables

    public override IReadOnlyList<string> Recordables => Count > 0 ? RecordablesOf(0) : [];

    public override IReadOnlyList<string> RecordablesOf(int local) => _trees.Trees[PositionOf(local)].RecordableNames();

    public override double ReadRecordable(int index, int position) => _trees.Trees[position].ReadRecordable(index);

    // ---------------------------------------------------------------- status

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        if (context.Prepared)
        {
            foreach (string key in CmTrees.StructureKeys)
            {
                if (values.TryGetValue(key, out var value))
                    throw new KernelException($"'{key}' of {Model.Name} (node {IdOf(PositionOf(local))}) cannot be changed between Prepare and Cleanup; given {StatusValue.Format(value)}.");
            }
        }
        var commit = base.Stage(local, values, context);
        return () =>
        {
            commit();
            EnsurePortBlocks();
        };
    }

    // ---------------------------------------------------------------- simulation

    private double[] _threshold = [];

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _threshold = (double[])this[VTh].Clone();
        for (int i = 0; i < Count; i++)
        {
            var tree = _trees.Trees[i];
            var currentChannel = new int[tree.Compartments];
            var spikeChannel = new int[tree.Receptors];
            if (tree.Compartments > 0)
            {
                for (int c = 0; c < currentChannel.Length; c++) currentChannel[c] = PortChannel(2 * c + 2) + i;
                for (int r = 0; r < spikeChannel.Length; r++) spikeChannel[r] = PortChannel(2 * r + 1) + i;
            }
            tree.Prepare(h, currentChannel, spikeChannel);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        var ring = context.Ring;
        double[] data = ring.Data;
        var spikes = context.SpikesOfVp[thread];
        var trees = _trees.Trees;
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            int row = ring.SlotOf(step) * ring.Channels;
            for (int i = start; i < end; i++)
            {
                var tree = trees[i];
                if (IsFrozenAt(i))
                {
                    tree.ClearInputs(data, row); // the base keeps the columns of frozen nodes; their trees are skipped here
                    continue;
                }
                double lowest = tree.LowestSpikeInput(data, row);
                if (lowest < 0.0) ThrowNegativeWeight(i, lowest);
                double before = tree.RootVoltage;
                tree.Step(data, row);
                double after = tree.RootVoltage;
                if (after >= _threshold[i] && before < _threshold[i]) spikes.Add(lag, IdOf(i));
            }
            RecordSamples(thread, step);
        }
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowNegativeWeight(int position, double weight) =>
        throw new BadPropertyException("weight", weight,
            $"Synaptic weights must be positive: spikes arriving at {Model.Name} (node {IdOf(position)}) sum to a negative weight on a receptor");
}

/// <summary>
/// The trees of cm_default's nodes, kept outside the columns (<see cref="NeuronGroup.KeepOutsideColumns{TState}"/>):
/// reads "compartments", "add_compartments", "receptors" and "add_receptors" as NEST's set_status does, shows
/// "compartments" and "receptors", copies a model's defaults (a tree given by SetDefaults) into new nodes, and
/// checkpoints every tree.
/// </summary>
internal sealed class CmTrees(NeuronGroup group, int count) : IStateOutsideColumns
{
    /// <summary>The keys that change a tree's structure.</summary>
    public static readonly string[] StructureKeys = ["compartments", "add_compartments", "receptors", "add_receptors"];

    /// <summary>Each node's tree, by storage position.</summary>
    public CompartmentTree[] Trees { get; } = Enumerable.Repeat(CompartmentTree.Empty, count).ToArray();

    public IReadOnlyList<string> Keys => StructureKeys;

    public bool Owns(string key) => Array.IndexOf(StructureKeys, key) >= 0;

    public void WriteStatus(int position, Dictionary<string, object> status)
    {
        status["compartments"] = Trees[position].CompartmentStatus();
        status["receptors"] = Trees[position].ReceptorStatus();
    }

    /// <summary>
    /// NEST's order: compartments (only on a node without any), add_compartments, receptors (only on a node without any),
    /// add_receptors; each a dictionary or a list of them, added in order. Everything is checked on a new tree first.
    /// </summary>
    public Action Stage(int position, IReadOnlyDictionary<string, object> values)
    {
        var tree = Trees[position];
        var staged = tree;
        if (values.TryGetValue("compartments", out var compartments))
        {
            if (tree.Compartments > 0) throw new BadPropertyException("compartments", compartments, "'compartments' is already defined for this model");
            staged = AddCompartments(staged, "compartments", compartments, position);
        }
        if (values.TryGetValue("add_compartments", out var more)) staged = AddCompartments(staged, "add_compartments", more, position);
        if (values.TryGetValue("receptors", out var receptors))
        {
            if (tree.Receptors > 0) throw new BadPropertyException("receptors", receptors, "'receptors' is already defined for this model");
            staged = AddReceptors(staged, "receptors", receptors, position);
        }
        if (values.TryGetValue("add_receptors", out var moreReceptors)) staged = AddReceptors(staged, "add_receptors", moreReceptors, position);
        if (ReferenceEquals(staged, tree)) return static () => { };
        return () => Trees[position] = staged;
    }

    private string Owner => group.Model.Name;

    /// <summary>Where a compartment was named: the key and the node (or the model's defaults).</summary>
    private string Context(string key, int position) =>
        group.FirstId == 0 ? $"'{key}' of the defaults of {Owner}" : $"'{key}' of {Owner} node {group.IdOf(position)}";

    private CompartmentTree AddCompartments(CompartmentTree tree, string key, object value, int position)
    {
        foreach (var entry in Entries(key, value, "compartments"))
        {
            long parent = Integer(entry, "parent_idx");
            var parameters = CompartmentParameters.Default;
            if (entry.TryGetValue("params", out var given))
            {
                var dict = AsDictionary(given) ?? throw new TypeMismatchException("params", given, "a dictionary of the compartment's parameters");
                parameters = CompartmentParameters.Read(dict);
                RefuseOthers(dict, $"the params of a compartment of {Owner}", CompartmentParameters.Keys);
            }
            tree = tree.WithCompartment(parent, parameters, Context(key, position));
            RefuseOthers(entry, $"a compartment of {Owner} ({key})", ["parent_idx", "params"]);
        }
        return tree;
    }

    private CompartmentTree AddReceptors(CompartmentTree tree, string key, object value, int position)
    {
        foreach (var entry in Entries(key, value, "receptors"))
        {
            long compartment = Integer(entry, "comp_idx");
            object type = entry.TryGetValue("receptor_type", out var t) ? t : throw new BadPropertyException("receptor_type", null, "each receptor needs 'receptor_type'");
            string name = StatusValue.ToStringValue("receptor_type", type);
            if (!tree.HasCompartment(compartment)) throw new UnknownCompartmentException(compartment, "does not exist in tree", Context(key, position));
            var kind = CmReceptorParameters.KindOf(name)
                ?? throw new BadPropertyException("receptor_type", name, "the receptor types of cm_default are AMPA, GABA, NMDA and AMPA_NMDA");
            var parameters = CmReceptorParameters.Default(kind);
            if (entry.TryGetValue("params", out var given))
            {
                var dict = AsDictionary(given) ?? throw new TypeMismatchException("params", given, "a dictionary of the receptor's parameters");
                parameters = CmReceptorParameters.Read(kind, dict);
                RefuseOthers(dict, $"the params of a {name} receptor of {Owner}", CmReceptorParameters.KeysOf(kind));
            }
            tree = tree.WithReceptor(compartment, parameters, Context(key, position));
            RefuseOthers(entry, $"a receptor of {Owner} ({key})", ["comp_idx", "receptor_type", "params"]);
        }
        return tree;
    }

    /// <summary>A dictionary or a non-empty list of dictionaries, as NEST's set_status takes them.</summary>
    private static List<IReadOnlyDictionary<string, object>> Entries(string key, object value, string what)
    {
        string allowed = $"'{what}' entry could not be identified, provide list of parameter dicts for multiple {what}";
        if (AsDictionary(value) is { } single) return [single];
        if (value is string || value is not System.Collections.IEnumerable list) throw new BadPropertyException(key, value, allowed);
        var entries = new List<IReadOnlyDictionary<string, object>>();
        foreach (object? element in list)
            entries.Add(AsDictionary(element) ?? throw new BadPropertyException(key, value, allowed));
        // PyNEST hands an empty list over as NEST's EmptyList, which is not a list of dictionaries.
        return entries.Count > 0 ? entries : throw new BadPropertyException(key, value, allowed);
    }

    private static IReadOnlyDictionary<string, object>? AsDictionary(object? value)
    {
        switch (value)
        {
            case IReadOnlyDictionary<string, object> d:
                return d;
            case System.Collections.IDictionary d:
                var copy = new Dictionary<string, object>(StringComparer.Ordinal);
                foreach (System.Collections.DictionaryEntry e in d)
                {
                    if (e.Key is not string k) return null;
                    copy[k] = e.Value!;
                }
                return copy;
            default:
                return null;
        }
    }

    /// <summary>NEST's get&lt;long&gt;: an integer (not a real number), required.</summary>
    private static long Integer(IReadOnlyDictionary<string, object> entry, string key)
    {
        if (!entry.TryGetValue(key, out var value)) throw new BadPropertyException(key, null, $"each entry needs '{key}', an integer");
        return value switch
        {
            int i => i,
            long l => l,
            short s => s,
            byte b => b,
            _ => throw new TypeMismatchException(key, value, "an integer"),
        };
    }

    private static void RefuseOthers(IReadOnlyDictionary<string, object> entry, string owner, string[] valid)
    {
        foreach (var (k, _) in entry)
        {
            if (Array.IndexOf(valid, k) < 0) throw new UnaccessedDictionaryEntryException(owner, k, valid);
        }
    }

    public void CopyDefaultsFrom(IStateOutsideColumns prototype)
    {
        var tree = ((CmTrees)prototype).Trees[0];
        for (int i = 0; i < Trees.Length; i++) Trees[i] = tree.Compartments == 0 ? CompartmentTree.Empty : tree.Clone();
    }

    public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup owner)
    {
        for (int local = 0; local < owner.Count; local++) Trees[owner.PositionOf(local)].Save(writer);
    }

    public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup owner)
    {
        for (int local = 0; local < owner.Count; local++)
        {
            var tree = CompartmentTree.Restore(reader);
            if (owner.Restores(local)) Trees[owner.PositionOf(local)] = tree.Compartments == 0 ? CompartmentTree.Empty : tree;
        }
    }
}
