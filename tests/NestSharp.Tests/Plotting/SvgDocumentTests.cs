using System.Xml.Linq;
using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.SvgTestHelper;

namespace NestSharp.Tests.Plotting;

public sealed class SvgDocumentTests
{
    [Fact]
    public void ToString_ParsesAsXmlWithSvgRootInSvgNamespace()
    {
        var document = new SvgDocument(200, 100);
        document.AddLine(0, 0, 10, 10, "black");
        document.AddCircle(5, 5, 2, "red");

        XDocument svg = Parse(document);

        Assert.Equal(Svg + "svg", svg.Root!.Name);
        Assert.Equal("200", (string?)svg.Root.Attribute("width"));
        Assert.Equal("100", (string?)svg.Root.Attribute("height"));
    }

    [Fact]
    public void ToString_StartsWithWhiteBackgroundCoveringTheImage()
    {
        XDocument svg = Parse(new SvgDocument(300, 150));

        XElement background = svg.Root!.Elements().First();
        Assert.Equal(Svg + "rect", background.Name);
        Assert.Equal("white", (string?)background.Attribute("fill"));
        Assert.Equal("300", (string?)background.Attribute("width"));
        Assert.Equal("150", (string?)background.Attribute("height"));
    }

    [Fact]
    public void AddText_EscapesLessThanAndAmpersand()
    {
        var document = new SvgDocument(100, 100);
        document.AddText(10, 10, "a < b & c");

        string text = document.ToString();

        Assert.Contains("a &lt; b &amp; c", text);
        Assert.Equal("a < b & c", Parse(document).Descendants(Svg + "text").Single().Value);
    }

    [Fact]
    public void EscapeText_DropsControlCharactersThatXmlCannotHold()
    {
        Assert.Equal("ab", SvgDocument.EscapeText("a\u0001b"));
    }

    [Fact]
    public void Numbers_UseDotDecimalSeparatorUnderCommaCulture()
    {
        string text = "";
        WithCommaDecimalCulture(() =>
        {
            var document = new SvgDocument(100.5, 100);
            document.AddLine(1.5, 2.25, 3, 4, "black", 0.75);
            text = document.ToString();
        });

        Assert.Contains("width=\"100.5\"", text);
        Assert.Contains("x1=\"1.5\" y1=\"2.25\"", text);
        Assert.Contains("stroke-width=\"0.75\"", text);
    }

    [Fact]
    public void Numbers_AreWrittenWithAtMostTwoDecimals()
    {
        var document = new SvgDocument(100, 100);
        document.AddRect(1.23456, 2.0, 3.999, 4.5, "blue");

        XElement rect = Parse(document).Descendants(Svg + "rect").Last();

        Assert.Equal("1.23", (string?)rect.Attribute("x"));
        Assert.Equal("2", (string?)rect.Attribute("y"));
        Assert.Equal("4", (string?)rect.Attribute("width"));
    }

    [Fact]
    public void AddText_WithRotation_RotatesAroundTheAnchorPoint()
    {
        var document = new SvgDocument(100, 100);
        document.AddText(20, 30, "y", TextAnchor.Middle, rotationDegrees: -90);

        XElement text = Parse(document).Descendants(Svg + "text").Single();

        Assert.Equal("rotate(-90 20 30)", (string?)text.Attribute("transform"));
        Assert.Equal("middle", (string?)text.Attribute("text-anchor"));
    }

    [Fact]
    public void BeginGroup_PutsElementsAddedBeforeDisposeInsideTheGroup()
    {
        var document = new SvgDocument(100, 100);
        using (document.BeginGroup("marks"))
        {
            document.AddCircle(1, 1, 1, "red");
            document.AddCircle(2, 2, 1, "red");
        }

        document.AddCircle(3, 3, 1, "red");

        XDocument svg = Parse(document);
        Assert.Equal(2, Group(svg, "marks").Elements(Svg + "circle").Count());
        Assert.Equal(3, svg.Descendants(Svg + "circle").Count());
    }

    [Fact]
    public void AddClipRect_ReturnsIdReferencedByGroup()
    {
        var document = new SvgDocument(100, 100);
        string clip = document.AddClipRect(10, 10, 50, 50);
        using (document.BeginGroup("clipped", clip))
        {
            document.AddLine(0, 0, 100, 100, "black");
        }

        XDocument svg = Parse(document);

        Assert.Single(svg.Descendants(Svg + "clipPath"), element => (string?)element.Attribute("id") == clip);
        Assert.Equal($"url(#{clip})", (string?)Group(svg, "clipped").Attribute("clip-path"));
    }

    [Fact]
    public void ToString_WithOpenGroup_Throws()
    {
        var document = new SvgDocument(100, 100);
        document.BeginGroup();

        Assert.Throws<InvalidOperationException>(document.ToString);
    }

    [Fact]
    public void AddPolyline_WritesOnePointPerCoordinatePair()
    {
        var document = new SvgDocument(100, 100);
        document.AddPolyline([0, 10, 20.5], [5, 6, 7], "black");

        XElement polyline = Parse(document).Descendants(Svg + "polyline").Single();

        Assert.Equal("0,5 10,6 20.5,7", (string?)polyline.Attribute("points"));
    }

    [Fact]
    public void Save_WithSvgExtension_WritesTheDocument()
    {
        using var directory = new TemporaryDirectory();
        var document = new SvgDocument(100, 100);
        string path = directory.File("figure.svg");

        SaveResult result = document.Save(path);

        Assert.True(result.Succeeded);
        Assert.Equal(path, result.SvgPath);
        Assert.Null(result.PngPath);
        Assert.Equal(document.ToString(), File.ReadAllText(path));
    }

    [Fact]
    public void Save_WithUnsupportedExtension_Throws()
    {
        Assert.Throws<ArgumentException>(() => new SvgDocument(10, 10).Save("figure.pdf"));
    }
}
