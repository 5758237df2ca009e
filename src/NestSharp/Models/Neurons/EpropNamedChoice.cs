namespace NestSharp.Models.Neurons;

/// <summary>
/// A status key of the e-prop models whose value is one of a few names (surrogate_gradient_function,
/// loss): kept per node as the name's number in an internal column (so it is copied with the defaults and kept in
/// checkpoints with the columns) and shown and set as the name. An unknown name is refused with
/// <see cref="BadPropertyException"/> and the model's message, changing nothing.
/// </summary>
/// <param name="column">The internal column holding the name's number.</param>
/// <param name="columnOf">How the group reads a column (its indexer).</param>
/// <param name="key">The status key.</param>
/// <param name="names">The names, numbered by position.</param>
/// <param name="allowed">What the message says is allowed (NEST's text, without the final full stop).</param>
internal sealed class EpropNamedChoice(Column column, Func<Column, double[]> columnOf, string key, string[] names, string allowed)
    : IStateOutsideColumns
{
    /// <summary>
    /// The surrogate_gradient_function of the recurrent e-prop neurons (both families), kept as the name's number in
    /// <paramref name="numberColumn"/> (NEST's find_surrogate_gradient: one of its names, BadProperty otherwise).
    /// </summary>
    public static EpropNamedChoice SurrogateGradientFunction(Column numberColumn, Func<Column, double[]> columnOf) =>
        new(numberColumn, columnOf, "surrogate_gradient_function", EpropSurrogateGradients.Names, EpropSurrogateGradients.Allowed);

    public IReadOnlyList<string> Keys { get; } = [key];

    public bool Owns(string name) => name == key;

    public void WriteStatus(int position, Dictionary<string, object> status) => status[key] = names[(int)columnOf(column)[position]];

    public Action Stage(int position, IReadOnlyDictionary<string, object> values)
    {
        if (!values.TryGetValue(key, out var given)) return static () => { };
        if (given is not string name) throw new TypeMismatchException(key, given, "a string");
        int index = Array.IndexOf(names, name);
        if (index < 0) throw new BadPropertyException(key, name, allowed);
        return () => columnOf(column)[position] = index;
    }

    /// <summary>The column is copied with the defaults' columns.</summary>
    public void CopyDefaultsFrom(IStateOutsideColumns prototype) { }

    /// <summary>The column is kept with the group's columns.</summary>
    public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup owner) { }

    /// <summary>The column is kept with the group's columns.</summary>
    public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup owner) { }
}
