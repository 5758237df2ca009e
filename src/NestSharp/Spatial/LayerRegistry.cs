namespace NestSharp;

/// <summary>The layers of one kernel, by the ids of their nodes (NEST keeps a layer as the metadata of its collection).</summary>
internal sealed class LayerRegistry
{
    private readonly List<SpatialLayer> _layers = [];

    /// <summary>Keeps <paramref name="layer"/> (its ids follow those of every layer before it).</summary>
    public void Add(SpatialLayer layer) => _layers.Add(layer);

    /// <summary>Takes back <paramref name="layer"/>, the last one added (its nodes could not be made).</summary>
    public void RemoveLast(SpatialLayer layer)
    {
        if (_layers.Count == 0 || !ReferenceEquals(_layers[^1], layer))
            throw new InvalidOperationException("only the layer added last can be taken back");
        _layers.RemoveAt(_layers.Count - 1);
    }

    /// <summary>Whether any layer exists.</summary>
    public bool Any => _layers.Count > 0;

    /// <summary>The layer node <paramref name="id"/> belongs to, or null.</summary>
    public SpatialLayer? Find(int id)
    {
        int lo = 0, hi = _layers.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var layer = _layers[mid];
            if (id < layer.FirstId) hi = mid - 1;
            else if (id >= layer.FirstId + layer.Count) lo = mid + 1;
            else return layer;
        }
        return null;
    }

    /// <summary>The layer all of <paramref name="ids"/> belong to, or null when they are not all in one layer (or there are none).</summary>
    public SpatialLayer? Of(IReadOnlyList<int> ids)
    {
        if (ids.Count == 0) return null;
        var layer = Find(ids[0]);
        if (layer is null || !layer.Contains(ids[^1])) return null;
        return layer; // ids are sorted: the first and last in one layer means all are
    }

    /// <summary>Writes every layer for a checkpoint (see <see cref="SpatialLayer.SaveCheckpoint"/>).</summary>
    public void SaveCheckpoint(Checkpoint.CheckpointWriter writer)
    {
        writer.Write(_layers.Count);
        foreach (var layer in _layers) layer.SaveCheckpoint(writer);
    }

    /// <summary>Adds the layers a checkpoint holds to this (new, empty) registry; their ids must follow each other.</summary>
    public void RestoreCheckpoint(Checkpoint.CheckpointReader reader)
    {
        int count = reader.ReadInt();
        if (count < 0) throw reader.Bad($"it names {count} layers");
        for (int k = 0; k < count; k++)
        {
            var layer = SpatialLayer.RestoreCheckpoint(reader);
            if (_layers.Count > 0 && layer.FirstId < _layers[^1].FirstId + _layers[^1].Count)
                throw reader.Bad($"its layer from id {layer.FirstId} overlaps the one before");
            _layers.Add(layer);
        }
    }

    /// <summary>Where a parameter drawn for node <paramref name="id"/> reads its position (none for a node without one).</summary>
    public ParameterSite SiteOfNode(int id) =>
        Find(id) is { } layer ? ParameterSite.ForNode(layer.PositionSpan(id - layer.FirstId)) : ParameterSite.None;
}
