namespace NestSharp.Models.Neurons;

/// <summary>
/// A neuron whose handle of a DelayedRateConnectionEvent sets a state variable to the event's first rate at once (NEST's
/// e-prop readouts: target_signal, learning_window_signal) instead of adding the rates to a delayed input buffer. From a
/// device, which NEST delivers to during its own update (send_local_), the value is in force from the target's next
/// update on: the same slice when the target comes after the device in the update order (a higher id), the next slice
/// otherwise; from a neuron, from the slice after the one it was sent in; the connection's delay plays no part. The
/// value stays until the next event: the sender writes it into every step of that slice and marks those steps in a
/// second channel (<see cref="RateSignalStates"/>), so that the target keeps its state in steps no event reached and the
/// last event of a step wins.
/// </summary>
internal interface IRateSignalStateTarget
{
    /// <summary>
    /// For a ring channel of the group: the channel that marks the steps in which an event set its signal, or -1 where
    /// the rates add (a receptor NEST sums, such as eprop_readout_bsshslm_2020's readout_signal).
    /// </summary>
    int SignalMarkChannel(int channel);
}
