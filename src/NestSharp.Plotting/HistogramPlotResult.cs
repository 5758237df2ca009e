namespace NestSharp.Plotting;

/// <summary>A rendered histogram with its bins.</summary>
/// <param name="Figure">The figure.</param>
/// <param name="BinEdges">Bin edges, one more than <paramref name="Counts"/>.</param>
/// <param name="Counts">Number of values per bin.</param>
public sealed record HistogramPlotResult(Figure Figure, IReadOnlyList<double> BinEdges, IReadOnlyList<int> Counts);
