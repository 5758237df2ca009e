namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// pp_psc_delta, the point-process neuron: firing rate with a fixed and a random dead time, the dead time is respected,
/// threshold adaptation gives negatively correlated intervals and acts like an inhibitory self-connection. Statistical
/// checks with NEST's bounds (fixed seeds; each would fail for a wrong rate, dead time or adaptation).
/// </summary>
public sealed class PpPscDeltaTests
{
    private static Dictionary<string, object> Params(double deadTime, bool random, long shape, double lambda, double qSfa) => new()
    {
        ["tau_m"] = 10.0, ["C_m"] = 250.0, ["dead_time"] = deadTime, ["dead_time_random"] = random,
        ["dead_time_shape"] = shape, ["with_reset"] = false, ["tau_sfa"] = 34.0, ["q_sfa"] = qSfa, ["c_1"] = 0.0,
        ["c_2"] = lambda, ["c_3"] = 0.25, ["I_e"] = 0.0, ["t_ref_remaining"] = 0.0,
    };

    private static double[] SpikeTimes(Dictionary<string, object> parameters, double simTime)
    {
        var nest = new Simulator();
        var nrn = nest.Create("pp_psc_delta");
        nrn.Set(parameters);
        var sr = nest.Create("spike_recorder");
        nest.Connect(nrn, sr);
        nest.Simulate(simTime);
        return NestSuiteHelpers.Doubles(sr, "times");
    }

    private static double[] Intervals(double[] spikes)
    {
        var isi = new double[spikes.Length - 1];
        for (int i = 0; i < isi.Length; i++) isi[i] = spikes[i + 1] - spikes[i];
        return isi;
    }

    private static (double Mean, double Variance) Moments(double[] values)
    {
        double mean = values.Average();
        double variance = values.Sum(v => (v - mean) * (v - mean)) / values.Length;
        return (mean, variance);
    }

    // NEST: testsuite/pytests/neurons/test_pp_psc_delta.py::PpPscDeltaTestCase::test_rate_and_fixed_dead_time
    [Fact]
    public void RateAndFixedDeadTime()
    {
        const double d = 25.0, lam = 10.0, T = 10000.0;
        var spikes = SpikeTimes(Params(d, false, 1, lam, 0.0), T);

        double rateSim = spikes.Length / (T * 1e-3);
        double rateAna = 1.0 / (1.0 / lam + d * 1e-3);
        double ratio = rateSim / rateAna;
        Assert.InRange(ratio, 0.5, 1.5);
        Assert.True(Intervals(spikes).Min() >= d, $"an interval shorter than the dead time {d} ms");
    }

    // NEST: testsuite/pytests/neurons/test_pp_psc_delta.py::PpPscDeltaTestCase::test_random_dead_time
    [Fact]
    public void RandomDeadTime()
    {
        const double d = 50.0, lam = 1.0e6, T = 10000.0;
        const int n = 10;
        var spikes = SpikeTimes(Params(d, true, n, lam, 0.0), T);

        double rateSim = spikes.Length / (T * 1e-3);
        double rateAna = 1.0 / (1.0 / lam + d * 1e-3);
        Assert.InRange(rateSim / rateAna, 0.5, 1.5);

        var (isiMean, isiVar) = Moments(Intervals(spikes));
        Assert.InRange(isiMean / d, 0.5, 1.5);
        double isiVarTheory = n / Math.Pow(n / d, 2);
        Assert.InRange(isiVar / isiVarTheory, 0.5, 1.5);
    }

    // NEST: testsuite/pytests/neurons/test_pp_psc_delta.py::PpPscDeltaTestCase::test_adapting_threshold
    [Fact]
    public void AdaptingThreshold_GivesNegativeSerialCorrelation()
    {
        const double d = 1e-8, lam = 30.0, T = 10000.0;
        var isi = Intervals(SpikeTimes(Params(d, false, 1, lam, 7.0), T));

        var (isiMean, isiVar) = Moments(isi);
        double isi12 = 0;
        for (int i = 0; i + 1 < isi.Length; i++) isi12 += isi[i] * isi[i + 1];
        double isiCorr = (isi12 / (isi.Length - 1) - isiMean * isiMean) / isiVar;
        Assert.InRange(isiCorr, -1.0, 0.0);
    }

