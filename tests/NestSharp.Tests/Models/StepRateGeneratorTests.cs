using System.Globalization;
using NestSharp.Tests.NestSuite;

namespace NestSharp.Tests.Models;

/// <summary>
/// step_rate_generator: when its rates reach a target (NEST's send_local_ of a device: during the slice, at delay -
/// min_delay, read in the same slice by targets updated after it and one ring turn later by those updated before it),
/// that nothing is sent in slices without an active step, the same rates for 1, 2 and 4 threads and on 2 processes,
/// bitwise continuation after a checkpoint, and its bad input.
/// </summary>
public sealed class StepRateGeneratorTests
{
    private static readonly Dictionary<string, object> Amplitudes = new()
    {
        ["amplitude_times"] = new[] { 1.0, 2.0 }, ["amplitude_values"] = new[] { 5.0, -3.0 },
    };

    private static Dictionary<string, object> Syn(double weight, double delay) => new()
    {
        ["synapse_model"] = "rate_connection_delayed", ["weight"] = weight, ["delay"] = delay,
    };

    /// <summary>The recorded rates of node <paramref name="id"/> by recording time (ms, rounded to 1e-9).</summary>
    private static Dictionary<double, double> RatesOf(NodeCollection meter, long id)
    {
        long[] senders = NestSuiteHelpers.Longs(meter, "senders");
        double[] times = NestSuiteHelpers.Doubles(meter, "times"), rates = NestSuiteHelpers.Doubles(meter, "rate");
        var result = new Dictionary<double, double>();
        for (int i = 0; i < senders.Length; i++)
            if (senders[i] == id) result[Math.Round(times[i], 9)] = rates[i];
        return result;
    }

    /// <summary>The generator's amplitude in force at time <paramref name="t"/> (ms): 0, then 5 from 1 ms, -3 from 2 ms.</summary>
    private static double AmplitudeAt(double t) => t < 1.0 - 1e-9 ? 0.0 : t < 2.0 - 1e-9 ? 5.0 : -3.0;

