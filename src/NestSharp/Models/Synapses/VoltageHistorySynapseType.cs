namespace NestSharp.Models.Synapses;

/// <summary>A neuron model that keeps a history of type <typeparamref name="THistory"/> for voltage-based plastic synapses.</summary>
internal interface IKeepsHistory<THistory> where THistory : class;

/// <summary>The rule of a voltage-based plastic synapse, given its target's history (see <see cref="VoltageHistorySynapseType{THistory}"/>).</summary>
internal interface IVoltageHistoryRule<THistory> where THistory : class
{
    /// <summary>
    /// As <see cref="IPlasticityRule.Transmit"/>, with the target's <paramref name="history"/> and the connection's
    /// dendritic delay (its delay in ms) in <paramref name="dendriticDelay"/>.
    /// </summary>
    double Transmit(int synapse, double weight, THistory history, double dendriticDelay, double tSpike);
}

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

    /// <summary>Transmits the spikes through the synapses of <paramref name="block"/>, each updated by <paramref name="rule"/>.</summary>
    protected void DeliverReadingHistory<TRule>(TRule rule, SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
        where TRule : struct, IVoltageHistoryRule<THistory> =>
        Deliver(new ReadingHistory<TRule>(this, rule, context), block, spikes, context, model);

    /// <summary>A rule with the look-up of its target's history and the dendritic delay of the connection.</summary>
    private readonly struct ReadingHistory<TRule>(VoltageHistorySynapseType<THistory> type, TRule rule, in DeliveryContext context) : IPlasticityRule
        where TRule : struct, IVoltageHistoryRule<THistory>
    {
        private readonly SpikeArchive _archive = context.Archive;
        private readonly TimeGrid _time = context.Time;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps) =>
            rule.Transmit(synapse, weight, type.HistoryOf(_archive, target), _time.DelayStepsToMs(delaySteps), tSpike);
    }
}
