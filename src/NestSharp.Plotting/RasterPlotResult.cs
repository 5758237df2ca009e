namespace NestSharp.Plotting;

/// <summary>A rendered raster plot with the numbers it shows.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="SpikeCount">Number of spikes drawn (those inside the time range).</param>
/// <param name="Rate">The population rate histogram (computed even when not drawn).</param>
public sealed record RasterPlotResult(Figure Figure, int SpikeCount, PopulationRateHistogram Rate);
