namespace NestSharp.Plotting;

/// <summary>Side of a plot area on which a vertical axis is drawn.</summary>
public enum AxisSide
{
    /// <summary>Ticks point left, labels are right-aligned to their left and the title lies further out (a figure's y axis).</summary>
    Left,

    /// <summary>Ticks point right, labels are left-aligned to their right and the title lies further out (a colorbar's axis).</summary>
    Right,
}
