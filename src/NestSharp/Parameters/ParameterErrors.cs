namespace NestSharp;

/// <summary>
/// NEST's BadParameterValue: an argument of a parameter expression that is not allowed (for example redraw limits with
/// min above max).
/// </summary>
/// <param name="name">The argument.</param>
/// <param name="value">The value given.</param>
/// <param name="allowed">What is allowed.</param>
public sealed class BadParameterValueException(string name, object? value, string allowed)
    : NestException($"'{name}' = {(value is null ? "null" : StatusValue.Format(value))} is invalid: {allowed}.")
{
    /// <inheritdoc/>
    public override string NestName => "BadParameterValue";
}

/// <summary>NEST's UndefinedName: a name that NEST does not know (for example an unknown parameter type).</summary>
/// <param name="kind">What kind of name it should be ("parameter type").</param>
/// <param name="name">The name given.</param>
/// <param name="known">The names there are.</param>
public sealed class UndefinedNameException(string kind, string name, IEnumerable<string> known)
    : NestException($"The {kind} '{name}' is not defined. Known: {string.Join(", ", known)}.")
{
    /// <inheritdoc/>
    public override string NestName => "UndefinedName";
}
