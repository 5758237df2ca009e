namespace NestSharp.Plotting;

/// <summary>Outcome of saving a figure: the SVG always written, the PNG when one was requested and produced.</summary>
/// <param name="SvgPath">Path of the SVG file written.</param>
/// <param name="PngPath">Path of the PNG file written, or null when none was requested or conversion failed.</param>
/// <param name="Error">Why the requested format could not be produced, or null on success.</param>
public sealed record SaveResult(string SvgPath, string? PngPath, string? Error)
{
    /// <summary>True when the file in the requested format was written.</summary>
    public bool Succeeded => Error is null;
}
