using System.Xml.Linq;
using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.SvgTestHelper;

namespace NestSharp.Tests.Plotting;

public sealed class LinePlotTests
{
    private static readonly double[] Time = [0, 1, 2, 3];

    [Fact]
    public void Render_DrawsOnePathPerSeries()
    {
        var plot = new LinePlot();
        plot.AddPanel("g (nS)").AddSeries("g_ex", Time, [0, 1, 2, 3]).AddSeries("g_in", Time, [3, 2, 1, 0]);

        XDocument svg = Parse(plot.Render());

        Assert.Equal(2, Group(svg, "series").Elements(Svg + "path").Count());
    }

    [Fact]
    public void Render_StackedPanels_ShowXTickLabelsAndTitleOnlyUnderTheBottomPanel()
    {
        var plot = new LinePlot(new LinePlotOptions { XTitle = "Time (ms)" });
        plot.AddPanel("V_m (mV)").AddSeries("V_m", Time, [-70, -65, -60, -70]);
        plot.AddPanel("g (nS)").AddSeries("g_ex", Time, [0, 1, 0, 1]);

        XDocument svg = Parse(plot.Render());
        IReadOnlyList<string> texts = Texts(svg);

        Assert.Equal(2, svg.Descendants(Svg + "g").Count(group => (string?)group.Attribute("class") == "series"));
        Assert.Single(texts, text => text == "Time (ms)");
        Assert.Contains("V_m (mV)", texts);
        Assert.Contains("g (nS)", texts);
    }

    [Fact]
    public void Render_PanelsShareTheSameXMapping()
    {
        var plot = new LinePlot();
        plot.AddPanel().AddSeries("a", [0, 10], [0, 1]);
        plot.AddPanel().AddSeries("b", [0, 10], [5, 6]);

        string[] paths = [.. Parse(plot.Render()).Descendants(Svg + "path").Select(path => (string)path.Attribute("d")!)];

        string[] xs = [.. paths.Select(d => d[1..d.IndexOf(' ')])];
        Assert.Equal(xs[0], xs[1]);
    }

    [Fact]
    public void Render_LegendListsNamedSeries()
    {
        var plot = new LinePlot();
        plot.AddPanel().AddSeries("w_ee", Time, Time).AddSeries("", Time, Time);

        XElement legend = Group(Parse(plot.Render()), "legend");

        Assert.Equal(["w_ee"], legend.Elements(Svg + "text").Select(text => text.Value));
    }

    [Fact]
    public void Render_NaNBreaksTheCurve()
    {
        var plot = new LinePlot();
        plot.AddPanel().AddSeries("v", [0, 1, 2, 3, 4], [1, 2, double.NaN, 3, 4]);

        XElement path = Group(Parse(plot.Render()), "series").Element(Svg + "path")!;

        Assert.Equal(2, CountMoves((string)path.Attribute("d")!));
    }

    [Fact]
    public void AddSeries_WithoutColor_CyclesThroughDistinctColors()
    {
        var plot = new LinePlot();
        LinePanel panel = plot.AddPanel().AddSeries("a", Time, Time).AddSeries("b", Time, Time);

        Assert.NotEqual(panel.Series[0].Color, panel.Series[1].Color);
    }

    [Fact]
    public void AddSeries_WithMismatchedLengths_Throws()
    {
        LinePanel panel = new LinePlot().AddPanel();

        Assert.Throws<ArgumentException>(() => panel.AddSeries("a", [0, 1], [0]));
    }

    [Fact]
    public void AddSeries_CopiesTheData()
    {
        double[] y = [1, 2, 3, 4];
        LinePanel panel = new LinePlot().AddPanel().AddSeries("a", Time, y);

        y[0] = 99;

        Assert.Equal(1, panel.Series[0].Y.Span[0]);
    }

    [Fact]
    public void Render_WithoutPanels_DrawsAnEmptyFrame()
    {
        XDocument svg = Parse(new LinePlot().Render());

        Assert.Empty(Group(svg, "series").Elements());
    }
}
