using System.Xml.Linq;
using NestSharp.Plotting;

namespace NestSharp.Tests.Plotting;

/// <summary>Parses rendered SVG and finds the elements the plots mark with class names.</summary>
internal static class SvgTestHelper
{
    public static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    public static XDocument Parse(SvgDocument document) => XDocument.Parse(document.ToString());

    public static XElement Group(XDocument svg, string className) =>
        svg.Descendants(Svg + "g").Single(group => (string?)group.Attribute("class") == className);

    public static IReadOnlyList<string> Texts(XDocument svg) =>
        svg.Descendants(Svg + "text").Select(text => text.Value).ToList();

    public static int CountMoves(string pathData) => pathData.Count(c => c == 'M');

    /// <summary>Runs <paramref name="action"/> with a current culture whose decimal separator is a comma.</summary>
    public static void WithCommaDecimalCulture(Action action)
    {
        var comma = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
        comma.NumberFormat.NumberDecimalSeparator = ",";
        comma.NumberFormat.NumberGroupSeparator = ".";
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        System.Globalization.CultureInfo.CurrentCulture = comma;
        try
        {
            action();
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }
}
