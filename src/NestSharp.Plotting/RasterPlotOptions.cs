namespace NestSharp.Plotting;

/// <summary>Options of <see cref="RasterPlot"/>.</summary>
public sealed record RasterPlotOptions
{
    /// <summary>Title above the figure, or null for none.</summary>
    public string? Title { get; init; }

    /// <summary>Width of the rate histogram bins in ms (NEST's default: 5 ms).</summary>
    public double BinWidthMs { get; init; } = 5.0;

    /// <summary>Start of the time axis in ms; null uses 0 (or the earliest spike if that is negative).</summary>
    public double? StartMs { get; init; }

    /// <summary>End of the time axis in ms; null uses the latest spike. Spikes outside the range are left out.</summary>
    public double? StopMs { get; init; }

    /// <summary>Number of neurons the rate is averaged over; null counts the distinct senders among all given spikes (as NEST).</summary>
    public int? NeuronCount { get; init; }

    /// <summary>Draws the population rate histogram below the raster (NEST's hist=True).</summary>
    public bool ShowHistogram { get; init; } = true;

    /// <summary>Diameter of a spike dot in pixels.</summary>
    public double MarkerSize { get; init; } = 2;

    /// <summary>Image width in pixels.</summary>
    public int Width { get; init; } = 800;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 600;
}