    // NEST: testsuite/pytests/neurons/test_pp_psc_delta.py::PpPscDeltaTestCase::test_compare_adaptation_and_self_inhibition
    [Fact]
    [Trait("Category", "Slow")]
    public void AdaptationWithMembraneTimeConstant_ActsAsSelfInhibition()
    {
        const double d = 0.001, lam = 10.0, T = 200000.0, tauM = 25.0, jSelf = 50.0, jAdapt = 0.1, err = 0.2;
        Dictionary<string, object> Common() => new()
        {
            ["tau_m"] = tauM, ["C_m"] = 250.0, ["dead_time"] = d, ["dead_time_random"] = false, ["dead_time_shape"] = 1L,
            ["with_reset"] = false, ["c_1"] = 0.0, ["c_2"] = lam, ["c_3"] = 1.0, ["I_e"] = 0.0, ["t_ref_remaining"] = 0.0,
        };
        var nest = new Simulator();
        // one neuron where adaptation does the reset, one where a synapse does
        var p1 = Common();
        p1["tau_sfa"] = new[] { 300.0, tauM };
        p1["q_sfa"] = new[] { jAdapt, jSelf };
        var nrn1 = nest.Create("pp_psc_delta", 1, p1);
        var p2 = Common();
        p2["tau_sfa"] = 300.0;
        p2["q_sfa"] = jAdapt;
        var nrn2 = nest.Create("pp_psc_delta", 1, p2);
        var sr1 = nest.Create("spike_recorder");
        var sr2 = nest.Create("spike_recorder");
        nest.Connect(nrn1, sr1);
        nest.Connect(nrn2, sr2);
        // the self-inhibitory connection of nrn2
        nest.Connect(nrn2, nrn2, syn: new Dictionary<string, object> { ["weight"] = -1.0 * jSelf, ["delay"] = 1.0 });

        nest.Simulate(T);

        double ratio = (double)sr1.Get<long>("n_events") / sr2.Get<long>("n_events");
        Assert.InRange(ratio, 1 - err, 1 + err);
    }

    // NEST: testsuite/pytests/neurons/test_pp_psc_delta_stdp.py::PpPscDeltaSTDPTestCase::test_pp_psc_delta_stdp
    [Fact]
    public void StdpWeights_AsOntoIafPscDelta()
    {
        const double dt = 1.0, w0 = 100.0;
        const int nsteps = 100;
        var nest = new Simulator();
        var nrnPre = nest.Create("parrot_neuron");
        var nrnPost1 = nest.Create("iaf_psc_delta");
        var nrnPost2 = nest.Create("pp_psc_delta");
        nest.Connect(nrnPre, nrnPost1 + nrnPost2, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = w0 });
        var conn1 = nest.GetConnections(nrnPre, nrnPost1);
        var conn2 = nest.GetConnections(nrnPre, nrnPost2);
        var sgPre = nest.Create("spike_generator");
        var times = new List<double>();
        for (double t = dt; t < nsteps * dt; t += 10.0 * dt) times.Add(t);
        sgPre.Set("spike_times", times.ToArray());
        nest.Connect(sgPre, nrnPre);

        var w1 = new double[nsteps + 1];
        var w2 = new double[nsteps + 1];
        w1[0] = conn1.GetValues<double>("weight")[0];
        w2[0] = conn2.GetValues<double>("weight")[0];
        for (int i = 0; i < nsteps; i++)
        {
            nest.Simulate(dt);
            w1[i + 1] = conn1.GetValues<double>("weight")[0];
            w2[i + 1] = conn2.GetValues<double>("weight")[0];
        }

        Assert.Equal(w1, w2);
        Assert.Equal(nrnPost1.Get<long>("archiver_length"), nrnPost2.Get<long>("archiver_length"));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_959.py::test_generation_matches
    // (NEST's parameters give about one spike in 1000 ms, none with NestSharp's default seed; the second row, with
    // c_2 = 50 Hz, makes the comparison one of some 50 spikes.)
    [Theory]
    [InlineData(1.238, false)]
    [InlineData(50.0, true)]
    public void HundredRunsOf10ms_GiveTheSpikesOfOneRunOf1000ms(double c2, bool expectSpikes)
    {
        (long[] Senders, double[] Times) RecordSpikes(double simTime, int repeats)
        {
            var nest = new Simulator();
            var population = nest.Create("pp_psc_delta", 1, new() { ["tau_sfa"] = 34.0, ["q_sfa"] = 0.0, ["c_2"] = c2 });
            var sr = nest.Create("spike_recorder");
            nest.Connect(population, sr);
            for (int w = 0; w < repeats; w++) nest.Simulate(simTime);
            return (NestSuiteHelpers.Longs(sr, "senders"), NestSuiteHelpers.Doubles(sr, "times"));
        }

        var rec1 = RecordSpikes(1000, 1);
        var rec2 = RecordSpikes(10, 100);
        if (expectSpikes) Assert.NotEmpty(rec1.Times);
        Assert.Equal(rec1.Senders, rec2.Senders);
        Assert.Equal(rec1.Times, rec2.Times);
    }
}
