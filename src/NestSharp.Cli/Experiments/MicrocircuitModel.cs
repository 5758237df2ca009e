namespace NestSharp.Cli.Experiments;

/// <summary>Background input of the microcircuit: one Poisson generator per population, or a constant current.</summary>
public enum MicrocircuitBackground
{
    /// <summary>Each neuron receives K_ext independent Poisson trains at bg_rate (a generator at K_ext · bg_rate per population).</summary>
    Poisson,

    /// <summary>Each neuron receives the mean of that Poisson input as a constant current (I_e).</summary>
    Dc,
}

/// <summary>Distribution of the initial membrane potentials.</summary>
public enum MicrocircuitInitialPotential
{
    /// <summary>Per-population means and standard deviations that shorten the initial transient (the reference's default).</summary>
    Optimized,

    /// <summary>N(-58 mV, 10 mV) for every population, as in earlier implementations.</summary>
    Original,
}

/// <summary>
/// The parameters of the Potjans &amp; Diesmann (2014) cortical microcircuit and everything derived from them, as the
/// reference implementation (INM-6/microcircuit-PD14-model, release v1.0, commit 76e2699a; files
/// PyNEST/src/microcircuit/network_params.py, stimulus_params.py, helpers.py, network.py) derives them: population
/// sizes, total synapse numbers per pair of populations from the connection probabilities, PSP-to-PSC conversion,
/// weights, delays, background input and the compensation of down-scaled in-degrees. Matrices are indexed
/// [target, source]. Pure functions of the scaling factors, so tests can check them without building a network.
/// </summary>
public sealed class MicrocircuitModel
{
    /// <summary>Population names, in the reference's order (excitatory then inhibitory, per layer).</summary>
    public static readonly string[] Populations = ["L23E", "L23I", "L4E", "L4I", "L5E", "L5I", "L6E", "L6I"];

    /// <summary>Neurons per population at full scale (77,169 in all).</summary>
    public static readonly int[] FullNeurons = [20683, 5834, 21915, 5479, 4850, 1065, 14395, 2948];

    /// <summary>
    /// Mean rates (spikes/s) of one full-scale NEST run, kept by the reference to compensate down-scaled in-degrees
    /// (and as a rough check: they come from one simulation only).
    /// </summary>
    public static readonly double[] FullMeanRates = [0.903, 2.965, 4.414, 5.876, 7.569, 8.633, 1.105, 7.829];

    /// <summary>Connection probabilities [target, source] (Potjans &amp; Diesmann 2014, Table 5).</summary>
    public static readonly double[,] ConnectionProbabilities =
    {
        { 0.1009, 0.1689, 0.0437, 0.0818, 0.0323, 0.0, 0.0076, 0.0 },
        { 0.1346, 0.1371, 0.0316, 0.0515, 0.0755, 0.0, 0.0042, 0.0 },
        { 0.0077, 0.0059, 0.0497, 0.135, 0.0067, 0.0003, 0.0453, 0.0 },
        { 0.0691, 0.0029, 0.0794, 0.1597, 0.0033, 0.0, 0.1057, 0.0 },
        { 0.1004, 0.0622, 0.0505, 0.0057, 0.0831, 0.3726, 0.0204, 0.0 },
        { 0.0548, 0.0269, 0.0257, 0.0022, 0.06, 0.3158, 0.0086, 0.0 },
        { 0.0156, 0.0066, 0.0211, 0.0166, 0.0572, 0.0197, 0.0396, 0.2252 },
        { 0.0364, 0.001, 0.0034, 0.0005, 0.0277, 0.008, 0.0658, 0.1443 },
    };

    /// <summary>External (cortico-cortical) in-degrees per population at full scale.</summary>
    public static readonly int[] ExternalInDegrees = [1600, 1500, 2100, 1900, 2000, 1900, 2900, 2100];

    /// <summary>Optimized initial potentials: mean (mV) per population.</summary>
    public static readonly double[] OptimizedV0Mean = [-68.28, -63.16, -63.33, -63.45, -63.11, -61.66, -66.72, -61.43];

    /// <summary>Optimized initial potentials: standard deviation (mV) per population.</summary>
    public static readonly double[] OptimizedV0Std = [5.36, 4.57, 4.74, 4.94, 4.94, 4.55, 5.46, 4.48];

