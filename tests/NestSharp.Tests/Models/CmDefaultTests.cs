using NestSharp.Tests.NestSuite;

namespace NestSharp.Tests.Models;

/// <summary>
/// cm_default: independence of the thread count, checkpoints, what SetDefaults and CopyModel pass on, receptor
/// conductances, frozen nodes, and bad input (each refused with NEST's exception and changing nothing).
/// </summary>
public sealed class CmDefaultTests
{
    private static Dictionary<string, object> Compartment(long parent, Dictionary<string, object> parameters) =>
        new() { ["parent_idx"] = parent, ["params"] = parameters };

    private static Dictionary<string, object> Receptor(long compartment, string type, Dictionary<string, object>? parameters = null)
    {
        var receptor = new Dictionary<string, object> { ["comp_idx"] = compartment, ["receptor_type"] = type };
        if (parameters is not null) receptor["params"] = parameters;
        return receptor;
    }

    // NEST's example two_comps.py: an active soma (pF, nS), an active and a passive dendrite.
    private static Dictionary<string, object> Soma() => new()
    {
        ["C_m"] = 89.245535, ["g_C"] = 0.0, ["g_L"] = 8.924572508, ["e_L"] = -75.0, ["v_comp"] = -75.0,
        ["gbar_Na"] = 4608.698576715, ["e_Na"] = 60.0, ["gbar_K"] = 956.1127729, ["e_K"] = -90.0,
    };

    private static Dictionary<string, object> ActiveDendrite() => new()
    {
        ["C_m"] = 1.929929, ["g_C"] = 1.255439494, ["g_L"] = 0.192992878, ["e_L"] = -70.0, ["v_comp"] = -70.0,
        ["gbar_Na"] = 17.203212493, ["e_Na"] = 60.0, ["gbar_K"] = 11.88734745, ["e_K"] = -90.0,
    };

    private static Dictionary<string, object> PassiveDendrite() => new()
    {
        ["C_m"] = 1.929929, ["g_C"] = 1.255439494, ["g_L"] = 0.192992878, ["e_L"] = -75.0, ["v_comp"] = -75.0,
    };

    private static readonly string[] Sampled = ["v_comp0", "m_Na_0", "n_K_1", "v_comp2", "g_d_AMPA_0", "g_r_GABA_1", "g_d_NMDA_2", "g_d_AN_NMDA_3"];

