namespace NestSharp.Nodes;

/// <summary>
/// Checkpoints of state a generator keeps for each of its connections (gamma_sup_generator's phase occupations,
/// ppd_sup_generator's age distributions, noise_generator's current amplitudes), which it holds per thread in the
/// order of that thread's targets. The state is written by target id and ordinal (the connection's number among the
/// generator's connections to the same target), so a restore onto another number of threads finds each connection's
/// state; the generator keeps what it read until its next Prepare, when its connections are known again. With several
/// MPI processes each process saves the state of its targets (in its part of the checkpoint) and a restore gathers them
/// all, each process then placing those of the targets it holds.
/// </summary>
internal static class PerTargetCheckpoint
{
    /// <summary>
    /// Writes the state of every connection of <paramref name="targets"/> that has state (the first
    /// <paramref name="stateCount"/>(thread) connections of each thread; those made since the last run have none yet):
    /// its target id, its ordinal, and what <paramref name="write"/>(thread, index) writes.
    /// </summary>
    public static void Save(CheckpointWriter writer, DeviceTargets targets, Func<int, int> stateCount, Action<int, int> write)
    {
        int total = 0;
        for (int t = 0; t < targets.Threads; t++) total += Math.Min(stateCount(t), targets.OfThread(t).Length);
        writer.Write(total);
        for (int t = 0; t < targets.Threads; t++)
        {
            int n = Math.Min(stateCount(t), targets.OfThread(t).Length);
            for (int j = 0; j < n; j++)
            {
                var target = targets.OfThread(t)[j];
                writer.Write(target.TargetId);
                writer.Write(target.Ordinal);
                write(t, j);
            }
        }
    }

    /// <summary>
    /// Reads what <see cref="Save"/> wrote, each connection's state read by <paramref name="read"/>, into
    /// <paramref name="into"/> when given (the states another MPI process's part gave: each process saves those of its
    /// targets), else into a new dictionary.
    /// </summary>
    public static Dictionary<(int Target, int Ordinal), TState> Read<TState>(
        CheckpointReader reader, Func<TState> read, Dictionary<(int Target, int Ordinal), TState>? into = null)
    {
        var states = into ?? new Dictionary<(int Target, int Ordinal), TState>();
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            int target = reader.ReadInt(), ordinal = reader.ReadInt();
            states[(target, ordinal)] = read();
        }
        return states;
    }

    /// <summary>Gives every connection of <paramref name="targets"/> with a restored state that state: <paramref name="apply"/>(thread, index, state).</summary>
    public static void Apply<TState>(Dictionary<(int Target, int Ordinal), TState> states, DeviceTargets targets, Action<int, int, TState> apply)
    {
        for (int t = 0; t < targets.Threads; t++)
        {
            for (int j = 0; j < targets.OfThread(t).Length; j++)
            {
                var target = targets.OfThread(t)[j];
                if (states.TryGetValue((target.TargetId, target.Ordinal), out var state)) apply(t, j, state);
            }
        }
    }
}
