namespace NestSharp;

/// <summary>Base of every error NestSharp raises for bad input; raised before any state changes.</summary>
public class NestException(string message) : Exception(message);

/// <summary>A model name that is not registered.</summary>
public sealed class UnknownModelException(string model, IEnumerable<string> known)
    : NestException($"Unknown model '{model}'. Known models: {string.Join(", ", known.Order(StringComparer.Ordinal))}.");

/// <summary>A status key that the model or kernel does not have.</summary>
public sealed class UnknownParameterException(string owner, string key, IEnumerable<string> valid)
    : NestException($"'{key}' is not a parameter of {owner}. Valid keys: {string.Join(", ", valid.Order(StringComparer.Ordinal))}.");

/// <summary>A value of the wrong type for a key.</summary>
public sealed class BadPropertyTypeException(string key, object? value, string expected)
    : NestException($"'{key}' expects {expected}, got {Describe(value)}.")
{
    internal static string Describe(object? value) =>
        value is null ? "null" : $"{StatusValue.Format(value)} ({value.GetType().Name})";
}

/// <summary>A value of the right type that the model does not accept.</summary>
public sealed class BadParameterException(string key, object? value, string allowed)
    : NestException($"'{key}' = {(value is null ? "null" : StatusValue.Format(value))} is invalid: {allowed}.");

/// <summary>A connection that the models involved cannot make.</summary>
public sealed class IllegalConnectionException(string message) : NestException(message);

/// <summary>A kernel operation that is not allowed in the current state.</summary>
public sealed class KernelException(string message) : NestException(message);
