namespace NestSharp.Nodes;

/// <summary>
/// A group that acts serially at the end of each slice, after every thread has updated its nodes and before the
/// spikes of the slice are delivered (the volume transmitter, whose spike list all threads then read).
/// </summary>
internal interface IEndOfSliceGroup
{
    /// <summary>Steps [<paramref name="from"/>, <paramref name="to"/>) of the slice starting at <paramref name="sliceStart"/> were updated.</summary>
    void EndSlice(SimulationContext context, long sliceStart, int from, int to);
}
