namespace NestSharp.Connections;

/// <summary>
/// The target node of every synapse of a type's delivery blocks, found once before a run for the synapse types that
/// call into their target's group per event (the e-prop synapses and learning-signal connections): per block, each
/// synapse's group (an index into the block's few <see cref="Table.Groups"/>) and storage position, so that delivery
/// reads two arrays instead of searching the node manager (<see cref="NodeManager.LocateChannel"/>) per event.
/// Built by the type's <see cref="SynapseType.PrepareRun"/>, read concurrently by the delivering threads.
/// </summary>
internal sealed class SynapseTargets
{
    /// <summary>The targets of one block's synapses.</summary>
    internal sealed class Table(NeuronGroup[] groups, int[] groupOf, int[] positionOf)
    {
        /// <summary>The distinct target groups of the block, in the order met.</summary>
        public NeuronGroup[] Groups { get; } = groups;

        /// <summary>Per synapse: its target's group, an index into <see cref="Groups"/>.</summary>
        public int[] GroupOf { get; } = groupOf;

        /// <summary>Per synapse: its target's storage position in its group.</summary>
        public int[] PositionOf { get; } = positionOf;
    }

    private readonly Dictionary<SynapseBlock, Table> _tables = new(ReferenceEqualityComparer.Instance);

    /// <summary>Finds the targets of the synapses of <paramref name="blocks"/> (the type's blocks of a run), forgetting earlier runs' blocks.</summary>
    public void Resolve(IReadOnlyList<SynapseBlock> blocks, NodeManager nodes)
    {
        _tables.Clear();
        var groups = new List<NeuronGroup>();
        foreach (var block in blocks)
        {
            int n = block.Offsets[block.SourceCount];
            int[] channels = block.Channels, groupOf = new int[n], positionOf = new int[n];
            groups.Clear();
            for (int i = 0; i < n; i++)
            {
                var (group, position) = nodes.LocateChannel(channels[i]);
                int g = groups.IndexOf(group);
                if (g < 0)
                {
                    g = groups.Count;
                    groups.Add(group);
                }
                groupOf[i] = g;
                positionOf[i] = position;
            }
            _tables[block] = new Table([.. groups], groupOf, positionOf);
        }
    }

    /// <summary>The targets of a block given to the last <see cref="Resolve"/>.</summary>
    public Table Of(SynapseBlock block) => _tables[block];
}
