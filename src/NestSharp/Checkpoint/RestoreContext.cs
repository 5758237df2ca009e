namespace NestSharp.Checkpoint;

/// <summary>What restoring a part of the kernel may need: the kernel being restored, the status context of its clock,
/// and node collections of its ids (for status values that are node collections).</summary>
internal sealed record RestoreContext(KernelManager Kernel, StatusContext Status, Func<int[], NodeCollection> Nodes);
