namespace NestSharp.Nodes;

/// <summary>
/// A registered node model: a name, how to make a group of its class, and a prototype group whose single node carries
/// the model's defaults. <c>CopyModel</c> makes a new model of the same class with a copy of the prototype;
/// <c>SetDefaults</c> changes the prototype; <c>Create</c> instantiates groups with the prototype's values.
/// </summary>
internal sealed class NodeModel
{
    private readonly Func<NodeModel, int, int, NodeGroup> _make;

    /// <param name="name">The model's name, as Create and GetDefaults take it.</param>
    /// <param name="make">The model class's constructor: (model, first id, count).</param>
    public NodeModel(string name, Func<NodeModel, int, int, NodeGroup> make)
        : this(name, name, make)
    {
        Prototype = make(this, 0, 1);
    }

    private NodeModel(string name, string typeName, Func<NodeModel, int, int, NodeGroup> make)
    {
        Name = name;
        TypeName = typeName;
        _make = make;
        Prototype = null!;
    }

    /// <summary>The model's number (NEST's model_id): built-in models in name order, then copies in the order made.</summary>
    public int Id { get; set; }

    /// <summary>The name users refer to (may be a copy's name).</summary>
    public string Name { get; }

    /// <summary>The built-in model this one is (a copy keeps its original's type name).</summary>
    public string TypeName { get; }

    public NodeGroup Prototype { get; private set; }

    /// <summary>A model named <paramref name="newName"/> with this one's class and current defaults.</summary>
    public NodeModel Copy(string newName)
    {
        var copy = new NodeModel(newName, TypeName, _make);
        copy.Prototype = Instantiate(copy, 0, 1, Kernel.Communication.VirtualProcessLayout.SingleThread);
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
