namespace NestSharp.Nodes;

// Per-node real numbers a model keeps outside its columns (such as an ODE solver's next inner step size), checkpointed
// by node id: the counterpart of the integer, counter and flag overloads in NeuronGroup.Checkpoint.cs.
internal abstract partial class NeuronGroup
{
    /// <summary>Writes per-position real numbers in node-id order.</summary>
    protected void WriteInIdOrder(CheckpointWriter writer, double[] values) => writer.Write(InIdOrder(values, new double[Count]));

    /// <summary>Reads what <see cref="WriteInIdOrder(CheckpointWriter, double[])"/> wrote into the per-position <paramref name="into"/>.</summary>
    protected void ReadInIdOrder(CheckpointReader reader, double[] into)
    {
        var buffer = new double[Count];
        reader.ReadDoubles(buffer);
        FromIdOrder(buffer, into);
    }
}
