using System.Globalization;
using System.Text;
using NestSharp.Cli.Output;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>
/// The data and figures of <see cref="UrbanczikExperiment"/>: the example's four-panel figure (potentials, somatic
/// conductances, dendritic currents, rates) over the whole run and, at full resolution, over the first and the last two
/// repetitions of the learning period; the weight trajectories of every tenth synapse (the example's selection); the
/// learning curve; and CSV files of the traces, the weights, the neuron's spikes and the learning curve.
/// </summary>
public static class UrbanczikOutput
{
    /// <summary>The multimeter's traces (CSV).</summary>
    public const string TracesFile = "urbanczik_traces.csv";

    /// <summary>The weight recorder's events (CSV).</summary>
    public const string WeightsFile = "urbanczik_weights.csv";

    /// <summary>The spike times of the neuron (CSV).</summary>
    public const string SpikesFile = "urbanczik_soma_spikes.csv";

    /// <summary>The learning curve, RMS(U - U_M) per repetition (CSV).</summary>
    public const string LearningFile = "urbanczik_learning.csv";

    /// <summary>The four-panel figure over the whole run (name without extension: .svg and .png).</summary>
    public const string TracesFigure = "urbanczik_traces";

    /// <summary>The four-panel figure over the first two repetitions of the learning period.</summary>
    public const string FirstRepetitionsFigure = "urbanczik_traces_first_repetitions";

    /// <summary>The four-panel figure over the last two repetitions of the learning period.</summary>
    public const string LastRepetitionsFigure = "urbanczik_traces_last_repetitions";

    /// <summary>The weight trajectories of every tenth synapse.</summary>
    public const string WeightsFigure = "urbanczik_weights";

    /// <summary>The learning curve.</summary>
    public const string LearningFigure = "urbanczik_learning";

    /// <summary>Samples per point in the figure of the whole run (1 ms at the example's resolution); the CSV keeps all.</summary>
    public const int OverviewStride = 10;

    /// <summary>
    /// Writes the CSV files (traces, weights, the neuron's spikes, the learning curve) and the figures into
    /// <paramref name="directory"/>; returns the files written.
    /// </summary>
    public static WrittenFiles Write(UrbanczikRecording r, double[] rmsPerRepetition, double tStart, double tEnd, double patternDuration,
        string directory)
    {
        var files = new WrittenFiles();
        files.Add(WriteTraces(r, Path.Combine(directory, TracesFile)));
        files.Add(WriteWeights(r, Path.Combine(directory, WeightsFile)));
        files.Add(WriteSpikes(r, Path.Combine(directory, SpikesFile)));
        files.Add(WriteLearningCurve(rmsPerRepetition, tStart, patternDuration, Path.Combine(directory, LearningFile)));

        files.Add(TracePlot(r, 0, r.Times.Length, OverviewStride, "Urbanczik-Senn learning: the whole run (1 ms samples)")
            .Save(Path.Combine(directory, TracesFigure + ".png")));
        var (a, b) = SampleRange(r.Times, tStart, tStart + 2 * patternDuration);
        files.Add(TracePlot(r, a, b, 1, "First two pattern repetitions with the teacher (before learning)")
            .Save(Path.Combine(directory, FirstRepetitionsFigure + ".png")));
        (a, b) = SampleRange(r.Times, tEnd - 2 * patternDuration, tEnd);
        files.Add(TracePlot(r, a, b, 1, "Last two pattern repetitions with the teacher (after learning)")
            .Save(Path.Combine(directory, LastRepetitionsFigure + ".png")));
        files.Add(WeightPlot(r).Save(Path.Combine(directory, WeightsFigure + ".png")));
        files.Add(LearningPlot(rmsPerRepetition).Save(Path.Combine(directory, LearningFigure + ".png")));
        return files;
    }

