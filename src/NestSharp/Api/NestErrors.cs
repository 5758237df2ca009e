namespace NestSharp;

/// <summary>
/// Base of every error NestSharp raises (NEST's NESTError); bad input raises it before any state changes. Each kind
/// carries NEST's name (<see cref="NestName"/>), so a NEST user recognises it (and PyNEST code catching
/// <c>nest.kernel.NESTErrors.BadProperty</c> maps onto <see cref="BadPropertyException"/>).
/// </summary>
public abstract class NestException(string message) : Exception(message)
{
    /// <summary>The name NEST gives this kind of error (BadProperty, IllegalConnection, ...).</summary>
    public abstract string NestName { get; }
}

/// <summary>NEST's UnknownModelName: a model name that is not registered.</summary>
/// <param name="model">The name given.</param>
/// <param name="known">The models there are.</param>
public sealed class UnknownModelNameException(string model, IEnumerable<string> known)
    : NestException($"'{model}' is not a known model name. Known models: {string.Join(", ", known.Order(StringComparer.Ordinal))}.")
{
    /// <inheritdoc/>
    public override string NestName => "UnknownModelName";
}

/// <summary>NEST's NewModelNameExists: CopyModel to a name that is taken.</summary>
/// <param name="model">The name given.</param>
public sealed class NewModelNameExistsException(string model) : NestException($"A model named '{model}' exists already.")
{
    /// <inheritdoc/>
    public override string NestName => "NewModelNameExists";
}

/// <summary>
/// NEST's UnaccessedDictionaryEntry: a key that the model, device, rule or kernel does not have (with
/// dict_miss_is_error true, the default).
/// </summary>
/// <param name="owner">What was given the key ("iaf_psc_alpha", "the kernel", ...).</param>
/// <param name="key">The unknown key.</param>
/// <param name="valid">The keys there are.</param>
/// <param name="reason">Why the key was not used, when it is not simply unknown ("it is read-only").</param>
public sealed class UnaccessedDictionaryEntryException(string owner, string key, IEnumerable<string> valid, string? reason = null)
    : NestException($"Unaccessed dictionary entry '{key}': {reason ?? "it is not a parameter"} of {owner}. Valid keys: {string.Join(", ", valid.Order(StringComparer.Ordinal))}.")
{
    /// <inheritdoc/>
    public override string NestName => "UnaccessedDictionaryEntry";
}

/// <summary>NEST's TypeMismatch: a value of the wrong type for a key.</summary>
/// <param name="key">The key.</param>
/// <param name="value">The value given.</param>
/// <param name="expected">What the key takes ("a number").</param>
public sealed class TypeMismatchException(string key, object? value, string expected)
    : NestException($"'{key}' expects {expected}, got {Describe(value)}.")
{
    /// <inheritdoc/>
    public override string NestName => "TypeMismatch";

    /// <summary>The key.</summary>
    internal string Key { get; } = key;

    /// <summary>What the key takes.</summary>
    internal string Expected { get; } = expected;

    /// <summary>A value as a message shows it, with its kind in words ("a string"), not its .NET type.</summary>
    internal static string Describe(object? value) => value switch
    {
        null => "nothing (null)",
        string => $"{StatusValue.Format(value)} (a string)",
        bool => $"{StatusValue.Format(value)} (a boolean)",
        double or float or decimal => $"{StatusValue.Format(value)} (a real number)",
        int or long or short or byte or uint or ulong => $"{StatusValue.Format(value)} (an integer)",
        System.Collections.IDictionary or IReadOnlyDictionary<string, object> => "a dictionary",
        System.Collections.IEnumerable => $"{StatusValue.Format(value)} (a list)",
        _ => StatusValue.Format(value),
    };
}

/// <summary>NEST's BadProperty: a status value (of a model, device, synapse, rule or the kernel) that is not allowed.</summary>
/// <param name="key">The key.</param>
/// <param name="value">The value given.</param>
/// <param name="allowed">What is allowed.</param>
public sealed class BadPropertyException(string key, object? value, string allowed)
    : NestException($"'{key}' = {(value is null ? "null" : StatusValue.Format(value))} is invalid: {allowed}.")
{
    /// <inheritdoc/>
    public override string NestName => "BadProperty";

    /// <summary>The key.</summary>
    internal string Key { get; } = key;

    /// <summary>What is allowed.</summary>
    internal string Allowed { get; } = allowed;
}

/// <summary>NEST's BadParameter: an argument of a call (a simulation time, a count, a slice) that is not allowed.</summary>
/// <param name="name">The argument.</param>
/// <param name="value">The value given.</param>
/// <param name="allowed">What is allowed.</param>
public sealed class BadParameterException(string name, object? value, string allowed)
    : NestException($"'{name}' = {(value is null ? "null" : StatusValue.Format(value))} is invalid: {allowed}.")
{
    /// <inheritdoc/>
    public override string NestName => "BadParameter";
}

