namespace NestSharp.Tests.Models;

/// <summary>
/// ignore_and_fire (NEST 3.10): a count-down on the grid. With h = 0.1 ms, the first spike is stamped
/// <c>(steps(1000·phase/rate) + 1)·h</c> and the next ones every <c>steps(1000/rate)</c> steps, where steps(ms) rounds
/// to the nearest tic and then up to whole steps; input has no effect; the count-down restarts from phase and rate
/// whenever the node's status is set, not when Simulate is called again.
/// </summary>
public sealed class IgnoreAndFireTests
{
    private const double Tolerance = 1e-9;

    private static (NodeCollection Neurons, NodeCollection Recorder) Build(Simulator nest, int n, Dictionary<string, object>? parameters)
    {
        var neurons = nest.Create("ignore_and_fire", n, parameters);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
        return (neurons, recorder);
    }

    private static (long[] Senders, double[] Times) Events(NodeCollection recorder)
    {
        var events = (Dictionary<string, object>)recorder.Get("events");
        return ((long[])events["senders"], (double[])events["times"]);
    }

    private static double[] SpikeTimes(double rate, double phase, double simulateMs)
    {
        var nest = new Simulator();
        var (_, recorder) = Build(nest, 1, new() { ["rate"] = rate, ["phase"] = phase });
        nest.Simulate(simulateMs);
        return Events(recorder).Times;
    }

    [Theory]
    [InlineData(10.0)]
    [InlineData(25.0)]
    [InlineData(200.0)]
    public void GridPeriod_FiresExactlyRateSpikesPerSecondWithConstantInterval(double rate)
    {
        double[] times = SpikeTimes(rate, 0.5, 10_000.0);
        Assert.Equal((int)(rate * 10), times.Length);
        double interval = 1000.0 / rate;
        for (int k = 1; k < times.Length; k++)
            Assert.True(Math.Abs(times[k] - times[k - 1] - interval) < Tolerance, $"interval {k}: {times[k] - times[k - 1]} ms, expected {interval}");
    }

    [Fact]
    public void OffGridPeriod_IsRoundedUpToWholeSteps()
    {
        // 1000/30 = 33.333 ms = 33333 tics, rounded up to 334 steps = 33.4 ms; the first spike (phase 1) ends step 334.
        double[] times = SpikeTimes(30.0, 1.0, 1000.0);
        Assert.True(Math.Abs(times[0] - 33.5) < Tolerance, $"first spike {times[0]}");
        for (int k = 1; k < times.Length; k++) Assert.True(Math.Abs(times[k] - times[k - 1] - 33.4) < Tolerance);
        Assert.Equal(29, times.Length);
    }

    [Theory]
    [InlineData(1.0, 100.1)]
    [InlineData(0.3, 30.1)]
    [InlineData(0.123, 12.4)]     // 12.3 ms = 123 steps
    [InlineData(0.1234, 12.5)]    // 12.34 ms = 12340 tics, rounded up to 124 steps
    [InlineData(0.00001, 0.2)]    // 0.001 ms = 1 tic, rounded up to 1 step
    [InlineData(1e-9, 0.1)]       // 1e-7 ms rounds to 0 tics: fires in the first step
    public void Phase_SetsFirstSpikeToStepsOfPhaseOverRatePlusOne(double phase, double firstSpike)
    {
        double[] times = SpikeTimes(10.0, phase, 250.0);
        Assert.True(Math.Abs(times[0] - firstSpike) < Tolerance, $"phase {phase}: first spike {times[0]}, expected {firstSpike}");
        Assert.True(Math.Abs(times[1] - (firstSpike + 100.0)) < Tolerance, $"phase {phase}: second spike {times[1]}");
    }

