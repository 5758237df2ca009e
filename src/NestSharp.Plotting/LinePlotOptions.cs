namespace NestSharp.Plotting;

/// <summary>Options of <see cref="LinePlot"/>.</summary>
public sealed record LinePlotOptions
{
    /// <summary>Title above the figure, or null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Title of the shared x axis, shown under the bottom panel.</summary>
    public string? XTitle { get; init; }

    /// <summary>Fixed x range, or null to span all series.</summary>
    public DataRange? XRange { get; init; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Height of each panel's plot area in pixels.</summary>
    public int PanelHeight { get; init; } = 200;
}
