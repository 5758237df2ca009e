namespace NestSharp.Models.Neurons;

/// <summary>
/// The ring channels of the targets that take delayed rates as a state (<see cref="IRateSignalStateTarget"/>), for the
/// senders of delayed rates (step_rate_generator, rate_connection_delayed): per channel whether it belongs to such a
/// target and, where the event replaces a signal, the channel marking the step. Null (<see cref="Of"/>) when the
/// network has no such target.
/// </summary>
internal sealed class RateSignalStates
{
    private const int NotAState = -2;

    /// <summary>Per ring channel: the mark channel, -1 where the rates add, <see cref="NotAState"/> outside the state targets.</summary>
    private readonly int[] _markOf;

    private RateSignalStates(int[] markOf) => _markOf = markOf;

    /// <summary>The table for the nodes of <paramref name="context"/>, or null when no group takes rates as a state.</summary>
    public static RateSignalStates? Of(SimulationContext context)
    {
        int[]? markOf = null;
        foreach (var group in context.Nodes.Groups)
        {
            if (group is not (NeuronGroup { Count: > 0 } target and IRateSignalStateTarget states)) continue;
            if (markOf is null)
            {
                markOf = new int[context.Ring.Channels];
                markOf.AsSpan().Fill(NotAState);
            }
            int end = target.ChannelBase + target.ChannelsPerNode * target.Count;
            for (int channel = target.ChannelBase; channel < end; channel++) markOf[channel] = states.SignalMarkChannel(channel);
        }
        return markOf is null ? null : new RateSignalStates(markOf);
    }

    /// <summary>Whether ring channel <paramref name="channel"/> belongs to a target that takes rates as a state.</summary>
    public bool Contains(int channel) => (uint)channel < (uint)_markOf.Length && _markOf[channel] != NotAState;

    /// <summary>
    /// An event's <paramref name="value"/> for the step in ring slot <paramref name="slot"/> of a channel that
    /// <see cref="Contains"/>: it replaces the signal (a later event of the step wins) and marks the step, or adds.
    /// </summary>
    public void Write(double[] data, int channels, int slot, int channel, double value)
    {
        long row = (long)slot * channels;
        int mark = _markOf[channel];
        if (mark < 0)
        {
            data[row + channel] += value;
            return;
        }
        data[row + channel] = value;
        data[row + mark] = 1.0;
    }
}
