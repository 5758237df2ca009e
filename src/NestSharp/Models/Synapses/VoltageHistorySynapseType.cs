using NestSharp.Nodes;
using NestSharp.Plasticity;

namespace NestSharp.Models.Synapses;

/// <summary>A neuron model that keeps a history of type <typeparamref name="THistory"/> for voltage-based plastic synapses.</summary>
internal interface IKeepsHistory<THistory> where THistory : class;

/// <summary>
/// Base of the synapse models whose rule reads a history that their target neuron writes once per step (NEST's
/// clopath_synapse and urbanczik_synapse, reading a <see cref="ClopathHistory"/> or <see cref="UrbanczikHistory"/>): a
/// target must be a model that keeps one (<see cref="IKeepsHistory{THistory}"/>). Delivery is that of
/// <see cref="HistoryReadingSynapseType"/>, with the model's rule reading the target's history.
/// </summary>
/// <param name="name">The synapse model's name.</param>
/// <param name="historyName">What the history is, for errors ("membrane-potential history").</param>
internal abstract class VoltageHistorySynapseType<THistory>(string name, string historyName) : HistoryReadingSynapseType(name)
    where THistory : class
{
    /// <summary>The rule's state is in the per-synapse columns; the histories are their target neurons' (saved with them).</summary>
    public sealed override bool SupportsCheckpoint => true;

    public sealed override void CheckTarget(NeuronGroup target)
    {
        if (target is not IKeepsHistory<THistory>)
            throw new NestNotImplementedException($"{Name} is not supported by the neuron model {target.Model.Name}: the synapse reads the {historyName} of its target, which {target.Model.Name} does not keep.");
    }

    /// <summary>The history neuron <paramref name="target"/> keeps for this model.</summary>
    public THistory HistoryOf(SpikeArchive archive, int target) =>
        archive.VoltageHistoryOf<THistory>(target) ?? throw new KernelException($"{Name}: target {target} keeps no {historyName}.");
}
