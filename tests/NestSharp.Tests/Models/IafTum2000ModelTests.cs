namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_tum_2000: its spikes carry the released fraction of the Tsodyks dynamics as their offset (a spike recorder sees
/// t - Δ, as NEST's does), receptor 1 scales each spike's weight by it, NEST's connection rules for the model (between
/// iaf_tum_2000 neurons through receptor 1 only, never to precise neurons of other models), its checks, and the same
/// results for 1, 2 and 4 threads.
/// </summary>
public sealed class IafTum2000ModelTests
{
    [Fact]
    public void Spikes_CarryTheReleasedFraction()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_tum_2000", 1, new() { ["I_e"] = 450.0 });
        var recorder = nest.Create("spike_recorder");
        var inSteps = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(neuron, recorder);
        nest.Connect(neuron, inSteps);
        Assert.True((bool)nest.GetKernelStatus("off_grid_spiking"));
        nest.Simulate(100.0);

        double[] offsets = NestSuite.NestSuiteHelpers.Doubles(inSteps, "offsets");
        long[] stamps = NestSuite.NestSuiteHelpers.Longs(inSteps, "times");
        double[] times = NestSuite.NestSuiteHelpers.Doubles(recorder, "times");
        Assert.True(offsets.Length >= 3);

        // the Tsodyks dynamics by hand, from x = y = u = 0 and the last spike at 0 ms
        double x = 0.0, y = 0.0, u = 0.0, last = 0.0;
        const double uParameter = 0.5, tauPsc = 2.0, tauRec = 400.0, tauFac = 1000.0;
        for (int k = 0; k < offsets.Length; k++)
        {
            double t = stamps[k] * 0.1, h = t - last;
            double pyy = Math.Exp(-h / tauPsc), pzz = NestSharp.Numerics.NumericsHelper.LibmExpM1(-h / tauRec);
            double pxy = (pzz * tauRec - (pyy - 1.0) * tauPsc) / (tauPsc - tauRec);
            double z = 1.0 - x - y;
            u *= Math.Exp(-h / tauFac);
            x += pxy * y - pzz * z;
            y *= pyy;
            u += uParameter * (1.0 - u);
            double released = u * x;
            x -= released;
            y += released;
            last = t;
            Assert.Equal(released, offsets[k]);
            Assert.Equal(t - released, times[k], 12);
        }
        Assert.Equal(x, neuron.Get<double>("x"));
        Assert.Equal(y, neuron.Get<double>("y"));
        Assert.Equal(u, neuron.Get<double>("u"));
    }

    [Fact]
    public void Receptor1_ScalesTheWeightByTheOffset()
    {
        // a grid sender's spikes carry offset 0: nothing arrives on receptor 1, all of it on receptor 0
        var nest = new Simulator();
        var sender = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0 } });
        var onReceptor0 = nest.Create("iaf_tum_2000");
        var onReceptor1 = nest.Create("iaf_tum_2000");
        nest.Connect(sender, onReceptor0, syn: new Dictionary<string, object> { ["weight"] = 100.0 });
        nest.Connect(sender, onReceptor1, syn: new Dictionary<string, object> { ["weight"] = 100.0, ["receptor_type"] = 1 });
        nest.Simulate(10.0);
        Assert.True(onReceptor0.Get<double>("V_m") > -70.0);
        Assert.Equal(-70.0, onReceptor1.Get<double>("V_m"));

        // precise spike times: receptor 1 gets weight times offset
        var precise = new Simulator();
        var preciseSender = precise.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.95 }, ["precise_times"] = true });
        var scaled = precise.Create("iaf_tum_2000");
        var full = precise.Create("iaf_tum_2000");
        precise.Connect(preciseSender, scaled, syn: new Dictionary<string, object> { ["weight"] = 100.0, ["receptor_type"] = 1 });
        precise.Connect(preciseSender, full, syn: new Dictionary<string, object> { ["weight"] = 5.0 });
        precise.Simulate(10.0);
        // offset 0.05 ms: 100 pA * 0.05 = 5 pA, as the unscaled 5 pA spike on receptor 0
        Assert.Equal(full.Get<double>("V_m"), scaled.Get<double>("V_m"), 12);
        Assert.True(full.Get<double>("V_m") > -70.0);
    }

    [Fact]
    public void Connections_FollowNestsRules()
    {
        var nest = new Simulator();
        var tum = nest.Create("iaf_tum_2000", 2);
        var grid = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(tum[0], tum[1]));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(tum[0], nest.Create("iaf_psc_exp_ps")));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(tum[0], nest.Create("parrot_neuron_ps")));
        Assert.Throws<UnknownReceptorTypeException>(() =>
            nest.Connect(tum[0], tum[1], syn: new Dictionary<string, object> { ["receptor_type"] = 2 }));
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));

        nest.Connect(tum[0], tum[1], syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        nest.Connect(tum[0], grid);
        nest.Connect(grid, tum[0]);
        nest.Connect(grid, tum[0], syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
        Assert.Equal(4L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Theory]
    [InlineData("x", 1.2)]
    [InlineData("u", 1.5)]
    [InlineData("u", -0.1)]
    [InlineData("U", 1.1)]
    [InlineData("tau_fac", -1.0)]
    [InlineData("tau_rec", 0.0)]
    [InlineData("tau_psc", -2.0)]
    [InlineData("delta", -1.0)]
    [InlineData("V_reset", -50.0)]
    public void BadValues_AreRefusedAndChangeNothing(string key, double value)
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_tum_2000", 1, new() { ["x"] = 0.3, ["y"] = 0.2 });
        var before = neuron.Get();
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["I_e"] = 10.0 }));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(before["x"], neuron.Get("x"));
        Assert.Equal(0.0, neuron.Get<double>("I_e"));
    }

    [Fact]
    public void StaticAndTsodyksSynapses_GiveTheSameResultsForAnyThreadCount()
    {
        var parameters = new Dictionary<string, object> { ["I_e"] = 200.0, ["tau_fac"] = 50.0 };
        ModelThreadRuns.AssertThreadInvariant("iaf_tum_2000", parameters, 60.0, 400.0, recurrentReceptor: 1);
        ModelThreadRuns.AssertThreadInvariant("iaf_tum_2000", parameters, 60.0, 400.0, recurrentReceptor: 1, recurrentSynapse: "tsodyks_synapse");
    }
}
