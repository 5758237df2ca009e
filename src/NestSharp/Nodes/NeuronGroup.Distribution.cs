using NestSharp.Kernel.Communication;

namespace NestSharp.Nodes;

// After a run on several processes: the state each process updated, given to the others.
internal abstract partial class NeuronGroup
{
    /// <summary>
    /// After a run on several processes: every process receives what the others updated of the nodes they own, so that
    /// reading any node's status gives the same value everywhere. The columns travel as they are (the nodes of a
    /// process's virtual processes form one contiguous range per group, so the ranges gathered in rank order are the
    /// whole column); the port variables, <c>has_connections</c> and what the model keeps outside its columns travel as
    /// a checkpoint of the group's nodes, each process taking from it the nodes of the process that wrote it.
    /// </summary>
    public void SynchronizeState(ICommunicator communicator, VirtualProcessLayout layout)
    {
        GatherColumns(communicator, layout);
        if (!HasPorts && _outside is null) return;

        byte[] own = StateBeyondColumns();
        int[] lengths = [];
        communicator.AllGather<int>([own.Length], ref lengths);
        byte[] all = [];
        communicator.AllGather<byte>(own, ref all);
        int offset = 0;
        for (int rank = 0; rank < communicator.Size; offset += lengths[rank], rank++)
        {
            if (rank == communicator.Rank) continue;
            int sender = rank;
            using var reader = new CheckpointReader(new MemoryStream(all, offset, lengths[rank], writable: false), $"the node state process {rank} sent");
            RestoringOnly(id => layout.SlotOfNode(id) / layout.ThreadsPerRank == sender,
                () => reader.Section(SectionName, () => RestoreStateBeyondColumns(reader)));
            reader.Finish();
        }
    }

    private const string SectionName = "state beyond the columns";

    private void GatherColumns(ICommunicator communicator, VirtualProcessLayout layout)
    {
        int start = Chunk(layout.FirstLocal).Start;
        int end = Chunk(layout.FirstLocal + layout.ThreadsPerRank - 1).End;
        double[] gathered = [];
        foreach (double[] column in Columns)
        {
            int n = communicator.AllGather(column.AsSpan(start, end - start), ref gathered);
            if (n != column.Length) throw new InvalidOperationException($"gathered {n} values of a column of {column.Length}");
            Array.Copy(gathered, column, n);
        }
    }

    private byte[] StateBeyondColumns()
    {
        var bytes = new MemoryStream();
        using (var writer = new CheckpointWriter(bytes, "a process after a run"))
        {
            writer.Section(SectionName, () =>
            {
                if (HasPorts)
                {
                    WritePortState(writer, new double[Count]);
                    WriteInIdOrder(writer, _hasConnections);
                }
                _outside?.SaveCheckpoint(writer, this);
            });
            writer.Finish();
        }
        return bytes.ToArray();
    }

    private void RestoreStateBeyondColumns(CheckpointReader reader)
    {
        if (HasPorts)
        {
            ReadPortState(reader, new double[Count]);
            ReadInIdOrder(reader, _hasConnections);
        }
        _outside?.RestoreCheckpoint(reader, this);
    }
}
