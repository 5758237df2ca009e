namespace NestSharp.Models.Neurons;

/// <summary>
/// A neuron whose handle of a DelayedRateConnectionEvent sets a state variable to the event's first rate at once (NEST's
/// e-prop readouts: target_signal, learning_window_signal) instead of adding the rates to a delayed input buffer. From a
/// device, which NEST delivers to during its own update (send_local_), the value is in force from the target's next
/// update on: the same slice when the target comes after the device in the update order (a higher id), the next slice
/// otherwise; the connection's delay plays no part. The value stays until the next event: a sending device writes it
/// into every step of that slice (<see cref="Devices.StepRateGenerator"/>).
/// </summary>
internal interface IRateSignalStateTarget;