    /// <summary>The samples with <paramref name="from"/> &lt; t &lt;= <paramref name="to"/>: first index and one past the last.</summary>
    private static (int Start, int End) SampleRange(double[] times, double from, double to)
    {
        int start = 0;
        while (start < times.Length && times[start] <= from + 1e-9) start++;
        int end = start;
        while (end < times.Length && times[end] <= to + 1e-9) end++;
        return (start, end);
    }

    private static double[] Take(double[] values, int start, int end, int stride)
    {
        var taken = new double[(end - start + stride - 1) / stride];
        for (int i = 0; i < taken.Length; i++) taken[i] = values[start + i * stride];
        return taken;
    }

    /// <summary>The example's figure 1: potentials, somatic conductances, dendritic currents, rates and the neuron's spikes.</summary>
    public static LinePlot TracePlot(UrbanczikRecording r, int start, int end, int stride, string title)
    {
        double[] t = Take(r.Times, start, end, stride);
        double[] vS = Take(r.Vs, start, end, stride), vD = Take(r.Vd, start, end, stride), vDStar = Take(r.VdStar, start, end, stride);
        double[] uM = Take(r.UM, start, end, stride);
        var plot = new LinePlot(new LinePlotOptions { Title = title, XTitle = "time [ms]", Width = 1000, PanelHeight = 180 });

        // membrane potentials and matching potential
        plot.AddPanel("membrane pot [mV]")
            .AddSeries("U (soma)", t, vS, "#00008b")
            .AddSeries("V_W (dendrite)", t, vD, "#00bfff")
            .AddSeries("V_W* (dendrite)", t, vDStar, "#0000ff", 1.0)
            .AddSeries("U_M (soma)", t, uM, "#ff0000");

        // somatic conductances
        plot.AddPanel("somatic cond [nS]")
            .AddSeries("g_I", t, Take(r.GIn, start, end, stride), "#ff0000")
            .AddSeries("g_E", t, Take(r.GEx, start, end, stride), "#ff7f50");

        // dendritic currents
        plot.AddPanel("dend current [pA]")
            .AddSeries("I_ex", t, Take(r.IEx, start, end, stride), "#ff0000")
            .AddSeries("I_in", t, Take(r.IIn, start, end, stride), "#ff7f50");

        // rates, and the neuron's spikes as ticks at 0
        double[] phiU = Array.ConvertAll(vS, UrbanczikModel.Phi);
        double[] phiStar = Array.ConvertAll(vDStar, UrbanczikModel.Phi);
        double[] error = new double[t.Length];
        for (int i = 0; i < error.Length; i++) error[i] = phiU[i] - phiStar[i];
        double[] h = Array.ConvertAll(vDStar, UrbanczikModel.H);
        var rates = plot.AddPanel("rate [1/ms]")
            .AddSeries("phi(U)", t, phiU, "#00008b")
            .AddSeries("phi(V_W)", t, Array.ConvertAll(vD, UrbanczikModel.Phi), "#00bfff")
            .AddSeries("phi(V_W*)", t, phiStar, "#0000ff", 1.0)
            .AddSeries("h(V_W*)", t, h, "#008000", 1.0)
            .AddSeries("phi(U) - phi(V_W*)", t, error, "#ff0000");
        double from = t.Length > 0 ? t[0] : 0, to = t.Length > 0 ? t[^1] : 0;
        double top = DataRange.Of(h) is { } range ? range.Max : 1.0;
        var (tickX, tickY) = SpikeTicks(r.SomaSpikes, from, to, height: 0.06 * top);
        rates.AddSeries("spikes", tickX, tickY, "#000000", 1.0);
        return plot;
    }

    /// <summary>A vertical tick from 0 to <paramref name="height"/> at each spike in [from, to], as one broken line (the example's markers at 0).</summary>
    private static (double[] X, double[] Y) SpikeTicks(double[] spikes, double from, double to, double height)
    {
        var x = new List<double>();
        var y = new List<double>();
        foreach (double s in spikes)
        {
            if (s < from || s > to) continue;
            x.AddRange([s, s, double.NaN]);
            y.AddRange([0.0, height, double.NaN]);
        }
        return (x.ToArray(), y.ToArray());
    }

