using NestSharp.Tests.Reference;

namespace NestSharp.Tests.Models;

/// <summary>
/// pp_cond_exp_mc_urbanczik: NEST's defaults, receptors and recordables; status in nested compartment dictionaries
/// (Create, Set, SetDefaults, CopyModel, GetStatus, GetDefaults) with errors that name the compartment and the key;
/// the point-process spiking (Poisson without dead time, one spike at most per step and refractoriness with it).
/// </summary>
public sealed class UrbanczikNeuronTests
{
    private const string Model = "pp_cond_exp_mc_urbanczik";

    private static Dictionary<string, object> Compartment(Dictionary<string, object> status, string name) =>
        Assert.IsType<Dictionary<string, object>>(status[name]);

    [Fact]
    public void Defaults_EqualNest_WithCompartmentsAsSubDictionaries()
    {
        var theirs = NestDefaults.Of(Model);
        var ours = new Simulator().GetDefaults(Model);
        foreach (string compartment in new[] { "soma", "dendritic" })
        {
            var expected = theirs[compartment].EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            var actual = Compartment(ours, compartment);
            Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
            foreach (var (key, value) in expected) Assert.Equal(value, (double)actual[key]);
        }
        foreach (string key in new[] { "t_ref", "g_sp", "g_ps", "phi_max", "rate_slope", "beta", "theta", "tau_minus", "tau_minus_triplet", "tau_Ca", "beta_Ca", "Ca" })
            Assert.Equal(theirs[key].GetDouble(), (double)ours[key]);
        Assert.Equal(theirs["recordables"].EnumerateArray().Select(e => e.GetString()!), (string[])ours["recordables"]);
        var receptors = (Dictionary<string, int>)ours["receptor_types"];
        foreach (var entry in theirs["receptor_types"].EnumerateObject())
            Assert.Equal(entry.Value.GetInt32(), receptors[entry.Name]);
        Assert.Equal(6, receptors.Count);
        Assert.Equal("neuron", ours["element_type"]);
        Assert.DoesNotContain("V_m", ours.Keys);
        Assert.DoesNotContain("soma.V_m", ours.Keys);
    }

    [Fact]
    public void Create_TakesCompartmentSubDictionaries_AndKeepsTheOtherEntries()
    {
        var nest = new Simulator();
        var n = nest.Create(Model, 1, new()
        {
            ["g_sp"] = 500.0,
            ["soma"] = new Dictionary<string, object> { ["g_L"] = 25.0, ["V_m"] = -65.0 },
            ["dendritic"] = new Dictionary<string, double> { ["tau_syn_in"] = 5.0 },
        });
        var status = n.GetStatus()[0];
        Assert.Equal(500.0, (double)status["g_sp"]);
        var soma = Compartment(status, "soma");
        Assert.Equal(25.0, (double)soma["g_L"]);
        Assert.Equal(-65.0, (double)soma["V_m"]);
        Assert.Equal(300.0, (double)soma["C_m"]);
        var dendrite = Compartment(status, "dendritic");
        Assert.Equal(5.0, (double)dendrite["tau_syn_in"]);
        Assert.Equal(30.0, (double)dendrite["g_L"]);
        Assert.Equal(-70.0, (double)dendrite["V_m"]);
    }

    [Fact]
    public void SetDefaultsAndCopyModel_TakeCompartmentSubDictionaries()
    {
        var nest = new Simulator();
        nest.SetDefaults(Model, new() { ["dendritic"] = new Dictionary<string, object> { ["C_m"] = 150.0 } });
        nest.CopyModel(Model, "leaky_soma", new() { ["soma"] = new Dictionary<string, object> { ["g_L"] = 60.0 } });
        var copy = nest.Create("leaky_soma");
        Assert.Equal(150.0, (double)Compartment(copy.GetStatus()[0], "dendritic")["C_m"]);
        Assert.Equal(60.0, (double)Compartment(copy.GetStatus()[0], "soma")["g_L"]);
        Assert.Equal(30.0, (double)Compartment(nest.GetDefaults(Model), "soma")["g_L"]);
    }

    [Fact]
    public void Set_OnlyChangesTheKeysGiven()
    {
        var nest = new Simulator();
        var n = nest.Create(Model, 2);
        n.Set("soma", new Dictionary<string, object> { ["I_e"] = 100.0 });
        n.Set(new Dictionary<string, object> { ["dendritic"] = new Dictionary<string, object> { ["V_m"] = -60.0 }, ["t_ref"] = 2.0 });
        foreach (var status in n.GetStatus())
        {
            Assert.Equal(100.0, (double)Compartment(status, "soma")["I_e"]);
            Assert.Equal(-75.0, (double)Compartment(status, "soma")["E_in"]);
            Assert.Equal(-60.0, (double)Compartment(status, "dendritic")["V_m"]);
            Assert.Equal(2.0, (double)status["t_ref"]);
        }
    }

