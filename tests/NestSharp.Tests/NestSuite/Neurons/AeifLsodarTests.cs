using System.Globalization;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// The AdEx models against a reference solution of the same equations by the LSODAR solver (NEST's
/// test_aeif_data_lsodar.dat, in Reference/pytests/), and, with Delta_T = a = b = 0, against the integrate-and-fire
/// model with the same synapses, for spike and for direct-current input. NEST's test runs every model in one kernel;
/// here each model is one row with its own kernel (the models do not interact). The multisynapse models are in
/// NEST's list of the LSODAR comparison only.
/// </summary>
public sealed class AeifLsodarTests
{
    /// <summary>Mean relative difference allowed against LSODAR, per model and variable.</summary>
    private static readonly Dictionary<string, double> LsodarTolerances = new() { ["V_m"] = 5e-4, ["w"] = 1e-4 };

    /// <summary>Mean relative difference allowed against the iaf model, per model and variable.</summary>
    private static readonly Dictionary<string, Dictionary<string, double>> IafTolerances = new()
    {
        ["aeif_cond_alpha"] = new() { ["V_m"] = 2e-3, ["g_ex"] = 1e-6 },
        ["aeif_cond_exp"] = new() { ["V_m"] = 5e-4, ["g_ex"] = 1e-6 },
        ["aeif_psc_alpha"] = new() { ["V_m"] = 5e-3, ["I_syn_ex"] = 1e-6 },
        ["aeif_psc_delta"] = new() { ["V_m"] = 5e-3 },
        ["aeif_psc_exp"] = new() { ["V_m"] = 5e-3, ["I_syn_ex"] = 1e-6 },
    };

    /// <summary>The parameters the LSODAR reference solution was computed with.</summary>
    private static Dictionary<string, object> AeifParams() => new()
    {
        ["V_reset"] = -58.0, ["V_peak"] = 0.0, ["V_th"] = -50.0, ["I_e"] = 420.0, ["g_L"] = 11.0, ["tau_w"] = 300.0,
        ["E_L"] = -70.0, ["Delta_T"] = 2.0, ["a"] = 3.0, ["b"] = 0.0, ["C_m"] = 200.0, ["V_m"] = -70.0, ["w"] = 5.0,
    };

    /// <summary>The AdEx parameters that reduce the model to the integrate-and-fire model.</summary>
    private static Dictionary<string, object> AeifDt0() => new()
    {
        ["V_reset"] = -60.0, ["V_peak"] = 0.0, ["V_th"] = -55.0, ["I_e"] = 200.0, ["g_L"] = 16.7, ["E_L"] = -70.0,
        ["Delta_T"] = 0.0, ["a"] = 0.0, ["b"] = 0.0, ["C_m"] = 250.0, ["V_m"] = -70.0, ["w"] = 0.0, ["t_ref"] = 2.0,
        ["tau_syn_ex"] = 0.2,
    };

    /// <summary>NEST's DT0_params: <see cref="AeifDt0"/>, without tau_syn_ex for aeif_psc_delta.</summary>
    private static Dictionary<string, object> Dt0Params(string model)
    {
        var p = AeifDt0();
        if (model == "aeif_psc_delta") p.Remove("tau_syn_ex");
        return p;
    }

    /// <summary>The integrate-and-fire model's parameters for the synapse type of <paramref name="model"/>.</summary>
    private static Dictionary<string, object> IafParams(string model)
    {
        var p = new Dictionary<string, object>
        {
            ["V_reset"] = -60.0, ["V_th"] = -55.0, ["I_e"] = 200.0, ["E_L"] = -70.0, ["C_m"] = 250.0, ["V_m"] = -70.0,
            ["t_ref"] = 2.0, ["tau_syn_ex"] = 0.2,
        };
        if (model.Contains("psc")) p["tau_m"] = 250.0 / 16.7;
        else p["g_L"] = 16.7;
        if (model.Contains("psc_delta")) p.Remove("tau_syn_ex");
        return p;
    }

