namespace NestSharp.Plotting;

/// <summary>Fonts, sizes and colours shared by all plots, close to matplotlib's defaults.</summary>
internal static class PlotTheme
{
    public const string FontFamily = "DejaVu Sans, Arial, Helvetica, sans-serif";
    public const string TextColor = "#262626";
    public const string AxisColor = "#404040";
    public const double AxisLineWidth = 0.8;
    public const double TickLength = 4;
    public const double TickLabelFontSize = 10;
    public const double AxisTitleFontSize = 11;
    public const double TitleFontSize = 13;

    /// <summary>Approximate advance width of one character, as a fraction of the font size.</summary>
    public const double CharacterWidthFactor = 0.6;

    /// <summary>matplotlib's "tab10" colour cycle.</summary>
    public static readonly string[] Palette =
    [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ];

    public static string Blue => Palette[0];

    public static double EstimateTextWidth(string text, double fontSize) => text.Length * fontSize * CharacterWidthFactor;
}
