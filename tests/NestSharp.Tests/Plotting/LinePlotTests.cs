using System.Xml.Linq;
using NestSharp.Plotting;
using static NestSharp.Tests.Plotting.FigureFiles;

namespace NestSharp.Tests.Plotting;

public sealed class LinePlotTests
{
    private static readonly double[] Time = [0, 1, 2, 3];

    [Fact]
    public void Render_DrawsOneLinePerSeries()
    {
        var plot = new LinePlot();
        plot.AddPanel("g (nS)").AddSeries("", Time, [0, 1, 2, 3], "#123456").AddSeries("", Time, [3, 2, 1, 0], "#654321");

        XDocument svg = ParseSvg(plot.Render().ToSvg(), 800, 265);

        Assert.Single(Lines(svg, "#123456"));
        Assert.Single(Lines(svg, "#654321"));
    }

    [Fact]
    public void Render_NaNBreaksTheCurve()
    {
        var plot = new LinePlot();
        plot.AddPanel().AddSeries("", [0, 1, 2, 3, 4], [1, 2, double.NaN, 3, 4], "#123456");

        Assert.Equal(2, Lines(ParseSvg(plot.Render().ToSvg(), 800, 265), "#123456").Count);
    }

    [Fact]
    public void Render_StackedPanels_ShowTheXTitleOnceAndEveryYTitle()
    {
        var plot = new LinePlot(new LinePlotOptions { XTitle = "Time (ms)", Title = "Traces" });
        plot.AddPanel("V_m (mV)").AddSeries("V_m", Time, [-70, -65, -60, -70]);
        plot.AddPanel("g (nS)").AddSeries("g_ex", Time, [0, 1, 0, 1]);
        Figure figure = plot.Render();

        IReadOnlyList<string> texts = Texts(ParseSvg(figure.ToSvg(), 800, figure.Height));

        Assert.Equal(2, figure.Plots.Count);
        Assert.Single(texts, text => text == "Time (ms)");
        Assert.Single(texts, text => text == "Traces");
        Assert.Contains("V_m (mV)", texts);
        Assert.Contains("g (nS)", texts);
    }

    [Fact]
    public void Render_EachPanelAddsItsHeightAndTheGap()
    {
        static Figure WithPanels(int count)
        {
            var plot = new LinePlot(new LinePlotOptions { PanelHeight = 150 });
            for (int i = 0; i < count; i++)
            {
                plot.AddPanel().AddSeries("", Time, Time);
            }

            return plot.Render();
        }

        Figure two = WithPanels(2);
        Figure three = WithPanels(3);

        Assert.Equal(150 + 14, three.Height - two.Height);
        AssertPng(three.ToPng(), 800, three.Height);
    }

    [Fact]
    public void Render_LegendListsNamedSeriesOnly()
    {
        var plot = new LinePlot();
        plot.AddPanel().AddSeries("w_ee", Time, Time).AddSeries("", Time, Time);

        IReadOnlyList<string> texts = Texts(ParseSvg(plot.Render().ToSvg(), 800, 265));

        Assert.Single(texts, text => text == "w_ee");
        Assert.DoesNotContain("", texts);
    }

    [Fact]
    public void AddSeries_WithoutColor_CyclesThroughDistinctColors()
    {
        var plot = new LinePlot();
        LinePanel panel = plot.AddPanel().AddSeries("a", Time, Time).AddSeries("b", Time, Time);

        Assert.NotEqual(panel.Series[0].Color, panel.Series[1].Color);
    }

    [Fact]
    public void AddSeries_WithANamedColour_Throws()
    {
        LinePanel panel = new LinePlot().AddPanel();

        Assert.Throws<FormatException>(() => panel.AddSeries("a", Time, Time, "darkblue"));
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
    public void Render_WithoutPanels_DrawsOneEmptyPanel()
    {
        Figure figure = new LinePlot().Render();

        Assert.Single(figure.Plots);
        AssertPng(figure.ToPng(), 800, figure.Height);
    }

    [Fact]
    public void VoltageTraceFromDevice_DrawsOneTracePerNeuronWithNestsLabels()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2, new() { ["I_e"] = new[] { 376.0, 0.0 } });
        var voltmeter = nest.Create("voltmeter");
        nest.Connect(voltmeter, neurons);
        nest.Simulate(100.0);
        var events = (Dictionary<string, object>)voltmeter.Get("events");
        var senders = (long[])events["senders"];
        var potentials = (double[])events["V_m"];

        LinePlot plot = VoltageTrace.FromDevice(voltmeter);

        LinePanel panel = Assert.Single(plot.Panels);
        Assert.Equal(2, panel.Series.Count);
        for (int n = 0; n < 2; n++)
        {
            long id = neurons.Ids[n];
            Assert.Equal($"Neuron {id}", panel.Series[n].Name);
            Assert.Equal(potentials.Where((_, i) => senders[i] == id), panel.Series[n].Y.ToArray());
        }

        Figure figure = plot.Render();
        IReadOnlyList<string> texts = Texts(ParseSvg(figure.ToSvg(), 800, figure.Height));
        Assert.Contains("Membrane potential", texts);
        Assert.Contains("Membrane potential (mV)", texts);
        Assert.Contains("Time (ms)", texts);
        Assert.Contains($"Neuron {neurons.Ids[1]}", texts);
    }

    [Fact]
    public void VoltageTraceFromDevice_WithoutVm_Throws()
    {
        var nest = new Simulator();
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_syn_ex" } });
        nest.Connect(multimeter, nest.Create("iaf_psc_exp"));
        nest.Simulate(10.0);

        Assert.Throws<ArgumentException>(() => VoltageTrace.FromDevice(multimeter));
    }
}
