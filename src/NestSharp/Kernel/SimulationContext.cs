namespace NestSharp.Kernel;

/// <summary>What node groups read and write while a run is prepared and advanced.</summary>
internal sealed class SimulationContext(TimeGrid time, int threads, ulong seedKey)
{
    public TimeGrid Time { get; } = time;
    public int Threads { get; } = threads;

    /// <summary>The key every random stream of this kernel derives from (rng_seed hashed).</summary>
    public ulong SeedKey { get; set; } = seedKey;

    public InputRing Ring { get; set; } = new(0, 1);
    public int MinDelaySteps { get; set; } = 1;
    public int MaxDelaySteps { get; set; } = 1;

    /// <summary>Spike and voltage histories of neurons that plastic synapses read.</summary>
    public Plasticity.SpikeArchive Archive { get; init; } = new();

    /// <summary>Spikes emitted in the current slice, one buffer per thread.</summary>
    public SpikeBuffer[] ThreadSpikes { get; } = Enumerable.Range(0, threads).Select(_ => new SpikeBuffer()).ToArray();
}