    [Fact]
    public void StrongInput_DoesNotChangeTheSpikes()
    {
        var nest = new Simulator();
        var driven = nest.Create("ignore_and_fire", 1, new() { ["rate"] = 20.0, ["phase"] = 0.7 });
        var quiet = nest.Create("ignore_and_fire", 1, new() { ["rate"] = 20.0, ["phase"] = 0.7 });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 50_000.0 });
        var burst = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 2.0, 3.0, 34.0, 35.0 } });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 1e6 });
        nest.Connect(noise, driven, syn: new Dictionary<string, object> { ["weight"] = 1e4 });
        nest.Connect(burst, driven, syn: new Dictionary<string, object> { ["weight"] = -1e5 });
        nest.Connect(dc, driven);
        var drivenRecorder = nest.Create("spike_recorder");
        var quietRecorder = nest.Create("spike_recorder");
        nest.Connect(driven, drivenRecorder);
        nest.Connect(quiet, quietRecorder);
        nest.Simulate(500.0);

        double[] drivenTimes = Events(drivenRecorder).Times, quietTimes = Events(quietRecorder).Times;
        Assert.Equal(10, quietTimes.Length);
        Assert.Equal(quietTimes, drivenTimes);
    }

    [Fact]
    public void SpikeConnection_OnReceptorOtherThanZero_IsRejected()
    {
        var nest = new Simulator();
        var neuron = nest.Create("ignore_and_fire");
        var source = nest.Create("spike_generator");
        Assert.Throws<UnknownReceptorTypeException>(() =>
            nest.Connect(source, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
    }

    [Theory]
    [InlineData(-5.0)]
    [InlineData(0.0)]
    public void NonPositiveRate_IsRejectedNamingRate(double rate)
    {
        var neuron = new Simulator().Create("ignore_and_fire");
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set("rate", rate));
        Assert.Contains("'rate'", e.Message);
        Assert.Equal(10.0, neuron.Get<double>("rate"));
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-0.2)]
    [InlineData(1.0000001)]
    [InlineData(double.NaN)]
    public void PhaseOutsideZeroExclusiveToOneInclusive_IsRejectedNamingPhase(double phase)
    {
        var neuron = new Simulator().Create("ignore_and_fire", 1, new() { ["phase"] = 0.5 });
        var e = Assert.Throws<BadPropertyException>(() => neuron.Set("phase", phase));
        Assert.Contains("'phase'", e.Message);
        Assert.Equal(0.5, neuron.Get<double>("phase"));
    }

    [Fact]
    public void PhaseOne_IsAccepted()
    {
        var neuron = new Simulator().Create("ignore_and_fire", 1, new() { ["phase"] = 0.5 });
        neuron.Set("phase", 1.0);
        Assert.Equal(1.0, neuron.Get<double>("phase"));
    }

    private static (long[] Senders, double[] Times) RandomPhaseNetwork(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 4321L });
        var (neurons, recorder) = Build(nest, 53, null);
        neurons.Set("phase", nest.Random.Uniform(0.0, 1.0));
        neurons.Set("rate", nest.Random.Uniform(5.0, 80.0));
        nest.Simulate(1000.0);
        return Events(recorder);
    }

    [Fact]
    public void RandomPhases_GiveIdenticalSpikesForAnyThreadCount()
    {
        var one = RandomPhaseNetwork(1);
        Assert.True(one.Times.Length > 500, $"only {one.Times.Length} spikes");
        Assert.Equal(53, one.Senders.Distinct().Count());
        foreach (int threads in new[] { 2, 3, 4 })
        {
            var many = RandomPhaseNetwork(threads);
            Assert.Equal(one.Senders, many.Senders);
            Assert.Equal(one.Times, many.Times);
        }
    }

    [Fact]
    public void RandomPhases_EachNodeFiresFirstAtItsOwnPhase()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["rng_seed"] = 77L });
        var (neurons, recorder) = Build(nest, 20, new() { ["rate"] = 10.0 });
        neurons.Set("phase", nest.Random.Uniform(0.0, 1.0));
        nest.Simulate(100.5);
        double[] phases = neurons.GetValues<double>("phase");
        Assert.True(phases.Distinct().Count() == 20, "the phases were not drawn per node");
        var (senders, times) = Events(recorder);
        for (int i = 0; i < 20; i++)
        {
            long id = neurons.Ids[i];
            // phase · 100 ms in tics (1000 per ms), rounded up to steps of 100 tics; the spike ends that step.
            long steps = (long)Math.Ceiling(Math.Round(phases[i] / 10.0 * 1000.0 * 1000.0) / 100.0);
            double expected = (steps + 1) * 0.1;
            double first = times[Array.IndexOf(senders, id)];
            Assert.True(Math.Abs(first - expected) < Tolerance, $"node {id}, phase {phases[i]}: first spike {first}, expected {expected}");
        }
    }

    [Fact]
    public void SplitSimulation_FiresAsOneRun()
    {
        double[] whole = SpikeTimes(30.0, 0.37, 1000.0);
        var nest = new Simulator();
        var (_, recorder) = Build(nest, 1, new() { ["rate"] = 30.0, ["phase"] = 0.37 });
        nest.Simulate(333.3);
        nest.Simulate(200.0);
        nest.Simulate(466.7);
        Assert.Equal(whole, Events(recorder).Times);
    }

    [Fact]
    public void SettingPhaseBetweenRuns_RestartsCountdownFromNewPhase()
    {
        var nest = new Simulator();
        var (neuron, recorder) = Build(nest, 1, new() { ["rate"] = 10.0, ["phase"] = 1.0 });
        nest.Simulate(150.0);
        neuron.Set("phase", 0.3);
        nest.Simulate(200.0);
        AssertTimes([100.1, 180.1, 280.1], Events(recorder).Times);
    }

    [Fact]
    public void SettingRateBetweenRuns_RestartsCountdownWithNewPeriod()
    {
        var nest = new Simulator();
        var (neuron, recorder) = Build(nest, 1, new() { ["rate"] = 10.0, ["phase"] = 1.0 });
        nest.Simulate(150.0);
        neuron.Set("rate", 20.0);
        nest.Simulate(150.0);
        AssertTimes([100.1, 200.1, 250.1], Events(recorder).Times);
    }

    [Fact]
    public void SettingAnotherKeyBetweenRuns_AlsoRestartsCountdownFromPhase()
    {
        var nest = new Simulator();
        var (neuron, recorder) = Build(nest, 1, new() { ["rate"] = 10.0, ["phase"] = 1.0 });
        nest.Simulate(150.0);
        neuron.Set("tau_minus", 30.0);
        nest.Simulate(150.0);
        AssertTimes([100.1, 250.1], Events(recorder).Times);
    }

    private static void AssertTimes(double[] expected, double[] actual)
    {
        Assert.True(expected.Length == actual.Length, $"spikes [{string.Join(", ", actual)}], expected [{string.Join(", ", expected)}]");
        for (int i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < Tolerance, $"spike {i}: {actual[i]}, expected {expected[i]}");
    }
}
