using NestSharp.Kernel.Communication;

namespace NestSharp.Connections;

/// <summary>
/// The synapses of this process: per virtual process and synapse model a list of <see cref="SynapseBlock"/>s (one per
/// Connect call until <see cref="Consolidate"/> merges them), and the one block per model each virtual process delivers
/// through. Also the single-synapse queries and edits of structural plasticity and Disconnect. Every change of a
/// delivery block (a merge, a removal) is told to <paramref name="edits"/>, so synapse collections keep finding their
/// synapses.
/// </summary>
internal sealed class SynapseStore(NodeManager nodes, ConnectionEdits edits)
{
    private List<SynapseBlock>[][] _blocks = [];
    private SynapseBlock[][] _deliveryTables = [];
    private int _modelCount;

    /// <summary>
    /// Called before a block is added, merged or replaced (the delivery tables would then no longer be the blocks in
    /// force): the simulation delivers the spikes it holds from the last slice of a run through the blocks they were
    /// gathered for (see SimulationManager's held slice).
    /// </summary>
    public Action? BeforeBlocksChange { get; set; }

    /// <summary>Makes room for <paramref name="virtualProcesses"/> VPs and <paramref name="models"/> synapse models.</summary>
    public void EnsureTables(int virtualProcesses, int models)
    {
        _modelCount = Math.Max(_modelCount, models);
        if (_blocks.Length != virtualProcesses)
            _blocks = Enumerable.Range(0, virtualProcesses).Select(_ => Array.Empty<List<SynapseBlock>>()).ToArray();
        for (int vp = 0; vp < virtualProcesses; vp++)
        {
            if (_blocks[vp].Length >= _modelCount) continue;
            var grown = new List<SynapseBlock>[_modelCount];
            Array.Copy(_blocks[vp], grown, _blocks[vp].Length);
            for (int m = _blocks[vp].Length; m < grown.Length; m++) grown[m] = [];
            _blocks[vp] = grown;
        }
    }

    /// <summary>Adds a block of new synapses of virtual process <paramref name="vp"/>.</summary>
    public void Add(int vp, SynapseBlock block)
    {
        BeforeBlocksChange?.Invoke();
        _blocks[vp][block.SynapseModelId].Add(block);
    }

    /// <summary>The block lists of virtual process <paramref name="vp"/>, one list per synapse model.</summary>
    public IReadOnlyList<List<SynapseBlock>> Of(int vp) => _blocks[vp];

    /// <summary>Every block of synapse model <paramref name="modelId"/> on this process.</summary>
    public IEnumerable<SynapseBlock> OfModel(int modelId)
    {
        foreach (var perModel in _blocks)
        {
            if (modelId < perModel.Length)
                foreach (var block in perModel[modelId]) yield return block;
        }
    }

    /// <summary>Merges each virtual process's blocks of a model into one (before a run and before reading connections).</summary>
    public void Consolidate()
    {
        if (BeforeBlocksChange is not null && _blocks.Any(perModel => perModel.Any(list => list.Count > 1))) BeforeBlocksChange();
        for (int vp = 0; vp < _blocks.Length; vp++)
        {
            var perModel = _blocks[vp];
            for (int model = 0; model < perModel.Length; model++)
            {
                var list = perModel[model];
                if (list.Count > 1)
                {
                    var merged = SynapseBlock.Merge(list);
                    edits.Add(new ConnectionEdits.Merge(vp, model, list[0].SourceMin, list[0].Offsets, merged.SourceMin, merged.Offsets));
                    list.Clear();
                    list.Add(merged);
                }
            }
        }
    }

    /// <summary>The delivery block (after <see cref="Consolidate"/>) of virtual process <paramref name="vp"/> and model <paramref name="modelId"/>, or null.</summary>
    public SynapseBlock? BlockOf(int vp, int modelId) =>
        vp < _blocks.Length && modelId < _blocks[vp].Length && _blocks[vp][modelId].Count > 0 ? _blocks[vp][modelId][0] : null;

    /// <summary>Removes the synapses at <paramref name="indices"/> (distinct) of the delivery block of <paramref name="vp"/> and <paramref name="modelId"/>.</summary>
    public void RemoveAt(int vp, int modelId, IReadOnlyCollection<int> indices)
    {
        BeforeBlocksChange?.Invoke();
        var list = _blocks[vp][modelId];
        list[0] = list[0].Without(indices);
        foreach (int i in indices.OrderDescending()) edits.Add(new ConnectionEdits.Removal(vp, modelId, i));
    }

    /// <summary>Consolidates and sets up, for each local virtual process, the blocks it delivers through (in model order).</summary>
    public void PrepareDelivery(VirtualProcessLayout layout)
    {
        Consolidate();
        _deliveryTables = new SynapseBlock[layout.Count][];
        for (int vp = 0; vp < layout.Count; vp++)
            _deliveryTables[vp] = layout.IsLocal(vp) ? _blocks[vp].Where(l => l.Count > 0).Select(l => l[0]).ToArray() : [];
    }

    /// <summary>The blocks virtual process <paramref name="vp"/> delivers through (set by <see cref="PrepareDelivery"/>).</summary>
    public SynapseBlock[] DeliveryTable(int vp) => _deliveryTables[vp];

    /// <summary>The target node of synapse <paramref name="index"/> of a block.</summary>
    public int TargetOf(SynapseBlock block, int index) => nodes.NodeOfChannel(block.Channels[index]);

    /// <summary>The targets of <paramref name="source"/>'s synapses of a model on this process, one entry per synapse.</summary>
    public List<int> TargetsOf(int source, int modelId)
    {
        var targets = new List<int>();
        foreach (var block in OfModel(modelId))
        {
            var (first, last) = block.RangeOf(source);
            for (int i = first; i < last; i++) targets.Add(TargetOf(block, i));
        }
        return targets;
    }

    /// <summary>The sources of <paramref name="target"/>'s synapses of a model on this process, one entry per synapse.</summary>
    public List<int> SourcesOf(int target, int modelId)
    {
        var sources = new List<int>();
        foreach (var block in OfModel(modelId))
        {
            for (int s = 0; s < block.SourceCount; s++)
            {
                for (int i = block.Offsets[s]; i < block.Offsets[s + 1]; i++)
                    if (TargetOf(block, i) == target) sources.Add(block.SourceMin + s);
            }
        }

        return sources;
    }

    /// <summary>Removes the first (oldest) synapse of a model from source to target on this process, if any.</summary>
    public bool RemoveOne(int source, int target, int modelId)
    {
        for (int vp = 0; vp < _blocks.Length; vp++)
        {
            var perModel = _blocks[vp];
            if (modelId >= perModel.Length) continue;
            var list = perModel[modelId];
            for (int b = 0; b < list.Count; b++)
            {
                var (first, last) = list[b].RangeOf(source);
                for (int i = first; i < last; i++)
                {
                    if (TargetOf(list[b], i) != target) continue;
                    list[b] = list[b].Without(i);
                    // Only the first block is one that synapse collections refer to (the others are not merged yet).
                    if (b == 0) edits.Add(new ConnectionEdits.Removal(vp, modelId, i));
                    return true;
                }
            }
        }
        return false;
    }
}
