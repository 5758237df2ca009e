using System.Diagnostics;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Experiments;

/// <summary>Settings of one run of <see cref="UrbanczikExperiment"/>; the defaults are the example's.</summary>
public sealed record UrbanczikParameters : IRunParameters
{
    /// <summary>Repetitions of the spike pattern while the teacher drives the soma (the example's n_pattern_rep).</summary>
    public int PatternRepetitions { get; init; } = 100;

    /// <summary>Duration of the spike pattern in ms (the example's pattern_duration).</summary>
    public double PatternDurationMs { get; init; } = 200.0;

    /// <summary>Kernel <c>rng_seed</c>, for both the pattern and the learning simulation.</summary>
    public long Seed { get; init; } = 143202461;

    /// <summary>Kernel <c>local_num_threads</c>; the results do not depend on it.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Directory the data (CSV) and the figures are written to; created if missing.</summary>
    public string OutputDirectory { get; init; } = "urbanczik-out";

    /// <summary>Checkpoints to save while simulating, and the one to resume from.</summary>
    public Checkpointing Checkpointing { get; init; } = Checkpointing.None;

    /// <summary>What a checkpoint of this run records of its settings: all but the threads and checkpoints.</summary>
    public string CheckpointDescription() =>
        Checkpointing.Describe("urbanczik", this with { Threads = 0, Checkpointing = Checkpointing.None });
}

/// <summary>What a checkpoint of the learning simulation of <see cref="UrbanczikExperiment"/> holds besides the simulator.</summary>
/// <param name="PatternTimes">The recorded pattern: each generator's spike times (ms).</param>
/// <param name="Neuron">The neuron's id.</param>
/// <param name="Parrots">The parrot neurons' ids (the plastic synapses' sources).</param>
/// <param name="PatternGenerators">The spike generators replaying the pattern.</param>
/// <param name="Multimeter">The multimeter's id.</param>
/// <param name="WeightRecorder">The weight recorder's id.</param>
/// <param name="SpikeRecorder">The soma's spike recorder's id.</param>
public sealed record UrbanczikProgress(
    double[][] PatternTimes, int Neuron, int[] Parrots, int[] PatternGenerators, int Multimeter, int WeightRecorder, int SpikeRecorder);

/// <summary>What the neuron and the synapses did: the multimeter samples, the derived potentials, the weights, the spikes.</summary>
/// <param name="Times">Sample times (ms), every resolution step.</param>
/// <param name="Vs">Somatic potential U (V_m.s, mV).</param>
/// <param name="Vd">Dendritic potential V_W (V_m.p, mV).</param>
/// <param name="VdStar">Dendritic prediction V_W* of the somatic potential (mV).</param>
/// <param name="UM">Matching potential U_M of the somatic conductances (mV; NaN while both are zero).</param>
/// <param name="GEx">Excitatory somatic conductance (g_ex.s, nS).</param>
/// <param name="GIn">Inhibitory somatic conductance (g_in.s, nS).</param>
/// <param name="IEx">Excitatory dendritic current (I_ex.p, pA).</param>
/// <param name="IIn">Inhibitory dendritic current (I_in.p, pA).</param>
/// <param name="WeightTimes">weight_recorder event times (ms).</param>
/// <param name="WeightSenders">weight_recorder event senders (the parrot neurons).</param>
/// <param name="WeightTargets">weight_recorder event targets (the neuron).</param>
/// <param name="Weights">The weight after each pre-synaptic spike.</param>
/// <param name="SomaSpikes">Spike times of the neuron (ms).</param>
public sealed record UrbanczikRecording(
    double[] Times, double[] Vs, double[] Vd, double[] VdStar, double[] UM, double[] GEx, double[] GIn, double[] IEx, double[] IIn,
    double[] WeightTimes, long[] WeightSenders, long[] WeightTargets, double[] Weights, double[] SomaSpikes);

