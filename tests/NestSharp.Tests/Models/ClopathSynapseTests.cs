using NestSharp.Plasticity;
using NestSharp.Tests.Reference;

namespace NestSharp.Tests.Models;

/// <summary>
/// clopath_synapse: NEST's defaults, connection checks, the weight trajectory against a direct transcription of the
/// rule applied to the recorded post-synaptic state, the bounded LTP history, and thread independence of a small
/// plastic network.
/// </summary>
public sealed class ClopathSynapseTests
{
    private const string Neuron = "aeif_psc_delta_clopath";

    [Fact]
    public void Defaults_EqualNest()
    {
        var theirs = NestDefaults.Of("clopath_synapse");
        var ours = new Simulator().GetDefaults("clopath_synapse");
        foreach (string key in new[] { "Wmax", "Wmin", "tau_x", "x_bar", "weight", "delay", "receptor_type", "num_connections" })
            Assert.Equal(theirs[key].GetDouble(), Convert.ToDouble(ours[key]));
        Assert.Equal("synapse", ours["element_type"]);
        Assert.Equal(true, ours["has_delay"]);
    }

    [Fact]
    public void TargetWithoutClopathHistory_IsNotImplemented_AsNest()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("iaf_psc_alpha");
        Assert.Throws<NestNotImplementedException>(() => nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse" }));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Theory]
    [InlineData(1.0, "Wmin", -1.0)]
    [InlineData(-1.0, "Wmin", 0.0)]
    [InlineData(1.0, "Wmax", 0.0)]
    [InlineData(1.0, "Wmax", -5.0)]
    [InlineData(-1.0, "Wmax", 5.0)]
    public void InconsistentParameters_AreRejectedNamingTheKey(double weight, string key, double value)
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create(Neuron);
        var syn = new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse", ["weight"] = weight, [key] = value };
        if (weight < 0 && key == "Wmax") syn["Wmin"] = -10.0;
        var e = Assert.Throws<BadPropertyException>(() => nest.Connect(pre, post, syn: syn));
        Assert.StartsWith($"'{key}'", e.Message);
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void NegativeWeights_AreAllowedWithNegativeBounds()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create(Neuron);
        nest.Connect(pre, post, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "clopath_synapse", ["weight"] = -2.0, ["Wmin"] = -10.0, ["Wmax"] = 0.0,
        });
        Assert.Equal(-2.0, nest.GetConnections().Weight.Single());
    }

    private sealed record Recording(double[] Times, double[] V, double[] UPlus, double[] UMinus, double[] UBar, double[] PreTimes, double[] Weights);

    /// <summary>A regular pre-synaptic train through a clopath_synapse onto a driven Clopath neuron, everything recorded.</summary>
    private static Recording Simulate(bool aLtdConst, double weight, double wmax, double aLtp)
    {
        var nest = new Simulator();
        var preTimes = Enumerable.Range(0, 48).Select(k => 3.0 + 6.0 * k).ToArray();
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = preTimes });
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create(Neuron, 1, new()
        {
            ["I_e"] = 900.0, ["A_LTD_const"] = aLtdConst, ["A_LTP"] = aLtp, ["A_LTD"] = 1.4e-4, ["u_ref_squared"] = 3600.0,
        });
        var wr = nest.Create("weight_recorder");
        nest.CopyModel("clopath_synapse", "clopath_wr", new() { ["weight_recorder"] = wr, ["tau_x"] = 12.0 });
        // The sg → parrot delay makes min_delay one step, so every LTD value a synapse asks for is still held.
        nest.Connect(sg, pre, syn: new Dictionary<string, object> { ["delay"] = 0.1 });
        nest.Connect(pre, post, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "clopath_wr", ["weight"] = weight, ["delay"] = 1.0, ["Wmax"] = wmax,
        });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "u_bar_plus", "u_bar_minus", "u_bar_bar" } });
        nest.Connect(mm, post);
        nest.Simulate(300.0);
        var trace = (Dictionary<string, object>)mm.Get("events");
        var weights = (Dictionary<string, object>)wr.Get("events");
        return new Recording((double[])trace["times"], (double[])trace["V_m"], (double[])trace["u_bar_plus"],
            (double[])trace["u_bar_minus"], (double[])trace["u_bar_bar"], (double[])weights["times"], (double[])weights["weights"]);
    }

    /// <summary>
    /// The Clopath rule written out from the recorded end-of-step state of the target (sample n is the state at t = n·h):
    /// ū±_del(n) = ū±(n - 50) (5 ms earlier; 0 for the first 50 steps), LTP and LTD entries as NEST's archiving node
    /// makes them, then the synapse's update at each pre-synaptic spike.
    /// </summary>
    private static (double[] Weights, int Clipped) ByHand(Recording r, bool aLtdConst, double weight, double wmax, double aLtp)
    {
        const double thetaPlus = -45.3, thetaMinus = -70.6, aLtd = 1.4e-4, uRef = 3600.0, h = 0.1, d = 1.0, tauX = 12.0;
        const int delaySteps = 50, dSteps = 10;
        int n = r.Times.Length;
        double Delayed(double[] u, int step) => step > delaySteps ? u[step - delaySteps - 1] : 0.0;
        double? Ltp(int step)
        {
            double u = r.V[step - 1], del = Delayed(r.UPlus, step);
            return u > thetaPlus && del > thetaMinus ? aLtp * (u - thetaPlus) * (del - thetaMinus) * h : null;
        }
        double Ltd(int step)
        {
            if (step < 1) return 0.0;
            double del = Delayed(r.UMinus, step), ubb = r.UBar[step - 1];
            if (!(del > thetaMinus)) return 0.0;
            return aLtdConst ? aLtd * (del - thetaMinus) : aLtd * ubb * ubb * (del - thetaMinus) / uRef;
        }

        var result = new List<double>();
        double w = weight, xBar = 0.0, tLast = 0.0;
        int lastStep = 0, clipped = 0;
        foreach (double tPre in r.PreTimes)
        {
            int preStep = (int)Math.Round(tPre / h);
            Assert.True(preStep - dSteps <= n, "the recording must cover the LTP window");
            for (int step = Math.Max(1, lastStep - dSteps + 1); step <= preStep - dSteps; step++)
            {
                if (Ltp(step) is { } dw)
                {
                    w += dw * (xBar * Math.Exp((tLast - (r.Times[step - 1] + d)) / tauX));
                    if (w >= wmax) { w = wmax; clipped++; }
                }
            }

            w = Math.Max(0.0, w - Ltd(preStep - dSteps));
            result.Add(w);
            xBar = xBar * Math.Exp((tLast - tPre) / tauX) + 1.0 / tauX;
            tLast = tPre;
            lastStep = preStep;
        }
        return (result.ToArray(), clipped);
    }

    [Theory]
    [InlineData(true, 2.0, 100.0, 8e-5)]
    [InlineData(false, 2.0, 100.0, 8e-5)]
    [InlineData(true, 2.0, 2.0005, 8e-4)]
    public void WeightTrajectory_FollowsTheRuleAppliedToTheRecordedState(bool aLtdConst, double weight, double wmax, double aLtp)
    {
        var recording = Simulate(aLtdConst, weight, wmax, aLtp);
        Assert.Equal(48, recording.Weights.Length);
        var (expected, clipped) = ByHand(recording, aLtdConst, weight, wmax, aLtp);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - recording.Weights[i]) <= 1e-12 * Math.Abs(expected[i]),
                $"event {i} at {recording.PreTimes[i]}: {recording.Weights[i]:R}, by hand {expected[i]:R}");
        }
        // Both directions of plasticity happen; with the tight bound, potentiation is cut at Wmax (before the depression).
        Assert.Contains(recording.Weights.Zip(recording.Weights.Skip(1)), p => p.Second > p.First);
        Assert.Contains(recording.Weights.Zip(recording.Weights.Skip(1)), p => p.Second < p.First);
        Assert.All(recording.Weights, x => Assert.True(x < wmax));
        Assert.Equal(wmax < 3.0, clipped > 0);
    }

    [Fact]
    public void LtpHistory_IsPrunedOnceEverySynapseHasReadIt()
    {
        var history = new ClopathHistory(delaySteps: 50, ltdLength: 11);
        history.Configure(8e-5, 1.4e-4, true, 60.0, thetaPlus: -45.3, thetaMinus: -70.6, incoming: 2, resolution: 0.1);
        int maxCount = 0;
        double lastRead1 = 0, lastRead2 = 0;
        for (int step = 1; step <= 20000; step++)
        {
            double t = step * 0.1;
            // Always above both thresholds: an LTP entry every step.
            history.Write(t, -40.0, -50.0, -50.0, -60.0);
            maxCount = Math.Max(maxCount, history.LtpCount);
            // Two synapses read at their own pre-synaptic spikes (every 10 ms and every 17 ms).
            if (step % 100 == 0) { history.ReadLtp(lastRead1, t); lastRead1 = t; }
            if (step % 170 == 0) { history.ReadLtp(lastRead2, t); lastRead2 = t; }
        }
        Assert.True(maxCount <= 400, $"the LTP history grew to {maxCount} entries");
        Assert.True(maxCount >= 170);
    }

    [Fact]
    public void LtpHistory_ReadsTheHalfOpenWindowAndLtdMatchesExactTimes()
    {
        var history = new ClopathHistory(delaySteps: 0, ltdLength: 4);
        history.Configure(1.0, 2.0, true, 60.0, thetaPlus: 0.0, thetaMinus: 0.0, incoming: 1, resolution: 0.1);
        for (int step = 1; step <= 6; step++) history.Write(step * 0.1, 1.0, 1.0, 1.0, 0.0);
        var (start, end) = history.ReadLtp(0.2, 0.5);
        Assert.Equal((2, 5), (start, end)); // entries at 0.3, 0.4, 0.5
        Assert.Equal(0.1 * 1.0 * 1.0 * 1.0, history.LtpAt(start).Dw, 1e-15);
        Assert.Equal(2.0, history.LtdValue(0.5));
        Assert.Equal(0.0, history.LtdValue(0.2));   // overwritten: the ring keeps the last 4 entries
        Assert.Equal(0.0, history.LtdValue(0.55));
    }

    /// <summary>Final weights of a small recurrent Clopath network driven by Poisson trains.</summary>
    private static double[] NetworkWeights(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 4242L, ["local_num_threads"] = threads });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 40.0 });
        var inputs = nest.Create("parrot_neuron", 12);
        var neurons = nest.Create(Neuron, 16, new()
        {
            ["I_e"] = Enumerable.Range(0, 16).Select(i => 200.0 + 40.0 * i).ToArray(), ["A_LTD_const"] = false,
        });
        nest.Connect(noise, inputs);
        nest.Connect(inputs, neurons, syn: new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse", ["weight"] = 3.0, ["delay"] = 1.0 });
        nest.Connect(neurons, neurons, Rule.PairwiseBernoulli(0.3, allowAutapses: false),
            new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse", ["weight"] = 1.0, ["delay"] = 1.5 });
        nest.Simulate(500.0);
        return nest.GetConnections(synapseModel: "clopath_synapse").Weight;
    }

    [Fact]
    public void NetworkWeights_AreTheSameForOneAndTwoThreads()
    {
        var one = NetworkWeights(1);
        var two = NetworkWeights(2);
        Assert.Equal(one, two);
        Assert.Contains(one, w => w != 3.0 && w != 1.0);
    }
}
