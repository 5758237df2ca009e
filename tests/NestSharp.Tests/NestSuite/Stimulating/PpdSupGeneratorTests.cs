using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// NEST's testsuite/pytests/stimulating/test_ppd_sup_generator.py: the rate and ISI statistics of the superposition
/// of Poisson processes with dead time, the dead time of a single process, and different trains for different targets.
/// Statistical, with NEST's relative tolerance of 20 % (fixed seed; a gross error in the generator fails them).
/// </summary>
public sealed class PpdSupGeneratorTests
{
    private const double Delay = 1.0;

    /// <summary>
    /// The spike times the generator sends to one target, as NEST's test records them by connecting the generator to
    /// a spike recorder. NestSharp connects generators only to neurons, so each recorder here listens to a parrot
    /// neuron of its own behind the generator (delay 1 ms): the run is 1 ms longer and the parrot's times are shifted
    /// back, which gives exactly the generator's spikes in (0, T].
    /// </summary>
    private static NodeCollection[] RecordThroughParrots(Simulator nest, NodeCollection generator, int targets)
    {
        var recorders = new NodeCollection[targets];
        for (int k = 0; k < targets; k++)
        {
            var parrot = nest.Create("parrot_neuron");
            nest.Connect(generator, parrot, syn: new Dictionary<string, object> { ["delay"] = Delay });
            recorders[k] = nest.Create("spike_recorder");
            nest.Connect(parrot, recorders[k]);
        }
        return recorders;
    }

    private static double[] GeneratorTimes(NodeCollection recorder) => [.. Doubles(recorder, "times").Select(t => t - Delay)];

    /// <summary>The squared coefficient of variation of the inter-spike intervals, computed as NEST's test does.</summary>
    private static double CvSquared(double[] spikes)
    {
        int n = spikes.Length - 1;
        double m1 = 0, m2 = 0;
        for (int i = 0; i < n; i++)
        {
            double isi = spikes[i + 1] - spikes[i];
            m1 += isi;
            m2 += isi * isi;
        }
        double mean = m1 / n;
        double variance = m2 / n - mean * mean;
        return variance / (mean * mean);
    }

    private static void AssertWithin(double ratio, double err, bool inclusive, string what)
    {
        bool inside = inclusive ? 1.0 - err <= ratio && ratio <= 1.0 + err : 1.0 - err < ratio && ratio < 1.0 + err;
        Assert.True(inside, $"{what} ratio {ratio} not within bounds [{1.0 - err}, {1.0 + err}]");
    }

    private static Dictionary<string, object> Params(double rate, double deadTime, int nProc) => new()
    {
        ["rate"] = rate, ["dead_time"] = deadTime, ["n_proc"] = (long)nProc, ["frequency"] = 0.0, ["relative_amplitude"] = 0.0,
    };

    private static double[] Run(double h, double T, Dictionary<string, object> parameters)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = h });
        var psg = nest.Create("ppd_sup_generator", 1, parameters);
        var sr = RecordThroughParrots(nest, psg, 1)[0];
        nest.Simulate(T + Delay);
        return GeneratorTimes(sr);
    }

    // NEST: testsuite/pytests/stimulating/test_ppd_sup_generator.py::test_ppd_sup_generator_sup_rate_and_cv
    [Fact]
    public void Test_ppd_sup_generator_sup_rate_and_cv()
    {
        const double err = 0.2, deadTime = 25.0, rate = 10.0, T = 10000.0, h = 1.0;
        const int nProc = 5;
        double[] spikes = Run(h, T, Params(rate, deadTime, nProc));

        double rateSim = spikes.Length / (T * 1e-3);
        AssertWithin(rateSim / (rate * nProc), err, inclusive: false, "Rate");

        // CV² of the superposition (Deger et al. 2011, JCNS)
        double mu = 1.0 / rate * 1e3;
        double cvsqTheo = 1.0 / (1.0 + nProc) * (nProc - 1.0 + 2.0 * Math.Pow(1.0 - deadTime / mu, nProc + 1));
        AssertWithin(CvSquared(spikes) / cvsqTheo, err, inclusive: true, "CV²");
    }

    // NEST: testsuite/pytests/stimulating/test_ppd_sup_generator.py::test_ppd_sup_generator_single_rate_and_dead_time
    [Fact]
    public void Test_ppd_sup_generator_single_rate_and_dead_time()
    {
        const double err = 0.2, deadTime = 45.0, rate = 15.0, T = 100000.0, h = 1.0;
        const int nProc = 1;
        double[] spikes = Run(h, T, Params(rate, deadTime, nProc));

        double rateSim = spikes.Length / (T * 1e-3);
        AssertWithin(rateSim / (rate * nProc), err, inclusive: false, "Rate");

        // the dead time holds exactly for a single process
        double minIsi = double.PositiveInfinity;
        for (int i = 1; i < spikes.Length; i++) minIsi = Math.Min(minIsi, spikes[i] - spikes[i - 1]);
        Assert.True(minIsi >= deadTime, $"Minimum ISI {minIsi} is less than dead_time {deadTime}");

        // NEST's expectation: CV² = (lam / mu)², mu the mean ISI and lam = mu - dead_time, both in s
        double muSeconds = 1.0 / rate;
        double lam = muSeconds - deadTime / 1000.0;
        double cvsqTheo = lam / muSeconds * (lam / muSeconds);
        AssertWithin(CvSquared(spikes) / cvsqTheo, err, inclusive: true, "CV²");
    }

    // NEST: testsuite/pytests/stimulating/test_ppd_sup_generator.py::test_ppd_sup_generator_different_outputs
    [Fact]
    public void Test_ppd_sup_generator_different_outputs()
    {
        const double err = 0.2, deadTime = 5.0, rate = 25.0, T = 10.0, h = 0.01;
        const int nProc = 1000;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = h });
        var psg = nest.Create("ppd_sup_generator", 1, Params(rate, deadTime, nProc));
        var recorders = RecordThroughParrots(nest, psg, 2);
        nest.Simulate(T + Delay);

        double[] spikes1 = GeneratorTimes(recorders[0]), spikes2 = GeneratorTimes(recorders[1]);
        Assert.False(spikes1.SequenceEqual(spikes2), "Spike trains should differ for different targets");

        double rateAna = rate * nProc;
        AssertWithin(spikes1.Length / (T * 1e-3) / rateAna, err, inclusive: false, "Rate1");
        AssertWithin(spikes2.Length / (T * 1e-3) / rateAna, err, inclusive: false, "Rate2");
    }
}
