namespace NestSharp;

/// <summary>Where a connection of a <see cref="ConnectionTable"/> is stored.</summary>
internal enum ConnectionKind : byte
{
    /// <summary>In a synapse block: <see cref="ConnectionTable.Vp"/>, model, position <see cref="ConnectionTable.Index"/> (its port).</summary>
    Synapse,

    /// <summary>A generator's connection: the generator's targets of thread <see cref="ConnectionTable.Vp"/>, entry <see cref="ConnectionTable.Index"/>.</summary>
    Generator,

    /// <summary>A link of a spiking node to a spike recorder: entry <see cref="ConnectionTable.Index"/> of the recording links.</summary>
    SpikeRecording,

    /// <summary>A link of a sampler to a neuron: entry <see cref="ConnectionTable.Index"/> of the sampling links.</summary>
    Sampling,

    /// <summary>Stored by another process: its values are those it had when the table was made.</summary>
    Remote,

    /// <summary>Removed (Disconnect) after the table was made.</summary>
    Removed,
}

/// <summary>
/// The connections of one GetConnections call as parallel arrays, in its order (source, then target, then as
/// stored), each with where it is stored, so a <see cref="SynapseCollection"/> reads and writes the live values. The
/// locations of synapses follow the edits of the store (<see cref="Connections.ConnectionEdits"/>). Connections stored by other
/// processes keep a snapshot of their standard values.
/// </summary>
internal sealed class ConnectionTable
{
    public ConnectionTable(int count)
    {
        Source = new int[count];
        Target = new int[count];
        Model = new int[count];
        Kind = new ConnectionKind[count];
        Vp = new int[count];
        Index = new int[count];
        Port = new int[count];
    }

    /// <summary>The connection manager whose connections these are (a table of an earlier kernel is stale).</summary>
    public Connections.ConnectionManager? Owner { get; set; }

    /// <summary>How many store edits the locations reflect (see <see cref="Connections.ConnectionEdits"/>).</summary>
    public long AppliedEdits { get; set; }

    public int Count { get; private set; }
    public int[] Source { get; }
    public int[] Target { get; }
    public int[] Model { get; }
    public ConnectionKind[] Kind { get; }

    /// <summary>The virtual process that stores it (synapses), or that owns its target (generators).</summary>
    public int[] Vp { get; }

    /// <summary>Its position: in its block (synapses), its generator's thread list, or the recording links.</summary>
    public int[] Index { get; }

    /// <summary>NEST's port of connections to and from devices (their position among the device's connections); synapses' port is <see cref="Index"/>.</summary>
    public int[] Port { get; }

    /// <summary>Values of connections stored by other processes, as they were when the table was made (null without any).</summary>
    public RemoteValues? Remote { get; set; }

    /// <summary>Weight, delay (steps), receptor port, port and thread of connections stored by other processes.</summary>
    public sealed record RemoteValues(double[] Weight, int[] DelaySteps, int[] Receptor, int[] Port, int[] Thread)
    {
        /// <summary>The part of each delay below whole steps (ms; cont_delay_synapse), 0 for the others.</summary>
        public double[] DelayOffset { get; init; } = new double[Weight.Length];
    }

    public int Add(int source, int target, int model, ConnectionKind kind, int vp, int index, int port)
    {
        int i = Count++;
        Source[i] = source;
        Target[i] = target;
        Model[i] = model;
        Kind[i] = kind;
        Vp[i] = vp;
        Index[i] = index;
        Port[i] = port;
        return i;
    }

    /// <summary>Applies one edit of the store to the locations of this table's synapses.</summary>
    public void Apply(Connections.ConnectionEdits.Edit edit)
    {
        for (int i = 0; i < Count; i++)
        {
            if (Kind[i] != ConnectionKind.Synapse || Vp[i] != edit.Vp || Model[i] != edit.Model) continue;
            switch (edit)
            {
                case Connections.ConnectionEdits.Removal removal:
                    if (Index[i] == removal.Index) Kind[i] = ConnectionKind.Removed;
                    else if (Index[i] > removal.Index) Index[i]--;
                    break;
                case Connections.ConnectionEdits.Merge merge:
                    int k = Index[i] - merge.OldOffsets[Source[i] - merge.OldSourceMin];
                    Index[i] = merge.NewOffsets[Source[i] - merge.NewSourceMin] + k;
                    break;
            }
        }
    }
}
