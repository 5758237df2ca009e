namespace NestSharp.Nodes;

/// <summary>A device that sends to each of its targets directly (on the target's thread), not through spike exchange.</summary>
internal interface ILocalGenerator
{
    /// <summary>The connections of device <paramref name="local"/>.</summary>
    DeviceTargets TargetsOf(int local);

    /// <summary>Whether the device sends currents (true) or spikes (false).</summary>
    bool SendsCurrent { get; }
}