    [Theory]
    [InlineData("soma")]
    [InlineData("dendritic")]
    public void UnknownCompartmentKey_FailsNamingCompartmentAndKey_AndListsTheValidKeys(string compartment)
    {
        var nest = new Simulator();
        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            nest.Create(Model, 1, new() { [compartment] = new Dictionary<string, object> { ["X"] = 1.0 } }));
        Assert.Contains($"'{compartment}'", e.Message);
        Assert.Contains("'X'", e.Message);
        foreach (string key in new[] { "C_m", "E_L", "E_ex", "E_in", "I_e", "V_m", "g_L", "tau_syn_ex", "tau_syn_in" })
            Assert.Contains(key, e.Message);
        Assert.Equal(0, nest.NetworkSize);
    }

    [Fact]
    public void FailedSet_ChangesNothing()
    {
        var nest = new Simulator();
        var n = nest.Create(Model);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set(new Dictionary<string, object>
        {
            ["g_sp"] = 1.0,
            ["soma"] = new Dictionary<string, object> { ["g_L"] = 5.0, ["X"] = 1.0 },
        }));
        var status = n.GetStatus()[0];
        Assert.Equal(600.0, (double)status["g_sp"]);
        Assert.Equal(30.0, (double)Compartment(status, "soma")["g_L"]);
        Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            nest.SetDefaults(Model, new() { ["dendritic"] = new Dictionary<string, object> { ["C_m"] = 5.0, ["g_Na"] = 1.0 } }));
        Assert.Equal(300.0, (double)Compartment(nest.GetDefaults(Model), "dendritic")["C_m"]);
    }

    [Fact]
    public void UnknownTopLevelKey_ListsTheCompartments()
    {
        var nest = new Simulator();
        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            nest.Create(Model, 1, new() { ["proximal"] = new Dictionary<string, object> { ["g_L"] = 1.0 } }));
        Assert.Contains("'proximal'", e.Message);
        Assert.Contains("soma", e.Message);
        Assert.Contains("dendritic", e.Message);
        Assert.DoesNotContain("soma.g_L", e.Message);
    }

    [Fact]
    public void CompartmentValueThatIsNoDictionary_IsATypeError()
    {
        var nest = new Simulator();
        var e = Assert.Throws<TypeMismatchException>(() => nest.Create(Model, 1, new() { ["soma"] = 3.0 }));
        Assert.StartsWith("'soma'", e.Message);
        var t = Assert.Throws<TypeMismatchException>(() =>
            nest.Create(Model, 1, new() { ["soma"] = new Dictionary<string, object> { ["g_L"] = "thirty" } }));
        Assert.Contains("soma", t.Message);
        Assert.Contains("g_L", t.Message);
    }

    [Theory]
    [InlineData("soma", "C_m", 0.0)]
    [InlineData("dendritic", "C_m", -300.0)]
    [InlineData("soma", "tau_syn_ex", 0.0)]
    [InlineData("dendritic", "tau_syn_in", -1.0)]
    public void InvalidCompartmentValue_IsRejectedNamingCompartmentAndKey(string compartment, string key, double value)
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() =>
            nest.Create(Model, 1, new() { [compartment] = new Dictionary<string, object> { [key] = value } }));
        Assert.StartsWith($"'{compartment}.{key}'", e.Message);
    }

    [Theory]
    [InlineData("rate_slope", -0.5)]
    [InlineData("phi_max", -1.0)]
    [InlineData("t_ref", -1.0)]
    public void InvalidRateParameter_IsRejectedNamingTheKey(string key, double value)
    {
        var e = Assert.Throws<BadPropertyException>(() => new Simulator().Create(Model, 1, new() { [key] = value }));
        Assert.StartsWith($"'{key}'", e.Message);
    }

    [Fact]
    public void SpikesOnAReceptorTheModelHasNot_AreAnUnknownReceptorType()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator");
        var n = nest.Create(Model);
        Assert.Throws<UnknownReceptorTypeException>(() =>
            nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = 7 }));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void SpikesOnReceptorZero_AreAnIncompatibleReceptorType()
    {
        // NEST's handles_test_event: every receptor below SUP_CURR_RECEPTOR (7) that is not a spike receptor
        var nest = new Simulator();
        var sg = nest.Create("spike_generator");
        var n = nest.Create(Model);
        Assert.Throws<IncompatibleReceptorTypeException>(() =>
            nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = 0 }));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void SpikesOnACurrentReceptor_AreAnIncompatibleReceptorType(int receptor)
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator");
        var n = nest.Create(Model);
        Assert.Throws<IncompatibleReceptorTypeException>(() =>
            nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = receptor }));
        Assert.Equal(0, nest.GetConnections().Count);
    }

    [Fact]
    public void Recordables_AreReadThroughAMultimeter()
    {
        var nest = new Simulator();
        var n = nest.Create(Model, 1, new() { ["phi_max"] = 0.0 });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        foreach (int receptor in new[] { 1, 2, 3, 4 })
            nest.Connect(sg, n, syn: new Dictionary<string, object> { ["receptor_type"] = receptor, ["weight"] = 10.0 * receptor, ["delay"] = 1.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "g_ex.s", "g_in.s", "I_ex.p", "I_in.p", "V_m.s", "V_m.p" } });
        nest.Connect(mm, n);
        nest.Simulate(5.0);
        var events = (Dictionary<string, object>)mm.Get("events");
        var times = (double[])events["times"];
        int at = Array.IndexOf(times, 2.0); // the spike at 1.0 arrives at 2.0, added at the end of the step
        Assert.Equal(0.0, ((double[])events["g_ex.s"])[at - 1]);
        Assert.Equal(10.0, ((double[])events["g_ex.s"])[at]);
        Assert.Equal(20.0, ((double[])events["g_in.s"])[at]);
        Assert.Equal(30.0, ((double[])events["I_ex.p"])[at]);
        Assert.Equal(-40.0, ((double[])events["I_in.p"])[at]); // dendritic inhibition is a negative current
        Assert.Equal(-70.0, ((double[])events["V_m.s"])[at]);
        // g_ex (towards 0 mV) outweighs g_in (towards -75 mV) at -70 mV; the net dendritic current (30 - 40 pA) is negative.
        Assert.True(((double[])events["V_m.s"])[at + 5] > -70.0, "the somatic conductances depolarise U");
        Assert.True(((double[])events["V_m.p"])[at + 5] < -70.0, "the dendritic currents hyperpolarise V_W");
    }

    /// <summary>Spike times of <paramref name="n"/> neurons with a constant rate phi_max (rate_slope 0) over <paramref name="ms"/>.</summary>
    private static (double[] Times, long[] Senders) SpikeAtConstantRate(double phiMax, double tRef, int n, double ms, int threads = 1)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 77L, ["local_num_threads"] = threads });
        var neurons = nest.Create(Model, n, new() { ["phi_max"] = phiMax, ["rate_slope"] = 0.0, ["t_ref"] = tRef });
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(ms);
        var events = (Dictionary<string, object>)sr.Get("events");
        return ((double[])events["times"], (long[])events["senders"]);
    }

    [Fact]
    public void WithoutDeadTime_SpikesArePoissonWithRatePhi()
    {
        // phi = 0.02/ms: 20 Hz, 10 neurons for 10 s: 2000 spikes expected.
        var (times, _) = SpikeAtConstantRate(0.02, 0.0, 10, 10_000.0);
        Assert.InRange(times.Length, 2000 - 5 * Math.Sqrt(2000), 2000 + 5 * Math.Sqrt(2000));
    }

    [Fact]
    public void WithDeadTime_AtMostOneSpikePerStepAndNoneWhileRefractory()
    {
        // p = 1 - exp(-phi·h) per free step, then t_ref = 3 ms (30 steps) refractory: mean ISI = 3 ms + h/p.
        const double phi = 0.05, h = 0.1, tRef = 3.0;
        var (times, senders) = SpikeAtConstantRate(phi, tRef, 10, 10_000.0);
        double p = 1.0 - Math.Exp(-phi * h);
        double meanIsi = tRef + h / p;
        double expected = 10 * 10_000.0 / meanIsi;
        Assert.InRange(times.Length, expected - 5 * Math.Sqrt(expected), expected + 5 * Math.Sqrt(expected));
        foreach (long sender in senders.Distinct())
        {
            double[] own = times.Where((_, i) => senders[i] == sender).ToArray();
            for (int i = 1; i < own.Length; i++)
                Assert.True(own[i] - own[i - 1] >= tRef + h - 1e-9, $"neuron {sender} fired at {own[i - 1]} and {own[i]}");
        }
    }

    [Fact]
    public void Spikes_AreTheSameForOneAndTwoThreads()
    {
        var one = SpikeAtConstantRate(0.05, 3.0, 20, 1000.0, threads: 1);
        var two = SpikeAtConstantRate(0.05, 3.0, 20, 1000.0, threads: 2);
        Assert.Equal(one.Times, two.Times);
        Assert.Equal(one.Senders, two.Senders);
        Assert.NotEmpty(one.Times);
    }
}

