using System.Text.Json;
using NestSharp.Tests.Reference;

namespace NestSharp.Tests.Models;

/// <summary>
/// stdp_facetshw_synapse_hom: the synapses are counted at their first spike in NEST's single-thread order, so a network
/// gives NEST 3.10's one-thread results (Reference/facetshw, made by generate_network.py) for any number of threads;
/// the common integer arrays, NEST's derived common values and checks; what NestSharp refuses where NEST's behaviour
/// is undefined.
/// </summary>
public sealed class StdpFacetshwSynapseHomTests
{
    private const string Model = "stdp_facetshw_synapse_hom";

    /// <summary>The network of Reference/facetshw/generate_network.py: 6 parrots → 10 iaf_psc_alpha, all to all, made source by source.</summary>
    private static (Simulator Nest, SynapseCollection Connections) NetworkOfGenerateNetwork(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        nest.SetDefaults(Model, new() { ["synapses_per_driver"] = 7L, ["driver_readout_time"] = 2.0, ["a_thresh_th"] = 1.3, ["a_thresh_tl"] = 0.9 });
        const int NPre = 6, NPost = 10;
        var preTimes = Enumerable.Range(0, NPre)
            .Select(i => Enumerable.Range(0, 40).Select(k => Math.Round(5.0 + (7.3 * k) + (0.4 * i), 1)).ToArray()).ToArray();
        var generators = nest.Create("spike_generator", NPre);
        for (int i = 0; i < NPre; i++) generators[i].Set("spike_times", preTimes[i]);
        var parrots = nest.Create("parrot_neuron", NPre);
        var post = nest.Create("iaf_psc_alpha", NPost, new() { ["I_e"] = 0.0, ["tau_minus"] = 15.0 });
        var drive = nest.Create("spike_generator", NPost);
        for (int j = 0; j < NPost; j++)
            drive[j].Set("spike_times", Enumerable.Range(0, 30).Select(k => Math.Round(3.0 + (9.1 * k) + (0.7 * j), 1)).ToArray());
        nest.Connect(generators, parrots, Rule.OneToOne());
        nest.Connect(drive, post, Rule.OneToOne(), new Dictionary<string, object> { ["weight"] = 3000.0 });
        for (int i = 0; i < NPre; i++)
        {
            nest.Connect(parrots[i], post, Rule.AllToAll(),
                new Dictionary<string, object> { ["synapse_model"] = Model, ["weight"] = 40.0, ["delay"] = 1.5 });
        }
        nest.Simulate(300.0);
        return (nest, nest.GetConnections(parrots, post));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Network_GivesNestsOneThreadResults(int threads)
    {
        var (nest, connections) = NetworkOfGenerateNetwork(threads);
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Reference", "facetshw", "stdp_facetshw_synapse_hom_network.json")));
        var root = reference.RootElement;
        var defaults = nest.GetDefaults(Model);
        Assert.Equal(root.GetProperty("no_synapses").GetInt64(), defaults["no_synapses"]);
        Assert.Equal(root.GetProperty("readout_cycle_duration").GetDouble(), defaults["readout_cycle_duration"]);

        var statuses = connections.Select(c => c.Get()).OrderBy(s => (long)s["source"]).ThenBy(s => (long)s["target"]).ToArray();
        var expected = root.GetProperty("connections").EnumerateArray().ToArray();
        Assert.Equal(expected.Length, statuses.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            var e = expected[i];
            var ours = statuses[i];
            string where = $"connection {ours["source"]} -> {ours["target"]}";
            Assert.Equal(e.GetProperty("source").GetInt64(), ours["source"]);
            Assert.Equal(e.GetProperty("target").GetInt64(), ours["target"]);
            Assert.True(e.GetProperty("synapse_id").GetInt64() == (long)ours["synapse_id"], $"{where}: synapse_id {ours["synapse_id"]}, NEST {e.GetProperty("synapse_id")}");
            Assert.True(e.GetProperty("next_readout_time").GetDouble() == (double)ours["next_readout_time"], $"{where}: next_readout_time");
            Assert.True(e.GetProperty("weight").GetDouble() == (double)ours["weight"], $"{where}: weight {ours["weight"]}, NEST {e.GetProperty("weight")}");
            foreach (string key in (string[])["a_causal", "a_acausal"])
                Assert.True(Agreement.Exact.Holds((double)ours[key], e.GetProperty(key).GetDouble()), $"{where}: {key} {ours[key]}, NEST {e.GetProperty(key)}");
        }
    }

    [Fact]
    public void Network_IsBitIdenticalForOneAndThreeThreads()
    {
        static Dictionary<string, object>[] Statuses(int threads) => NetworkOfGenerateNetwork(threads).Connections
            .Select(c => c.Get()).OrderBy(s => (long)s["source"]).ThenBy(s => (long)s["target"]).ToArray();
        var one = Statuses(1);
        var three = Statuses(3);
        Assert.Equal(one.Length, three.Length);
        for (int i = 0; i < one.Length; i++)
        {
            foreach (string key in (string[])["synapse_id", "next_readout_time", "weight", "a_causal", "a_acausal", "init_flag"])
                Assert.Equal(one[i][key], three[i][key]);
        }
    }

    /// <summary>
    /// Two sources spiking in one slice, the later spike from the lower id: NEST 3.10 with one thread counts the lower
    /// id's synapses first (sources in id order, each source's synapses by target), and each synapse's first readout
    /// steps by the readout_cycle_duration reached when it is counted (measured with NEST: next_readout_time
    /// 12, 13, 14, 15, 14, 17; no_synapses 6; readout_cycle_duration 6).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void FirstSpikes_AreCountedInNestsSingleThreadOrder(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        nest.SetDefaults(Model, new() { ["synapses_per_driver"] = 1L, ["driver_readout_time"] = 1.0 });
        var generators = nest.Create("spike_generator", 2);
        generators[0].Set("spike_times", new[] { 10.7 });
        generators[1].Set("spike_times", new[] { 10.2 });
        var parrots = nest.Create("parrot_neuron", 2);
        var post = nest.Create("iaf_psc_alpha", 3);
        nest.Connect(generators, parrots, Rule.OneToOne());
        nest.Connect(parrots, post, Rule.AllToAll(), new Dictionary<string, object> { ["synapse_model"] = Model, ["weight"] = 50.0 });
        nest.Simulate(30.0);

        var statuses = nest.GetConnections(parrots, post).Select(c => c.Get())
            .OrderBy(s => (long)s["source"]).ThenBy(s => (long)s["target"]).ToArray();
        Assert.Equal(new long[] { 0, 1, 2, 3, 4, 5 }, statuses.Select(s => (long)s["synapse_id"]));
        Assert.Equal(new[] { 12.0, 13.0, 14.0, 15.0, 14.0, 17.0 }, statuses.Select(s => (double)s["next_readout_time"]));
        Assert.All(statuses, s => Assert.True((bool)s["init_flag"]));
        Assert.Equal(6L, nest.GetDefaults(Model)["no_synapses"]);
        Assert.Equal(6.0, nest.GetDefaults(Model)["readout_cycle_duration"]);
    }

