namespace NestSharp.Nodes;

/// <summary>
/// A stimulating device that receives spikes through connections and passes them on to its own targets (NEST's
/// spike_dilutor). Only spiking sources (neurons, spike generators, other relays) may connect to it.
/// </summary>
internal interface ISpikeRelayGroup;
