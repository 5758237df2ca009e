namespace NestSharp.Nodes;

/// <summary>
/// A registered node model: a name, how to make a group of its class, and a prototype group whose single node carries
/// the model's defaults. <c>CopyModel</c> makes a new model of the same class with a copy of the prototype;
/// <c>SetDefaults</c> changes the prototype; <c>Create</c> instantiates groups with the prototype's values. A built-in
/// model's prototype is made when it is first used, so that a kernel builds (and the JIT compiles) only the models it
/// uses, not the whole catalog.
/// </summary>
internal sealed class NodeModel
{
    private readonly Func<NodeModel, int, int, NodeGroup> _make;
    private readonly Action<NodeGroup> _prepare;
    private NodeGroup? _prototype;

    /// <param name="name">The model's name, as Create and GetDefaults take it.</param>
    /// <param name="make">The model class's constructor: (model, first id, count).</param>
    /// <param name="prepare">
    /// What the kernel does to the prototype when it is made: whatever it did to the prototypes that exist (the
    /// resolution changes since it started, the recording site).
    /// </param>
    public NodeModel(string name, Func<NodeModel, int, int, NodeGroup> make, Action<NodeGroup> prepare)
        : this(name, name, make, prepare)
    {
    }

    private NodeModel(string name, string typeName, Func<NodeModel, int, int, NodeGroup> make, Action<NodeGroup> prepare)
    {
        Name = name;
        TypeName = typeName;
        _make = make;
        _prepare = prepare;
    }

    /// <summary>The model's number (NEST's model_id): built-in models in name order, then copies in the order made.</summary>
    public int Id { get; set; }

    /// <summary>The name users refer to (may be a copy's name).</summary>
    public string Name { get; }

    /// <summary>The built-in model this one is (a copy keeps its original's type name).</summary>
    public string TypeName { get; }

    /// <summary>The group of one node that holds the model's defaults (made on first use).</summary>
    public NodeGroup Prototype => _prototype ??= MakePrototype();

    /// <summary>Whether <see cref="Prototype"/> has been made.</summary>
    public bool HasPrototype => _prototype is not null;

    private NodeGroup MakePrototype()
    {
        var prototype = _make(this, 0, 1);
        _prepare(prototype);
        return prototype;
    }

    /// <summary>A model named <paramref name="newName"/> with this one's class and current defaults.</summary>
    public NodeModel Copy(string newName)
    {
        var copy = new NodeModel(newName, TypeName, _make, _prepare);
        copy._prototype = Instantiate(copy, 0, 1, Kernel.Communication.VirtualProcessLayout.SingleThread);
        return copy;
    }

    /// <summary>A group of <paramref name="count"/> nodes with the prototype's values, split over the virtual processes of <paramref name="layout"/>.</summary>
    public NodeGroup Instantiate(int firstId, int count, Kernel.Communication.VirtualProcessLayout layout) => Instantiate(this, firstId, count, layout);

    private NodeGroup Instantiate(NodeModel model, int firstId, int count, Kernel.Communication.VirtualProcessLayout layout)
    {
        var group = _make(model, firstId, count);
        group.CopyDefaultsFrom(Prototype);
        group.Distribute(layout);
        return group;
    }
}
