using NestSharp.Connections;
using NestSharp.Nodes;

namespace NestSharp.Models.Synapses;

/// <summary>
/// Base of the plastic synapse models whose rule reads what the post-synaptic neuron keeps (its spike history, or a
/// voltage-based history): each synapse keeps its target's id and the time of the last spike it transmitted, and its
/// sources must be neurons (NEST delivers device spikes to plastic synapses only through a parrot neuron).
/// </summary>
internal abstract class HistoryReadingSynapseType(string name) : SynapseType(name)
{
    public sealed override bool ReadsPostSynapticHistory => true;

    /// <summary>The per-synapse column with the last spike time (ms) the model declared.</summary>
    protected abstract SynapseColumn LastSpikeColumn { get; }

    public sealed override double LastSpikeTime(SynapseBlock block, int index) => block.State[LastSpikeColumn.Index][index];

    public sealed override void CheckSource(NodeGroup source)
    {
        if (source is not NeuronGroup)
        {
            throw new IllegalConnectionException(
                $"'{Name}' is a plastic synapse; its sources must be neurons, not {source.Model.Name} (connect through a parrot_neuron).");
        }
    }
}
