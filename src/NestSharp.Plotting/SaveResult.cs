namespace NestSharp.Plotting;

/// <summary>The files a saved figure was written to.</summary>
/// <param name="SvgPath">Path of the SVG file, always written.</param>
/// <param name="PngPath">Path of the PNG file, or null when only SVG was asked for.</param>
public sealed record SaveResult(string SvgPath, string? PngPath);
