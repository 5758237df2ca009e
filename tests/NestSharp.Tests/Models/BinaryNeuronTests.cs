using MathNet.Numerics;

namespace NestSharp.Tests.Models;

/// <summary>
/// The binary neurons (ginzburg_neuron, mcculloch_pitts_neuron, erfc_neuron) with spin_detector and
/// correlospinmatrix_detector: decoding by hand, independence of the thread count, checkpoints, bad input.
/// </summary>
public sealed class BinaryNeuronTests
{
    public static TheoryData<string> Models => new() { "ginzburg_neuron", "mcculloch_pitts_neuron", "erfc_neuron" };

    [Fact]
    public void Erfc_AgreesWithMathNet()
    {
        for (double x = -30; x <= 30; x += 0.01)
        {
            double expected = SpecialFunctions.Erfc(x), actual = NestSharp.Numerics.ErrorFunction.Erfc(x);
            Assert.True(Math.Abs(actual - expected) <= 1e-15 + 1e-13 * expected, $"erfc({x}) = {actual}, MathNet {expected}");
        }
    }

    /// <summary>A random network of binary neurons with a noise current, recorded by spike_recorder, spin_detector and a correlospinmatrix_detector.</summary>
    private static void Build(Simulator nest, string model)
    {
        nest.SetKernelStatus("rng_seed", 17L);
        var neurons = nest.Create(model, 40, new() { ["tau_m"] = 2.0, ["theta"] = 0.5 });
        nest.Connect(neurons, neurons, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 5, ["allow_autapses"] = false, ["allow_multapses"] = false },
            new Dictionary<string, object> { ["weight"] = nest.Random.Uniform(-1.0, 1.0), ["delay"] = 0.2 });
        var noise = nest.Create("noise_generator", 1, new() { ["mean"] = 0.6, ["std"] = 1.0 });
        nest.Connect(noise, neurons);
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        var spins = nest.Create("spin_detector");
        nest.Connect(neurons, spins);
        var csd = nest.Create("correlospinmatrix_detector", 1, new() { ["N_channels"] = 2, ["tau_max"] = 2.0, ["delta_tau"] = 0.1 });
        nest.Connect(neurons[..20], csd, syn: new Dictionary<string, object> { ["receptor_type"] = 0 });
        nest.Connect(neurons[20..], csd, syn: new Dictionary<string, object> { ["receptor_type"] = 1 });
    }

    private static string Observe(Simulator nest)
    {
        int n = nest.NetworkSize;
        string Events(int id, string value)
        {
            var events = (Dictionary<string, object>)nest.Nodes(id).Get("events");
            var senders = (long[])events["senders"];
            var times = (double[])events["times"];
            long[]? extra = value.Length > 0 ? (long[])events[value] : null;
            return string.Join(";", senders.Select((s, i) => $"{times[i]:R}:{s}:{extra?[i]}"));
        }
        var covariance = (long[][][])nest.Nodes(n).Get("count_covariance");
        var neurons = nest.Nodes(Enumerable.Range(1, 40).ToArray());
        return Events(n - 2, "") + "|" + Events(n - 1, "state") + "|" + string.Join(",", covariance.SelectMany(r => r.SelectMany(b => b)))
            + "|" + string.Join(",", neurons.GetValues<double>("h").Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)))
            + "|" + string.Join(",", neurons.GetValues<bool>("S"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Results_DoNotDependOnTheThreadCount(string model)
    {
        string? reference = null;
        foreach (int threads in new[] { 1, 2, 4 })
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", threads);
            Build(nest, model);
            nest.Simulate(60.0);
            string observed = Observe(nest);
            Assert.NotEqual("", observed.Split('|')[0]); // the neurons changed state
            reference ??= observed;
            Assert.Equal(reference, observed);
        }
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void Checkpoint_ContinuesBitwise(string model)
    {
        var reference = new Simulator();
        Build(reference, model);
        reference.Simulate(23.0);
        reference.Simulate(37.0);
        string expected = Observe(reference);
        string folder = Directory.CreateTempSubdirectory("nestsharp-binary-").FullName;
        try
        {
            foreach (var (before, after) in new[] { (1, 1), (1, 3), (2, 1) })
            {
                var resumed = Checkpoint.CheckpointSplitRunTests.Restored(nest => Build(nest, model), Path.Combine(folder, $"{before}-{after}.nscp"), 23.0, before, after);
                resumed.Simulate(37.0);
                Assert.Equal(expected, Observe(resumed));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Decoding by hand: a pair from one sender adds +w, a single spike -w, an event of multiplicity 2 +w.</summary>
    [Fact]
    public void Decoding_FollowsNestsEncoding()
    {
        var nest = new Simulator();
        var nrn = nest.Create("mcculloch_pitts_neuron", 1, new() { ["tau_m"] = 1e9 });
        var pair = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0, 2.0 } });
        var single = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 4.0 } });
        var double2 = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 6.0 }, ["spike_multiplicities"] = new[] { 2L } });
        var triple = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 8.0 }, ["spike_multiplicities"] = new[] { 3L } });
        nest.Connect(pair, nrn, syn: new Dictionary<string, object> { ["weight"] = 3.0 });
        nest.Connect(single, nrn, syn: new Dictionary<string, object> { ["weight"] = 5.0 });
        nest.Connect(double2, nrn, syn: new Dictionary<string, object> { ["weight"] = 7.0 });
        nest.Connect(triple, nrn, syn: new Dictionary<string, object> { ["weight"] = 11.0 });
        double[] expected = [0.0, 3.0, -2.0, 5.0, 5.0];
        for (int k = 0; k < expected.Length; k++)
        {
            nest.Simulate(2.0);
            Assert.Equal(expected[k], nrn.Get<double>("h"));
        }
    }

    /// <summary>A binary neuron's change to 1 (multiplicity 2, two spikes through the exchange) adds +w at its target; to 0, -w.</summary>
    [Fact]
    public void BinaryToBinary_AddsTheWeightOnChanges()
    {
        var nest = new Simulator();
        var source = nest.Create("mcculloch_pitts_neuron", 1, new() { ["tau_m"] = 0.1, ["theta"] = -1.0 });
        var target = nest.Create("mcculloch_pitts_neuron", 1, new() { ["tau_m"] = 1e9 });
        nest.Connect(source, target, syn: new Dictionary<string, object> { ["weight"] = 2.5 });
        nest.Simulate(20.0);
        Assert.True(source.Get<bool>("S"));
        Assert.Equal(2.5, target.Get<double>("h"));
        source.Set("theta", 1.0);
        nest.Simulate(20.0);
        Assert.False(source.Get<bool>("S"));
        Assert.Equal(0.0, target.Get<double>("h"));
        // 3 spikes: 2 for the change to 1, 1 for the change to 0
        Assert.Equal(3L, (long)nest.GetKernelStatus("local_spike_counter"));
    }

    [Theory]
    [MemberData(nameof(Models))]
    public void BadInput_IsRefused_AndChangesNothing(string model)
    {
        var nest = new Simulator();
        var nrn = nest.Create(model);
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_m", 0.0));
        Assert.Throws<BadPropertyException>(() => nrn.Set("tau_m", -1.0));
        Assert.Equal(10.0, nrn.Get<double>("tau_m"));
        // S and h are read-only, as in NEST
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nrn.Set("h", 1.0));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nrn.Set("S", true));
        // only noise_generator among the current generators sends to binary neurons
        var dc = nest.Create("dc_generator");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(dc, nrn));
        var pg = nest.Create("poisson_generator");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(pg, nrn));
        var vm = nest.Create("voltmeter");
        Assert.ThrowsAny<NestException>(() => nest.Connect(vm, nrn)); // no V_m
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void Detectors_RefuseBadInput()
    {
        var nest = new Simulator();
        var csd = nest.Create("correlospinmatrix_detector");
        Assert.Throws<BadPropertyException>(() => csd.Set("N_channels", 0));
        Assert.Throws<BadPropertyException>(() => csd.Set("tau_max", -1.0));
        Assert.Throws<StepMultipleRequiredException>(() => csd.Set("delta_tau", 0.15));
        Assert.Throws<TimeMultipleRequiredException>(() => csd.Set("tau_max", 1.05));
        Assert.Equal(1L, csd.Get<long>("N_channels"));
        Assert.Equal(1.0, csd.Get<double>("tau_max"));
        Assert.Equal(0.1, csd.Get<double>("delta_tau"));
        var nrn = nest.Create("ginzburg_neuron");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(nrn, csd, syn: new Dictionary<string, object> { ["receptor_type"] = 1 }));
        var spin = nest.Create("spin_detector");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(nrn, spin, syn: new Dictionary<string, object> { ["receptor_type"] = 1 }));
        var iaf = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(iaf, spin));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(iaf, csd));
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }
}
