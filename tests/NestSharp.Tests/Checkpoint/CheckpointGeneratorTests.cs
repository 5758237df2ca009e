using NestSharp.Kernel;
using NestSharp.Nodes;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Every generator of the catalog, set up so that it acts on both sides of the split (changing amplitudes, rates,
/// pulses and spike times before and after it), drives integrate-and-fire neurons whose membrane potential a
/// multimeter samples every step; split by a checkpoint inside a slice, the run continues bitwise as the uninterrupted
/// one (1 -> 1, 2 -> 2, 1 -> 2, 2 -> 1 threads). Every generator is kept.
/// </summary>
public sealed class CheckpointGeneratorTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-generators-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>The parameters that make each generator act around the split at 23.4 ms.</summary>
    private static readonly Dictionary<string, Dictionary<string, object>> Settings = new(StringComparer.Ordinal)
    {
        ["ac_generator"] = new() { ["amplitude"] = 300.0, ["offset"] = 250.0, ["frequency"] = 30.0, ["phase"] = 20.0 },
        ["dc_generator"] = new() { ["amplitude"] = 420.0, ["start"] = 5.0, ["stop"] = 40.0 },
        ["gamma_sup_generator"] = new() { ["rate"] = 400.0, ["gamma_shape"] = 3L, ["n_proc"] = 5L },
        ["inhomogeneous_poisson_generator"] = new()
        {
            ["rate_times"] = new[] { 1.0, 23.4, 40.0 }, ["rate_values"] = new[] { 800.0, 2000.0, 500.0 },
        },
        ["mip_generator"] = new() { ["rate"] = 900.0, ["p_copy"] = 0.5 },
        ["noise_generator"] = new() { ["mean"] = 300.0, ["std"] = 200.0, ["dt"] = 0.7 },
        ["poisson_generator"] = new() { ["rate"] = 1500.0 },
        ["poisson_generator_ps"] = new() { ["rate"] = 1500.0 },
        ["ppd_sup_generator"] = new() { ["rate"] = 200.0, ["dead_time"] = 3.0, ["n_proc"] = 5L },
        ["pulsepacket_generator"] = new() { ["pulse_times"] = new[] { 10.0, 23.0, 40.0 }, ["activity"] = 6L, ["sdev"] = 2.0 },
        ["sinusoidal_gamma_generator"] = new()
        {
            ["rate"] = 900.0, ["amplitude"] = 700.0, ["frequency"] = 25.0, ["order"] = 3.0,
        },
        ["sinusoidal_poisson_generator"] = new()
        {
            ["rate"] = 900.0, ["amplitude"] = 700.0, ["frequency"] = 25.0,
        },
        ["spike_generator"] = new() { ["spike_times"] = new[] { 3.0, 10.1, 23.4, 23.5, 30.3, 45.0 } },
        ["spike_train_injector"] = new() { ["spike_times"] = new[] { 3.0, 10.1, 23.4, 23.5, 30.3, 45.0 } },
        ["step_current_generator"] = new()
        {
            ["amplitude_times"] = new[] { 5.0, 20.1, 23.4, 30.0, 40.0 }, ["amplitude_values"] = new[] { 300.0, -100.0, 450.0, 380.0, 100.0 },
        },
    };

    /// <summary>The generators of the catalog (stimulating devices, spike_train_injector and spike_dilutor) whose checkpoints are (<paramref name="supported"/>) or are not implemented.</summary>
    public static TheoryData<string> Generators(bool supported)
    {
        var models = new TheoryData<string>();
        foreach (var (name, make) in Catalog.NodeModels.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var prototype = new NodeModel(name, make, static _ => { }).Prototype;
            bool generator = prototype.ElementType == ElementType.Stimulator || name is "spike_train_injector" or "spike_dilutor";
            // step_rate_generator drives rate neurons only: its split run is checked in Models/StepRateGeneratorTests.
            if (generator && prototype.SupportsCheckpoint == supported && prototype is not ISecondaryEventGenerator) models.Add(name);
        }
        return models;
    }

    private static void Build(Simulator nest, string generator)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 31L });
        var neurons = nest.Create("iaf_psc_alpha", 6, new() { ["V_th"] = -60.0 });
        // individual_spike_trains is a model default only (as in NEST)
        if (generator is "sinusoidal_poisson_generator" or "sinusoidal_gamma_generator") nest.SetDefaults(generator, new() { ["individual_spike_trains"] = true });
        var source = nest.Create(generator, 1, Settings.GetValueOrDefault(generator));
        if (generator == "spike_dilutor")
        {
            source.Set("p_copy", 0.5);
            var feed = nest.Create("poisson_generator", 1, new() { ["rate"] = 1500.0 });
            nest.Connect(feed, source);
        }
        bool current = nest.GetDefaults(generator).TryGetValue("recordables", out var r) && ((string[])r).Contains("I");
        nest.Connect(source, neurons, syn: new Dictionary<string, object> { ["weight"] = current ? 1.0 : 70.0, ["delay"] = 1.3 });
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.1 });
        nest.Connect(meter, neurons);
        var spikes = nest.Create("spike_recorder");
        nest.Connect(neurons, spikes);
    }

    [Theory]
    [MemberData(nameof(Generators), true)]
    public void SplitRun_ContinuesBitwise(string generator)
    {
        string path = Path.Combine(_folder, $"{generator}.nscp");
        var reference = new Simulator();
        Build(reference, generator);
        reference.Simulate(23.4);
        string atSplit = CheckpointSplitRunTests.Observe(reference);
        reference.Simulate(31.3);
        string expected = CheckpointSplitRunTests.Observe(reference);
        Assert.NotEqual(atSplit, expected);

        foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(nest => Build(nest, generator), path, 23.4, before, after);
            resumed.Simulate(31.3);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }

    /// <summary>
    /// spike_generator and spike_train_injector with precise_times: the steps and offsets they send and the spike
    /// recorder (time_in_steps) that records them continue bitwise across the split (the status shows times as step -
    /// offset, which a restore alone would turn back into them only to the last bit; the checkpoint keeps them).
    /// </summary>
    [Theory]
    [InlineData("spike_generator")]
    [InlineData("spike_train_injector")]
    public void PreciseSpikeTrain_SplitRun_ContinuesBitwise(string generator)
    {
        void Build(Simulator nest)
        {
            var source = nest.Create(generator, 1, new()
            {
                ["precise_times"] = true, ["spike_times"] = new[] { 3.0, 10.13, 23.41, 23.5, 30.3001, 45.07 },
            });
            var parrots = nest.Create("parrot_neuron", 2);
            nest.Connect(source, parrots, syn: new Dictionary<string, object> { ["delay"] = 1.3 });
            var direct = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
            var inMs = nest.Create("spike_recorder");
            nest.Connect(source, direct);
            nest.Connect(source, inMs);
            nest.Connect(parrots, inMs);
        }

        string path = Path.Combine(_folder, $"{generator}-precise.nscp");
        var reference = new Simulator();
        Build(reference);
        reference.Simulate(23.4);
        reference.Simulate(31.3);
        string expected = CheckpointSplitRunTests.Observe(reference);
        Assert.Contains("0.07", expected, StringComparison.Ordinal);

        foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(Build, path, 23.4, before, after);
            resumed.Simulate(31.3);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }

    /// <summary>
    /// poisson_generator_ps with precise targets (parrot_neuron_ps, a spike recorder with time_in_steps) and a rate set
    /// before the save (the trains restart at the next run, which the checkpoint must remember): the restored run
    /// continues bitwise, onto the same and another number of threads.
    /// </summary>
    [Fact]
    public void PoissonGeneratorPs_PreciseTargetsAndPendingRateChange_ContinueBitwise()
    {
        NodeCollection? generator = null;
        void Build(Simulator nest)
        {
            nest.SetKernelStatus(new() { ["rng_seed"] = 5L });
            generator = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 700.0, ["dead_time"] = 0.3 });
            var parrots = nest.Create("parrot_neuron_ps", 3);
            var direct = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
            var fromParrots = nest.Create("spike_recorder");
            nest.Connect(generator, parrots, syn: new Dictionary<string, object> { ["delay"] = 1.3 });
            nest.Connect(generator, direct);
            nest.Connect(parrots, fromParrots);
        }

        var reference = new Simulator();
        Build(reference);
        reference.Simulate(23.4);
        generator!.Set("rate", 500.0);
        reference.Simulate(31.3);
        string expected = CheckpointSplitRunTests.Observe(reference);

        foreach (var (before, after) in new[] { (1, 1), (2, 2), (1, 2), (2, 1) })
        {
            string path = Path.Combine(_folder, $"poisson_generator_ps-{before}-{after}.nscp");
            var first = new Simulator();
            first.SetKernelStatus("local_num_threads", before);
            Build(first);
            first.Simulate(23.4);
            generator!.Set("rate", 500.0);
            first.SaveCheckpoint(path);
            var resumed = new Simulator();
            resumed.LoadCheckpoint(path, after);
            resumed.Simulate(31.3);
            Assert.Equal(expected, CheckpointSplitRunTests.Observe(resumed));
        }
    }

    /// <summary>
    /// The kernel's off_grid_spiking (true after a run with a precise spike_train_injector, false with a precise
    /// spike_generator only) reads after a restore as it did when saved, before any further run.
    /// </summary>
    [Theory]
    [InlineData("spike_train_injector", true)]
    [InlineData("spike_generator", false)]
    public void OffGridSpiking_IsKept(string generator, bool expected)
    {
        string path = Path.Combine(_folder, $"{generator}-off-grid.nscp");
        var before = new Simulator();
        var source = before.Create(generator, 1, new() { ["precise_times"] = true, ["spike_times"] = new[] { 3.05 } });
        before.Connect(source, before.Create("parrot_neuron"));
        before.Simulate(5.0);
        Assert.Equal(expected, before.GetKernelStatus("off_grid_spiking"));
        before.SaveCheckpoint(path);

        var after = new Simulator();
        after.LoadCheckpoint(path);
        Assert.Equal(expected, after.GetKernelStatus("off_grid_spiking"));
    }

    [Fact]
    public void EveryGenerator_IsKept()
    {
        Assert.Empty(Generators(false));
        Assert.NotEmpty(Generators(true));
    }
}
