using System.Globalization;
using System.Text;
using NestSharp.Plotting;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="ClopathPairingExperiment"/>.</summary>
public sealed record ClopathPairingParameters
{
    /// <summary>
    /// Pairing frequencies (Hz), each above 0 and at most <see cref="ClopathPairingExperiment.MaximumFrequencyHz"/>;
    /// by default the example's five and 0.1 Hz.
    /// </summary>
    public IReadOnlyList<double> FrequenciesHz { get; init; } = ClopathPairingExperiment.DefaultFrequenciesHz;

    /// <summary>Directory the curves (CSV) and the figure are written to; created if missing.</summary>
    public string OutputDirectory { get; init; } = "clopath-pairing-out";

    /// <summary>Checkpoints to save while simulating (the model time of each protocol's simulation), and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the checkpoints.</summary>
    public string CheckpointDescription() =>
        Checkpointing.Describe("clopath-pairing", this with { Checkpointing = Checkpointing.None });
}

/// <summary>
/// What a checkpoint of <see cref="ClopathPairingExperiment"/> holds besides the simulator of the protocol under way:
/// the protocols done before it (pre-post and post-pre at each frequency in turn) and its weight recorder.
/// </summary>
/// <param name="Done">The protocols finished, in the order they ran.</param>
/// <param name="WeightRecorder">The weight recorder's id in the protocol under way.</param>
public sealed record ClopathPairingProgress(ClopathPairingPoint[] Done, int WeightRecorder);

/// <summary>The pre- and post-synaptic spike times of one pairing protocol and the weight it left.</summary>
/// <param name="FrequencyHz">Repetition frequency of the pairs, rho.</param>
/// <param name="OffsetMs">t_post - t_pre within a pair: +10 ms (pre-post) or -10 ms (post-pre).</param>
/// <param name="PreSpikeTimes">Times of the pre-synaptic spike generator (ms).</param>
/// <param name="PostSpikeTimes">Times of the spike generator that makes the neuron fire (ms).</param>
/// <param name="FinalWeight">The weight after the last pre-synaptic spike (the weight recorder's last event).</param>
public sealed record ClopathPairingPoint(double FrequencyHz, double OffsetMs, double[] PreSpikeTimes, double[] PostSpikeTimes, double FinalWeight)
{
    /// <summary>(w - w0) / w0.</summary>
    public double RelativeChange => (FinalWeight - ClopathPairingExperiment.InitialWeight) / ClopathPairingExperiment.InitialWeight;

    /// <summary>
    /// The example's scaling, comparable to Clopath et al. (2010) fig. 2b: 100 · 15 · (w - w0)/w0 + 100 (percent of the
    /// initial weight, as if the five pairings were fifteen times as many).
    /// </summary>
    public double NormalizedWeight => 100.0 * 15.0 * RelativeChange + 100.0;
}

/// <summary>What a run of <see cref="ClopathPairingExperiment"/> measured and wrote.</summary>
/// <param name="PrePost">Pre-before-post pairs (t_post - t_pre = +10 ms), one per frequency in the order given.</param>
/// <param name="PostPre">Post-before-pre pairs (t_post - t_pre = -10 ms), likewise.</param>
/// <param name="CsvFile">The weights of both curves as CSV.</param>
/// <param name="Figure">The curves drawn: the SVG and the PNG.</param>
public sealed record ClopathPairingResult(
    IReadOnlyList<ClopathPairingPoint> PrePost,
    IReadOnlyList<ClopathPairingPoint> PostPre,
    string CsvFile,
    SaveResult Figure);

