namespace NestSharp.Plotting;

/// <summary>Horizontal alignment of a text relative to its anchor point.</summary>
public enum TextAnchor
{
    Start,
    Middle,
    End,
}
