namespace NestSharp.Tests.Models;

/// <summary>
/// NEST unrolls the multiplicity of the spikes a node with proxies sends (event_delivery_manager_impl.h, send_remote):
/// a parrot_neuron that repeats k spikes of one step reaches each target as k spikes of multiplicity 1, so a static
/// synapse adds its weight k times to the target's input (not weight·k once), while a device (send_local) keeps the
/// multiplicity. Expected values are the installed NEST 3.10's (iaf_psc_delta with E_L = 0, V_m of the multimeter
/// printed with repr); results must not depend on the number of threads.
/// </summary>
public sealed class UnrolledMultiplicityTests
{
    private const double Weight = 0.3;

    /// <summary>Spikes at 5 ms (times and multiplicities of a spike_generator) into a target, through a parrot or directly.</summary>
    private static (double[] Times, double[] Vm, long Recorded, long LocalSpikeCounter) Run(double[] times, long[] multiplicities, bool viaParrot, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", (long)threads);
        var generatorParameters = new Dictionary<string, object> { ["spike_times"] = times };
        if (multiplicities.Length > 0) generatorParameters["spike_multiplicities"] = multiplicities;
        var generator = nest.Create("spike_generator", 1, generatorParameters);
        var parrot = nest.Create("parrot_neuron");
        var target = nest.Create("iaf_psc_delta", 1, new() { ["E_L"] = 0.0, ["V_m"] = 0.0, ["V_reset"] = -10.0, ["V_th"] = 20.0 });
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.1 });
        var recorder = nest.Create("spike_recorder");
        var synapse = new Dictionary<string, object> { ["weight"] = Weight, ["delay"] = 1.0 };
        if (viaParrot)
        {
            nest.Connect(generator, parrot);
            nest.Connect(parrot, target, syn: synapse);
            nest.Connect(parrot, recorder);
        }
        else
        {
            nest.Connect(generator, target, syn: synapse);
            nest.Connect(generator, recorder);
        }
        nest.Connect(multimeter, target);
        nest.Simulate(10.0);
        var events = (Dictionary<string, object>)multimeter.Get("events");
        return ((double[])events["times"], (double[])events["V_m"], recorder.Get<long>("n_events"), Convert.ToInt64(nest.GetKernelStatus("local_spike_counter")));
    }

    /// <summary>The first two nonzero V_m samples: (time, value).</summary>
    private static (double, double)[] FirstInput(double[] times, double[] vm)
    {
        var found = new List<(double, double)>();
        for (int i = 0; i < vm.Length && found.Count < 2; i++)
            if (vm[i] != 0.0) found.Add((times[i], vm[i]));
        return [.. found];
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ParrotRepeatingTwoSpikesAddsTheWeightTwice(int threads)
    {
        var (times, vm, recorded, _) = Run([5.0, 5.0], [], viaParrot: true, threads);
        var input = FirstInput(times, vm);
        Assert.Equal(7.0, input[0].Item1, 1e-12);
        Assert.Equal(0.6, input[0].Item2);
        Assert.Equal(0.5940299002495009, input[1].Item2);
        Assert.Equal(2, recorded);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ParrotRepeatingSixSpikesGivesNestsRingSum(int threads)
    {
        // 0.3 added six times is 1.8; 6 · 0.3 is 1.7999999999999998: NEST's value shows the unrolling bitwise.
        var (times, vm, recorded, counter) = Run([5.0], [6], viaParrot: true, threads);
        var input = FirstInput(times, vm);
        Assert.Equal(7.0, input[0].Item1, 1e-12);
        Assert.Equal(1.8, input[0].Item2);
        Assert.Equal(1.7820897007485026, input[1].Item2);
        Assert.Equal(6, recorded);
        Assert.Equal(6, counter); // NEST counts the parrot's six spikes, not the generator's (sent locally)
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void GeneratorKeepsItsMultiplicity(int threads)
    {
        var (times, vm, recorded, counter) = Run([5.0], [6], viaParrot: false, threads);
        var input = FirstInput(times, vm);
        Assert.Equal(6.0, input[0].Item1, 1e-12);
        Assert.Equal(1.7999999999999998, input[0].Item2);
        Assert.Equal(1.7820897007485024, input[1].Item2);
        Assert.Equal(6, recorded);
        Assert.Equal(0, counter);
    }

    [Fact]
    public void OneAndTwoThreadsAgreeBitwise()
    {
        var one = Run([5.0, 5.0, 6.0], [2, 3, 6], viaParrot: true, threads: 1);
        var two = Run([5.0, 5.0, 6.0], [2, 3, 6], viaParrot: true, threads: 2);
        Assert.Equal(one.Vm, two.Vm);
        Assert.Equal(one.Recorded, two.Recorded);
    }
}