    /// <summary>The example's figure 2: weight trajectories (steps) of the synapses from every tenth parrot neuron (ids 2, 12, ..., 192) onto the neuron.</summary>
    public static LinePlot WeightPlot(UrbanczikRecording r)
    {
        var plot = new LinePlot(new LinePlotOptions { Title = "Synaptic weights of Urbanczik synapses", XTitle = "time [ms]", Width = 1000, PanelHeight = 400 });
        var panel = plot.AddPanel("weight");
        for (int sender = 2; sender < UrbanczikModel.PatternGenerators; sender += 10)
        {
            var x = new List<double>();
            var y = new List<double>();
            for (int i = 0; i < r.WeightTimes.Length; i++)
            {
                if (r.WeightSenders[i] != sender || r.WeightTargets[i] != 1) continue;
                if (y.Count > 0) { x.Add(r.WeightTimes[i]); y.Add(y[^1]); }
                x.Add(r.WeightTimes[i]);
                y.Add(r.Weights[i]);
            }
            if (x.Count > 0) panel.AddSeries($"pg_{sender - 2}", x.ToArray(), y.ToArray(), lineWidth: 1.2);
        }
        return plot;
    }

    /// <summary>RMS of U - U_M in each pattern repetition of the learning period.</summary>
    public static LinePlot LearningPlot(double[] rmsPerRepetition)
    {
        var plot = new LinePlot(new LinePlotOptions { Title = "Learning curve: RMS(U - U_M) per pattern repetition", XTitle = "pattern repetition", PanelHeight = 250 });
        double[] repetition = new double[rmsPerRepetition.Length];
        for (int i = 0; i < repetition.Length; i++) repetition[i] = i + 1;
        plot.AddPanel("RMS(U - U_M) [mV]").AddSeries("RMS(U - U_M)", repetition, rmsPerRepetition, "#00008b");
        return plot;
    }

    private static string F(double x) => x.ToString("R", CultureInfo.InvariantCulture);

    private static string WriteTraces(UrbanczikRecording r, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("time,V_s,V_d,V_d_star,U_M,g_ex,g_in,I_ex,I_in");
        for (int i = 0; i < r.Times.Length; i++)
            writer.WriteLine(string.Join(',', F(r.Times[i]), F(r.Vs[i]), F(r.Vd[i]), F(r.VdStar[i]), F(r.UM[i]), F(r.GEx[i]), F(r.GIn[i]), F(r.IEx[i]), F(r.IIn[i])));
        return path;
    }

    private static string WriteWeights(UrbanczikRecording r, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("time,sender,target,weight");
        for (int i = 0; i < r.WeightTimes.Length; i++)
        {
            writer.WriteLine(string.Join(',', F(r.WeightTimes[i]), r.WeightSenders[i].ToString(CultureInfo.InvariantCulture),
                r.WeightTargets[i].ToString(CultureInfo.InvariantCulture), F(r.Weights[i])));
        }

        return path;
    }

    private static string WriteSpikes(UrbanczikRecording r, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("time");
        foreach (double t in r.SomaSpikes) writer.WriteLine(F(t));
        return path;
    }

    private static string WriteLearningCurve(double[] rms, double tStart, double patternDuration, string path)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false));
        writer.WriteLine("repetition,t_from,t_to,rms_U_minus_U_M");
        for (int k = 0; k < rms.Length; k++)
        {
            writer.WriteLine(string.Join(',', (k + 1).ToString(CultureInfo.InvariantCulture), F(tStart + k * patternDuration),
                F(tStart + (k + 1) * patternDuration), F(rms[k])));
        }

        return path;
    }
}
