namespace NestSharp.Plotting;

/// <summary>Shape drawn at the open ends of stroked lines.</summary>
public enum StrokeLineCap
{
    Butt,
    Round,
    Square,
}
