namespace NestSharp.Plotting;

/// <summary>Horizontal alignment of a text relative to its anchor point.</summary>
public enum TextAnchor
{
    /// <summary>The text begins at the anchor point (left-aligned; SVG's default).</summary>
    Start,

    /// <summary>The text is centred on the anchor point.</summary>
    Middle,

    /// <summary>The text ends at the anchor point (right-aligned).</summary>
    End,
}