/// <summary>NEST's BadDelay: a delay below the resolution or beyond what a synapse can hold.</summary>
/// <param name="delay">The delay given (ms).</param>
/// <param name="allowed">What is allowed.</param>
public sealed class BadDelayException(double delay, string allowed)
    : NestException($"'delay' = {StatusValue.Format(delay)} is invalid: {allowed}.")
{
    /// <inheritdoc/>
    public override string NestName => "BadDelay";
}

/// <summary>NEST's StepMultipleRequired: a time that must be a multiple of the resolution is not.</summary>
/// <param name="key">The key.</param>
/// <param name="value">The time given (ms).</param>
/// <param name="resolution">The resolution (ms).</param>
public sealed class StepMultipleRequiredException(string key, double value, double resolution)
    : NestException($"'{key}' = {StatusValue.Format(value)} is invalid: it must be a multiple of the resolution ({StatusValue.Format(resolution)} ms).")
{
    /// <inheritdoc/>
    public override string NestName => "StepMultipleRequired";
}

/// <summary>NEST's TimeMultipleRequired: a time that must be a multiple of another time of the model is not.</summary>
/// <param name="model">The model.</param>
/// <param name="key">The key.</param>
/// <param name="value">The time given (ms).</param>
/// <param name="otherKey">The key of the time it must be a multiple of.</param>
/// <param name="other">That time (ms).</param>
public sealed class TimeMultipleRequiredException(string model, string key, double value, string otherKey, double other)
    : NestException($"In model {model}, the value for property {key} ({StatusValue.Format(value)} ms) must be a multiple of {otherKey} ({StatusValue.Format(other)} ms).")
{
    /// <inheritdoc/>
    public override string NestName => "TimeMultipleRequired";
}

/// <summary>NEST's IllegalConnection: a connection that the nodes or synapse model involved cannot make.</summary>
/// <param name="message">What is wrong.</param>
public sealed class IllegalConnectionException(string message) : NestException($"Creation of connection is not possible because:\n{message}")
{
    /// <inheritdoc/>
    public override string NestName => "IllegalConnection";
}

/// <summary>NEST's UnknownReceptorType: a receptor_type the target model does not have.</summary>
/// <param name="message">What is wrong.</param>
public sealed class UnknownReceptorTypeException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "UnknownReceptorType";
}

/// <summary>NEST's IncompatibleReceptorType: a receptor_type that exists but takes another kind of event.</summary>
/// <param name="message">What is wrong.</param>
public sealed class IncompatibleReceptorTypeException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "IncompatibleReceptorType";
}

/// <summary>NEST's UnknownPort: a port (receptor) of a node that does not exist.</summary>
/// <param name="port">The port asked for.</param>
/// <param name="allowed">Which ports exist.</param>
public sealed class UnknownPortException(long port, string allowed) : NestException($"Port with id {port} does not exist. {allowed}")
{
    /// <inheritdoc/>
    public override string NestName => "UnknownPort";
}

/// <summary>NEST's UnknownCompartment: a compartment of a compartmental neuron (cm_default) that does not exist.</summary>
/// <param name="compartment">The compartment index.</param>
/// <param name="info">What is wrong with it, completing "Compartment n ...".</param>
/// <param name="context">Where it was named (the status key and node), or null.</param>
public sealed class UnknownCompartmentException(long compartment, string info, string? context = null)
    : NestException($"Compartment {compartment} {info}." + (context is null ? "" : $" ({context})"))
{
    /// <inheritdoc/>
    public override string NestName => "UnknownCompartment";
}

/// <summary>NEST's UnknownNode: a node id that does not exist.</summary>
/// <param name="message">What is wrong.</param>
public sealed class UnknownNodeException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "UnknownNode";
}

/// <summary>NEST's NumericalInstability: a model's state left the range its equations can follow.</summary>
/// <param name="message">What happened, where and when.</param>
public sealed class NumericalInstabilityException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "NumericalInstability";
}

/// <summary>NEST's NotImplemented: a combination NEST does not offer either (for example structural-plasticity elements with a probabilistic rule).</summary>
/// <param name="message">What is not implemented.</param>
public sealed class NestNotImplementedException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "NotImplemented";
}

/// <summary>NEST's KernelException: an operation that is not allowed in the kernel's current state.</summary>
/// <param name="message">What is wrong.</param>
public sealed class KernelException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "KernelException";
}

/// <summary>
/// A checkpoint file that cannot be restored: not a NestSharp checkpoint, another format version, truncated or damaged
/// (a checksum that does not match). NEST has no checkpoints, so this error is NestSharp's own; the simulator that
/// tried to load the file is unchanged.
/// </summary>
/// <param name="path">The file.</param>
/// <param name="reason">What is wrong with it.</param>
public sealed class BadCheckpointException(string path, string reason)
    : NestException($"The checkpoint '{path}' cannot be restored: {reason}.")
{
    /// <inheritdoc/>
    public override string NestName => "BadCheckpoint";
}
