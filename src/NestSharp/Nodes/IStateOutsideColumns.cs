namespace NestSharp.Nodes;

/// <summary>
/// Per-node parameters and state that a neuron model keeps outside its columns, such as NEST's array parameters whose
/// length varies per node together with the elements they size (the spike-triggered elements of gif_psc_exp,
/// gif_cond_exp and pp_psc_delta). A model hands one to <see cref="NeuronGroup.KeepOutsideColumns{TState}"/> in its
/// constructor; the group then lists its keys as settable (taking arrays), shows it in the status after everything
/// else, checks it before the columns in a Set and commits it after them, copies it with the model's defaults, and
/// writes it to checkpoints after the model's own state. Nothing of it runs in the update loop.
/// </summary>
internal interface IStateOutsideColumns
{
    /// <summary>The status keys it answers for, in the order the status shows them.</summary>
    IReadOnlyList<string> Keys { get; }

    /// <summary>Whether <paramref name="key"/> is one of <see cref="Keys"/>.</summary>
    bool Owns(string key);

    /// <summary>
    /// Whether <see cref="Stage"/> checks a Set of the column <paramref name="key"/> too (a check that depends on which
    /// keys are given, as the GLIF models' mechanism flags): a Set of such a key then goes node by node through Stage.
    /// </summary>
    bool Checks(string key) => false;

    /// <summary>Writes the entries of the node at storage position <paramref name="position"/> into <paramref name="status"/>.</summary>
    void WriteStatus(int position, Dictionary<string, object> status);

    /// <summary>
    /// Checks the entries of <paramref name="values"/> it owns (the others are the columns') for the node at storage
    /// position <paramref name="position"/>, changing nothing, and returns what stores them.
    /// </summary>
    Action Stage(int position, IReadOnlyDictionary<string, object> values);

    /// <summary>Gives every node what node 0 of <paramref name="prototype"/> (the model's defaults, of the same type) has.</summary>
    void CopyDefaultsFrom(IStateOutsideColumns prototype);

    /// <summary>Writes what it keeps of the nodes of <paramref name="group"/>, in node-id order.</summary>
    void SaveCheckpoint(CheckpointWriter writer, NeuronGroup group);

    /// <summary>Reads what <see cref="SaveCheckpoint"/> wrote into the layout of <paramref name="group"/>.</summary>
    void RestoreCheckpoint(CheckpointReader reader, NeuronGroup group);
}
