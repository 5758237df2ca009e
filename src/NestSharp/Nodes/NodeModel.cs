namespace NestSharp.Nodes;

/// <summary>
/// A registered node model: a name and a prototype group whose single node carries the model's defaults.
/// <c>CopyModel</c> clones the prototype under a new name; <c>SetDefaults</c> changes the prototype.
/// </summary>
internal sealed class NodeModel
{
    private NodeGroup? _prototype;

    public NodeModel(string name, string typeName, Func<NodeModel, NodeGroup> makePrototype)
    {
        Name = name;
        TypeName = typeName;
        _prototype = makePrototype(this);
    }

    private NodeModel(string name, string typeName)
    {
        Name = name;
        TypeName = typeName;
    }

    /// <summary>The name users refer to (may be a copy's name).</summary>
    public string Name { get; }

    /// <summary>The built-in model this one is (a copy keeps its original's type name).</summary>
    public string TypeName { get; }

    public NodeGroup Prototype => _prototype!;

    public NodeModel Copy(string newName)
    {
        var copy = new NodeModel(newName, TypeName);
        copy._prototype = Prototype.Instantiate(copy, 0, 1, 1);
        return copy;
    }
}