/// <summary>What a run of <see cref="UrbanczikExperiment"/> measured and wrote.</summary>
/// <param name="Parameters">The settings of the run.</param>
/// <param name="TStartMs">Start of the teacher input and of the learning (two pattern durations).</param>
/// <param name="TEndMs">End of the teacher input.</param>
/// <param name="SimulationTimeMs">Model time simulated after the pattern was recorded.</param>
/// <param name="PatternSpikes">Spikes in the recorded pattern (all generators).</param>
/// <param name="Recording">The recorded data.</param>
/// <param name="RmsPerRepetition">RMS of U - U_M (mV) in each pattern repetition of the learning period.</param>
/// <param name="RmsFirstTwo">RMS of U - U_M (mV) over the first two repetitions of the learning period.</param>
/// <param name="RmsLastTwo">RMS of U - U_M (mV) over the last two repetitions of the learning period.</param>
/// <param name="SomaRateHz">Firing rate of the neuron over the learning period.</param>
/// <param name="FinalWeights">The weights of the 200 plastic synapses at the end.</param>
/// <param name="BuildTime">Wall-clock time of recording the pattern and building the network.</param>
/// <param name="SimulateTime">Wall-clock time of the Simulate calls of the learning simulation.</param>
/// <param name="Files">The files written: data (CSV) and figures (SVG and PNG).</param>
public sealed record UrbanczikResult(
    UrbanczikParameters Parameters,
    double TStartMs,
    double TEndMs,
    double SimulationTimeMs,
    long PatternSpikes,
    UrbanczikRecording Recording,
    double[] RmsPerRepetition,
    double RmsFirstTwo,
    double RmsLastTwo,
    double SomaRateHz,
    double[] FinalWeights,
    TimeSpan BuildTime,
    TimeSpan SimulateTime,
    WrittenFiles Files);

/// <summary>
/// NEST's urbanczik_synapse_example.py: a spike pattern of 200 Poisson spike trains (recorded once from poisson
/// generators through parrot neurons, then the kernel is reset) is presented repeatedly to the dendrite of a
/// pp_cond_exp_mc_urbanczik neuron through urbanczik_synapses, while spike generators with time-varying weights drive
/// the somatic conductances to a matching potential U_M (a sine). The dendritic synapses learn to make the dendrite
/// predict the somatic potential, so after learning the somatic potential U follows U_M. Writes the example's figures
/// (potentials, somatic conductances, dendritic currents, rates; weight trajectories), a learning curve, and the data.
/// </summary>
/// <remarks>Urbanczik R, Senn W (2014). Learning by the dendritic prediction of somatic spiking. Neuron 81, 521-528.</remarks>
public static class UrbanczikExperiment
{
    /// <summary>
    /// Builds the neuron and the spike pattern, simulates the presentations of the pattern (the teacher driving the soma
    /// during the learning period), reads out the devices and writes the data and figures; what it does goes to
    /// <paramref name="log"/>, and the model time reached after each presentation to <paramref name="progress"/>.
    /// </summary>
    public static UrbanczikResult Run(UrbanczikParameters parameters, TextWriter log, Action<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        if (parameters.PatternRepetitions < 2)
            throw new ArgumentOutOfRangeException(nameof(parameters), parameters.PatternRepetitions, "At least two pattern repetitions are needed.");
        string dataPath = Path.GetFullPath(parameters.OutputDirectory);
        Directory.CreateDirectory(dataPath);
        long startBuild = Stopwatch.GetTimestamp();

        // simulation params
        double patternDuration = parameters.PatternDurationMs;
        double tStart = 2.0 * patternDuration;
        double tEnd = parameters.PatternRepetitions * patternDuration + tStart;
        double simulationTime = tEnd + 2.0 * patternDuration;
        int nRepTotal = (int)Math.Round(simulationTime / patternDuration);
        const double resolution = UrbanczikModel.Resolution;

        var nest = new Simulator();
        var kernel = new Dictionary<string, object>
        {
            ["resolution"] = resolution, ["rng_seed"] = parameters.Seed, ["local_num_threads"] = parameters.Threads,
        };
        var checkpoints = parameters.Checkpointing;
        string description = parameters.CheckpointDescription();
        var network = checkpoints.ResumeOrBuild(nest, description, parameters.Threads, log, () =>
        {
            nest.SetKernelStatus(kernel);
            double[][] pattern = RecordPattern(nest, patternDuration, log);
            nest.ResetKernel();
            nest.SetKernelStatus(kernel);
            return Build(nest, pattern, simulationTime, patternDuration, tStart, tEnd);
        });
        double[][] tSrs = network.PatternTimes;
        long patternSpikes = tSrs.Sum(t => (long)t.Length);
        var (nrn, prrtNrns, sgProx) = (nest.Nodes(network.Neuron), nest.Nodes(network.Parrots), nest.Nodes(network.PatternGenerators));
        var (mm, wr, srSoma) = (nest.Nodes(network.Multimeter), nest.Nodes(network.WeightRecorder), nest.Nodes(network.SpikeRecorder));
        TimeSpan buildTime = Stopwatch.GetElapsedTime(startBuild);

        // simulation divided into intervals of the pattern duration
        log.WriteLine(FormattableString.Invariant(
            $"Simulating {nRepTotal} presentations of the pattern ({simulationTime} ms; teacher and learning from {tStart} to {tEnd} ms)"));
        long startSimulate = Stopwatch.GetTimestamp();
        var presentationEnds = new double[nRepTotal];
        for (int i = 0; i < nRepTotal; i++) presentationEnds[i] = (i + 1) * patternDuration;
        checkpoints.SimulateSegments(nest, presentationEnds, description, log,
            beforeSegment: i =>
            {
                // set the spike times of the pattern for each spike generator
                for (int g = 0; g < sgProx.Count; g++)
                    sgProx[g].Set("spike_times", Array.ConvertAll(tSrs[g], t => t + i * patternDuration));
            },
            afterSegment: _ => progress?.Invoke(nest.BiologicalTime),
            progress: () => network);
        TimeSpan simulateTime = Stopwatch.GetElapsedTime(startSimulate);

        // read out devices
        var recording = ReadOut(mm, wr, srSoma);
        double[] rmsPerRepetition = new double[parameters.PatternRepetitions];
        for (int k = 0; k < rmsPerRepetition.Length; k++)
            rmsPerRepetition[k] = RmsDeviation(recording, tStart + k * patternDuration, tStart + (k + 1) * patternDuration);
        double rmsFirst = RmsDeviation(recording, tStart, tStart + 2.0 * patternDuration);
        double rmsLast = RmsDeviation(recording, tEnd - 2.0 * patternDuration, tEnd);
        long learningSpikes = recording.SomaSpikes.LongCount(t => t > tStart && t <= tEnd);
        double[] finalWeights = nest.GetConnections(prrtNrns, nrn).Weight;
        log.WriteLine(FormattableString.Invariant(
            $"RMS(U - U_M): {rmsFirst:F2} mV in the first two repetitions, {rmsLast:F2} mV in the last two"));

        var files = UrbanczikOutput.Write(recording, rmsPerRepetition, tStart, tEnd, patternDuration, dataPath);

        return new UrbanczikResult(
            Parameters: parameters,
            TStartMs: tStart,
            TEndMs: tEnd,
            SimulationTimeMs: simulationTime,
            PatternSpikes: patternSpikes,
            Recording: recording,
            RmsPerRepetition: rmsPerRepetition,
            RmsFirstTwo: rmsFirst,
            RmsLastTwo: rmsLast,
            SomaRateHz: learningSpikes / (tEnd - tStart) * 1000.0,
            FinalWeights: finalWeights,
            BuildTime: buildTime,
            SimulateTime: simulateTime,
            Files: files);
    }