/// <summary>
/// NEST's <c>clopath_synapse_spike_pairing.py</c> (Clopath et al. 2010, fig. 2b; data of Sjöström et al. 2001): one
/// <c>aeif_psc_delta_clopath</c> neuron receives a Clopath synapse (initial weight 0.5) from a parrot neuron relaying a
/// spike generator, and is made to fire by a second spike generator (weight 80 mV). Five pairs of a pre- and a
/// post-synaptic spike, 10 ms apart, are repeated at a frequency rho; the weight after the last pre-synaptic spike
/// is measured, for pre-post pairs (post 10 ms after pre) and post-pre pairs (post 10 ms before pre). In the model,
/// as in the data, post-pre pairs depress at low frequencies and pre-post pairs potentiate more the higher rho.
/// </summary>
/// <remarks>
/// For the example's frequencies (10, 20, 30, 40, 50 Hz) the spike times are the example's own; for others they
/// follow the same pattern: post-pre, post at 10 + kT and pre at 20 + kT (k = 0..4); pre-post, pre at 20 + (k+1)T and
/// post 10 ms later (k = 0..5, so that the weight, updated at pre-synaptic spikes, includes five pairings), with
/// T = 1000/rho ms, rounded to the 0.1 ms grid.
/// Clopath C, Büsing L, Vasilaki E, Gerstner W (2010). Connectivity reflects coding: a model of voltage-based STDP
/// with homeostasis. Nature Neuroscience 13:3, 344-352. Sjöström PJ, Turrigiano GG, Nelson SB (2001). Rate, timing, and
/// cooperativity jointly determine cortical synaptic plasticity. Neuron 32:1149-1164.
/// </remarks>
public static class ClopathPairingExperiment
{
    /// <summary>File of the weight changes against pairing frequency, both orders (CSV, in the output directory).</summary>
    public const string CsvFileName = "clopath_spike_pairing.csv";

    /// <summary>File of the normalised weight against pairing frequency (SVG).</summary>
    public const string FigureFileName = "clopath_spike_pairing.svg";

    /// <summary>Initial weight of the Clopath synapse, w0.</summary>
    public const double InitialWeight = 0.5;

    /// <summary>Highest pairing frequency (Hz): above it the period is shorter than two pairing offsets and pairs interleave.</summary>
    public const double MaximumFrequencyHz = 50.0;

    /// <summary>The example's pairing frequencies (Hz).</summary>
    public static readonly IReadOnlyList<double> ExampleFrequenciesHz = [10.0, 20.0, 30.0, 40.0, 50.0];

    /// <summary>The example's frequencies and 0.1 Hz, the lowest of Clopath et al. (2010) fig. 2b and of the data it shows.</summary>
    public static readonly IReadOnlyList<double> DefaultFrequenciesHz = [0.1, .. ExampleFrequenciesHz];

    /// <summary>Simulation step (ms).</summary>
    public const double Resolution = 0.1;
    private const double StepsPerMs = 10.0; // 1 / Resolution
    private const double PairingOffset = 10.0; // ms

    private static readonly Dictionary<string, object> NeuronParameters = new()
    {
        ["V_m"] = -70.6, ["E_L"] = -70.6, ["C_m"] = 281.0, ["theta_minus"] = -70.6, ["theta_plus"] = -45.3,
        ["A_LTD"] = 14.0e-5, ["A_LTP"] = 8.0e-5, ["tau_u_bar_minus"] = 10.0, ["tau_u_bar_plus"] = 7.0,
        ["delay_u_bars"] = 4.0, ["a"] = 4.0, ["b"] = 0.0805, ["V_reset"] = -70.6 + 21.0, ["V_clamp"] = 33.0,
        ["t_clamp"] = 2.0, ["t_ref"] = 0.0,
    };

    // The example's hard-coded spike times, per frequency: (pre, post) of the post-pre and of the pre-post protocol.
    private static readonly Dictionary<double, (double[] Pre, double[] Post)> ExamplePostPre = new()
    {
        [10.0] = ([20.0, 120.0, 220.0, 320.0, 420.0], [10.0, 110.0, 210.0, 310.0, 410.0]),
        [20.0] = ([20.0, 70.0, 120.0, 170.0, 220.0], [10.0, 60.0, 110.0, 160.0, 210.0]),
        [30.0] = ([20.0, 53.3, 86.7, 120.0, 153.3], [10.0, 43.3, 76.7, 110.0, 143.3]),
        [40.0] = ([20.0, 45.0, 70.0, 95.0, 120.0], [10.0, 35.0, 60.0, 85.0, 110.0]),
        [50.0] = ([20.0, 40.0, 60.0, 80.0, 100.0], [10.0, 30.0, 50.0, 70.0, 90.0]),
    };

