using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.Models;

/// <summary>
/// iaf_chs_2007 (NEST has no pytest for it): the PSP's shape and peak, the reset, negative weights ignored, the noise
/// signal (its scale, its position, a Set starting it again, a run longer than it refused without a change), the
/// checks of its parameters, no current input, and the same results for any number of threads and across a checkpoint.
/// NEST's own output for it: Reference/IafChs2007ReferenceTests.
/// </summary>
public sealed class IafChs2007Tests
{
    private static Dictionary<string, object> Spec(params (string Key, object Value)[] entries) =>
        entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>One neuron driven by a spike generator; the V_m trace sampled every step.</summary>
    private static (Simulator Nest, NodeCollection Neuron, NodeCollection Meter, NodeCollection Recorder) OneNeuron(
        Dictionary<string, object>? parameters, double[] spikeTimes, double weight)
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_chs_2007", 1, parameters);
        var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = spikeTimes });
        nest.Connect(generator, neuron, null, Spec(("weight", weight), ("delay", 1.0)));
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);
        return (nest, neuron, meter, recorder);
    }

    private static double VmAt(NodeCollection meter, double time)
    {
        double[] times = Doubles(meter, "times"), vm = Doubles(meter, "V_m");
        int i = Array.FindIndex(times, t => Math.Abs(t - time) < 1e-9);
        Assert.True(i >= 0, $"no sample at {time} ms");
        return vm[i];
    }

    [Fact]
    public void Defaults_AreNests()
    {
        var d = new Simulator().GetDefaults("iaf_chs_2007");
        Assert.Equal(2.31, (double)d["V_reset"]);
        Assert.Equal(0.77, (double)d["V_epsp"]);
        Assert.Equal(8.5, (double)d["tau_epsp"]);
        Assert.Equal(15.4, (double)d["tau_reset"]);
        Assert.Equal(0.0, (double)d["V_noise"]);
        Assert.Empty((double[])d["noise"]);
        Assert.Equal(0.0, (double)d["V_m"]);
        Assert.Equal(["V_m"], (string[])d["recordables"]);
    }

    [Fact]
    public void AUnitWeightGivesAnEpspPeakingAtVEpspAfterTauEpsp()
    {
        var (nest, _, meter, recorder) = OneNeuron(null, [2.0], 1.0);
        nest.Simulate(40.0);
        // the spike arrives at 3.0 ms; V_syn = V_epsp·e·(t/tau)·exp(-t/tau) from there, largest at t = tau_epsp
        Assert.Equal(0.0, VmAt(meter, 3.0));
        Assert.Equal(0.77, VmAt(meter, 3.0 + 8.5), 1e-12);
        double dt = 0.1;
        Assert.Equal(0.77 * Math.E * (dt / 8.5) * Math.Exp(-dt / 8.5), VmAt(meter, 3.1), 1e-15);
        double[] vm = Doubles(meter, "V_m");
        Assert.Equal(0.77, vm.Max(), 1e-12);
        Assert.Empty(Doubles(recorder, "times"));
    }

    [Fact]
    public void CrossingTheThresholdSpikesAndAddsTheResetWaveform()
    {
        var (nest, neuron, meter, recorder) = OneNeuron(null, [2.0], 2.0);
        nest.Simulate(40.0);
        double[] spikes = Doubles(recorder, "times");
        Assert.Single(spikes);
        double t = spikes[0];
        double before = VmAt(meter, Math.Round(t - 0.1, 1)), at = VmAt(meter, t);
        Assert.True(before < 1.0, $"V_m {before} before the spike");
        // the step of the spike: V_m is the sum at or above 1, less V_reset
        Assert.True(at + 2.31 >= 1.0 && at < 0.0, $"V_m {at} at the spike");
        Assert.True(VmAt(meter, 38.9) < 0.1, "the reset waveform decays");
        Assert.True((double)neuron.Get("V_m") < VmAt(meter, 38.9));
    }

    [Fact]
    public void NegativeWeightsAreIgnored()
    {
        var (nest, _, meter, _) = OneNeuron(null, [2.0, 5.0], -3.0);
        nest.Simulate(20.0);
        Assert.All(Doubles(meter, "V_m"), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void TheNoiseSignalIsReadOneValuePerStep_AndASetStartsItAgain()
    {
        double[] noise = Enumerable.Range(1, 400).Select(k => 0.001 * k).ToArray();
        var (nest, neuron, meter, _) = OneNeuron(new() { ["V_noise"] = 0.5, ["noise"] = noise }, [], 1.0);
        nest.Simulate(10.0);
        // a multimeter hands its samples over one min_delay (1 ms) late, as NEST's
        Assert.Equal(0.5 * noise[0], VmAt(meter, 0.1));
        Assert.Equal(0.5 * noise[89], VmAt(meter, 9.0));
        Assert.Equal(0.5 * noise[99], (double)neuron.Get("V_m"));
        Assert.Equal(noise, (double[])neuron.Get("noise"));

        double[] again = Enumerable.Range(1, 20).Select(k => 0.1 * k).ToArray();
        neuron.Set(new Dictionary<string, object> { ["noise"] = again });
        nest.Simulate(2.0);
        Assert.Equal(0.5 * noise[99], VmAt(meter, 10.0));
        Assert.Equal(0.5 * again[0], VmAt(meter, 10.1));
        Assert.Equal(0.5 * again[1], VmAt(meter, 10.2));
    }

    [Fact]
    public void NoNoiseWhenVNoiseIsZero_OrTheSignalEmpty()
    {
        var (nest, _, meter, _) = OneNeuron(new() { ["noise"] = new[] { 0.3, 0.3, 0.3 } }, [], 1.0);
        nest.Simulate(5.0);
        Assert.All(Doubles(meter, "V_m"), v => Assert.Equal(0.0, v));
        var (nest2, _, meter2, _) = OneNeuron(new() { ["V_noise"] = 1.0 }, [], 1.0);
        nest2.Simulate(5.0);
        Assert.All(Doubles(meter2, "V_m"), v => Assert.Equal(0.0, v));
    }

    [Fact]
    public void ARunLongerThanTheNoiseSignalLeft_IsRefusedAndChangesNothing()
    {
        var (nest, neuron, meter, _) = OneNeuron(new() { ["V_noise"] = 1.0, ["noise"] = Enumerable.Repeat(0.25, 30).ToArray() }, [], 1.0);
        nest.Simulate(2.0);
        var error = Assert.Throws<BadPropertyException>(() => nest.Simulate(1.5));
        Assert.Contains("noise", error.Message);
        Assert.Contains("10 values of its noise signal left", error.Message);
        Assert.Contains("15 steps", error.Message);
        Assert.Equal(2.0, nest.BiologicalTime);
        nest.Simulate(1.0);
        Assert.Equal(0.25, (double)neuron.Get("V_m"));
        Assert.Equal(20, Doubles(meter, "times").Length);
        Assert.Throws<BadPropertyException>(() => nest.Simulate(0.1));
    }

    [Fact]
    public void OnTwoProcesses_ARunLongerThanTheSignalLeft_IsRefusedByBoth()
    {
        var outcomes = Distribution.InProcessRanks.Run(2, make =>
        {
            var nest = make();
            var neurons = nest.Create("iaf_chs_2007", 5, new() { ["V_noise"] = 1.0, ["noise"] = Enumerable.Repeat(0.25, 30).ToArray() });
            nest.Simulate(2.0);
            try
            {
                nest.Simulate(1.5);
                return "ran";
            }
            catch (BadPropertyException)
            {
                return $"refused at {nest.BiologicalTime} ms";
            }
        });
        Assert.All(outcomes, o => Assert.Equal("refused at 2 ms", o));
    }

    [Theory]
    [InlineData("V_epsp", -0.1, "EPSP cannot be negative")]
    [InlineData("V_reset", -1.0, "Reset potential cannot be negative")]
    [InlineData("tau_epsp", 0.0, "All time constants must be strictly positive")]
    [InlineData("tau_reset", -2.0, "All time constants must be strictly positive")]
    public void BadParameters_AreRefusedAndChangeNothing(string key, double value, string message)
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_chs_2007");
        var before = neuron.Get<double>(key);
        var error = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["V_noise"] = 3.0 }));
        Assert.Contains(key, error.Message);
        Assert.Contains(message, error.Message);
        Assert.Equal(before, neuron.Get<double>(key));
        Assert.Equal(0.0, neuron.Get<double>("V_noise"));
    }

    [Fact]
    public void ACurrentGeneratorCannotConnect()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_chs_2007");
        var dc = nest.Create("dc_generator");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(dc, neuron));
    }

    [Fact]
    public void ReceptorOtherThanZero_IsUnknown()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_chs_2007");
        var generator = nest.Create("spike_generator");
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(generator, neuron, null, Spec(("receptor_type", 1L))));
    }

    [Fact]
    public void Network_IsTheSameForOneTwoAndFourThreads() =>
        ModelThreadRuns.AssertThreadInvariant("iaf_chs_2007", new() { ["V_epsp"] = 0.5 }, 0.4, 0.3);

    private static void Build(Simulator nest)
    {
        var neurons = nest.Create("iaf_chs_2007", 6, new()
        {
            ["V_noise"] = 0.2,
            ["noise"] = Enumerable.Range(0, 400).Select(k => Math.Sin(0.37 * k)).ToArray(),
        });
        var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 3000.0 });
        nest.Connect(drive, neurons, null, Spec(("weight", 0.35), ("delay", 1.0)));
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), Spec(("weight", 0.2), ("delay", 1.5)));
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
    }

    private static string Observe(Simulator nest)
    {
        var neurons = nest.GetNodes(Spec(("model", "iaf_chs_2007")));
        var recorder = nest.GetNodes(Spec(("model", "spike_recorder")));
        string vm = string.Join(",", neurons.GetValues<double>("V_m").Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture)));
        return vm + "|" + string.Join(",", Doubles(recorder, "times")) + "|" + string.Join(",", Longs(recorder, "senders"));
    }

    [Fact]
    public void Checkpoint_ContinuesBitwise() =>
        Checkpoint.CheckpointSplitRunTests.AssertResumesBitwise(Build, Observe, 12.0, 15.0, (1, 1), (1, 3), (2, 1));
}