    /// <summary>
    /// The example's first simulation: the spikes of <see cref="UrbanczikModel.PatternGenerators"/> Poisson generators
    /// (through parrot neurons) during <paramref name="patternDuration"/>, each generator's spike times.
    /// </summary>
    private static double[][] RecordPattern(Simulator nest, double patternDuration, TextWriter log)
    {
        // dendritic input: record the spikes of n_pg poisson generators (through parrot neurons); the recorded spike
        // times are then given to spike generators
        log.WriteLine($"Recording a pattern of {UrbanczikModel.PatternGenerators} Poisson spike trains ({patternDuration} ms)");
        const int nPg = UrbanczikModel.PatternGenerators;
        var pgs = nest.Create("poisson_generator", nPg, new() { ["rate"] = UrbanczikModel.PatternRate });
        var prrtNrnsPg = nest.Create("parrot_neuron", nPg);
        nest.Connect(pgs, prrtNrnsPg, Rule.OneToOne());
        var sr = nest.Create("spike_recorder", nPg);
        nest.Connect(prrtNrnsPg, sr, Rule.OneToOne());
        nest.Simulate(patternDuration);
        double[][] tSrs = sr.Select(r => (double[])((Dictionary<string, object>)r.Get("events"))["times"]).ToArray();
        return tSrs;
    }