    private static readonly Dictionary<double, (double[] Pre, double[] Post)> ExamplePrePost = new()
    {
        [10.0] = ([120.0, 220.0, 320.0, 420.0, 520.0, 620.0], [130.0, 230.0, 330.0, 430.0, 530.0, 630.0]),
        [20.0] = ([70.0, 120.0, 170.0, 220.0, 270.0, 320.0], [80.0, 130.0, 180.0, 230.0, 280.0, 330.0]),
        [30.0] = ([53.3, 86.6, 120.0, 153.3, 186.6, 220.0], [63.3, 96.6, 130.0, 163.3, 196.6, 230.0]),
        [40.0] = ([45.0, 70.0, 95.0, 120.0, 145.0, 170.0], [55.0, 80.0, 105.0, 130.0, 155.0, 180.0]),
        [50.0] = ([40.0, 60.0, 80.0, 100.0, 120.0, 140.0], [50.0, 70.0, 90.0, 110.0, 130.0, 150.0]),
    };

    /// <summary>True when <paramref name="frequencyHz"/> can be paired: above 0 and at most <see cref="MaximumFrequencyHz"/>.</summary>
    public static bool IsValidFrequency(double frequencyHz) => frequencyHz > 0 && frequencyHz <= MaximumFrequencyHz;

    /// <summary>Runs both protocols at every frequency and writes the curves (CSV) and the figure.</summary>
    public static ClopathPairingResult Run(ClopathPairingParameters parameters, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        ArgumentNullException.ThrowIfNull(log);
        var frequencies = parameters.FrequenciesHz;
        if (frequencies.Count == 0) throw new ArgumentException("Give at least one pairing frequency.", nameof(parameters));
        string directory = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(directory);

        // The protocols run in turn: pre-post then post-pre at each frequency; a resumed run continues the one under way.
        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        var done = new List<ClopathPairingPoint>();
        Simulator? resumed = null;
        int resumedRecorder = 0;
        if (checkpoints.Resumes)
        {
            resumed = new Simulator();
            var saved = checkpoints.Resume<ClopathPairingProgress>(resumed, description, threads: 1, TextWriter.Null);
            done.AddRange(saved.Done);
            resumedRecorder = saved.WeightRecorder;
            log.WriteLine(FormattableString.Invariant(
                $"Resumed protocol {done.Count + 1} of {2 * frequencies.Count} at {resumed.BiologicalTime:0.###} ms from {checkpoints.ResumeFrom}"));
        }
        for (int k = done.Count; k < 2 * frequencies.Count; k++)
        {
            double frequency = frequencies[k / 2];
            double offset = k % 2 == 0 ? +PairingOffset : -PairingOffset;
            var (preTimes, postTimes) = SpikeTimes(frequency, offset);
            var (nest, wr) = resumed is not null && k == done.Count && resumedRecorder > 0
                ? (resumed, resumed.Nodes(resumedRecorder))
                : Protocol(preTimes, postTimes);
            int recorder = wr.Ids[0];
            checkpoints.SimulateSegments(nest, [Duration(preTimes, postTimes)], description, log,
                progress: () => new ClopathPairingProgress([.. done], recorder));
            resumed = null;
            done.Add(new ClopathPairingPoint(frequency, offset, preTimes, postTimes, LastWeight(wr, preTimes.Length)));
            if (k % 2 == 1)
            {
                log.WriteLine(FormattableString.Invariant(
                    $"rho = {frequency,5:0.###} Hz: pre-post {done[^2].NormalizedWeight,7:F2}, post-pre {done[^1].NormalizedWeight,7:F2} (normalized weight)"));
            }
        }
        var prePost = done.Where(point => point.OffsetMs > 0).ToList();
        var postPre = done.Where(point => point.OffsetMs < 0).ToList();

        string csvFile = Path.Combine(directory, CsvFileName);
        WriteCurves(csvFile, prePost, postPre);
        var figure = Plot(prePost, postPre).Save(Path.Combine(directory, Path.ChangeExtension(FigureFileName, ".png")));
        return new ClopathPairingResult(prePost, postPre, csvFile, figure);
    }

