using NestSharp.Plasticity;
using NestSharp.Tests.Reference;

namespace NestSharp.Tests.Models;

/// <summary>
/// urbanczik_synapse: NEST's defaults, connection checks, the weight trajectory against the rule written out and applied
/// to the recorded dendritic potential (no post-synaptic spikes, so the prediction error is the dendritic prediction of
/// the rate alone), the bounded history of the neuron, and thread independence of the learned weights.
/// </summary>
public sealed class UrbanczikSynapseTests
{
    private const string Neuron = "pp_cond_exp_mc_urbanczik";
    private const string Synapse = "urbanczik_synapse";

    [Fact]
    public void Defaults_EqualNest()
    {
        var theirs = NestDefaults.Of(Synapse);
        var ours = new Simulator().GetDefaults(Synapse);
        foreach (string key in new[] { "Wmax", "Wmin", "eta", "tau_Delta", "weight", "delay", "receptor_type", "num_connections" })
            Assert.Equal(theirs[key].GetDouble(), Convert.ToDouble(ours[key]));
        Assert.Equal("synapse", ours["element_type"]);
        Assert.Equal(true, ours["has_delay"]);
        Assert.Equal("NodeCollection(<empty>)", ours["weight_recorder"]);
    }

    [Fact]
    public void TargetWithoutUrbanczikHistory_IsNotImplemented_AsNest()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("iaf_psc_alpha");
        var e = Assert.Throws<NestNotImplementedException>(() => nest.Connect(pre, post, syn: Synapse));
        Assert.Contains(Neuron, e.Message);
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void GeneratorSources_AreRejected()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator");
        var post = nest.Create(Neuron);
        Assert.Throws<IllegalConnectionException>(() =>
            nest.Connect(sg, post, syn: new Dictionary<string, object> { ["synapse_model"] = Synapse, ["receptor_type"] = 3 }));
    }

    [Theory]
    [InlineData(1.0, 0.0)]
    [InlineData(1.0, -5.0)]
    [InlineData(-1.0, 5.0)]
    public void WeightAndWmaxOfDifferentSign_AreRejected(double weight, double wmax)
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create(Neuron);
        var e = Assert.Throws<BadPropertyException>(() => nest.Connect(pre, post, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = Synapse, ["receptor_type"] = 3, ["weight"] = weight, ["Wmax"] = wmax,
        }));
        Assert.StartsWith("'Wmax'", e.Message);
        Assert.Equal(0, nest.GetConnections().Count);
    }

    // ------------------------------------------------------------------ the rule applied by hand

    private const double H = 0.1, RateSlope = 0.5, Beta = 1.0 / 3.0, Theta = -55.0;

    /// <summary>phi_max with spiking switched off, and NEST's default with which the driven neuron spikes.</summary>
    private const double SilentPhiMax = 1e-12, SpikingPhiMax = 0.15;
    private const double SomaGL = 30.0, SomaEL = -70.0, GSp = 600.0;
    private const double DendriteCm = 300.0, DendriteGL = 30.0, TauSynEx = 3.0, TauSynIn = 5.0;

    /// <summary>One plastic connection of the experiment: its parrot's spike times (ms) and its parameters.</summary>
    private sealed record Plastic(double[] GeneratorTimes, double Weight, double Delay, double Eta, double TauDelta, double Wmin, double Wmax);

    private static readonly Plastic[] Connections =
    [
        new([5.0, 12.0, 13.5, 30.0, 31.0, 60.0, 95.0, 96.0, 140.0], 100.0, 0.1, 4e11, 100.0, 0.0, 1000.0),
        new([7.0, 20.0, 45.0, 46.0, 80.0, 81.0, 82.0, 150.0], 200.0, 1.0, 2e11, 20.0, 0.0, 205.0),
        // Wmax -0.0, not 0.0: NEST compares the sign bits of a negative weight and Wmax.
        new([9.0, 25.0, 26.0, 70.0, 120.0, 155.0], -50.0, 0.5, 3e11, 50.0, -1000.0, -0.0),
    ];

    private sealed record Recorded(double PhiMax, double EtaScale, double[] Times, double[] Vd, double[] PostSpikes, Dictionary<string, object> WeightEvents,
        SynapseCollection Synapses);

    /// <summary>
    /// Three parrot neurons, each repeating a spike generator's train, onto the dendrite of one neuron through
    /// urbanczik_synapses (one with a negative weight, hence tau_syn_in) and a static dendritic drive. Without post-synaptic
    /// spikes, spiking is switched off with phi_max = 1e-12 and the learning rates are as large as given; with them,
    /// phi_max is NEST's default and the learning rates are scaled down by the same factor. Optionally a weight is set
    /// between the two Simulate calls.
    /// </summary>
    private static Recorded Simulate(bool postSpikes = false, double? weightSetAt60 = null)
    {
        double phiMax = postSpikes ? SpikingPhiMax : SilentPhiMax;
        double etaScale = SilentPhiMax / phiMax;
        var nest = new Simulator();
        var post = nest.Create(Neuron, 1, new()
        {
            ["phi_max"] = phiMax,
            ["dendritic"] = new Dictionary<string, object> { ["tau_syn_ex"] = TauSynEx, ["tau_syn_in"] = TauSynIn },
        });
        var drive = nest.Create("spike_generator", 1, new() { ["spike_times"] = Enumerable.Range(1, 40).Select(k => 4.0 * k).ToArray() });
        nest.Connect(drive, post, syn: new Dictionary<string, object> { ["receptor_type"] = 3, ["weight"] = 400.0, ["delay"] = 1.0 });
        var wr = nest.Create("weight_recorder");
        nest.CopyModel(Synapse, "urbanczik_wr", new() { ["weight_recorder"] = wr });
        var parrots = nest.Create("parrot_neuron", Connections.Length);
        for (int c = 0; c < Connections.Length; c++)
        {
            var p = Connections[c];
            var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = p.GeneratorTimes });
            nest.Connect(sg, parrots[c], syn: new Dictionary<string, object> { ["delay"] = 1.0 });
            nest.Connect(parrots[c], post, syn: new Dictionary<string, object>
            {
                ["synapse_model"] = "urbanczik_wr", ["receptor_type"] = 3, ["weight"] = p.Weight, ["delay"] = p.Delay,
                ["eta"] = p.Eta * etaScale, ["tau_Delta"] = p.TauDelta, ["Wmin"] = p.Wmin, ["Wmax"] = p.Wmax,
            });
        }
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = H, ["record_from"] = new[] { "V_m.p" } });
        nest.Connect(mm, post);
        var sr = nest.Create("spike_recorder");
        nest.Connect(post, sr);
        nest.Simulate(60.0);
        if (weightSetAt60 is { } w) nest.GetConnections(parrots[0], post).Set("weight", w);
        nest.Simulate(110.0);
        var trace = (Dictionary<string, object>)mm.Get("events");
        return new Recorded(phiMax, etaScale, (double[])trace["times"], (double[])trace["V_m.p"], (double[])((Dictionary<string, object>)sr.Get("events"))["times"],
            (Dictionary<string, object>)wr.Get("events"), nest.GetConnections(parrots, post));
    }

    private static double Phi(double phiMax, double u) => phiMax / (1.0 + RateSlope * Math.Exp(Beta * (Theta - u)));

    private static double HFactor(double u) => 15.0 * Beta / (1.0 + Math.Exp(-Beta * (Theta - u)) / RateSlope);

    /// <summary>
    /// The Urbanczik-Senn rule written out from the recorded dendritic potential: the entry of step n (ending at
    /// t_n = n·h) is dPI_n = (s_n - phi(V*_n)·h)·h(V*_n) with V*_n = (E_L·g_L + V_n·g_sp)/(g_L + g_sp) (soma's E_L, g_L)
    /// and s_n the number of post-synaptic spikes recorded at t_n; a spike at t_pre reads the entries with
    /// t_last - d &lt; t_n &lt;= t_pre - d.
    /// </summary>
    private static double[] ByHand(Recorded r, Plastic p, double[] preTimes, Func<double, double> initialWeight)
    {
        double tauL = DendriteCm / DendriteGL;
        var dPi = new double[r.Times.Length];
        for (int n = 0; n < dPi.Length; n++)
        {
            double prediction = (SomaEL * SomaGL + r.Vd[n] * GSp) / (GSp + SomaGL);
            int spikes = r.PostSpikes.Count(t => t == r.Times[n]);
            dPi[n] = (spikes - Phi(r.PhiMax, prediction) * H) * HFactor(prediction);
        }
        var weights = new List<double>();
        double w = p.Weight, tLast = -1.0, integral = 0.0, expIntegral = 0.0, traceL = 0.0, traceS = 0.0;
        foreach (double tPre in preTimes)
        {
            Assert.True(tPre - p.Delay <= r.Times[^1] + 1e-9, "the recording must cover the window");
            double tauS = w > 0.0 ? TauSynEx : TauSynIn;
            double increment = 0.0;
            for (int n = 0; n < dPi.Length; n++)
            {
                double t = r.Times[n];
                if (t <= tLast - p.Delay + 1e-6 || t > tPre - p.Delay + 1e-6) continue;
                double s = tLast - (t + p.Delay);
                double pi = (traceL * Math.Exp(s / tauL) - traceS * Math.Exp(s / tauS)) * dPi[n];
                integral += pi;
                increment += Math.Exp((t + p.Delay - tPre) / p.TauDelta) * pi;
            }
            expIntegral = Math.Exp((tLast - tPre) / p.TauDelta) * expIntegral + increment;
            w = initialWeight(tPre) + (integral - expIntegral) * 15.0 * DendriteCm * tauS * (p.Eta * r.EtaScale) / (DendriteGL * (tauL - tauS));
            w = Math.Clamp(w, p.Wmin, p.Wmax);
            weights.Add(w);
            traceL = traceL * Math.Exp((tLast - tPre) / tauL) + 1.0;
            traceS = traceS * Math.Exp((tLast - tPre) / tauS) + 1.0;
            tLast = tPre;
        }
        return weights.ToArray();
    }

    private static (double[] Times, double[] Weights) EventsOf(Recorded r, long sender)
    {
        var senders = (long[])r.WeightEvents["senders"];
        var times = (double[])r.WeightEvents["times"];
        var weights = (double[])r.WeightEvents["weights"];
        int[] rows = Enumerable.Range(0, senders.Length).Where(i => senders[i] == sender).ToArray();
        return (rows.Select(i => times[i]).ToArray(), rows.Select(i => weights[i]).ToArray());
    }

    private static void AssertTrajectory(Recorded r, int c, Func<double, double> initialWeight)
    {
        var p = Connections[c];
        long sender = r.Synapses.Source[c];
        var (times, weights) = EventsOf(r, sender);
        // The parrot repeats each generator spike 1 ms later.
        Assert.Equal(p.GeneratorTimes.Select(t => t + 1.0), times, (a, b) => Math.Abs(a - b) < 1e-9);
        double[] expected = ByHand(r, p, times, initialWeight);
        double scale = expected.Max(w => Math.Abs(w - p.Weight));
        Assert.True(scale > 1.0, $"connection {c}: the weight should change noticeably (largest change {scale})");
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - weights[i]) <= 1e-9 * Math.Max(1.0, Math.Abs(expected[i])),
                $"connection {c}, spike {i} at {times[i]}: weight {weights[i]:R}, by hand {expected[i]:R}");
        }

        Assert.Equal(expected[^1], r.Synapses.Weight[c], 9);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void WeightTrajectory_WithoutPostSpikes_FollowsTheRuleAppliedToTheRecordedDendriticPotential(int connection)
    {
        var r = Simulate();
        Assert.Empty(r.PostSpikes);
        AssertTrajectory(r, connection, _ => Connections[connection].Weight);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void WeightTrajectory_WithPostSpikes_FollowsTheRuleAppliedToTheRecordedDendriticPotentialAndSpikes(int connection)
    {
        var r = Simulate(postSpikes: true);
        Assert.NotEmpty(r.PostSpikes);
        AssertTrajectory(r, connection, _ => Connections[connection].Weight);
    }

    [Theory]
    [InlineData(false, 0, "Wmin")]
    [InlineData(true, 1, "Wmax")]
    [InlineData(true, 2, "Wmax")]
    public void Weights_AreClippedToWminAndWmax(bool postSpikes, int connection, string bound)
    {
        var r = Simulate(postSpikes);
        var p = Connections[connection];
        var (_, weights) = EventsOf(r, r.Synapses.Source[connection]);
        Assert.All(weights, w => Assert.InRange(w, p.Wmin, p.Wmax));
        Assert.Contains(bound == "Wmin" ? p.Wmin : p.Wmax, weights);
    }

    [Fact]
    public void SettingTheWeight_MakesItTheNewInitialWeight()
    {
        var r = Simulate(weightSetAt60: 500.0);
        AssertTrajectory(r, 0, tPre => tPre > 60.0 ? 500.0 : Connections[0].Weight);
    }

    // ------------------------------------------------------------------ the history

    [Fact]
    public void History_IsPrunedOnceEverySynapseHasReadIt()
    {
        var history = new UrbanczikHistory();
        history.Configure(0.15, 0.5, 1.0 / 3.0, -55.0, 600.0, 30.0, -70.0, 300.0, 30.0, 3.0, 3.0, incoming: 2, resolution: 0.1);
        int maxCount = 0;
        double lastRead1 = -1.0, lastRead2 = -1.0;
        for (int step = 1; step <= 20000; step++)
        {
            double t = step * 0.1;
            history.Write(t, -60.0, 0);
            maxCount = Math.Max(maxCount, history.Count);
            // Two synapses read at their own pre-synaptic spikes (every 10 ms and every 17 ms).
            if (step % 100 == 0) { history.Read(lastRead1, t); lastRead1 = t; }
            if (step % 170 == 0) { history.Read(lastRead2, t); lastRead2 = t; }
        }
        Assert.True(maxCount <= 400, $"the history grew to {maxCount} entries");
        Assert.True(maxCount >= 170);
    }

    [Fact]
    public void History_IsKeptOnlyWhilePlasticSynapsesAreRegistered()
    {
        var history = new UrbanczikHistory();
        history.Configure(0.15, 0.5, 1.0 / 3.0, -55.0, 600.0, 30.0, -70.0, 300.0, 30.0, 3.0, 3.0, incoming: 0, resolution: 0.1);
        for (int step = 1; step <= 100; step++) history.Write(step * 0.1, -60.0, 0);
        Assert.Equal(0, history.Count);
    }

    [Fact]
    public void History_ReadsTheHalfOpenWindow_AndHoldsThePredictionError()
    {
        var history = new UrbanczikHistory();
        history.Configure(0.15, 0.5, 1.0 / 3.0, -55.0, 600.0, 30.0, -70.0, 300.0, 30.0, 3.0, 3.0, incoming: 1, resolution: 0.1);
        for (int step = 1; step <= 6; step++) history.Write(step * 0.1, -63.0, step == 4 ? 1 : 0);
        var (start, end) = history.Read(0.2, 0.5);
        Assert.Equal((2, 5), (start, end)); // entries at 0.3, 0.4, 0.5
        double prediction = (-70.0 * 30.0 + -63.0 * 600.0) / 630.0;
        double phi = 0.15 / (1.0 + 0.5 * Math.Exp((-55.0 - prediction) / 3.0));
        double h = 15.0 / 3.0 / (1.0 + 2.0 * Math.Exp(-(-55.0 - prediction) / 3.0));
        Assert.Equal(-phi * 0.1 * h, history.At(2).Dw, 1e-15);
        Assert.Equal((1.0 - phi * 0.1) * h, history.At(3).Dw, 1e-15);
    }

    // ------------------------------------------------------------------ thread independence

    /// <summary>Learned weights, weight events and spikes of a small network: 8 spiking neurons with a Poisson teacher, 30 plastic inputs each.</summary>
    private static (double[] Weights, double[] EventWeights, double[] Spikes) Network(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 2024L, ["local_num_threads"] = threads });
        var neurons = nest.Create(Neuron, 8);
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 20.0 });
        var inputs = nest.Create("parrot_neuron", 30);
        nest.Connect(noise, inputs);
        var teacherExc = nest.Create("poisson_generator", 1, new() { ["rate"] = 3000.0 });
        var teacherInh = nest.Create("poisson_generator", 1, new() { ["rate"] = 6000.0 });
        nest.Connect(teacherExc, neurons, syn: new Dictionary<string, object> { ["receptor_type"] = 1, ["weight"] = 2.0, ["delay"] = 0.1 });
        nest.Connect(teacherInh, neurons, syn: new Dictionary<string, object> { ["receptor_type"] = 2, ["weight"] = 2.0, ["delay"] = 0.1 });
        var wr = nest.Create("weight_recorder");
        nest.CopyModel(Synapse, "urbanczik_wr", new() { ["weight_recorder"] = wr });
        nest.Connect(inputs, neurons, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "urbanczik_wr", ["receptor_type"] = 3, ["weight"] = 60.0, ["delay"] = 0.5, ["eta"] = 0.5, ["Wmax"] = 1000.0,
        });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(1000.0);
        return (nest.GetConnections(inputs, neurons).Weight, (double[])((Dictionary<string, object>)wr.Get("events"))["weights"],
            (double[])((Dictionary<string, object>)sr.Get("events"))["times"]);
    }

    [Trait("Category", "Slow")]
    [Fact]
    public void LearnedWeights_AreTheSameForOneAndTwoThreads()
    {
        var one = Network(1);
        var two = Network(2);
        Assert.Equal(one.Weights, two.Weights);
        Assert.Equal(one.EventWeights, two.EventWeights);
        Assert.Equal(one.Spikes, two.Spikes);
        Assert.NotEmpty(one.Spikes);
        Assert.Contains(one.Weights, w => Math.Abs(w - 60.0) > 1.0);
    }
}
