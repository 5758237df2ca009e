namespace NestSharp.Nodes;

/// <summary>
/// The message of a check, written as an interpolated string that is formatted only when the check failed (as
/// Debug.Assert's message): a model's Validate runs for every node a Set touches, and formatting its messages each
/// time cost more than the check.
/// </summary>
[InterpolatedStringHandler]
internal ref struct FailureMessage
{
    private DefaultInterpolatedStringHandler _text;

    /// <summary>Starts the message; nothing is formatted when <paramref name="ok"/> is true.</summary>
    public FailureMessage(int literalLength, int formattedCount, bool ok, out bool shouldAppend)
    {
        shouldAppend = !ok;
        if (!ok) _text = new DefaultInterpolatedStringHandler(literalLength, formattedCount);
    }

    /// <summary>Appends literal text.</summary>
    public void AppendLiteral(string text) => _text.AppendLiteral(text);

    /// <summary>Appends a value, formatted as an interpolated string would format it.</summary>
    public void AppendFormatted<T>(T value) => _text.AppendFormatted(value);

    /// <summary>Appends a value with a format string.</summary>
    public void AppendFormatted<T>(T value, string? format) => _text.AppendFormatted(value, format);

    /// <summary>The message.</summary>
    public string ToStringAndClear() => _text.ToStringAndClear();
}
