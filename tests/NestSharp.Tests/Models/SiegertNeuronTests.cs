using System.Globalization;
using NestSharp.Tests.NestSuite;

namespace NestSharp.Tests.Models;

/// <summary>
/// siegert_neuron and diffusion_connection: a recurrent mean-field network driven by siegert_neurons held at a constant
/// rate gives bitwise the same rates for 1, 2 and 4 threads, on 1 and 2 processes, with and without waveform relaxation,
/// and continues bitwise after a checkpoint; the defaults, the stationary rate, the events' routing and bad input
/// (NEST's checks and messages; nothing changes).
/// </summary>
public sealed class SiegertNeuronTests
{
    private const int Neurons = 12;

    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 17L });
        var drive = nest.Create("siegert_neuron", 2, new() { ["mean"] = 1.0, ["rate"] = 1.0 });
        var population = nest.Create("siegert_neuron", Neurons, new() { ["tau"] = 2.0, ["tau_m"] = 10.0, ["tau_syn"] = 0.5 });
        population.Set("rate", nest.Random.Uniform(0.0, 30.0));
        nest.Connect(drive, population, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "diffusion_connection", ["drift_factor"] = nest.Random.Uniform(6.0, 9.0), ["diffusion_factor"] = 15.0,
        });
        nest.Connect(population, population, Rule.FixedIndegree(4), new Dictionary<string, object>
        {
            ["synapse_model"] = "diffusion_connection", ["drift_factor"] = nest.Random.Uniform(-0.1, 0.05), ["diffusion_factor"] = 0.02,
        });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = 0.5 });
        nest.Connect(meter, population);
    }

    private static string Rates(Simulator nest)
    {
        var neurons = nest.Nodes(Enumerable.Range(3, Neurons).ToArray());
        return string.Join(",", neurons.GetStatus().Select(s => ((double)s["rate"]).ToString("R", CultureInfo.InvariantCulture)));
    }

    private static string Samples(Simulator nest)
    {
        var meter = nest.Nodes(nest.NetworkSize);
        long[] senders = NestSuiteHelpers.Longs(meter, "senders");
        double[] times = NestSuiteHelpers.Doubles(meter, "times"), rates = NestSuiteHelpers.Doubles(meter, "rate");
        var order = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]);
        return string.Join(";", order.Select(i => $"{times[i]:R}:{senders[i]}:{rates[i]:R}"));
    }

    private static string Run(Simulator nest, int threads, bool useWfr)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["use_wfr"] = useWfr });
        Build(nest);
        nest.Simulate(12.0);
        return Rates(nest) + "|" + Samples(nest);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Network_IsTheSameForOneTwoAndFourThreads(bool useWfr)
    {
        string one = Run(new Simulator(), 1, useWfr);
        var rates = one.Split('|')[0].Split(',');
        Assert.True(rates.Distinct().Count() == Neurons, "the rates differ from node to node");
        Assert.All(rates, r => Assert.True(double.Parse(r, CultureInfo.InvariantCulture) is > 0.5 and < 500.0, $"rate {r}"));
        Assert.Equal(one, Run(new Simulator(), 2, useWfr));
        Assert.Equal(one, Run(new Simulator(), 4, useWfr));
    }

    [Fact]
    public void Network_IsTheSameOnOneAndTwoProcesses()
    {
        string alone = Run(new Simulator(), 1, useWfr: true);
        var ranks = Distribution.InProcessRanks.Run(2, make => Run(make(), 1, useWfr: true));
        foreach (string? rank in ranks) Assert.Equal(alone, rank);
    }

    [Fact]
    public void WaveformRelaxation_ChangesTheRatesOnlyALittle()
    {
        double[] with = Run(new Simulator(), 1, useWfr: true).Split('|')[0].Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        double[] without = Run(new Simulator(), 1, useWfr: false).Split('|')[0].Split(',').Select(r => double.Parse(r, CultureInfo.InvariantCulture)).ToArray();
        Assert.NotEqual(with, without);
        for (int i = 0; i < Neurons; i++) Assert.True(Math.Abs(with[i] - without[i]) < 0.05 * with[i], $"node {i}: {with[i]} vs {without[i]}");
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(Build, Rates, 6.0, 5.0, (1, 1), (1, 3), (2, 1));

    [Fact]
    public void Defaults_AreNests()
    {
        var nest = new Simulator();
        var d = nest.GetDefaults("siegert_neuron");
        Assert.Equal(1.0, (double)d["tau"]);
        Assert.Equal(5.0, (double)d["tau_m"]);
        Assert.Equal(0.0, (double)d["tau_syn"]);
        Assert.Equal(2.0, (double)d["t_ref"]);
        Assert.Equal(0.0, (double)d["mean"]);
        Assert.Equal(15.0, (double)d["theta"]);
        Assert.Equal(0.0, (double)d["V_reset"]);
        Assert.Equal(0.0, (double)d["rate"]);
        Assert.Equal(["rate"], ((IEnumerable<string>)d["recordables"]).ToArray());
        var syn = nest.GetDefaults("diffusion_connection");
        Assert.Equal(1.0, (double)syn["drift_factor"]);
        Assert.Equal(1.0, (double)syn["diffusion_factor"]);
        Assert.False((bool)syn["has_delay"]);
    }

    /// <summary>A siegert_neuron driven at a constant drift and diffusion input relaxes to the Siegert rate (27.1095934379 Hz at threshold, NEST's value).</summary>
    [Fact]
    public void StationaryRate_AtThreshold_IsNests()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        var neuron = nest.Create("siegert_neuron", 1, new() { ["tau_m"] = 10.0, ["t_ref"] = 2.0, ["theta"] = 15.0, ["V_reset"] = 0.0 });
        var drive = nest.Create("siegert_neuron", 1, new() { ["mean"] = 1.0, ["rate"] = 1.0 });
        nest.Connect(drive, neuron, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "diffusion_connection", ["drift_factor"] = 15.0, ["diffusion_factor"] = 1.5,
        });
        nest.Simulate(40.0);
        Assert.Equal(27.1095934379, neuron.Get<double>("rate"), 1e-8);
    }

    [Fact]
    public void ReceptorsZeroAndOne_AreTheSameInput()
    {
        double RateWith(long receptor)
        {
            var nest = new Simulator();
            var neuron = nest.Create("siegert_neuron", 1, new() { ["tau_m"] = 10.0 });
            var drive = nest.Create("siegert_neuron", 1, new() { ["mean"] = 1.0, ["rate"] = 1.0 });
            nest.Connect(drive, neuron, syn: new Dictionary<string, object>
            {
                ["synapse_model"] = "diffusion_connection", ["drift_factor"] = 12.0, ["diffusion_factor"] = 4.0, ["receptor_type"] = receptor,
            });
            nest.Simulate(5.0);
            return neuron.Get<double>("rate");
        }
        double zero = RateWith(0);
        Assert.True(zero > 0.0);
        Assert.Equal(zero, RateWith(1));
        Assert.Throws<UnknownReceptorTypeException>(() => RateWith(2));
    }

    [Theory]
    [InlineData("V_reset", 15.0, "'V_reset'")]
    [InlineData("t_ref", -0.1, "'t_ref'")]
    [InlineData("tau", 0.0, "'tau'")]
    [InlineData("tau_m", 0.0, "'tau_m'")]
    [InlineData("tau_syn", -1.0, "'tau_syn'")]
    public void BadParameter_IsRefusedAndChangesNothing(string key, double value, string named)
    {
        var nest = new Simulator();
        var neuron = nest.Create("siegert_neuron");
        var before = neuron.GetStatus()[0][key];
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["rate"] = 3.0 }));
        Assert.StartsWith(named, e.Message);
        Assert.Equal(before, neuron.GetStatus()[0][key]);
        Assert.Equal(0.0, neuron.Get<double>("rate"));
        Assert.Throws<BadPropertyException>(() => nest.Create("siegert_neuron", 1, new() { [key] = value }));
    }

    [Fact]
    public void DiffusionConnection_RefusesWeightAndDelayEverywhere()
    {
        var nest = new Simulator();
        var neurons = nest.Create("siegert_neuron", 2);
        nest.Connect(neurons, neurons, "one_to_one", new Dictionary<string, object> { ["synapse_model"] = "diffusion_connection" });
        var conns = nest.GetConnections();
        var weight = Assert.Throws<BadPropertyException>(() => conns.Set(new Dictionary<string, object> { ["weight"] = 2.0 }));
        Assert.Contains("drift_factor and diffusion_factor", weight.Message);
        var delay = Assert.Throws<BadPropertyException>(() => conns.Set(new Dictionary<string, object> { ["delay"] = 2.0 }));
        Assert.Contains("diffusion_connection has no delay", delay.Message);
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("diffusion_connection", new() { ["weight"] = 2.0 }));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("diffusion_connection", new() { ["delay"] = 2.0 }));
        conns.Set(new Dictionary<string, object> { ["drift_factor"] = 3.0 });
        Assert.All((double[])conns.Get("drift_factor"), v => Assert.Equal(3.0, v));
    }

    [Fact]
    public void OtherEvents_AreRefused()
    {
        var nest = new Simulator();
        var siegert = nest.Create("siegert_neuron");
        var rate = nest.Create("lin_rate_ipn");
        var spiking = nest.Create("iaf_psc_alpha");
        var generator = nest.Create("poisson_generator");
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(rate, siegert, syn: new Dictionary<string, object> { ["synapse_model"] = "diffusion_connection" }));
        Assert.Contains("diffusion output", e.Message);
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(siegert, rate, syn: new Dictionary<string, object> { ["synapse_model"] = "rate_connection_instantaneous" }));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(rate, siegert, syn: new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed" }));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(spiking, siegert));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(siegert, spiking));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(generator, siegert));
        Assert.Equal(0L, Convert.ToInt64(nest.GetKernelStatus()["num_connections"], CultureInfo.InvariantCulture));
    }
}
