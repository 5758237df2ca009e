using System.Globalization;
using System.Text;

namespace NestSharp.Plotting;

/// <summary>Builds the compact <c>d</c> attribute of an SVG path; coordinates are written with one decimal.</summary>
public sealed class SvgPathData
{
    private readonly StringBuilder _data = new();

    /// <summary>Number of move-to commands, that is of separate subpaths.</summary>
    public int SubpathCount { get; private set; }

    /// <summary>True when no command has been added.</summary>
    public bool IsEmpty => _data.Length == 0;

    /// <summary>Starts a new subpath at an absolute point.</summary>
    public void MoveTo(double x, double y)
    {
        _data.Append(CultureInfo.InvariantCulture, $"M{x:0.#} {y:0.#}");
        SubpathCount++;
    }

    /// <summary>Draws a straight line to an absolute point.</summary>
    public void LineTo(double x, double y) => _data.Append(CultureInfo.InvariantCulture, $"L{x:0.#} {y:0.#}");

    /// <summary>Draws a horizontal line by a relative distance.</summary>
    public void HorizontalLineBy(double dx) => _data.Append(CultureInfo.InvariantCulture, $"h{dx:0.#}");

    /// <summary>Draws a vertical line by a relative distance.</summary>
    public void VerticalLineBy(double dy) => _data.Append(CultureInfo.InvariantCulture, $"v{dy:0.#}");

    /// <summary>Closes the current subpath.</summary>
    public void ClosePath() => _data.Append('Z');

    /// <summary>The path data text.</summary>
    public override string ToString() => _data.ToString();
}