    /// <summary>Creates and connects the learning simulation's neuron, inputs and recorders.</summary>
    private static UrbanczikProgress Build(
        Simulator nest, double[][] tSrs, double simulationTime, double patternDuration, double tStart, double tEnd)
    {
        const double resolution = UrbanczikModel.Resolution;
        const int nPg = UrbanczikModel.PatternGenerators;
        // neuron and devices
        var nrn = nest.Create(UrbanczikModel.NeuronModel, 1, UrbanczikModel.NeuronParameters());
        var syns = (IReadOnlyDictionary<string, int>)nest.GetDefaults(UrbanczikModel.NeuronModel)["receptor_types"];
        var prrtNrns = nest.Create("parrot_neuron", nPg);

        // excitatory and inhibitory input to the soma: a spike every step, weighted by the teacher signals
        int somaInputs = (int)Math.Round((simulationTime - resolution) / resolution);
        var spikeTimesSomaInp = new double[somaInputs];
        for (int i = 0; i < somaInputs; i++) spikeTimesSomaInp[i] = resolution + i * resolution;
        double freq = 2.0 / patternDuration;
        var sgSomaExc = nest.Create("spike_generator", 1, new()
        {
            ["spike_times"] = spikeTimesSomaInp,
            ["spike_weights"] = Array.ConvertAll(spikeTimesSomaInp, t => UrbanczikModel.ExcitatoryTeacher(t, 2.0 * Math.PI * freq, tStart, tEnd)),
        });
        var sgSomaInh = nest.Create("spike_generator", 1, new()
        {
            ["spike_times"] = spikeTimesSomaInp,
            ["spike_weights"] = Array.ConvertAll(spikeTimesSomaInp, t => UrbanczikModel.InhibitoryTeacher(t, tStart, tEnd)),
        });
        // excitatory input to the dendrite
        var sgProx = nest.Create("spike_generator", nPg);

        // recording all recordables of the neuron, the weights of the plastic synapses, and the neuron's spikes
        var rqs = (string[])nest.GetDefaults(UrbanczikModel.NeuronModel)["recordables"];
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = rqs, ["interval"] = resolution });
        var wr = nest.Create("weight_recorder");
        var srSoma = nest.Create("spike_recorder");

        // connections
        nest.Connect(sgProx, prrtNrns, Rule.OneToOne());
        nest.CopyModel(UrbanczikModel.SynapseModel, UrbanczikModel.RecordedSynapseModel, new() { ["weight_recorder"] = wr });
        nest.Connect(prrtNrns, nrn, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = UrbanczikModel.RecordedSynapseModel,
            ["receptor_type"] = syns["dendritic_exc"],
            ["tau_Delta"] = UrbanczikModel.TauDelta,
            ["eta"] = UrbanczikModel.Eta,
            ["weight"] = UrbanczikModel.InitialWeight,
            ["Wmax"] = UrbanczikModel.Wmax,
            ["delay"] = resolution,
        });
        nest.Connect(mm, nrn, syn: new Dictionary<string, object> { ["delay"] = 0.1 });
        nest.Connect(sgSomaExc, nrn, syn: new Dictionary<string, object>
        {
            ["receptor_type"] = syns["soma_exc"], ["weight"] = 10.0 * resolution, ["delay"] = resolution,
        });
        nest.Connect(sgSomaInh, nrn, syn: new Dictionary<string, object>
        {
            ["receptor_type"] = syns["soma_inh"], ["weight"] = 10.0 * resolution, ["delay"] = resolution,
        });
        nest.Connect(nrn, srSoma);
        return new UrbanczikProgress(tSrs, nrn.Ids[0], [.. prrtNrns.Ids], [.. sgProx.Ids], mm.Ids[0], wr.Ids[0], srSoma.Ids[0]);
    }

    /// <summary>The multimeter, weight recorder and spike recorder events, with V_W* and U_M derived as the example does.</summary>
    private static UrbanczikRecording ReadOut(NodeCollection mm, NodeCollection wr, NodeCollection srSoma)
    {
        var mmEvents = (Dictionary<string, object>)mm.Get("events");
        double[] t = (double[])mmEvents["times"];
        double[] vS = (double[])mmEvents["V_m.s"];
        double[] vD = (double[])mmEvents["V_m.p"];
        double[] vDStar = Array.ConvertAll(vD, UrbanczikModel.DendriticPrediction);
        double[] gIn = (double[])mmEvents["g_in.s"];
        double[] gEx = (double[])mmEvents["g_ex.s"];
        double[] iEx = (double[])mmEvents["I_ex.p"];
        double[] iIn = (double[])mmEvents["I_in.p"];
        var uM = new double[t.Length];
        for (int i = 0; i < uM.Length; i++) uM[i] = UrbanczikModel.MatchingPotential(gEx[i], gIn[i]);

        var wrEvents = (Dictionary<string, object>)wr.Get("events");
        var spikes = (Dictionary<string, object>)srSoma.Get("events");
        return new UrbanczikRecording(t, vS, vD, vDStar, uM, gEx, gIn, iEx, iIn,
            (double[])wrEvents["times"], (long[])wrEvents["senders"], (long[])wrEvents["targets"], (double[])wrEvents["weights"],
            (double[])spikes["times"]);
    }

    /// <summary>Root mean square of U - U_M (mV) over the samples with <paramref name="from"/> &lt; t &lt;= <paramref name="to"/>.</summary>
    public static double RmsDeviation(UrbanczikRecording recording, double from, double to)
    {
        double sum = 0;
        long n = 0;
        double[] t = recording.Times;
        for (int i = 0; i < t.Length; i++)
        {
            if (t[i] <= from + 1e-9 || t[i] > to + 1e-9) continue;
            double d = recording.Vs[i] - recording.UM[i];
            sum += d * d;
            n++;
        }
        return n == 0 ? double.NaN : Math.Sqrt(sum / n);
    }
}
