namespace NestSharp.Plotting;

/// <summary>Side of a plot area on which a vertical axis is drawn.</summary>
public enum AxisSide
{
    Left,
    Right,
}
