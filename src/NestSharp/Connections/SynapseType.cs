using NestSharp.Kernel;
using NestSharp.Models.Synapses;
using NestSharp.Plasticity;

namespace NestSharp.Connections;

/// <summary>What delivery needs: the input ring, the time grid, the spike archive and where weight events go.</summary>
internal readonly struct DeliveryContext(InputRing ring, TimeGrid time, SpikeArchive archive, long sliceStart,
    WeightEventBuffer weightEvents, Func<int, int, double, int> reroute)
{
    public InputRing Ring { get; } = ring;
    public TimeGrid Time { get; } = time;
    public SpikeArchive Archive { get; } = archive;
    public long SliceStart { get; } = sliceStart;
    public WeightEventBuffer WeightEvents { get; } = weightEvents;

    /// <summary>The channel an event of a given weight goes to, for the neuron behind a channel (sign-routed models).</summary>
    public Func<int, int, double, int> Reroute { get; } = reroute;
}

/// <summary>
/// A kind of synapse: its parameters (common to a model, or per connection), the per-synapse state it stores and how
/// it transmits a spike. A synapse model (including copies made with CopyModel) is a type plus parameter values.
/// </summary>
internal abstract class SynapseType
{
    /// <summary>The built-in model name.</summary>
    public abstract string Name { get; }

    /// <summary>Per-synapse columns beyond channel, weight and delay.</summary>
    public virtual SynapseLayout Layout => SynapseLayout.Static;

    /// <summary>Parameters shared by all connections of a model, with NEST's defaults.</summary>
    public virtual IReadOnlyList<(string Key, double Default)> CommonParameters => [];

    /// <summary>Per-connection parameters beyond weight, delay and receptor_type, with NEST's defaults.</summary>
    public virtual IReadOnlyList<(string Key, double Default)> ConnectionParameters => [];

    /// <summary>Whether the targets must keep their spike history (spike-timing dependent plasticity).</summary>
    public virtual bool ReadsPostSynapticHistory => false;

    /// <summary>Bytes NEST's model reports as <c>sizeof</c> are ours: the bytes one synapse takes here.</summary>
    public int BytesPerSynapse => 4 + 8 + 2 + 8 * Layout.StateNames.Length + 4 * Layout.IndexNames.Length;

    /// <summary>Checks one common or per-connection parameter value; throws naming the key.</summary>
    public virtual void Validate(string key, double value) { }

    /// <summary>Checks that neurons of <paramref name="target"/>'s model can receive this synapse type (throws IllegalConnectionException).</summary>
    public virtual void CheckTarget(Nodes.NeuronGroup target) { }

    /// <summary>Stores the per-connection values of a new synapse at <paramref name="index"/>.</summary>
    public virtual void Initialise(SynapseBlock block, int index, ReadOnlySpan<double> connectionValues, int targetId) { }

    /// <summary>Transmits the spikes of a slice (in canonical order) through this thread's synapses of one model.</summary>
    public abstract void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model);

    /// <summary>Reads a per-synapse state value for GetConnections (NaN if the model has no such value).</summary>
    public double StateAt(SynapseBlock block, string key, int index)
    {
        int c = block.Layout.StateIndex(key);
        return c < 0 ? double.NaN : block.State[c][index];
    }
}