    /// <summary>
    /// A synapse whose init_flag is set back to false is counted again at its next spike, and a synapse connected
    /// between runs at its first (as measured with NEST 3.10).
    /// </summary>
    [Fact]
    public void ResetInitFlagAndNewSynapses_AreCountedAtTheirNextSpike()
    {
        var nest = new Simulator();
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0, 25.0, 45.0 } });
        var parrot = nest.Create("parrot_neuron");
        var neurons = nest.Create("iaf_psc_alpha", 2);
        var syn = new Dictionary<string, object> { ["synapse_model"] = Model, ["weight"] = 50.0 };
        nest.Connect(generator, parrot);
        nest.Connect(parrot, neurons, syn: syn);
        nest.Simulate(10.0);
        var connections = nest.GetConnections(parrot);
        Assert.Equal(new long[] { 0, 1 }, connections.GetValues<long>("synapse_id"));
        Assert.Equal(new[] { 15.0, 15.0 }, connections.GetValues<double>("next_readout_time"));
        Assert.Equal(2L, nest.GetDefaults(Model)["no_synapses"]);

        connections[1].Set("init_flag", false);
        nest.Simulate(20.0);
        Assert.Equal(new long[] { 0, 2 }, connections.GetValues<long>("synapse_id"));
        Assert.Equal(new[] { 30.0, 30.0 }, connections.GetValues<double>("next_readout_time"));
        Assert.Equal(3L, nest.GetDefaults(Model)["no_synapses"]);

        nest.Connect(parrot, nest.Create("iaf_psc_alpha"), syn: syn);
        nest.Simulate(20.0);
        connections = nest.GetConnections(parrot);
        Assert.Equal(new long[] { 0, 2, 3 }, connections.GetValues<long>("synapse_id"));
        Assert.Equal(new[] { 60.0, 60.0, 60.0 }, connections.GetValues<double>("next_readout_time"));
        Assert.Equal(4L, nest.GetDefaults(Model)["no_synapses"]);
        Assert.Equal(15.0, nest.GetDefaults(Model)["readout_cycle_duration"]);
    }

    [Fact]
    public void Defaults_HaveNestsTablesAndConfigurationBits()
    {
        var defaults = new Simulator().GetDefaults(Model);
        Assert.Equal(new long[] { 2, 3, 4, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 14, 15 }, (long[])defaults["lookuptable_0"]);
        Assert.Equal(new long[] { 0, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 10, 11, 12, 13 }, (long[])defaults["lookuptable_1"]);
        Assert.Equal(Enumerable.Range(0, 16).Select(i => (long)i), (long[])defaults["lookuptable_2"]);
        Assert.Equal(new long[] { 0, 0, 1, 0 }, (long[])defaults["configbit_0"]);
        Assert.Equal(new long[] { 0, 1, 0, 0 }, (long[])defaults["configbit_1"]);
        Assert.Equal(new long[] { 1, 1, 1, 1, 1, 1 }, (long[])defaults["reset_pattern"]);
        Assert.Equal(0L, defaults["no_synapses"]);
        Assert.Equal(50L, defaults["synapses_per_driver"]);
        Assert.Equal(false, defaults["init_flag"]);
        Assert.Equal(0L, defaults["synapse_id"]);
        Assert.Equal(0.0, defaults["readout_cycle_duration"]);
        Assert.Equal(100.0 / 15, defaults["weight_per_lut_entry"]);
    }

    /// <summary>Values measured with NEST 3.10's SetDefaults.</summary>
    [Theory]
    [InlineData("Wmax", -10.0, "weight_per_lut_entry", -10.0 / 15)]
    [InlineData("no_synapses", 120L, "readout_cycle_duration", 45.0)]
    [InlineData("synapses_per_driver", 0L, "readout_cycle_duration", -32212254720.0)]
    [InlineData("driver_readout_time", -1.0, "readout_cycle_duration", 0.0)]
    [InlineData("readout_cycle_duration", 7.0, "readout_cycle_duration", 7.0)]
    [InlineData("weight_per_lut_entry", 2.0, "weight_per_lut_entry", 2.0)]
    public void SetDefaults_DerivesNestsCommonValues(string key, object value, string derived, double expected)
    {
        var nest = new Simulator();
        nest.SetDefaults(Model, new() { [key] = value });
        Assert.Equal(expected, (double)nest.GetDefaults(Model)[derived]);
    }

    [Fact]
    public void SetDefaults_GivenWeightPerLutEntry_WinsOverWmax()
    {
        var nest = new Simulator();
        nest.SetDefaults(Model, new() { ["Wmax"] = 30.0, ["weight_per_lut_entry"] = 5.0, ["readout_cycle_duration"] = 4.0, ["no_synapses"] = 3L });
        var defaults = nest.GetDefaults(Model);
        Assert.Equal(5.0, defaults["weight_per_lut_entry"]);
        Assert.Equal(15.0, defaults["readout_cycle_duration"]); // recomputed from no_synapses, as NEST
    }

    [Fact]
    public void SetDefaults_TakesIntegerArraysAndBooleanResetBits()
    {
        var nest = new Simulator();
        nest.SetDefaults(Model, new() { ["reset_pattern"] = new[] { true, false, true, false, true, false }, ["configbit_0"] = new[] { 5, 1, 0, 3 } });
        var defaults = nest.GetDefaults(Model);
        Assert.Equal(new long[] { 1, 0, 1, 0, 1, 0 }, (long[])defaults["reset_pattern"]);
        Assert.Equal(new long[] { 5, 1, 0, 3 }, (long[])defaults["configbit_0"]);
    }

    public static TheoryData<string, object, Type> BadDefaults => new()
    {
        { "lookuptable_0", Enumerable.Repeat(1L, 15).ToArray(), typeof(BadPropertyException) },
        { "lookuptable_1", Enumerable.Repeat(16L, 16).ToArray(), typeof(BadPropertyException) },
        { "lookuptable_2", Enumerable.Repeat(-1L, 16).ToArray(), typeof(BadPropertyException) },
        { "lookuptable_2", Enumerable.Repeat(1L, 17).ToArray(), typeof(BadPropertyException) },
        { "lookuptable_0", Enumerable.Repeat(1.5, 16).ToArray(), typeof(TypeMismatchException) },
        { "lookuptable_1", 3L, typeof(TypeMismatchException) },
        { "configbit_0", new long[] { 0, 1, 0 }, typeof(BadPropertyException) },
        { "configbit_1", new long[] { 0, 1, 0, 0, 0 }, typeof(BadPropertyException) },
        { "reset_pattern", new long[] { 1, 1, 1, 1, 1 }, typeof(BadPropertyException) },
        { "no_synapses", 2.5, typeof(TypeMismatchException) },
        { "synapses_per_driver", 0.5, typeof(TypeMismatchException) },
        { "synapse_id", 7.5, typeof(TypeMismatchException) },
        { "init_flag", 1L, typeof(TypeMismatchException) },
    };

    [Theory]
    [MemberData(nameof(BadDefaults))]
    public void SetDefaults_RefusesNestsBadValues_AndChangesNothing(string key, object value, Type exception)
    {
        var nest = new Simulator();
        var before = nest.GetDefaults(Model);
        var e = Assert.Throws(exception, () => nest.SetDefaults(Model, new() { ["tau_plus"] = 3.0, [key] = value }));
        Assert.Contains(key, e.Message);
        var after = nest.GetDefaults(Model);
        foreach (var (k, v) in before)
        {
            if (v is long[] array) Assert.Equal(array, (long[])after[k]);
            else Assert.Equal(v, after[k]);
        }
    }

    [Fact]
    public void ConnectionStatus_HasNestsKeysAndTypes()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(neurons[0], neurons[1], syn: new Dictionary<string, object>
        {
            ["synapse_model"] = Model, ["synapse_id"] = 7L, ["next_readout_time"] = 3.0, ["a_causal"] = 0.5,
        });
        var status = nest.GetConnections()[0].Get();
        Assert.Equal(
            ["a_acausal", "a_causal", "a_thresh_th", "a_thresh_tl", "delay", "init_flag", "next_readout_time", "port", "receptor", "source",
                "synapse_id", "synapse_model", "target", "target_thread", "weight"],
            status.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(7L, status["synapse_id"]);
        Assert.Equal(false, status["init_flag"]);
        Assert.Equal(3.0, status["next_readout_time"]);
        Assert.Equal(0.5, status["a_causal"]);
    }

    [Fact]
    public void Set_TakesInitFlagAsBooleanAndSynapseIdAsInteger()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(neurons[0], neurons[1], syn: new Dictionary<string, object> { ["synapse_model"] = Model });
        var connection = nest.GetConnections();
        connection.Set(new Dictionary<string, object> { ["init_flag"] = true, ["synapse_id"] = 5L });
        Assert.Equal(true, connection.Get("init_flag"));
        Assert.Equal(5L, connection.Get("synapse_id"));
        Assert.Throws<TypeMismatchException>(() => connection.Set(new Dictionary<string, object> { ["init_flag"] = 1L }));
        Assert.Throws<TypeMismatchException>(() => connection.Set(new Dictionary<string, object> { ["synapse_id"] = 2.5 }));
        Assert.Throws<TypeMismatchException>(() => connection.Set(new Dictionary<string, object> { ["weight"] = true }));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => connection.Set(new Dictionary<string, object> { ["no_synapses"] = 3L }));
        Assert.Equal(true, connection.Get("init_flag"));
        Assert.Equal(5L, connection.Get("synapse_id"));
    }

    [Theory]
    [InlineData("init_flag", true, typeof(BadPropertyException))]
    [InlineData("synapse_id", 7.5, typeof(TypeMismatchException))]
    [InlineData("no_synapses", 3L, typeof(NestNotImplementedException))]
    [InlineData("lookuptable_0", 3L, typeof(NestNotImplementedException))]
    public void Connect_RefusesWhatNestsConnectRefuses(string key, object value, Type exception)
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2);
        Assert.Throws(exception, () => nest.Connect(neurons[0], neurons[1],
            syn: new Dictionary<string, object> { ["synapse_model"] = Model, [key] = value }));
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Connect_NeedsNeuronsOnBothSides()
    {
        var nest = new Simulator();
        var generator = nest.Create("spike_generator");
        var neuron = nest.Create("iaf_psc_alpha");
        var recorder = nest.Create("spike_recorder");
        var syn = new Dictionary<string, object> { ["synapse_model"] = Model };
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(generator, neuron, syn: syn));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(neuron, recorder, syn: syn));
    }

    /// <summary>A negative weight has a negative table index: NEST converts it to an unsigned integer (undefined behaviour).</summary>
    [Fact]
    public void NegativeWeight_IsRefusedWhenTheSynapseIsProcessed()
    {
        var nest = new Simulator();
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 50.0 } });
        var parrot = nest.Create("parrot_neuron");
        var neuron = nest.Create("iaf_psc_alpha");
        nest.Connect(generator, parrot);
        nest.Connect(parrot, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = Model, ["weight"] = -5.0 });
        var e = Assert.Throws<BadPropertyException>(() => nest.Simulate(100.0));
        Assert.Contains("weight", e.Message);
    }

    /// <summary>A weight beyond the tables without a table look-up stays as NEST computes it (index 18 of 120 / (100/15)).</summary>
    [Fact]
    public void WeightBeyondTheTables_WithoutLookUp_IsKeptAsNestDoes()
    {
        var nest = new Simulator();
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 50.0 } });
        var parrot = nest.Create("parrot_neuron");
        var neuron = nest.Create("iaf_psc_alpha");
        nest.Connect(generator, parrot);
        nest.Connect(parrot, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = Model, ["weight"] = 120.0 });
        nest.Simulate(100.0);
        var status = nest.GetConnections(parrot)[0].Get();
        Assert.Equal(18 * (100.0 / 15), status["weight"]);
        Assert.Equal(60.0, status["next_readout_time"]);
    }
}