    /// <summary>
    /// 12 neurons of three compartments and four receptors (AMPA and GABA on the soma, NMDA on the active dendrite,
    /// AMPA_NMDA on the passive one): Poisson input on AMPA, recurrent connections on NMDA and GABA, a dc current into
    /// the active dendrite; a spike recorder (id 15) and a multimeter (id 16).
    /// </summary>
    private static void Build(Simulator nest)
    {
        var neurons = nest.Create("cm_default", 12, new()
        {
            ["V_th"] = -50.0,
            ["compartments"] = new[] { Compartment(-1, Soma()), Compartment(0, ActiveDendrite()), Compartment(0, PassiveDendrite()) },
            ["receptors"] = new[]
            {
                Receptor(0, "AMPA"), Receptor(0, "GABA", new() { ["tau_d_GABA"] = 7.0 }), Receptor(1, "NMDA"),
                Receptor(2, "AMPA_NMDA", new() { ["NMDA_ratio"] = 1.5 }),
            },
        });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 4000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = 3.0, ["delay"] = 1.0, ["receptor_type"] = 0L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object> { ["weight"] = 2.0, ["delay"] = 1.0, ["receptor_type"] = 2L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object> { ["weight"] = 4.0, ["delay"] = 1.7, ["receptor_type"] = 1L });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(1), new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 2.3, ["receptor_type"] = 3L });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 20.0 });
        nest.Connect(dc, neurons, syn: new Dictionary<string, object> { ["receptor_type"] = 1L });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = Sampled, ["interval"] = 0.5 });
        nest.Connect(meter, neurons);
    }

    /// <summary>The spikes and samples, in a canonical order, as text.</summary>
    private static string Observe(Simulator nest)
    {
        var spikes = NestSuiteHelpers.Events(nest.Nodes(15));
        long[] senders = (long[])spikes["senders"];
        double[] times = (double[])spikes["times"];
        var text = new System.Text.StringBuilder();
        foreach (int i in Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]))
            text.Append(times[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(senders[i]).Append(' ');
        text.Append('|');
        var samples = NestSuiteHelpers.Events(nest.Nodes(16));
        long[] sampledSenders = (long[])samples["senders"];
        double[] sampledTimes = (double[])samples["times"];
        foreach (int i in Enumerable.Range(0, sampledSenders.Length).OrderBy(i => sampledTimes[i]).ThenBy(i => sampledSenders[i]))
        {
            text.Append(sampledTimes[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture)).Append(':').Append(sampledSenders[i]);
            foreach (string name in Sampled)
                text.Append(',').Append(((double[])samples[name])[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture));
            text.Append(' ');
        }
        return text.ToString();
    }

    [Fact]
    public void Results_DoNotDependOnTheThreadCount()
    {
        string? reference = null;
        foreach (int threads in new[] { 1, 2, 4 })
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 77L });
            Build(nest);
            nest.Simulate(60.0);
            string observed = Observe(nest);
            Assert.True(NestSuiteHelpers.Events(nest.Nodes(15)) is var e && ((long[])e["senders"]).Length > 20, "too few spikes");
            reference ??= observed;
            Assert.Equal(reference, observed);
        }
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise()
    {
        var reference = new Simulator();
        Build(reference);
        reference.Simulate(23.0);
        reference.Simulate(37.0);
        string expected = Observe(reference);
        string folder = Directory.CreateTempSubdirectory("nestsharp-cm-").FullName;
        try
        {
            foreach (var (before, after) in new[] { (1, 1), (1, 3), (2, 1) })
            {
                var resumed = Checkpoint.CheckpointSplitRunTests.Restored(Build, Path.Combine(folder, $"{before}-{after}.nscp"), 23.0, before, after);
                resumed.Simulate(37.0);
                Assert.Equal(expected, Observe(resumed));
                Assert.Equal(3, ((Dictionary<string, object>[])resumed.Nodes(5).Get("compartments")).Length);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void SetDefaultsAndCopyModel_GiveNewNodesTheTree()
    {
        var nest = new Simulator();
        nest.SetDefaults("cm_default", new() { ["compartments"] = new[] { Compartment(-1, Soma()), Compartment(0, PassiveDendrite()) } });
        nest.CopyModel("cm_default", "cm_two", new() { ["receptors"] = Receptor(1, "AMPA") });
        var a = nest.Create("cm_default", 2);
        var b = nest.Create("cm_two");
        Assert.Equal(2, ((Dictionary<string, object>[])a[1].Get("compartments")).Length);
        Assert.Equal(2, ((Dictionary<string, object>[])nest.GetDefaults("cm_default")["compartments"]).Length);
        Assert.Single((Dictionary<string, object>[])b.Get("receptors"));
        Assert.Empty((Dictionary<string, object>[])nest.GetDefaults("cm_default")["receptors"]);
        // each node has its own tree: adding to one leaves the other
        nest.Nodes(1).Set("add_compartments", Compartment(1, PassiveDendrite()));
        Assert.Equal(3, ((Dictionary<string, object>[])nest.Nodes(1).Get("compartments")).Length);
        Assert.Equal(2, ((Dictionary<string, object>[])nest.Nodes(2).Get("compartments")).Length);
    }

    [Fact]
    public void AmpaConductance_PeaksAtTheWeight()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.01);
        var cm = nest.Create("cm_default", 1, new()
        {
            ["compartments"] = Compartment(-1, PassiveDendrite()),
            ["receptors"] = new[] { Receptor(0, "AMPA"), Receptor(0, "AMPA_NMDA", new() { ["NMDA_ratio"] = 0.0 }) },
        });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        nest.Connect(sg, cm, syn: new Dictionary<string, object> { ["weight"] = 0.7, ["receptor_type"] = 0L });
        nest.Connect(sg, cm, syn: new Dictionary<string, object> { ["weight"] = 0.7, ["receptor_type"] = 1L });
        var mm = nest.Create("multimeter", 1, new()
        {
            ["record_from"] = new[] { "g_r_AMPA_0", "g_d_AMPA_0", "g_r_AN_AMPA_1", "g_d_AN_AMPA_1" }, ["interval"] = 0.01,
        });
        nest.Connect(mm, cm);
        nest.Simulate(10.0);

        double[] g = [.. NestSuiteHelpers.Doubles(mm, "g_r_AMPA_0").Zip(NestSuiteHelpers.Doubles(mm, "g_d_AMPA_0"), (r, d) => r + d)];
        Assert.Equal(0.7, g.Max(), 3);
        double[] gAn = [.. NestSuiteHelpers.Doubles(mm, "g_r_AN_AMPA_1").Zip(NestSuiteHelpers.Doubles(mm, "g_d_AN_AMPA_1"), (r, d) => r + d)];
        Assert.Equal(g, gAn);
    }

    [Fact]
    public void DefaultCompartment_RelaxesFromMinus70ToItsLeakWithCmOverGL()
    {
        // NEST's defaults: C_m 1 nF, g_L 0.1 uS (tau 10 ms), v_comp -70 mV whatever e_L is
        var nest = new Simulator();
        var cm = nest.Create("cm_default", 1, new() { ["compartments"] = Compartment(-1, new() { ["e_L"] = -60.0 }) });
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0" }, ["interval"] = 1.0 });
        nest.Connect(mm, cm);
        nest.Simulate(6.0);
        double[] v = NestSuiteHelpers.Doubles(mm, "v_comp0");
        for (int k = 0; k < v.Length; k++) Assert.Equal(-60.0 - 10.0 * Math.Exp(-(k + 1) / 10.0), v[k], 4);
    }

    [Fact]
    public void FrozenNode_KeepsItsState()
    {
        var nest = new Simulator();
        var cm = nest.Create("cm_default", 1, new() { ["compartments"] = Compartment(-1, new() { ["e_L"] = -60.0 }) });
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "v_comp0" }, ["interval"] = 1.0, ["start"] = 5.0 });
        nest.Connect(mm, cm);
        cm.Set("frozen", true);
        nest.Simulate(5.0);
        cm.Set("frozen", false);
        nest.Simulate(3.0);
        double[] v = NestSuiteHelpers.Doubles(mm, "v_comp0");
        Assert.True(v[0] > -70.0 && v[0] < -69.0, $"v after the first unfrozen step: {v[0]}"); // started at -70, not relaxed for 5 ms
    }

    public static TheoryData<string, object, Type, string> BadSets() => new()
    {
        { "compartments", new[] { Compartment(-1, Soma()), Compartment(-1, Soma()) }, typeof(UnknownCompartmentException), "root" },
        { "compartments", new[] { Compartment(-1, Soma()), Compartment(4, Soma()) }, typeof(UnknownCompartmentException), "4" },
        { "compartments", Array.Empty<Dictionary<string, object>>(), typeof(BadPropertyException), "compartments" },
        { "compartments", 5.0, typeof(BadPropertyException), "compartments" },
        { "compartments", Compartment(-1, new() { ["g_l"] = 1.0 }), typeof(UnaccessedDictionaryEntryException), "g_l" },
        { "compartments", new Dictionary<string, object> { ["parent_idx"] = -1.0 }, typeof(TypeMismatchException), "parent_idx" },
        { "compartments", new Dictionary<string, object> { ["params"] = Soma() }, typeof(BadPropertyException), "parent_idx" },
        { "compartments", Compartment(-1, new() { ["C_m"] = "big" }), typeof(TypeMismatchException), "C_m" },
        { "add_compartments", Compartment(7, Soma()), typeof(UnknownCompartmentException), "7" },
        { "receptors", Receptor(0, "AMPA"), typeof(BadPropertyException), "receptors" },
        { "add_receptors", Receptor(3, "AMPA"), typeof(UnknownCompartmentException), "3" },
        { "add_receptors", Receptor(0, "GLY"), typeof(BadPropertyException), "GLY" },
        { "add_receptors", Receptor(0, "GABA", new() { ["tau_d_AMPA"] = 1.0 }), typeof(UnaccessedDictionaryEntryException), "tau_d_AMPA" },
        { "add_receptors", new Dictionary<string, object> { ["comp_idx"] = 0L, ["receptor_type"] = "AMPA", ["weight"] = 1.0 }, typeof(UnaccessedDictionaryEntryException), "weight" },
        { "add_receptors", new[] { Receptor(0, "NMDA"), Receptor(9, "NMDA") }, typeof(UnknownCompartmentException), "9" },
    };

    [Theory]
    [MemberData(nameof(BadSets))]
    public void BadSet_IsRefusedAndChangesNothing(string key, object value, Type expected, string mentioned)
    {
        var nest = new Simulator();
        // "compartments" is refused on a node that has compartments: those cases start from a new node
        var cm = key == "compartments"
            ? nest.Create("cm_default", 1, new() { ["V_th"] = -40.0 })
            : nest.Create("cm_default", 1, new()
            {
                ["compartments"] = new[] { Compartment(-1, Soma()), Compartment(0, PassiveDendrite()) },
                ["receptors"] = Receptor(0, "AMPA"),
                ["V_th"] = -40.0,
            });
        string before = NestJson.ToJson(new SortedDictionary<string, object>(cm.GetStatus()[0], StringComparer.Ordinal));
        // with changes that are good on their own, which must not be made either
        var values = new Dictionary<string, object> { ["V_th"] = -30.0 };
        if (key is "receptors" or "compartments") values["add_compartments"] = Compartment(0, PassiveDendrite());
        else if (key != "add_receptors") values["add_receptors"] = Receptor(1, "GABA");
        values[key] = value;
        var e = Assert.ThrowsAny<NestException>(() => cm.Set(values));
        Assert.IsType(expected, e);
        Assert.Contains(mentioned, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, NestJson.ToJson(new SortedDictionary<string, object>(cm.GetStatus()[0], StringComparer.Ordinal)));
    }

    [Fact]
    public void CompartmentsBetweenPrepareAndCleanup_AreRefused()
    {
        var nest = new Simulator();
        var cm = nest.Create("cm_default", 1, new() { ["compartments"] = Compartment(-1, Soma()) });
        nest.Prepare();
        nest.Run(1.0);
        Assert.Throws<KernelException>(() => cm.Set("add_compartments", Compartment(0, Soma())));
        cm.Set("V_th", -20.0);
        nest.Run(1.0);
        nest.Cleanup();
        cm.Set("add_compartments", Compartment(0, Soma()));
        Assert.Equal(2, ((Dictionary<string, object>[])cm.Get("compartments")).Length);
    }

    [Fact]
    public void NegativeWeight_IsRefusedWhenTheSpikeArrives()
    {
        var nest = new Simulator();
        var cm = nest.Create("cm_default", 1, new() { ["compartments"] = Compartment(-1, Soma()), ["receptors"] = Receptor(0, "GABA") });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0 } });
        nest.Connect(sg, cm, syn: new Dictionary<string, object> { ["weight"] = -1.0, ["receptor_type"] = 0L });
        nest.Simulate(2.5);
        var e = Assert.Throws<BadPropertyException>(() => nest.Simulate(2.0));
        Assert.Contains("weights must be positive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CurrentToAMissingCompartment_IsAnUnknownPort()
    {
        var nest = new Simulator();
        var cms = nest.Create("cm_default", 2);
        cms[0].Set("compartments", new[] { Compartment(-1, Soma()), Compartment(0, Soma()) });
        cms[1].Set("compartments", Compartment(-1, Soma()));
        var dc = nest.Create("dc_generator");
        nest.Connect(dc, cms[0], syn: new Dictionary<string, object> { ["receptor_type"] = 1L });
        var e = Assert.Throws<UnknownPortException>(() => nest.Connect(dc, cms, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
        Assert.Contains("[0, 1[", e.Message, StringComparison.Ordinal);
        Assert.Equal(1L, (long)nest.GetKernelStatus("num_connections"));
    }
}
