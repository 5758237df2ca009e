namespace NestSharp.Plotting;

/// <summary>Shape drawn at the open ends of stroked lines.</summary>
public enum StrokeLineCap
{
    /// <summary>The line ends exactly at its end points (SVG's default); a zero-length segment draws nothing.</summary>
    Butt,

    /// <summary>A half disc beyond each end point, so a zero-length segment draws a dot (raster plots).</summary>
    Round,

    /// <summary>A half square beyond each end point, so a zero-length segment draws a small square.</summary>
    Square,
}
