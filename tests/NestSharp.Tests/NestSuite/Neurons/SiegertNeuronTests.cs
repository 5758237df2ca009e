namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's test_siegert_neuron.py: the rate a siegert_neuron predicts for white-noise input of mean mu and standard
/// deviation sigma (given through a diffusion_connection from a siegert_neuron held at rate 1) agrees with the rate of
/// 50 iaf_psc_delta neurons driven by a noise_generator of those statistics (within 10 %), with NEST's hard-coded
/// value at threshold and with the noise-free limit (a statistical test: fixed seed).
/// </summary>
public sealed class SiegertNeuronTests
{
    private const double Rtol = 1e-1;
    private const int N = 50;
    private const double Simtime = 600.0, Dt = 0.01, Start = 100.0;
    private const double VTh = -55.0, VReset = -70.0, EL = -70.0, TauM = 10.0, TRef = 2.0, Cm = 250.0;

    private static Simulator SetUp()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Dt, ["use_wfr"] = false, ["rng_seed"] = 123456L });
        return nest;
    }

    private static (double RatePrediction, double RateIaf) SimulateFixInputStats(double mu, double sigma)
    {
        var nest = SetUp();
        var lifParams = new Dictionary<string, object>
        {
            ["V_th"] = VTh, ["V_reset"] = VReset, ["E_L"] = EL, ["tau_m"] = TauM, ["t_ref"] = TRef, ["C_m"] = Cm,
        };
        var iafPscDelta = nest.Create("iaf_psc_delta", N, lifParams);
        var noiseGenerator = nest.Create("noise_generator", 1, new() { ["dt"] = Dt });
        var spikeRecorder = nest.Create("spike_recorder", 1, new() { ["start"] = Start });
        nest.Connect(noiseGenerator, iafPscDelta);
        nest.Connect(iafPscDelta, spikeRecorder);

        var siegertParams = new Dictionary<string, object>
        {
            ["tau_m"] = TauM, ["t_ref"] = TRef, ["theta"] = VTh - EL, ["V_reset"] = VReset - EL,
        };
        var siegertNeuron = nest.Create("siegert_neuron", 1, siegertParams);
        var siegertDrive = nest.Create("siegert_neuron", 1, new() { ["mean"] = 1.0, ["rate"] = 1.0 });
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = Dt });
        nest.Connect(siegertDrive, siegertNeuron, syn: new Dictionary<string, object>
        {
            ["drift_factor"] = mu, ["diffusion_factor"] = sigma * sigma, ["synapse_model"] = "diffusion_connection",
        });
        nest.Connect(multimeter, siegertNeuron);

        // The noise generator's statistics (dt_scaling: doc/htmldoc/model_details/noise_generator.ipynb; var(V) = sigma²/2).
        double mVToPA = Cm / TauM;
        double expDt = Math.Exp(-Dt / TauM);
        double dtScaling = Math.Sqrt((1 + expDt) / (1 - expDt));
        double mean = mVToPA * mu;
        double std = mVToPA * sigma * dtScaling / Math.Sqrt(2);
        noiseGenerator.Set(new Dictionary<string, object> { ["mean"] = mean, ["std"] = std });

        // The initial membrane potentials with the stationary statistics.
        iafPscDelta.Set("V_m", nest.Random.Normal(mean: mu, std: sigma / Math.Sqrt(2)));

        nest.Simulate(Simtime);

        var senders = NestSuiteHelpers.Longs(multimeter, "senders");
        var rates = NestSuiteHelpers.Doubles(multimeter, "rate");
        double ratePrediction = rates.Where((_, i) => senders[i] == siegertNeuron.Ids[0]).Last();

        long nSpikes = spikeRecorder.Get<long>("n_events");
        double rateIaf = nSpikes / ((Simtime - Start) * 1e-3) / N;
        return (ratePrediction, rateIaf);
    }

    private static double CalculateNoisefreeAnalytics(double mu)
    {
        double vTh = VTh - EL, vReset = VReset - EL;
        return mu > vTh ? 1e3 / (TRef + TauM * Math.Log((mu - vReset) / (mu - vTh))) : 0.0;
    }

    /// <summary>numpy's isclose(a, b, rtol) = |a - b| ≤ 1e-8 + rtol·|b|.</summary>
    private static bool IsClose(double a, double b, double rtol = 1e-5) => Math.Abs(a - b) <= 1e-8 + rtol * Math.Abs(b);

    // NEST: testsuite/pytests/neurons/test_siegert_neuron.py::SiegertNeuronTestCase::test_RatePredictionAtThreshold
    [Fact]
    public void RatePredictionAtThreshold()
    {
        double mu = VTh - EL;
        double sigma = Math.Sqrt(0.1 * mu);
        var (ratePrediction, rateIaf) = SimulateFixInputStats(mu, sigma);
        Assert.True(IsClose(rateIaf, ratePrediction, Rtol), $"iaf rate {rateIaf}, prediction {ratePrediction}");
        const double RatePredictionTest = 27.1095934379;
        Assert.True(IsClose(RatePredictionTest, ratePrediction), $"prediction {ratePrediction:R}");
    }

    // NEST: testsuite/pytests/neurons/test_siegert_neuron.py::SiegertNeuronTestCase::test_RatePredictionSuprathresholdNoisefree
    [Fact]
    public void RatePredictionSuprathresholdNoisefree()
    {
        double mu = 1.5 * (VTh - EL);
        double sigma = 1e-3 * (VTh - EL);
        var (ratePrediction, rateIaf) = SimulateFixInputStats(mu, sigma);
        Assert.True(IsClose(rateIaf, ratePrediction, Rtol), $"iaf rate {rateIaf}, prediction {ratePrediction}");
        double rateNoisefree = CalculateNoisefreeAnalytics(mu);
        Assert.True(IsClose(rateNoisefree, ratePrediction), $"noise-free {rateNoisefree:R}, prediction {ratePrediction:R}");
    }

    // NEST: testsuite/pytests/neurons/test_siegert_neuron.py::SiegertNeuronTestCase::test_RatePredictionSubthresholdNoisefree
    [Fact]
    public void RatePredictionSubthresholdNoisefree()
    {
        double mu = 0.9 * (VTh - EL);
        double sigma = 1e-3 * (VTh - EL);
        var (ratePrediction, rateIaf) = SimulateFixInputStats(mu, sigma);
        Assert.True(IsClose(rateIaf, ratePrediction, Rtol), $"iaf rate {rateIaf}, prediction {ratePrediction}");
        double rateNoisefree = CalculateNoisefreeAnalytics(mu);
        Assert.True(IsClose(rateNoisefree, ratePrediction), $"noise-free {rateNoisefree:R}, prediction {ratePrediction:R}");
    }

    // NEST: testsuite/pytests/neurons/test_siegert_neuron.py::SiegertNeuronTestCase::test_RatePredictionSubthresholdNoisy
    [Fact]
    public void RatePredictionSubthresholdNoisy()
    {
        double mu = 2.0 / 3.0 * (VTh - EL);
        double sigma = 1.0 * (VTh - EL);
        var (ratePrediction, rateIaf) = SimulateFixInputStats(mu, sigma);
        Assert.True(IsClose(rateIaf, ratePrediction, Rtol), $"iaf rate {rateIaf}, prediction {ratePrediction}");
    }

    // NEST: testsuite/pytests/neurons/test_siegert_neuron.py::SiegertNeuronTestCase::test_RatePredictionInhibitoryNoisy
    [Fact]
    public void RatePredictionInhibitoryNoisy()
    {
        double mu = -1.0 / 3.0 * (VTh - EL);
        double sigma = 1.5 * (VTh - EL);
        var (ratePrediction, rateIaf) = SimulateFixInputStats(mu, sigma);
        Assert.True(IsClose(rateIaf, ratePrediction, Rtol), $"iaf rate {rateIaf}, prediction {ratePrediction}");
    }
}
