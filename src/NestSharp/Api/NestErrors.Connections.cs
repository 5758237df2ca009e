namespace NestSharp;

/// <summary>
/// NEST's InexistentConnection: a connection to delete (Disconnect) that does not exist, or one that cannot be
/// deleted (a connection of a device).
/// </summary>
/// <param name="message">Which connection, and why.</param>
public sealed class InexistentConnectionException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "InexistentConnection";
}

/// <summary>NEST's DimensionMismatch: collections whose sizes do not fit together (one_to_one between collections of different sizes).</summary>
/// <param name="message">What does not fit.</param>
public sealed class DimensionMismatchException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "DimensionMismatch";
}

/// <summary>NEST's UnknownSynapseType: a synapse model name that names no synapse model (a SONATA edge type's model_template).</summary>
/// <param name="name">The name given.</param>
public sealed class UnknownSynapseTypeException(string name) : NestException($"Synapse with name {name} does not exist.")
{
    /// <inheritdoc/>
    public override string NestName => "UnknownSynapseType";
}
