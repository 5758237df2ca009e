using System.Globalization;

namespace NestSharp.Plotting;

/// <summary>An opaque 8-bit-per-channel colour.</summary>
public readonly record struct RgbColor(byte R, byte G, byte B)
{
    /// <summary>The colour as "#rrggbb".</summary>
    public string ToHex() => string.Create(CultureInfo.InvariantCulture, $"#{R:x2}{G:x2}{B:x2}");

    /// <summary>Parses "#rrggbb".</summary>
    public static RgbColor FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        if (hex.Length != 7 || hex[0] != '#' || !uint.TryParse(hex.AsSpan(1), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out uint rgb))
        {
            throw new FormatException($"'{hex}' is not a colour of the form #rrggbb.");
        }

        return new RgbColor((byte)(rgb >> 16), (byte)(rgb >> 8), (byte)rgb);
    }

    /// <summary>Linear interpolation between two colours, <paramref name="fraction"/> 0 giving <paramref name="from"/>.</summary>
    public static RgbColor Lerp(RgbColor from, RgbColor to, double fraction) => new(
        LerpChannel(from.R, to.R, fraction),
        LerpChannel(from.G, to.G, fraction),
        LerpChannel(from.B, to.B, fraction));

    private static byte LerpChannel(byte from, byte to, double fraction) => (byte)Math.Round(from + (to - from) * fraction);
}