    /// <summary>
    /// The pre- and post-synaptic spike times of the protocol with <paramref name="offsetMs"/> (+10 pre-post, -10
    /// post-pre) at <paramref name="frequencyHz"/>: the example's for its frequencies, else the same pattern.
    /// </summary>
    public static (double[] Pre, double[] Post) SpikeTimes(double frequencyHz, double offsetMs)
    {
        if (!IsValidFrequency(frequencyHz))
            throw new ArgumentOutOfRangeException(nameof(frequencyHz), frequencyHz, $"The pairing frequency must be above 0 and at most {MaximumFrequencyHz} Hz.");
        if (Math.Abs(offsetMs) != PairingOffset)
            throw new ArgumentOutOfRangeException(nameof(offsetMs), offsetMs, $"The pairing offset is +{PairingOffset} or -{PairingOffset} ms.");
        bool prePost = offsetMs > 0;
        var table = prePost ? ExamplePrePost : ExamplePostPre;
        if (table.TryGetValue(frequencyHz, out var times)) return ([.. times.Pre], [.. times.Post]);

        double period = 1000.0 / frequencyHz;
        int spikes = prePost ? 6 : 5;
        var pre = new double[spikes];
        var post = new double[spikes];
        for (int k = 0; k < spikes; k++)
        {
            pre[k] = OnGrid(prePost ? 20.0 + (k + 1) * period : 20.0 + k * period);
            post[k] = OnGrid(prePost ? pre[k] + PairingOffset : 10.0 + k * period);
        }
        return (pre, post);
    }

    // Rounded to 0.1 ms; dividing the whole number of steps by 10 (rather than multiplying by 0.1) gives the double
    // nearest to the decimal time, as the example's literals are.
    private static double OnGrid(double ms) => Math.Round(ms * StepsPerMs) / StepsPerMs;

    /// <summary>Simulates the protocol with <paramref name="offsetMs"/> at <paramref name="frequencyHz"/> (<see cref="SpikeTimes"/>).</summary>
    public static ClopathPairingPoint Pair(double frequencyHz, double offsetMs)
    {
        var (preTimes, postTimes) = SpikeTimes(frequencyHz, offsetMs);
        return new ClopathPairingPoint(frequencyHz, offsetMs, preTimes, postTimes, FinalWeight(preTimes, postTimes));
    }

    /// <summary>
    /// One loop iteration of the example: the neuron, fired by spikes at <paramref name="postSpikeTimes"/> (+ 0.1 ms
    /// delay), receives a Clopath synapse from a parrot neuron relaying spikes at <paramref name="preSpikeTimes"/>;
    /// simulated until 10 ms after the last spike. Returns the weight after the last pre-synaptic spike.
    /// </summary>
    public static double FinalWeight(double[] preSpikeTimes, double[] postSpikeTimes)
    {
        ArgumentNullException.ThrowIfNull(preSpikeTimes);
        ArgumentNullException.ThrowIfNull(postSpikeTimes);
        if (preSpikeTimes.Length == 0 || postSpikeTimes.Length == 0)
            throw new ArgumentException("Both spike trains need at least one spike.", nameof(preSpikeTimes));
        var (nest, wr) = Protocol(preSpikeTimes, postSpikeTimes);
        nest.Simulate(Duration(preSpikeTimes, postSpikeTimes));
        return LastWeight(wr, preSpikeTimes.Length);
    }

    /// <summary>The model time a protocol simulates: until 10 ms after the last spike.</summary>
    private static double Duration(double[] preSpikeTimes, double[] postSpikeTimes) =>
        10.0 + Math.Max(preSpikeTimes[^1], postSpikeTimes[^1]);

