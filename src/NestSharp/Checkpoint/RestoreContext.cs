namespace NestSharp.Checkpoint;

/// <summary>What restoring a part of the kernel may need: the kernel being restored, the status context of its clock,
/// and node collections of its ids (for status values that are node collections).</summary>
internal sealed record RestoreContext(KernelManager Kernel, StatusContext Status, Func<int[], NodeCollection> Nodes)
{
    /// <summary>
    /// The nodes whose state is taken from what is being read (null: all). A checkpoint of several processes holds each
    /// neuron's own state in the part of the process that updated it; the other parts' values for it are passed over.
    /// </summary>
    public Func<int, bool>? Owned { get; init; }
}
