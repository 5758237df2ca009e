namespace NestSharp.Connections;

// Checkpoints of the delay extrema: the user's min_delay and max_delay, those of the connections, and those frozen by
// the first simulation.
internal sealed partial class DelayChecker
{
    public void SaveCheckpoint(CheckpointWriter writer)
    {
        writer.Write(UserSet);
        writer.Write(_userMinMs);
        writer.Write(_userMaxMs);
        writer.Write(MinSteps);
        writer.Write(MaxSteps);
        writer.Write(Simulated.HasValue);
        writer.Write(Simulated?.Min ?? 0);
        writer.Write(Simulated?.Max ?? 0);
    }

    public void RestoreCheckpoint(CheckpointReader reader)
    {
        UserSet = reader.ReadBool();
        _userMinMs = reader.ReadDouble();
        _userMaxMs = reader.ReadDouble();
        MinSteps = reader.ReadInt();
        MaxSteps = reader.ReadInt();
        bool simulated = reader.ReadBool();
        int min = reader.ReadInt(), max = reader.ReadInt();
        Simulated = simulated ? (min, max) : null;
    }
}
