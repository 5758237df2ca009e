using NestSharp.Tests.Checkpoint;

namespace NestSharp.Tests.Models;

/// <summary>
/// hh_psc_alpha_clopath: NEST's defaults (hh_psc_alpha's, the filtered potentials starting at 0 mV, the Clopath rule's
/// parameters), ū+ and ū- following V_m with their time constants, clopath_synapse changing weights onto it, NEST's
/// checks (a bad value changes nothing), the same results for 1, 2 and 4 threads (with clopath synapses between the
/// neurons) and a checkpoint in the middle of a run continuing bitwise.
/// </summary>
public sealed class HhPscAlphaClopathTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-hh-clopath-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Defaults_AreNests()
    {
        var nest = new Simulator();
        var defaults = nest.GetDefaults("hh_psc_alpha_clopath");
        var hh = nest.GetDefaults("hh_psc_alpha");
        foreach (string key in new[] { "t_ref", "g_Na", "g_K", "g_L", "C_m", "E_Na", "E_K", "E_L", "tau_syn_ex", "tau_syn_in", "I_e", "V_m", "Act_m", "Inact_h", "Act_n" })
            Assert.Equal((double)hh[key], (double)defaults[key]);
        var expected = new Dictionary<string, double>
        {
            ["tau_u_bar_plus"] = 114.0, ["tau_u_bar_minus"] = 10.0, ["tau_u_bar_bar"] = 500.0, ["u_bar_plus"] = 0.0, ["u_bar_minus"] = 0.0,
            ["u_bar_bar"] = 0.0, ["A_LTD"] = 14.0e-5, ["A_LTP"] = 8.0e-5, ["u_ref_squared"] = 60.0, ["theta_plus"] = -45.3,
            ["theta_minus"] = -70.6, ["delay_u_bars"] = 5.0,
        };
        foreach (var (key, value) in expected) Assert.Equal(value, (double)defaults[key]);
        Assert.True((bool)defaults["A_LTD_const"]);
        Assert.Equal(["Act_m", "Act_n", "I_syn_ex", "I_syn_in", "Inact_h", "V_m", "u_bar_bar", "u_bar_minus", "u_bar_plus"],
            ((string[])defaults["recordables"]).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void FilteredPotentials_FollowVm()
    {
        var nest = new Simulator();
        var neuron = nest.Create("hh_psc_alpha_clopath", 1, new() { ["tau_u_bar_plus"] = 5.0, ["tau_u_bar_minus"] = 2.0, ["tau_u_bar_bar"] = 20.0 });
        nest.Simulate(300.0); // no input: V_m settles at rest, the filtered potentials reach it from 0 mV
        double vm = neuron.Get<double>("V_m");
        Assert.InRange(vm, -70.0, -60.0);
        foreach (string key in new[] { "u_bar_plus", "u_bar_minus", "u_bar_bar" })
            Assert.True(Math.Abs(neuron.Get<double>(key) - vm) < 0.01, $"{key} = {neuron.Get<double>(key)}, V_m = {vm}");
    }

    [Fact]
    public void FilteredPotentials_LowPassVm()
    {
        // At V_m clamped near its start (no input over 1 ms), ū+ moves from 0 towards V_m as 1 - exp(-t/tau_u_bar_plus).
        var nest = new Simulator();
        var neuron = nest.Create("hh_psc_alpha_clopath", 1, new() { ["E_L"] = -65.0, ["g_Na"] = 0.0, ["g_K"] = 0.0 });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m", "u_bar_plus", "u_bar_minus" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        nest.Simulate(20.0);
        double[] times = NestSuite.NestSuiteHelpers.Doubles(meter, "times");
        double[] plus = NestSuite.NestSuiteHelpers.Doubles(meter, "u_bar_plus");
        double[] minus = NestSuite.NestSuiteHelpers.Doubles(meter, "u_bar_minus");
        for (int i = 0; i < times.Length; i++)
        {
            // V_m stays at E_L = -65 mV (leak only); RKF45 with an absolute tolerance of 1e-3 mV per step
            Assert.Equal(-65.0 * (1.0 - Math.Exp(-times[i] / 114.0)), plus[i], 1e-2);
            Assert.Equal(-65.0 * (1.0 - Math.Exp(-times[i] / 10.0)), minus[i], 1e-2);
        }
    }

    [Fact]
    public void ClopathSynapse_ChangesItsWeight()
    {
        var nest = new Simulator();
        var neuron = nest.Create("hh_psc_alpha_clopath", 1, new() { ["I_e"] = 800.0 });
        var parrot = nest.Create("parrot_neuron");
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 20.0, 40.0, 60.0, 80.0, 100.0, 120.0 } });
        nest.Connect(generator, parrot);
        nest.Connect(parrot, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse", ["weight"] = 1.0 });
        nest.Simulate(150.0);
        double weight = nest.GetConnections(parrot, neuron).GetValues<double>("weight")[0];
        Assert.NotEqual(1.0, weight);
    }

    [Theory]
    [InlineData("C_m", 0.0)]
    [InlineData("t_ref", -1.0)]
    [InlineData("tau_syn_ex", 0.0)]
    [InlineData("tau_u_bar_plus", 0.0)]
    [InlineData("tau_u_bar_minus", -1.0)]
    [InlineData("tau_u_bar_bar", 0.0)]
    [InlineData("g_Na", -1.0)]
    [InlineData("Act_m", -0.1)]
    [InlineData("u_ref_squared", 0.0)]
    [InlineData("delay_u_bars", -1.0)]
    public void BadValues_AreRefusedAndChangeNothing(string key, double value)
    {
        var neuron = new Simulator().Create("hh_psc_alpha_clopath");
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["I_e"] = 10.0 }));
        Assert.Contains(key, e.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, neuron.Get<double>("I_e"));
    }

    [Fact]
    public void Network_GivesTheSameResultsForAnyThreadCount()
    {
        // static synapses (excitatory and inhibitory) between the neurons: the model itself
        ModelThreadRuns.AssertThreadInvariant("hh_psc_alpha_clopath", new() { ["I_e"] = 200.0 }, 60.0, 40.0);

        // clopath synapses onto the neurons: their weights and the neurons' spikes
        var one = RunWithClopathSynapses(1);
        Assert.True(one.Spikes.Length > 10, $"only {one.Spikes.Length} spikes");
        foreach (int threads in new[] { 2, 4 })
        {
            var many = RunWithClopathSynapses(threads);
            Assert.Equal(one.Spikes, many.Spikes);
            Assert.Equal(one.Weights, many.Weights);
        }
    }

    private static ((long, double)[] Spikes, (long, long, double)[] Weights) RunWithClopathSynapses(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", threads);
        Build(nest);
        nest.Simulate(150.0);
        var recorder = nest.Nodes(nest.NetworkSize);
        long[] senders = NestSuite.NestSuiteHelpers.Longs(recorder, "senders");
        double[] times = NestSuite.NestSuiteHelpers.Doubles(recorder, "times");
        var connections = nest.GetConnections(synapseModel: "clopath_synapse");
        long[] sources = connections.GetValues<long>("source"), targets = connections.GetValues<long>("target");
        double[] weights = connections.GetValues<double>("weight");
        return (senders.Select((s, i) => (s, times[i])).Order().ToArray(),
            sources.Select((s, i) => (s, targets[i], weights[i])).Order().ToArray());
    }

    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 11L });
        var sources = nest.Create("parrot_neuron", 10);
        var targets = nest.Create("hh_psc_alpha_clopath", 6, new() { ["I_e"] = 300.0, ["theta_minus"] = -65.0, ["theta_plus"] = -40.0 });
        var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 80.0 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 8000.0 });
        nest.Connect(drive, sources);
        nest.Connect(noise, targets, syn: new Dictionary<string, object> { ["weight"] = 60.0, ["delay"] = 1.0 });
        nest.Connect(sources, targets, syn: new Dictionary<string, object> { ["synapse_model"] = "clopath_synapse", ["weight"] = 20.0, ["delay"] = 1.5 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(targets, recorder);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise()
    {
        var reference = new Simulator();
        Build(reference);
        reference.Simulate(73.4);
        reference.Simulate(61.0);
        string expected = CheckpointSplitRunTests.Observe(reference);
        Assert.Contains(reference.GetConnections(synapseModel: "clopath_synapse").GetValues<double>("weight"), w => w != 20.0);

        foreach (var (before, after) in new[] { (1, 1), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(Build, Path.Combine(_folder, $"hh{before}{after}.nscp"), 73.4, before, after);
            resumed.Simulate(61.0);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }
}