    /// <summary>Thalamic connection probabilities per target population.</summary>
    public static readonly double[] ThalamicConnectionProbabilities = [0.0, 0.0, 0.0983, 0.0619, 0.0, 0.0, 0.0512, 0.0196];

    /// <summary>Original initial potentials: N(-58 mV, 10 mV).</summary>
    public const double OriginalV0Mean = -58.0, OriginalV0Std = 10.0;

    /// <summary>Neuron parameters of iaf_psc_exp (mV, pF, ms); C_m and tau_m are NEST's defaults.</summary>
    public const double EL = -65.0, VTh = -50.0, VReset = -65.0, CM = 250.0, TauM = 10.0, TauSyn = 0.5, TRef = 2.0;

    /// <summary>Mean excitatory PSP (mV), relative inhibitory strength, relative weight spread.</summary>
    public const double PspExcitatoryMean = 0.15, G = -4.0, WeightRelativeStd = 0.1;

    /// <summary>Mean delays (ms) of excitatory and inhibitory connections and their relative spread.</summary>
    public const double DelayExcitatoryMean = 1.5, DelayInhibitoryMean = 0.75, DelayRelativeStd = 0.5;

    /// <summary>Rate of each external Poisson input (spikes/s) and its delay (ms).</summary>
    public const double BackgroundRate = 8.0, PoissonDelay = 1.5;

    /// <summary>Thalamic population size, rate (spikes/s), start and duration of its pulse (ms), PSP (mV), delay mean (ms) and relative spread.</summary>
    public const double ThalamicRate = 120.0, ThalamicStart = 700.0, ThalamicDuration = 10.0, ThalamicPsp = 0.15, ThalamicDelayMean = 1.5, ThalamicDelayRelativeStd = 0.5;

    /// <summary>Neurons of the thalamic population (not scaled).</summary>
    public const int ThalamicNeurons = 902;

    /// <summary>Derives the network for the given scaling of neuron numbers and in-degrees.</summary>
    public MicrocircuitModel(double scaleN, double scaleK, MicrocircuitBackground background)
    {
        if (!(scaleN > 0)) throw new ArgumentOutOfRangeException(nameof(scaleN), scaleN, "The neuron scaling must be positive.");
        if (!(scaleK > 0)) throw new ArgumentOutOfRangeException(nameof(scaleK), scaleK, "The in-degree scaling must be positive.");
        ScaleN = scaleN;
        ScaleK = scaleK;
        Background = background;
        int n = Populations.Length;
        double[,] fullSynapses = SynapsesFromProbabilities(ConnectionProbabilities, FullNeurons);
        Neurons = new int[n];
        Synapses = new long[n, n];
        ExternalInDegreesScaled = new int[n];
        for (int i = 0; i < n; i++)
        {
            Neurons[i] = (int)Math.Round(FullNeurons[i] * scaleN, MidpointRounding.ToEven);
            ExternalInDegreesScaled[i] = (int)Math.Round(ExternalInDegrees[i] * scaleK, MidpointRounding.ToEven);
            for (int j = 0; j < n; j++) Synapses[i, j] = (long)Math.Round(fullSynapses[i, j] * scaleN * scaleK, MidpointRounding.ToEven);
        }

        double pscOverPsp = PscOverPsp(CM, TauM, TauSyn);
        var meanWeights = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
                meanWeights[i, j] = PspExcitatoryMean * (j % 2 == 0 ? 1.0 : G) * (i == 0 && j == 2 ? 2.0 : 1.0) * pscOverPsp;
        }
        double externalWeight = PspExcitatoryMean * pscOverPsp;
        var dc = new double[n];
        if (background == MicrocircuitBackground.Dc)
        {
            for (int i = 0; i < n; i++) dc[i] = BackgroundRate * ExternalInDegrees[i] * externalWeight * TauSyn * 0.001;
        }

        ThalamicWeight = ThalamicPsp * pscOverPsp;
        if (scaleK != 1.0)
        {
            // Weights grow as 1/sqrt(K) to keep the input's variance; a DC current makes up the mean that the
            // fewer synapses no longer bring (recurrent input at the full network's rates, and with a Poisson
            // background the external input as well).
            double root = Math.Sqrt(scaleK);
            for (int i = 0; i < n; i++)
            {
                double recurrent = 0.0;
                for (int j = 0; j < n; j++) recurrent += meanWeights[i, j] * (fullSynapses[i, j] / FullNeurons[i]) * FullMeanRates[j];
                dc[i] += 0.001 * TauSyn * (1.0 - root) * recurrent;
                if (background == MicrocircuitBackground.Poisson)
                    dc[i] += 0.001 * TauSyn * (1.0 - root) * (externalWeight * ExternalInDegrees[i] * BackgroundRate);
                for (int j = 0; j < n; j++) meanWeights[i, j] /= root;
            }
            externalWeight /= root;
            ThalamicWeight /= root;
        }
        MeanWeights = meanWeights;
        ExternalWeight = externalWeight;
        DcAmplitudes = dc;

