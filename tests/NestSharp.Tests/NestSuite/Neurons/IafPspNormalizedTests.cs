using NestSharp.Numerics;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>A PSP can be normalised to a given amplitude from its analytic peak; NEST's voltmeter is a multimeter recording V_m.</summary>
public sealed class IafPspNormalizedTests
{
    /// <summary>The root of <paramref name="f"/> in [lo, hi] by bisection (f(lo) &gt; 0 &gt; f(hi)), in place of scipy's brentq.</summary>
    private static double Root(Func<double, double> f, double lo, double hi, double xtol)
    {
        while (hi - lo > xtol)
        {
            double mid = 0.5 * (lo + hi);
            if (f(mid) > 0) lo = mid;
            else hi = mid;
        }
        return 0.5 * (lo + hi);
    }

    // NEST: neurons/test_iaf_psp_normalized.py::test_iaf_psp_normalized
    [Fact]
    public void IafPspNormalized()
    {
        const double delay = 1.0, dt = 0.001, u = 1.0;
        const double tauM = 20.0, tauSyn = 0.5, cM = 1.0;
        double denom = 1.0 / tauSyn - 1.0 / tauM;
        double Psp(double t) => Math.E / tauSyn * 1.0 / cM
            * ((Math.Exp(-t / tauM) - Math.Exp(-t / tauSyn)) / (denom * denom) - t * Math.Exp(-t / tauSyn) / denom);
        double Dpsp(double t) => Math.E / tauSyn * 1.0 / cM * (
            (-1.0 / tauM * Math.Exp(-t / tauM) + 1.0 / tauSyn * Math.Exp(-t / tauSyn)) / (denom * denom)
            - (Math.Exp(-t / tauSyn) - 1.0 / tauSyn * t * Math.Exp(-t / tauSyn)) / denom);

        const double tLower = 1e-6;
        Assert.True(Dpsp(tLower) > 0);
        Assert.True(Dpsp(5.0) < 0);
        double tPeak = Root(Dpsp, tLower, 5.0, 1e-11);
        Assert.True(Math.Abs(Dpsp(tPeak)) < 1e-6);
        double pspPeakUnit = Psp(tPeak);
        Assert.True(pspPeakUnit > 0);
        double w = u * (1.0 / pspPeakUnit);
        Assert.InRange(w, double.Epsilon, 1e10);

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt, ["local_num_threads"] = 1 });
        var sg = nest.Create("spike_generator");
        sg.Set(new Dictionary<string, object>
        {
            ["precise_times"] = false, ["origin"] = 0.0, ["spike_times"] = new[] { 2.0 }, ["start"] = 1.0, ["stop"] = 3.0,
        });
        var neuron = nest.Create("iaf_psc_alpha");
        neuron.Set(new Dictionary<string, object>
        {
            ["tau_m"] = tauM, ["C_m"] = cM, ["E_L"] = 0.0, ["V_reset"] = 0.0, ["V_th"] = 15.0, ["V_m"] = 0.0,
            ["tau_syn_ex"] = tauSyn, ["tau_syn_in"] = tauSyn,
        });
        var vm = nest.Create("multimeter", 1, new() { ["time_in_steps"] = true, ["interval"] = dt, ["record_from"] = new[] { "V_m" } });
        nest.Connect(sg, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = w, ["delay"] = delay });
        nest.Connect(vm, neuron);

        nest.Simulate(7.0);

        double vMax = ((double[])((Dictionary<string, object>)vm.Get("events"))["V_m"]).Max();
        Assert.Equal(u, vMax, 1e-6);
    }

    // NEST: neurons/test_iaf_psc_alpha_fudge.py::test_iaf_psc_alpha_fudge
    [Fact]
    public void IafPscAlphaFudge()
    {
        const double resolution = 0.1, delay = resolution, duration = 20.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = resolution });
        var neuron = nest.Create("iaf_psc_alpha");
        var voltmeter = nest.Create("multimeter", 1, new() { ["interval"] = resolution, ["record_from"] = new[] { "V_m" } });
        nest.Connect(voltmeter, neuron);
        const double tauM = 20.0, tauSyn = 0.5, cM = 250.0;
        neuron.Set("tau_m", tauM);
        neuron.Set("tau_syn_ex", tauSyn);
        neuron.Set("tau_syn_in", tauSyn);
        neuron.Set("C_m", cM);

        double a = tauM / tauSyn;
        double b = 1.0 / tauSyn - 1.0 / tauM;
        double tMax = 1.0 / b * (-LambertW.Wm1(-Math.Exp(-1.0 / a) / a) - 1.0 / a);
        double vMax = Math.E / (tauSyn * cM * b)
            * ((Math.Exp(-tMax / tauM) - Math.Exp(-tMax / tauSyn)) / b - tMax * Math.Exp(-tMax / tauSyn));
        var spikeGen = nest.Create("spike_generator", 1, new() { ["precise_times"] = false, ["spike_times"] = new[] { resolution } });
        nest.Connect(spikeGen, neuron, syn: new Dictionary<string, object> { ["weight"] = 1.0 / vMax, ["delay"] = delay });

        nest.Simulate(duration);

        var events = (Dictionary<string, object>)voltmeter.Get("events");
        var times = (double[])events["times"];
        var vM = (double[])events["V_m"];
        int maxIx = Array.IndexOf(vM, vM.Max());
        double actualPspHeight = vM[maxIx] - neuron.Get<double>("E_L");
        double expectedTMax = tMax + resolution + delay; // spike sent at t = resolution, arrives after delay
        Assert.Equal(expectedTMax, times[maxIx], resolution / 2);
        Assert.Equal(1.0, actualPspHeight, 1e-4);
    }
}
