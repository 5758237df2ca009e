namespace NestSharp.Plotting;

/// <summary>Maps a position in [0, 1] to a colour by linear interpolation between evenly spaced anchor colours.</summary>
public sealed class Colormap
{
    private readonly RgbColor[] _anchors;

    /// <summary>Creates a colormap through the given "#rrggbb" anchors.</summary>
    /// <param name="name">The colormap's name (not empty).</param>
    /// <param name="isDiverging">True when the middle colour marks zero, so data ranges are made symmetric around 0.</param>
    /// <param name="anchorColors">At least two "#rrggbb" colours, from position 0 to position 1, evenly spaced.</param>
    public Colormap(string name, bool isDiverging, params string[] anchorColors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(anchorColors);
        if (anchorColors.Length < 2)
        {
            throw new ArgumentException("A colormap needs at least two anchor colours.", nameof(anchorColors));
        }

        Name = name;
        IsDiverging = isDiverging;
        _anchors = Array.ConvertAll(anchorColors, RgbColor.FromHex);
    }

    /// <summary>Sequential colormap close to matplotlib's "viridis" (dark purple to yellow).</summary>
    public static Colormap Viridis { get; } = new(
        "viridis", false,
        "#440154", "#482878", "#3e4989", "#31688e", "#26828e", "#1f9e89", "#35b779", "#6ece58", "#fde725");

    /// <summary>Diverging blue-white-red colormap (like ColorBrewer RdBu reversed) with pure white in the middle.</summary>
    public static Colormap BlueWhiteRed { get; } = new(
        "blue-white-red", true,
        "#2166ac", "#67a9cf", "#d1e5f0", "#ffffff", "#fddbc7", "#ef8a62", "#b2182b");

    /// <summary>Name of the colormap.</summary>
    public string Name { get; }

    /// <summary>True for diverging maps whose middle colour stands for zero.</summary>
    public bool IsDiverging { get; }

    /// <summary>The colour at <paramref name="position"/>, clamped to [0, 1].</summary>
    public RgbColor Map(double position)
    {
        if (double.IsNaN(position))
        {
            throw new ArgumentException("Cannot map NaN to a colour.", nameof(position));
        }

        double scaled = Math.Clamp(position, 0, 1) * (_anchors.Length - 1);
        int lower = Math.Min((int)scaled, _anchors.Length - 2);
        return RgbColor.Lerp(_anchors[lower], _anchors[lower + 1], scaled - lower);
    }
}
