namespace NestSharp;

/// <summary>
/// NEST's IOError: a recording backend cannot write a recorder's file (it exists and the kernel's overwrite_files is
/// false, or it cannot be opened). Raised by Simulate (or Prepare) while the backends open their files; as in NEST the
/// kernel is prepared by then, so Cleanup ends it.
/// </summary>
/// <param name="message">Which file, and what to change.</param>
public sealed class IOErrorException(string message) : NestException(message)
{
    /// <inheritdoc/>
    public override string NestName => "IOError";
}
