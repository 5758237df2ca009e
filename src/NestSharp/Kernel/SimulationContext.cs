using NestSharp.Kernel.Communication;

namespace NestSharp.Kernel;

/// <summary>What node groups read and write while a run is prepared and advanced.</summary>
internal sealed class SimulationContext(TimeGrid time, VirtualProcessLayout layout, ICommunicator communicator, ulong seedKey)
{
    public TimeGrid Time { get; } = time;

    /// <summary>Processes, threads and virtual processes; per-VP arrays below have <see cref="VirtualProcesses"/> entries.</summary>
    public VirtualProcessLayout Layout { get; } = layout;

    /// <summary>The number of virtual processes (ranks × threads); models' per-VP arrays are this long.</summary>
    public int VirtualProcesses => Layout.Count;

    public ICommunicator Communicator { get; } = communicator;

    /// <summary>The key every random stream of this kernel derives from (rng_seed hashed).</summary>
    public ulong SeedKey { get; set; } = seedKey;

    /// <summary>The step the kernel had reached when the run was prepared (NEST's time at pre_run_hook).</summary>
    public long PreparedAtStep { get; set; }

    public InputRing Ring { get; set; } = new(0, 1);

    /// <summary>NEST's e-prop settings in force for the run (set at every Prepare).</summary>
    public EpropSettings Eprop { get; set; } = new(1000.0, 1000.0, true);
    public int MinDelaySteps { get; set; } = 1;
    public int MaxDelaySteps { get; set; } = 1;

    /// <summary>The kernel's nodes (to find the group behind a connection's target when a run is prepared).</summary>
    public NodeManager Nodes { get; init; } = null!;

    /// <summary>Spike and voltage histories of neurons that plastic synapses read.</summary>
    public Plasticity.SpikeArchive Archive { get; init; } = new();

    /// <summary>The secondary events of the slice, one buffer per kind in use (see <see cref="SecondaryEventTables"/>).</summary>
    public SecondaryEventTables Secondary { get; } = new();

    /// <summary>Spikes emitted in the current slice, one buffer per virtual process.</summary>
    public SpikeBuffer[] SpikesOfVp { get; } = Enumerable.Range(0, layout.Count).Select(_ => new SpikeBuffer()).ToArray();

    /// <summary>
    /// Flush events emitted in the current slice, one buffer per virtual process (NEST's SpikeEvents with the flush
    /// flag, which the e-prop neurons send after a silence of flush_event_send_interval): they reach only the synapse
    /// types that <see cref="SynapseType.SupportsFlushEvents"/>, no spike recorder, archive or other synapse.
    /// </summary>
    public SpikeBuffer[] FlushEventsOfVp { get; } = Enumerable.Range(0, layout.Count).Select(_ => new SpikeBuffer()).ToArray();
}
