namespace NestSharp.Plotting;

/// <summary>A rendered histogram with its bins.</summary>
/// <param name="Document">The drawing.</param>
/// <param name="BinEdges">Bin edges, one more than <paramref name="Counts"/>.</param>
/// <param name="Counts">Number of values per bin.</param>
public sealed record HistogramPlotResult(SvgDocument Document, IReadOnlyList<double> BinEdges, IReadOnlyList<int> Counts);
