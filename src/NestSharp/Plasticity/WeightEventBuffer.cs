namespace NestSharp.Plasticity;

/// <summary>A weight change reported by a plastic synapse to a weight_recorder.</summary>
internal readonly record struct WeightEvent(int Recorder, long Stamp, int Sender, int Target, double Weight, int Receptor, int Port);

/// <summary>The weight events one thread produced in a slice, reused from slice to slice.</summary>
internal sealed class WeightEventBuffer
{
    private readonly List<WeightEvent> _events = [];

    public void Add(int recorder, long stamp, int sender, int target, double weight, int receptor, int port) =>
        _events.Add(new WeightEvent(recorder, stamp, sender, target, weight, receptor, port));

    public List<WeightEvent> Events => _events;
}