    [Fact]
    public void Rates_ArriveAsNestDeliversThemFromADevice()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["use_wfr"] = false });
        var before = nest.Create("rate_transformer_lin");
        var srg = nest.Create("step_rate_generator", 1, Amplitudes);
        var after = nest.Create("rate_transformer_lin");
        var later = nest.Create("rate_transformer_lin");
        nest.Connect(srg, before + after, syn: Syn(1.0, 0.1));
        nest.Connect(srg, later, syn: Syn(1.0, 0.4));
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = 0.1 });
        nest.Connect(meter, before + srg + after + later);
        nest.Simulate(4.0);

        double h = 0.1;
        long minDelay = (long)Math.Round((double)nest.GetKernelStatus("min_delay") / h);
        long maxDelay = (long)Math.Round((double)nest.GetKernelStatus("max_delay") / h);
        Assert.Equal(1L, minDelay);
        var generator = RatesOf(meter, srg.Ids[0]);
        var afterRates = RatesOf(meter, after.Ids[0]);
        var beforeRates = RatesOf(meter, before.Ids[0]);
        var laterRates = RatesOf(meter, later.Ids[0]);
        // as in NEST, the samples of a run's last slice are taken at the start of the next run
        Assert.Equal(39, generator.Count);
        foreach (var (t, rate) in generator)
        {
            // The generator records the amplitude in force; a target updated after it reads each rate in the slice it is
            // sent in (delay - min_delay = 0), one with delay 0.4 ms three steps later; a target updated before it has read
            // its input of the slice already and gets the rate one ring turn (min_delay + max_delay steps) later.
            Assert.Equal(AmplitudeAt(t), rate);
            Assert.Equal(AmplitudeAt(t), afterRates[t]);
            Assert.Equal(AmplitudeAt(t - 3 * h), laterRates[t]);
            Assert.Equal(AmplitudeAt(t - (minDelay + maxDelay) * h), beforeRates[t]);
        }
    }

    [Fact]
    public void NothingIsSent_InSlicesWithoutAnActiveStep()
    {
        // A target with linear_summation false applies its gain to every rate sent, also to 0: sigmoid(0) = g / 2.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["use_wfr"] = false });
        var srg = nest.Create("step_rate_generator", 1, new()
        {
            ["amplitude_times"] = new[] { 0.1 }, ["amplitude_values"] = new[] { 0.0 }, ["start"] = 1.0,
        });
        var target = nest.Create("rate_transformer_sigmoid", 1, new() { ["linear_summation"] = false });
        nest.Connect(srg, target, syn: Syn(2.0, 0.1));
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = 0.1 });
        nest.Connect(meter, target);
        nest.Simulate(2.0);

        // Active (two steps ahead, as NEST's current generators) from the step ending at 1.0 ms on.
        foreach (var (t, rate) in RatesOf(meter, target.Ids[0]))
            Assert.Equal(t < 1.0 - 1e-9 ? 0.0 : 2.0 * 0.5, rate);
    }

    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 5L, ["resolution"] = 0.1 });
        var first = nest.Create("lin_rate_ipn", 5, new() { ["sigma"] = 0.3, ["tau"] = 4.0 })
            + nest.Create("tanh_rate_ipn", 4, new() { ["linear_summation"] = false, ["sigma"] = 0.2 });
        var generators = nest.Create("step_rate_generator", 2, new()
        {
            ["amplitude_times"] = new[] { 1.0, 4.5, 9.3, 20.0 }, ["amplitude_values"] = new[] { 2.0, -1.5, 0.7, 3.0 },
        });
        generators[1..2].Set(new Dictionary<string, object> { ["start"] = 3.0, ["stop"] = 25.0 });
        var second = nest.Create("rate_transformer_sigmoid", 3, new() { ["linear_summation"] = false })
            + nest.Create("lin_rate_opn", 3, new() { ["sigma"] = 0.1 });
        var neurons = first + second;
        nest.Connect(generators, neurons, Rule.AllToAll(), new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_delayed", ["weight"] = nest.Random.Uniform(-0.5, 0.5), ["delay"] = nest.Random.Uniform(0.2, 0.9),
        });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_delayed", ["weight"] = 0.1, ["delay"] = 0.6,
        });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_instantaneous", ["weight"] = -0.1,
        });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = 0.3 });
        nest.Connect(meter, neurons + generators);
    }

    private static string Observe(Simulator nest)
    {
        var rates = nest.Nodes(Enumerable.Range(1, 17).Where(id => id is not (10 or 11)).ToArray()).GetStatus()
            .Select(s => ((double)s["rate"]).ToString("R", CultureInfo.InvariantCulture));
        var meter = nest.Nodes(nest.NetworkSize);
        long[] senders = NestSuiteHelpers.Longs(meter, "senders");
        double[] times = NestSuiteHelpers.Doubles(meter, "times"), recorded = NestSuiteHelpers.Doubles(meter, "rate");
        var samples = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i])
            .Select(i => $"{times[i]:R}:{senders[i]}:{recorded[i]:R}");
        return string.Join(",", rates) + "|" + string.Join(";", samples);
    }

    private static string Run(Simulator nest, int threads)
    {
        nest.SetKernelStatus("local_num_threads", threads);
        Build(nest);
        nest.Simulate(30.0);
        return Observe(nest);
    }

    [Fact]
    public void Network_IsTheSameForOneTwoAndFourThreads()
    {
        string one = Run(new Simulator(), 1);
        Assert.True(one.Split('|')[0].Split(',').Distinct().Count() > 12, "the rates differ from node to node");
        Assert.Contains(":10:-1.5;", one, StringComparison.Ordinal);
        Assert.Equal(one, Run(new Simulator(), 2));
        Assert.Equal(one, Run(new Simulator(), 4));
    }

    [Fact]
    public void Network_IsTheSameOnOneAndTwoProcesses()
    {
        string alone = Run(new Simulator(), 1);
        var ranks = Distribution.InProcessRanks.Run(2, make => Run(make(), 2));
        foreach (string? rank in ranks) Assert.Equal(alone, rank);
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(Build, Observe, 4.7, 16.0, (1, 1), (1, 3), (2, 1));

    public static TheoryData<double[], string, string> BadParameters => new()
    {
        // times, the key the message names, what it says
        { new[] { 0.0 }, "amplitude_times", "strictly positive" },
        { new[] { -1.0 }, "amplitude_times", "strictly positive" },
        { new[] { 1.0, 1.0 }, "amplitude_times", "strictly increasing" },
        { new[] { 1.03 }, "amplitude_times", "not representable" },
        { new[] { 1.0, 2.0, 3.0 }, "amplitude_values", "same size" },
    };

    [Theory]
    [MemberData(nameof(BadParameters))]
    public void BadAmplitudeTimes_AreRefusedNamingKeyAndValue_AndChangeNothing(double[] times, string key, string reason)
    {
        var nest = new Simulator();
        var srg = nest.Create("step_rate_generator", 1, Amplitudes);
        var before = NestJson.ToJson(srg.GetStatus());
        var error = Assert.Throws<BadPropertyException>(() => srg.Set(new Dictionary<string, object>
        {
            ["amplitude_times"] = times, ["amplitude_values"] = new[] { 1.0, 2.0 }[..Math.Min(2, times.Length)],
        }));
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Equal(before, NestJson.ToJson(srg.GetStatus()));
    }

    [Fact]
    public void TimesWithoutValues_AndAllowOffgridAfterTimes_AreRefused()
    {
        var nest = new Simulator();
        var srg = nest.Create("step_rate_generator", 1, Amplitudes);
        var error = Assert.Throws<BadPropertyException>(() => srg.Set("amplitude_times", new[] { 3.0, 4.0 }));
        Assert.Contains("amplitude_times", error.Message, StringComparison.Ordinal);
        error = Assert.Throws<BadPropertyException>(() => srg.Set("allow_offgrid_times", true));
        Assert.Contains("allow_offgrid_times", error.Message, StringComparison.Ordinal);
        // with the times, off-grid times move to the end of their step
        srg.Set(new Dictionary<string, object>
        {
            ["allow_offgrid_times"] = true, ["amplitude_times"] = new[] { 1.03 }, ["amplitude_values"] = new[] { 1.0 },
        });
        Assert.Equal([1.1], srg.Get<double[]>("amplitude_times"));
    }

    public static TheoryData<string, string, string> BadConnections => new()
    {
        // target model, synapse model, what the message says
        { "lin_rate_ipn", "static_synapse", "does not support delayed rate input" },
        { "lin_rate_ipn", "rate_connection_instantaneous", "does not support instantaneous rate output" },
        { "iaf_psc_alpha", "rate_connection_delayed", "does not support delayed rate input" },
        { "spike_recorder", "static_synapse", "step_rate_generator" },
    };

    [Theory]
    [MemberData(nameof(BadConnections))]
    public void Connections_ThatNestRefuses_AreRefused(string target, string synapse, string message)
    {
        var nest = new Simulator();
        var srg = nest.Create("step_rate_generator");
        var node = nest.Create(target);
        var error = Assert.Throws<IllegalConnectionException>(() =>
            nest.Connect(srg, node, syn: new Dictionary<string, object> { ["synapse_model"] = synapse }));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.Equal(0L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void AnotherReceptor_OrAnotherSynapseModel_IsRefused()
    {
        var nest = new Simulator();
        var srg = nest.Create("step_rate_generator");
        var neuron = nest.Create("lin_rate_ipn");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(srg, neuron, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "rate_connection_delayed", ["receptor_type"] = 1L,
        }));
        nest.Connect(srg, neuron, syn: Syn(1.0, 1.0));
        nest.CopyModel("rate_connection_delayed", "my_rate_connection");
        var error = Assert.Throws<IllegalConnectionException>(() =>
            nest.Connect(srg, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "my_rate_connection" }));
        Assert.Contains("same synapse type", error.Message, StringComparison.Ordinal);
        Assert.Equal(1L, (long)nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void SpikeGenerators_CannotSendThroughRateConnections()
    {
        var nest = new Simulator();
        var generator = nest.Create("poisson_generator");
        var neuron = nest.Create("iaf_psc_alpha");
        var error = Assert.Throws<IllegalConnectionException>(() => nest.Connect(generator, neuron, syn: Syn(1.0, 1.0)));
        Assert.Contains("does not support delayed rate output", error.Message, StringComparison.Ordinal);
    }
}
