namespace NestSharp.Kernel;

// Checkpoints of the models: the copies made with CopyModel, and the defaults of every model that CopyModel or
// SetDefaults changed (node models: their prototype's state; synapse models: their settable defaults and what their
// common dictionary keeps beyond its status).
internal sealed partial class ModelManager
{
    /// <summary>Node models made by CopyModel or changed by SetDefaults (the others still have the catalog's defaults).</summary>
    private readonly HashSet<string> _changedNodeModels = new(StringComparer.Ordinal);

    /// <summary>The node models whose defaults a checkpoint keeps.</summary>
    public IEnumerable<Nodes.NodeModel> ChangedNodeModels => _nodeModels.Values.Where(m => _changedNodeModels.Contains(m.Name)).OrderBy(m => m.Id);

    /// <summary>Writes the copies, in the order they were made, so a restore gives them the same ids.</summary>
    public void SaveCopies(CheckpointWriter writer)
    {
        var nodeCopies = _nodeModels.Values.Where(m => m.Name != m.TypeName).OrderBy(m => m.Id).ToArray();
        writer.Write(nodeCopies.Length);
        foreach (var model in nodeCopies)
        {
            writer.Write(model.TypeName);
            writer.Write(model.Name);
        }
        var synapseCopies = _synapseModels.Where(m => m.Name != m.Type.Name).ToArray();
        writer.Write(synapseCopies.Length);
        foreach (var model in synapseCopies)
        {
            writer.Write(model.Type.Name);
            writer.Write(model.Name);
        }
    }

    public void RestoreCopies(CheckpointReader reader)
    {
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            string existing = reader.ReadString();
            CopyModel(existing, reader.ReadString(), null);
        }
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            string existing = reader.ReadString();
            CopyModel(existing, reader.ReadString(), null);
        }
    }

    /// <summary>Writes the changed node models' prototypes and every synapse model's settable defaults.</summary>
    public void SaveDefaults(CheckpointWriter writer)
    {
        writer.Write(ModelsChanged);
        var changed = ChangedNodeModels.ToArray();
        writer.Write(changed.Length);
        foreach (var model in changed)
        {
            writer.Write(model.Name);
            model.Prototype.SaveState(writer);
        }
        writer.Write(_synapseModels.Count);
        foreach (var model in _synapseModels)
        {
            writer.Write(model.Name);
            var settable = model.Keys.ToHashSet(StringComparer.Ordinal);
            var defaults = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var (key, value) in model.GetDefaults(0))
            {
                // weight_recorder and volume_transmitter read as a text while unset
                if (settable.Contains(key) && value is not string) defaults[key] = value;
            }
            StatusCodec.Write(writer, defaults);
            // what the common dictionary keeps beyond its status (the e-prop optimizer's history of eta)
            writer.Write(model.CommonDictionary is not null);
            model.CommonDictionary?.SaveCheckpoint(writer);
        }
    }

    public void RestoreDefaults(CheckpointReader reader, RestoreContext context)
    {
        bool modelsChanged = reader.ReadBool();
        for (int n = reader.ReadInt(), i = 0; i < n; i++)
        {
            var model = NodeModel(reader.ReadString());
            model.Prototype.RestoreState(reader, context);
            _changedNodeModels.Add(model.Name);
        }
        int synapseModels = reader.ReadInt();
        if (synapseModels != _synapseModels.Count) throw reader.Bad($"it has {synapseModels} synapse models, this NestSharp {_synapseModels.Count} (with the copies)");
        for (int i = 0; i < synapseModels; i++)
        {
            string name = reader.ReadString();
            SetDefaultsOf(name, StatusCodec.Read(reader, context.Nodes));
            if (!reader.ReadBool()) continue;
            var model = SynapseModel(name);
            if (model.CommonDictionary is null) throw reader.Bad($"synapse model {name} has a common dictionary in the file, none here");
            model.RestoreCommonDictionary(reader);
        }
        ModelsChanged = modelsChanged;
    }
}
