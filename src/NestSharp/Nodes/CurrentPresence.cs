namespace NestSharp.Nodes;

/// <summary>
/// Whether a group's current inputs can carry anything during a run (a generator sends into them, or a current from an
/// earlier run is still held). Used as a type argument, so that a model's step loop is compiled once with the reads
/// of its current inputs and once without them; without them the loop computes with a zero where it read one.
/// </summary>
internal interface ICurrentPresence
{
    static abstract bool Present { get; }
}

/// <summary>Current inputs are read (see <see cref="ICurrentPresence"/>).</summary>
internal readonly struct CurrentsPresent : ICurrentPresence
{
    public static bool Present => true;
}

/// <summary>Current inputs are known to be zero and not read (see <see cref="ICurrentPresence"/>).</summary>
internal readonly struct CurrentsAbsent : ICurrentPresence
{
    public static bool Present => false;
}