    private static string IafModelOf(string model) => "iaf_" + model["aeif_".Length..];

    private static Simulator NewKernel()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.01, ["rng_seed"] = 123456L });
        return nest;
    }

    /// <summary>
    /// NEST's compute_difference for one recordable: the mean of |reference - recorded| / |reference| over the samples
    /// where the reference is not close to 0 (all samples if that leaves only the first), dropping for V_m the samples
    /// above (V_th + V_peak)/2 when Delta_T &gt; 0 (the divergence at spike times).
    /// </summary>
    private static double MeanRelativeDifference(double[] reference, double[] recorded, string record, Dictionary<string, object> parameters)
    {
        Assert.Equal(reference.Length, recorded.Length);
        double vLim = ((double)parameters["V_th"] + (double)parameters["V_peak"]) / 2.0;
        var rds = new List<double>();
        int[] nonzero = Enumerable.Range(0, reference.Length).Where(i => !IsClose(reference[i], 0.0)).ToArray();
        bool relative = nonzero.Any(i => i != 0); // numpy's np.any of the index array
        int[] kept = relative ? nonzero : Enumerable.Range(0, reference.Length).ToArray();
        bool dropSpiking = record == "V_m" && (double)parameters["Delta_T"] > 0.0;
        foreach (int i in kept)
        {
            if (dropSpiking && recorded[i] > vLim) continue;
            double d = Math.Abs(reference[i] - recorded[i]);
            rds.Add(relative ? d / Math.Abs(reference[i]) : d);
        }
        return rds.Average();
    }

    /// <summary>numpy.isclose with its defaults (rtol 1e-5, atol 1e-8).</summary>
    private static bool IsClose(double a, double b) => Math.Abs(a - b) <= 1e-8 + 1e-5 * Math.Abs(b);

    /// <summary>scipy's interp1d (linear) of the columns of the LSODAR file at <paramref name="times"/>.</summary>
    private static double[] Interpolate(double[] xs, double[] ys, double[] times)
    {
        var result = new double[times.Length];
        for (int k = 0; k < times.Length; k++)
        {
            double t = times[k];
            Assert.InRange(t, xs[0], xs[^1]);
            int hi = Array.BinarySearch(xs, t);
            if (hi >= 0) { result[k] = ys[hi]; continue; }
            hi = ~hi;
            int lo = hi - 1;
            double slope = (ys[hi] - ys[lo]) / (xs[hi] - xs[lo]);
            result[k] = slope * (t - xs[lo]) + ys[lo];
        }
        return result;
    }

    private static (double[] T, double[] V, double[] W) ReadLsodar()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Reference", "pytests", "test_aeif_data_lsodar.dat");
        var rows = File.ReadLines(path).Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(s => double.Parse(s, CultureInfo.InvariantCulture)).ToArray())
            .ToArray();
        return (rows.Select(r => r[0]).ToArray(), rows.Select(r => r[1]).ToArray(), rows.Select(r => r[2]).ToArray());
    }

    // NEST: testsuite/pytests/neurons/test_aeif_lsodar.py::AEIFTestCase::test_closeness_nest_lsodar
    [Theory]
    [InlineData("aeif_cond_alpha")]
    [InlineData("aeif_cond_exp")]
    [InlineData("aeif_psc_alpha")]
    [InlineData("aeif_psc_delta")]
    [InlineData("aeif_psc_exp")]
    [InlineData("aeif_cond_alpha_multisynapse")]
    [InlineData("aeif_cond_beta_multisynapse")]
    public void ClosenessNestLsodar(string model)
    {
        var nest = NewKernel();
        var parameters = AeifParams();
        var neuron = nest.Create(model, 1, parameters);
        var mm = nest.Create("multimeter");
        mm.Set(new Dictionary<string, object> { ["interval"] = 0.01, ["record_from"] = new[] { "V_m", "w" } });
        nest.Connect(mm, neuron);
        nest.Simulate(100.0);

        var (t, v, w) = ReadLsodar();
        double[] times = NestSuiteHelpers.Doubles(mm, "times");
        var reference = new Dictionary<string, double[]> { ["V_m"] = Interpolate(t, v, times), ["w"] = Interpolate(t, w, times) };
        foreach (string record in (string[])["V_m", "w"])
        {
            double diff = MeanRelativeDifference(reference[record], NestSuiteHelpers.Doubles(mm, record), record, parameters);
            Assert.True(diff < LsodarTolerances[record], $"{model} failed test for {record}: {diff} > {LsodarTolerances[record]}.");
        }
    }

    // NEST: testsuite/pytests/neurons/test_aeif_lsodar.py::AEIFTestCase::test_iaf_spike_input
    [Theory]
    [InlineData("aeif_cond_alpha")]
    [InlineData("aeif_cond_exp")]
    [InlineData("aeif_psc_alpha")]
    [InlineData("aeif_psc_delta")]
    [InlineData("aeif_psc_exp")]
    public void IafSpikeInput(string model)
    {
        var nest = NewKernel();
        string[] recordables = model.Contains("psc_delta") ? ["V_m"] : model.Contains("psc") ? ["V_m", "I_syn_ex"] : ["V_m", "g_ex"];
        double weight = model.Contains("psc") ? 80.0 : 1.0;
        var reference = nest.Create(IafModelOf(model), 1, IafParams(model));
        var referenceMm = nest.Create("multimeter");
        var neuron = nest.Create(model, 1, Dt0Params(model));
        var mm = nest.Create("multimeter");
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 10000.0 });
        var pn = nest.Create("parrot_neuron");

        nest.Connect(pg, pn);
        foreach (var (m, n) in new[] { (mm, neuron), (referenceMm, reference) })
        {
            m.Set(new Dictionary<string, object> { ["interval"] = 0.01, ["record_from"] = recordables });
            nest.Connect(m, n);
            nest.Connect(pn, n, syn: new Dictionary<string, object> { ["weight"] = weight });
        }
        nest.Simulate(200.0);

        foreach (string record in recordables)
        {
            double diff = MeanRelativeDifference(NestSuiteHelpers.Doubles(referenceMm, record), NestSuiteHelpers.Doubles(mm, record), record, AeifDt0());
            Assert.True(diff < IafTolerances[model][record], $"{model} failed test for {record}: {diff} > {IafTolerances[model][record]}.");
        }
    }

    // NEST: testsuite/pytests/neurons/test_aeif_lsodar.py::AEIFTestCase::test_iaf_dc_input
    [Theory]
    [InlineData("aeif_cond_alpha")]
    [InlineData("aeif_cond_exp")]
    [InlineData("aeif_psc_alpha")]
    [InlineData("aeif_psc_delta")]
    [InlineData("aeif_psc_exp")]
    public void IafDcInput(string model)
    {
        var nest = NewKernel();
        var reference = nest.Create(IafModelOf(model), 1, IafParams(model));
        var referenceMm = nest.Create("multimeter");
        var neuron = nest.Create(model, 1, Dt0Params(model));
        var mm = nest.Create("multimeter");
        var dcg = nest.Create("dc_generator", 1, new() { ["amplitude"] = 250.0, ["start"] = 50.0, ["stop"] = 150.0 });

        foreach (var (m, n) in new[] { (mm, neuron), (referenceMm, reference) })
        {
            m.Set(new Dictionary<string, object> { ["interval"] = 0.01, ["record_from"] = new[] { "V_m" } });
            nest.Connect(m, n);
            nest.Connect(dcg, n);
        }
        nest.Simulate(200.0);

        double diff = MeanRelativeDifference(NestSuiteHelpers.Doubles(referenceMm, "V_m"), NestSuiteHelpers.Doubles(mm, "V_m"), "V_m", AeifDt0());
        Assert.True(diff < IafTolerances[model]["V_m"], $"{model} failed test for V_m: {diff} > {IafTolerances[model]["V_m"]}.");
    }
}
