namespace NestSharp;

/// <summary>NEST's LayerExpected: a call that needs nodes with positions (a spatial NodeCollection) got others.</summary>
/// <param name="argument">The argument that has no positions.</param>
public sealed class LayerExpectedException(string argument)
    : NestException($"'{argument}' must be a NodeCollection with spatial positions (created with positions=...).")
{
    /// <inheritdoc/>
    public override string NestName => "LayerExpected";
}