    /// <summary>The simulator of one protocol (see <see cref="FinalWeight"/>), built, and its weight recorder.</summary>
    private static (Simulator Nest, NodeCollection WeightRecorder) Protocol(double[] preSpikeTimes, double[] postSpikeTimes)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Resolution });

        var nrn = nest.Create("aeif_psc_delta_clopath", 1, NeuronParameters);
        // a parrot neuron, since spike generators connect through static synapses only
        var prrtNrn = nest.Create("parrot_neuron");
        var spikeGenPre = nest.Create("spike_generator", 1, new() { ["spike_times"] = preSpikeTimes });
        nest.Connect(spikeGenPre, prrtNrn, syn: new Dictionary<string, object> { ["delay"] = Resolution });
        var spikeGenPost = nest.Create("spike_generator", 1, new() { ["spike_times"] = postSpikeTimes });
        nest.Connect(spikeGenPost, nrn, syn: new Dictionary<string, object> { ["delay"] = Resolution, ["weight"] = 80.0 });

        var wr = nest.Create("weight_recorder");
        nest.CopyModel("clopath_synapse", "clopath_synapse_rec", new() { ["weight_recorder"] = wr });
        nest.Connect(prrtNrn, nrn, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "clopath_synapse_rec", ["weight"] = InitialWeight, ["delay"] = Resolution,
        });

        return (nest, wr);
    }

    /// <summary>The weight after the last of <paramref name="preSpikes"/> pre-synaptic spikes: the weight recorder's last event.</summary>
    private static double LastWeight(NodeCollection wr, int preSpikes)
    {
        var weights = (double[])((Dictionary<string, object>)wr.Get("events"))["weights"];
        if (weights.Length != preSpikes)
            throw new InvalidOperationException($"The weight recorder holds {weights.Length} events for {preSpikes} pre-synaptic spikes.");
        return weights[^1];
    }

    /// <summary>
    /// Writes both curves as CSV: <c>frequency_hz,pairing,offset_ms,initial_weight,final_weight,normalized_weight</c>,
    /// one row per frequency and protocol.
    /// </summary>
    public static void WriteCurves(string path, IReadOnlyList<ClopathPairingPoint> prePost, IReadOnlyList<ClopathPairingPoint> postPre)
    {
        ArgumentNullException.ThrowIfNull(prePost);
        ArgumentNullException.ThrowIfNull(postPre);
        var invariant = CultureInfo.InvariantCulture;
        var text = new StringBuilder("frequency_hz,pairing,offset_ms,initial_weight,final_weight,normalized_weight\n");
        foreach (var (points, name) in new[] { (prePost, "pre-post"), (postPre, "post-pre") })
        {
            foreach (var point in points)
            {
                text.Append(point.FrequencyHz.ToString("R", invariant)).Append(',').Append(name).Append(',')
                    .Append(point.OffsetMs.ToString("R", invariant)).Append(',')
                    .Append(InitialWeight.ToString("R", invariant)).Append(',')
                    .Append(point.FinalWeight.ToString("R", invariant)).Append(',')
                    .Append(point.NormalizedWeight.ToString("R", invariant)).Append('\n');
            }
        }
        File.WriteAllText(path, text.ToString());
    }

    /// <summary>The example's figure: normalized weight against rho for both protocols, with the no-change level (100) in grey.</summary>
    public static LinePlot Plot(IReadOnlyList<ClopathPairingPoint> prePost, IReadOnlyList<ClopathPairingPoint> postPre)
    {
        ArgumentNullException.ThrowIfNull(prePost);
        ArgumentNullException.ThrowIfNull(postPre);
        static (double[] X, double[] Y) Curve(IReadOnlyList<ClopathPairingPoint> points)
        {
            var sorted = points.OrderBy(p => p.FrequencyHz).ToArray();
            return (sorted.Select(p => p.FrequencyHz).ToArray(), sorted.Select(p => p.NormalizedWeight).ToArray());
        }
        var (xPrePost, yPrePost) = Curve(prePost);
        var (xPostPre, yPostPre) = Curve(postPre);
        double xMax = Math.Max(xPrePost.DefaultIfEmpty(0).Max(), xPostPre.DefaultIfEmpty(0).Max());
        // room above the curves for the legend in the top right corner
        double yMin = Math.Min(90.0, Math.Min(yPrePost.DefaultIfEmpty(100).Min(), yPostPre.DefaultIfEmpty(100).Min()));
        double yMax = Math.Max(110.0, Math.Max(yPrePost.DefaultIfEmpty(100).Max(), yPostPre.DefaultIfEmpty(100).Max()));
        var yRange = new DataRange(yMin - 0.05 * (yMax - yMin), yMax + 0.3 * (yMax - yMin));
        var plot = new LinePlot(new LinePlotOptions
        {
            Title = "synaptic weight",
            XTitle = "rho (Hz)",
            XRange = new DataRange(0.0, Math.Max(xMax, 1.0)),
            PanelHeight = 320,
        });
        plot.AddPanel("normalized weight change", yRange)
            .AddSeries("", [0.0, Math.Max(xMax, 1.0)], [100.0, 100.0], "#aaaaaa", 1.0)
            .AddSeries("pre-post pairing", xPrePost, yPrePost, "#0000ff", 2.5)
            .AddSeries("post-pre pairing", xPostPre, yPostPre, "#008000", 2.5);
        return plot;
    }
}
