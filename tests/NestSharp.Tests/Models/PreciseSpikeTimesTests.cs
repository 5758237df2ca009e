using System.Runtime.CompilerServices;
using NestSharp.Kernel;

namespace NestSharp.Tests.Models;

/// <summary>
/// Precise (off-grid) spike times of spike_generator and spike_train_injector: the offset travels with the spike to
/// recorders and neurons without widening the spike record, the kernel's off_grid_spiking follows NEST's rules, and
/// the results do not depend on the number of threads. Expected values are what NEST 3.10 gave for the same scripts.
/// </summary>
public sealed class PreciseSpikeTimesTests
{
    [Fact]
    public void SpikeRecord_StaysThirtyTwoBytes() => Assert.Equal(32, Unsafe.SizeOf<Spike>());

    [Theory]
    [InlineData(3.0001, 31L, 0.09989999999999988)]
    [InlineData(1.05, 11L, 0.050000000000000044)]
    [InlineData(1.0, 10L, 0.0)]
    [InlineData(0.3, 3L, 0.0)]
    [InlineData(10.0001, 101L, 0.09989999999999988)]
    public void PreciseStamp_IsNestsMsStamp(double t, long step, double offset)
    {
        long stamp = Nodes.SpikeTimeStamps.PreciseStamp(t, new TimeGrid(1000.0, 0.1), out double actualOffset);
        Assert.Equal(step, stamp);
        Assert.Equal(offset, actualOffset, 1e-15);
    }

    [Fact]
    public void OffGridSpiking_IsFalse_UntilARunWithAPreciseInjector_AndReadOnly()
    {
        var nest = new Simulator();
        Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
        var injector = nest.Create("spike_train_injector", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.01 } });
        Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
        nest.Simulate(1.0);
        Assert.True((bool)nest.GetKernelStatus("off_grid_spiking"));
        var e = Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus("off_grid_spiking", false));
        Assert.Contains("read-only", e.Message, StringComparison.Ordinal);
        nest.ResetKernel();
        Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
        _ = injector;
    }

    [Fact]
    public void OffGridSpiking_BecomesTrueAtCreate_WhenTheModelsDefaultsArePrecise()
    {
        var nest = new Simulator();
        nest.SetDefaults("spike_train_injector", new() { ["precise_times"] = true });
        Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
        nest.Create("spike_train_injector");
        Assert.True((bool)nest.GetKernelStatus("off_grid_spiking"));
    }

    [Fact]
    public void OffGridSpiking_StaysFalse_ForAPreciseSpikeGenerator()
    {
        var nest = new Simulator();
        var sg = nest.Create("spike_generator", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.05 } });
        var parrot = nest.Create("parrot_neuron");
        nest.Connect(sg, parrot);
        nest.Simulate(3.0);
        Assert.False((bool)nest.GetKernelStatus("off_grid_spiking"));
    }

    /// <summary>
    /// A precise injector drives iaf_psc_alpha neurons through two static_synapse connections and is recorded with its
    /// offsets; the neurons' spikes and the recorded events are the same for 1 and 2 threads, and the neurons ignore
    /// the offsets (the same train on the grid gives the same membrane potentials).
    /// </summary>
    [Fact]
    public void PreciseInjector_GridNeuronsIgnoreOffsets_AndThreadsDoNotMatter()
    {
        static (string Recorded, double[] Vm) Run(int threads, bool precise)
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", threads);
            double[] times = precise ? [1.01, 2.37, 2.4, 5.55, 7.0001] : [1.1, 2.4, 2.4, 5.6, 7.1];
            var injector = nest.Create("spike_train_injector", 1, new() { ["precise_times"] = precise, ["spike_times"] = times });
            var neurons = nest.Create("iaf_psc_alpha", 4, new() { ["V_th"] = -69.0 });
            nest.Connect(injector, neurons[..2], syn: new Dictionary<string, object> { ["weight"] = 40.0, ["delay"] = 1.0 });
            nest.Connect(injector, neurons[2..], syn: new Dictionary<string, object> { ["weight"] = -25.0, ["delay"] = 2.3 });
            var recorder = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
            nest.Connect(injector, recorder);
            nest.Connect(neurons, recorder);
            nest.Simulate(10.0);
            return (NestJson.ToJson(recorder.Get("events")), neurons.GetValues<double>("V_m"));
        }

        var one = Run(1, precise: true);
        var two = Run(2, precise: true);
        Assert.Equal(one.Recorded, two.Recorded);
        Assert.Equal(one.Vm, two.Vm);
        // NEST 3.10's offsets for these times (the injector's own events come first in each step)
        Assert.StartsWith("{\"senders\":[1,1,1,1,", one.Recorded, StringComparison.Ordinal);
        Assert.Contains("\"offsets\":[0.09000000000000008,0.029999999999999805,0,", one.Recorded, StringComparison.Ordinal);
        Assert.Equal(Run(1, precise: false).Vm, one.Vm);
    }

    /// <summary>
    /// A precise injector recorded with its offsets, and parrot neurons it drives, on two in-process ranks: every
    /// offset crosses the exchange between the processes: each process records the one process's events.
    /// </summary>
    [Fact]
    public void PreciseInjector_OnTwoProcesses_RecordsTheOneProcessOffsets()
    {
        static string? Probe(Func<Simulator> make)
        {
            var nest = make();
            var injector = nest.Create("spike_train_injector", 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 1.01, 2.37, 5.55, 7.0001 } });
            var parrots = nest.Create("parrot_neuron", 3);
            nest.Connect(injector, parrots, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
            var recorder = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
            nest.Connect(injector, recorder);
            nest.Simulate(10.0);
            var events = (Dictionary<string, object>)recorder.Get("events");
            var senders = (long[])events["senders"];
            var offsets = (double[])events["offsets"];
            return string.Join(";", senders.Select((s, i) => $"{s}:{offsets[i]:R}"));
        }

        string? alone = Distribution.InProcessRanks.Run(1, Probe)[0];
        var ranks = Distribution.InProcessRanks.Run(2, Probe);
        // each process's recorder holds the events (after the exchange every process sees every spike)
        foreach (string? rank in ranks) Assert.Equal(alone, rank);
        Assert.Contains("1:0.09990000000000077", alone, StringComparison.Ordinal);
    }
}
