using NestSharp.Tests.Parameters;

namespace NestSharp.Tests.Models;

/// <summary>
/// poisson_generator_ps beyond NEST's tests: what precise and grid targets receive of a train, independence of the
/// thread count, the dead time (smallest interval, rate and CV of a renewal process with dead time), the equilibrium
/// start of a train, what setting rate or dead_time between runs does, NEST's checks and off_grid_spiking.
/// </summary>
public sealed class PoissonGeneratorPsModelTests
{
    private static (double[] Times, long[] Senders) Events(NodeCollection recorder)
    {
        var events = (Dictionary<string, object>)recorder.Get("events");
        return ((double[])events["times"], (long[])events["senders"]);
    }

    private static double[] TimesOf(NodeCollection recorder) => Events(recorder).Times;

    private static Dictionary<string, object> Syn(double delay) => new() { ["delay"] = delay };

    /// <summary>
    /// The train of the generator's connection to node 2, seen by a spike recorder that is node 2 (a connection's train
    /// depends on the seed, the generator, the target's id and the connection's number, not on the target's kind).
    /// </summary>
    private static (long[] Stamps, double[] Offsets) DirectTrain(double rate, double deadTime, double simTime)
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = rate, ["dead_time"] = deadTime });
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(pg, sr);
        nest.Simulate(simTime);
        var events = (Dictionary<string, object>)sr.Get("events");
        return ((long[])events["times"], (double[])events["offsets"]);
    }

    [Fact]
    public void PreciseTarget_ReceivesEverySpikeAtItsTimePlusTheDelay()
    {
        var (stamps, offsets) = DirectTrain(3000.0, 0.0, 20.0);
        Assert.True(stamps.Length > 30);

        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 3000.0 });
        var parrot = nest.Create("parrot_neuron_ps");
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, parrot, syn: Syn(1.3));
        nest.Connect(parrot, sr);
        nest.Simulate(21.3);

        var times = TimesOf(sr);
        Assert.Equal(stamps.Length, times.Length);
        for (int i = 0; i < times.Length; i++)
        {
            double expected = stamps[i] * 0.1 - offsets[i] + 1.3;
            Assert.True(Math.Abs(times[i] - expected) <= 1e-12, $"spike {i}: {times[i]:R} vs {expected:R}");
        }
        // off the grid: the train is not rounded to steps
        Assert.Contains(times, t => Math.Abs(t * 10 - Math.Round(t * 10)) > 1e-6);
    }

    [Fact]
    public void GridTarget_ReceivesEachSpikeInTheStepOfItsStamp()
    {
        var (stamps, _) = DirectTrain(3000.0, 0.0, 20.0);
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 3000.0 });
        var parrot = nest.Create("parrot_neuron");
        var sr = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(pg, parrot, syn: Syn(1.3));
        nest.Connect(parrot, sr);
        nest.Simulate(21.3);

        var events = (Dictionary<string, object>)sr.Get("events");
        var received = (long[])events["times"];
        // spikes sharing a step leave the parrot together (one event of their multiplicity, recorded once each)
        Assert.Equal(stamps.Select(s => s + 13).ToArray(), received);
        Assert.Contains(stamps.GroupBy(s => s), g => g.Count() > 1);
        Assert.All((double[])events["offsets"], o => Assert.Equal(0.0, o));
    }

    [Fact]
    public void GridNeuron_AddsTheWeightOfEachSpike()
    {
        var (stamps, _) = DirectTrain(2000.0, 0.0, 10.0);
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 2000.0 });
        var neuron = nest.Create("iaf_psc_delta", 1, new() { ["V_th"] = 1e9, ["tau_m"] = 1e9, ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_reset"] = 0.0 });
        nest.Connect(pg, neuron, syn: new Dictionary<string, object> { ["weight"] = 0.25, ["delay"] = 1.0 });
        nest.Simulate(11.0);
        Assert.Equal(0.25 * stamps.Length, neuron.Get<double>("V_m"), 6);
    }

    /// <summary>Direct recorders, precise parrots (recorded) and neurons (V_m sampled) of one generator on <paramref name="threads"/> threads.</summary>
    private static string Network(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 7L });
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 900.0, ["dead_time"] = 0.4 });
        var direct = nest.Create("spike_recorder", 3);
        var parrots = nest.Create("parrot_neuron_ps", 5);
        var neurons = nest.Create("iaf_psc_alpha", 4, new() { ["V_th"] = -64.0 });
        var fromParrots = nest.Create("spike_recorder");
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.1 });
        nest.Connect(pg, direct);
        nest.Connect(pg, parrots, syn: Syn(0.7));
        nest.Connect(pg, neurons, syn: new Dictionary<string, object> { ["weight"] = 40.0, ["delay"] = 1.1 });
        nest.Connect(parrots + neurons, fromParrots);
        nest.Connect(meter, neurons);
        nest.Simulate(40.0);
        nest.Simulate(25.5);
        return NestJson.ToJson(new Dictionary<string, object>
        {
            ["direct"] = direct.Get("events"), ["parrots"] = fromParrots.Get("events"), ["meter"] = meter.Get("events"),
        });
    }

    [Fact]
    public void Trains_AreTheSameOnTwoThreads()
    {
        string one = Network(1);
        Assert.Equal(one, Network(2));
        Assert.Contains("senders", one, StringComparison.Ordinal);
    }

    [Fact]
    public void DeadTime_IsTheSmallestInterval_RateAndCvAsARenewalProcess()
    {
        // rate 200/s, dead time 3 ms: intervals 3 + Exp(mean 2), mean 5, CV 0.4; 20 trains of 10 s
        const double rate = 200.0, deadTime = 3.0, simTime = 10000.0;
        const int trains = 20;
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = rate, ["dead_time"] = deadTime });
        var recorders = nest.Create("spike_recorder", trains);
        nest.Connect(pg, recorders);
        nest.Simulate(simTime);

        var intervals = new List<double>();
        long spikes = 0;
        for (int k = 0; k < trains; k++)
        {
            var times = TimesOf(recorders[k]);
            spikes += times.Length;
            for (int i = 1; i < times.Length; i++) intervals.Add(times[i] - times[i - 1]);
        }
        Assert.True(intervals.Min() >= deadTime - 1e-12, $"smallest interval {intervals.Min():R}");
        Assert.True(intervals.Min() < deadTime + 0.01, $"smallest interval {intervals.Min():R}");
        // count of a renewal process: variance CV²·mean = 0.16 · 40000, sd 80; 5 sd
        Assert.InRange(spikes, 40000 - 400, 40000 + 400);
        double mean = intervals.Average();
        double cv = Math.Sqrt(intervals.Sum(x => (x - mean) * (x - mean)) / intervals.Count) / mean;
        // the CV of ~40000 intervals has sd about 0.004 here; 5 sd
        Assert.InRange(cv, 0.4 - 0.02, 0.4 + 0.02);
        // intervals beyond the dead time are exponential with mean 2 ms
        var (_, p) = KolmogorovSmirnov.Test(intervals.Take(5000), x => x < deadTime ? 0.0 : 1.0 - Math.Exp(-(x - deadTime) / 2.0));
        Assert.True(p > 0.001, $"KS p = {p}");
    }

    /// <summary>The distribution of the first spike of a process in equilibrium: uniform before the dead time with mass d·r, then dead time + exponential.</summary>
    private static double FirstSpikeCdf(double t, double ratePerMs, double deadTime)
    {
        if (t <= 0) return 0.0;
        if (t < deadTime) return t * ratePerMs;
        return deadTime * ratePerMs + (1 - deadTime * ratePerMs) * (1.0 - Math.Exp(-(t - deadTime) / (1.0 / ratePerMs - deadTime)));
    }

    [Fact]
    public void FirstSpike_ComesFromTheEquilibriumOfTheProcess()
    {
        // rate 100/s, dead time 4 ms: P(first spike before 4 ms) = 0.4
        const double rate = 100.0, deadTime = 4.0, delay = 1.0;
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = rate, ["dead_time"] = deadTime, ["start"] = 50.0 });
        var parrots = nest.Create("parrot_neuron_ps", 2000);
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, parrots, syn: Syn(delay));
        nest.Connect(parrots, sr);
        nest.Simulate(200.0);

        var (times, senders) = Events(sr);
        var first = new Dictionary<long, double>();
        for (int i = 0; i < times.Length; i++) first.TryAdd(senders[i], times[i] - delay - 50.0);
        Assert.True(first.Count > 1950);
        var (_, p) = KolmogorovSmirnov.Test(first.Values, t => FirstSpikeCdf(t, rate / 1000.0, deadTime));
        Assert.True(p > 0.01, $"KS p = {p}");
        // the same first spikes are far from a train that starts with a full interval (dead time + exponential)
        var (_, pShifted) = KolmogorovSmirnov.Test(first.Values, t => t < deadTime ? 0.0 : 1.0 - Math.Exp(-(t - deadTime) / 6.0));
        Assert.True(pShifted < 1e-6, $"KS p = {pShifted}");
    }

    /// <summary>A train over two runs, with <paramref name="between"/> set on the generator between them.</summary>
    private static double[] TwoRuns(Dictionary<string, object>? between)
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 400.0, ["dead_time"] = 0.5 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, sr);
        nest.Simulate(50.0);
        if (between is not null) pg.Set(between);
        nest.Simulate(50.0);
        return TimesOf(sr);
    }

    [Fact]
    public void SettingRate_RestartsTheTrains_SettingDeadTimeKeepsThem()
    {
        var plain = TwoRuns(null);
        var sameRate = TwoRuns(new() { ["rate"] = 400.0 });
        var sameDeadTime = TwoRuns(new() { ["dead_time"] = 0.5 });
        Assert.Equal(plain, sameDeadTime);
        Assert.Equal(plain.Where(t => t <= 50.0), sameRate.Where(t => t <= 50.0));
        Assert.NotEqual(plain.Where(t => t > 50.0), sameRate.Where(t => t > 50.0));
    }

    [Fact]
    public void MovingStartLater_RestartsTheTrains()
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 400.0, ["stop"] = 20.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, sr);
        nest.Simulate(50.0);
        Assert.DoesNotContain(TimesOf(sr), t => t > 20.0);
        pg.Set(new Dictionary<string, object> { ["start"] = 60.0, ["stop"] = 90.0 });
        nest.Simulate(50.0);
        var late = TimesOf(sr).Where(t => t > 20.0).ToArray();
        Assert.NotEmpty(late);
        Assert.All(late, t => Assert.InRange(t, 60.0 + 1e-12, 90.0));
    }

    [Fact]
    public void ExtendingStop_DoesNotSendSpikesOfThePast()
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 100.0, ["stop"] = 10.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, sr);
        nest.Simulate(200.0);
        pg.Set("stop", 400.0);
        nest.Simulate(200.0);
        var times = TimesOf(sr);
        Assert.DoesNotContain(times, t => t > 10.0 && t <= 200.0);
        Assert.Contains(times, t => t > 200.0);
    }

    [Theory]
    [InlineData("dead_time", -1.0, "The dead time cannot be negative")]
    [InlineData("rate", -1.0, "The rate cannot be negative")]
    [InlineData("rate", double.PositiveInfinity, "The rate must be finite")]
    [InlineData("rate", double.NaN, "The rate must be a number")]
    public void BadValue_IsRefusedWithNestsReason(string key, double value, string reason)
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 10.0 });
        var e = Assert.Throws<BadPropertyException>(() => pg.Set(key, value));
        Assert.Contains(reason, e.Message, StringComparison.Ordinal);
        Assert.Contains($"'{key}'", e.Message, StringComparison.Ordinal);
        Assert.Equal(10.0, pg.Get<double>("rate"));
        Assert.Equal(0.0, pg.Get<double>("dead_time"));
    }

    [Fact]
    public void InverseRateBelowDeadTime_IsRefused_AndNothingChanges()
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps");
        // NEST checks dead_time before rate: both bad, the dead time is named
        var both = Assert.Throws<BadPropertyException>(() => pg.Set(new Dictionary<string, object> { ["dead_time"] = -1.0, ["rate"] = -5.0 }));
        Assert.Contains("The dead time cannot be negative", both.Message, StringComparison.Ordinal);
        var e = Assert.Throws<BadPropertyException>(() => pg.Set(new Dictionary<string, object> { ["rate"] = 100.0, ["dead_time"] = 20.0 }));
        Assert.Contains("The inverse rate cannot be smaller than the dead time", e.Message, StringComparison.Ordinal);
        Assert.Equal(0.0, pg.Get<double>("rate"));
        Assert.Equal(0.0, pg.Get<double>("dead_time"));
        // 1000/rate equal to the dead time is allowed (a regular train), as in NEST
        pg.Set(new Dictionary<string, object> { ["rate"] = 100.0, ["dead_time"] = 10.0 });
        Assert.Equal(10.0, pg.Get<double>("dead_time"));
    }

    [Fact]
    public void Create_MakesOffGridSpikingTrue()
    {
        var nest = new Simulator();
        Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
        nest.Create("poisson_generator_ps");
        Assert.True((bool)nest.GetKernelStatus("off_grid_spiking"));
    }

    [Fact]
    public void RegularTrain_WhenTheDeadTimeIsTheWholeInterval()
    {
        // 1000/rate = dead_time: every interval is the dead time exactly (the exponential part has mean 0)
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 250.0, ["dead_time"] = 4.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, sr);
        nest.Simulate(100.0);
        var times = TimesOf(sr);
        Assert.True(times.Length >= 24);
        for (int i = 1; i < times.Length; i++) Assert.Equal(4.0, times[i] - times[i - 1], 9);
    }
}