        ThalamicSynapses = new long[n];
        for (int i = 0; i < n; i++)
        {
            double p = ThalamicConnectionProbabilities[i];
            double product = (double)ThalamicNeurons * FullNeurons[i];
            double full = Math.Log(1.0 - p) / Math.Log((product - 1.0) / product);
            ThalamicSynapses[i] = (long)Math.Round(full * scaleK, MidpointRounding.ToEven);
        }
    }

    /// <summary>Factor of the neuron numbers.</summary>
    public double ScaleN { get; }

    /// <summary>Factor of the in-degrees.</summary>
    public double ScaleK { get; }

    /// <summary>The background input.</summary>
    public MicrocircuitBackground Background { get; }

    /// <summary>Neurons per population: round(N_full · scaleN).</summary>
    public int[] Neurons { get; }

    /// <summary>Synapses per [target, source] pair: round(K_full · scaleN · scaleK), connected with fixed_total_number.</summary>
    public long[,] Synapses { get; }

    /// <summary>Mean synaptic weight (pA) per [target, source] pair; excitatory positive, inhibitory negative.</summary>
    public double[,] MeanWeights { get; }

    /// <summary>Weight (pA) of the external Poisson input.</summary>
    public double ExternalWeight { get; }

    /// <summary>External in-degrees after scaling: round(K_ext · scaleK); the Poisson generator of a population fires at this · bg_rate.</summary>
    public int[] ExternalInDegreesScaled { get; }

    /// <summary>Constant input current (I_e, pA) per population: the DC background and the compensation of in-degree scaling.</summary>
    public double[] DcAmplitudes { get; }

    /// <summary>Mean weight (pA) of thalamic synapses.</summary>
    public double ThalamicWeight { get; }

    /// <summary>Thalamic synapses per target population (the reference scales them with scaleK only, not with scaleN).</summary>
    public long[] ThalamicSynapses { get; }

    /// <summary>Total number of recurrent synapses.</summary>
    public long TotalSynapses
    {
        get
        {
            long total = 0;
            foreach (long count in Synapses) total += count;
            return total;
        }
    }

    /// <summary>Mean delay (ms) of connections from the source population: 1.5 ms from excitatory, 0.75 ms from inhibitory ones.</summary>
    public static double MeanDelay(int source) => source % 2 == 0 ? DelayExcitatoryMean : DelayInhibitoryMean;

    /// <summary>
    /// Total synapse numbers for connection probabilities between populations of the given sizes: a pair of
    /// populations with N_pre · N_post possible pairs gets K = log(1 - p) / log(1 - 1/(N_pre N_post)) synapses drawn with
    /// replacement, so that each pair is connected at least once with probability p (Potjans &amp; Diesmann 2014, Eq. 1).
    /// </summary>
    public static double[,] SynapsesFromProbabilities(double[,] probabilities, int[] sizes)
    {
        int n = sizes.Length;
        var result = new double[n, n];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double product = (double)sizes[i] * sizes[j];
                result[i, j] = Math.Log(1.0 - probabilities[i, j]) / Math.Log((product - 1.0) / product);
            }
        }
        return result;
    }

    /// <summary>
    /// The current amplitude (pA) per mV of peak PSP for an exponential current into a leaky membrane: the peak of
    /// v(t) = (J e^{-t/τ_s}) * (e^{-t/τ_m}/C_m) over t, for J = 1 pA, inverted.
    /// </summary>
    public static double PscOverPsp(double cM, double tauM, double tauSyn)
    {
        double sub = 1.0 / (tauSyn - tauM);
        double pre = tauM * tauSyn / cM * sub;
        double frac = Math.Pow(tauM / tauSyn, sub);
        return 1.0 / (pre * (Math.Pow(frac, tauM) - Math.Pow(frac, tauSyn)));
    }
}
