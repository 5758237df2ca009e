using PureHDF;
using PureHDF.VOL.Native;

namespace NestSharp.Sonata;

/// <summary>
/// Makes the connections of SONATA edge files (NEST's SonataConnector): each edge of a population group
/// (<c>/edges/&lt;population&gt;</c>) connects node <c>source_node_id</c> of the population named by that dataset's
/// <c>node_population</c> attribute to node <c>target_node_id</c> of the target population, with the synapse model and
/// parameters of its <c>edge_type_id</c>; its weight and delay come from the edge group's <c>syn_weight</c> and
/// <c>delay</c> datasets where they exist, else from the edge type, else from the model's defaults.
/// </summary>
/// <remarks>
/// The datasets are read in hyperslabs of a given number of rows. Each hyperslab becomes one one_to_one Connect per
/// synapse model, with the edges of that model in file order, so every source's synapses of a model are made in the
/// file's order, as NEST makes them, whatever the hyperslab size and the number of threads. Every file is opened and
/// checked first (groups, datasets, sizes, populations, edge types, node ids in range), before any connection is made.
/// </remarks>
internal sealed class SonataConnector(Simulator nest, IReadOnlyDictionary<string, NodeCollection> populations,
    IReadOnlyList<SonataEdgeFile> files, long hyperslabSize)
{
    /// <summary>Synapse defaults that are no per-connection parameters of an edge type (NEST's skip list).</summary>
    private static readonly HashSet<string> SkippedParameters =
        ["weight", "delay", "min_delay", "max_delay", "num_connections", "synapse_model"];

    /// <summary>Checks every edge file, then connects them in order.</summary>
    public void Connect()
    {
        var plans = new List<EdgeFilePlan>();
        try
        {
            foreach (var file in files) plans.Add(Plan(file));
            foreach (var plan in plans)
            {
                foreach (var group in plan.Groups) ConnectGroup(plan, group);
            }
        }
        finally
        {
            foreach (var plan in plans) plan.File.Dispose();
        }
    }

    // ---------------------------------------------------------------- checks

    private sealed record EdgeType(string Model, double Weight, double Delay, Dictionary<string, object> Parameters);

    private sealed record EdgeFilePlan(string Path, NativeFile File, Dictionary<long, EdgeType> Types, List<EdgeGroupPlan> Groups);

    private sealed record EdgeGroupPlan(string Name, IH5Dataset Sources, IH5Dataset Targets, IH5Dataset TypeIds,
        IH5Dataset? Weights, IH5Dataset? Delays, NodeCollection SourceNodes, NodeCollection TargetNodes, long Rows);

    private EdgeFilePlan Plan(SonataEdgeFile edgeFile)
    {
        string path = edgeFile.EdgesFile;
        NativeFile file;
        try
        {
            file = H5File.OpenRead(path);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KernelException($"Could not open HDF5 file {path}: {e.Message}");
        }
        try
        {
            var top = OpenGroup(file, "edges", path);
            var types = EdgeTypes(edgeFile, path);
            var groups = new List<EdgeGroupPlan>();
            foreach (var child in top.Children().OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                var population = OpenGroup(top, child.Name, path);
                groups.Add(PlanGroup(population, child.Name, path, types));
            }
            return new EdgeFilePlan(path, file, types, groups);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    private Dictionary<long, EdgeType> EdgeTypes(SonataEdgeFile edgeFile, string path)
    {
        var types = new Dictionary<long, EdgeType>();
        var synapseModels = new HashSet<string>(nest.SynapseModels(), StringComparer.Ordinal);
        foreach (var (key, spec) in edgeFile.SynSpecs)
        {
            if (!long.TryParse(key, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out long typeId))
                throw new BadPropertyException("edge_type_id", key, $"an edge type id must be an integer (in the edge types of {path})");
            string model = spec.TryGetValue("synapse_model", out var m) && m is string name ? name : "";
            if (!synapseModels.Contains(model)) throw new UnknownSynapseTypeException(model);
            var defaults = nest.GetDefaults(model);
            var parameters = new Dictionary<string, object>(StringComparer.Ordinal);
            foreach (var parameter in defaults.Keys)
            {
                if (SkippedParameters.Contains(parameter) || !spec.TryGetValue(parameter, out var value)) continue;
                parameters[parameter] = value switch
                {
                    long or double => value,
                    bool b => b ? 1L : 0L,
                    _ => throw new BadPropertyException(parameter, value, $"a synapse parameter of edge type {typeId} must be a number (edge types of {path})"),
                };
            }
            types[typeId] = new EdgeType(model, Property(spec, "weight", typeId, path), Property(spec, "delay", typeId, path), parameters);
        }
        return types;
    }

    /// <summary>The edge type's weight or delay, NaN when it gives none (the model's default applies).</summary>
    private static double Property(Dictionary<string, object> spec, string name, long typeId, string path) =>
        !spec.TryGetValue(name, out var value) ? double.NaN : value switch
        {
            double d => d,
            long l => l,
            _ => throw new TypeMismatchException(name, value, $"a number (edge type {typeId} of {path})"),
        };

    private EdgeGroupPlan PlanGroup(IH5Group population, string name, string path, Dictionary<long, EdgeType> types)
    {
        var edgeGroups = population.Children().Where(c => c.Name.Length > 0 && c.Name.All(char.IsAsciiDigit)).ToArray();
        if (edgeGroups.Length != 1)
            throw new NestNotImplementedException("Connecting with SONATA files with more than one edge group is currently not implemented");
        var edgeGroup = OpenGroup(population, edgeGroups[0].Name, path);

        var sources = OpenDataset(population, "source_node_id", path);
        var targets = OpenDataset(population, "target_node_id", path);
        var typeIds = OpenDataset(population, "edge_type_id", path);
        var weights = edgeGroup.LinkExists("syn_weight") ? OpenDataset(edgeGroup, "syn_weight", path) : null;
        var delays = edgeGroup.LinkExists("delay") ? OpenDataset(edgeGroup, "delay", path) : null;

        long rows = Hdf5Columns.Rows(targets);
        if (rows != Hdf5Columns.Rows(sources))
            throw new KernelException($"target_node_id and source_node_id datasets in {path} must be of the same size");
        if (rows != Hdf5Columns.Rows(typeIds))
            throw new KernelException($"target_node_id and edge_type_id datasets in {path} must be of the same size");
        if (weights is not null && rows != Hdf5Columns.Rows(weights))
            throw new KernelException($"target_node_id and syn_weight datasets in {path} must be of the same size");
        if (delays is not null && rows != Hdf5Columns.Rows(delays))
            throw new KernelException($"target_node_id and delay datasets in {path} must be of the same size");

        var sourceNodes = PopulationOf(sources, "source_node_id", path);
        var targetNodes = PopulationOf(targets, "target_node_id", path);
        var plan = new EdgeGroupPlan(name, sources, targets, typeIds, weights, delays, sourceNodes, targetNodes, rows);
        CheckRows(plan, path, types);
        return plan;
    }

    private NodeCollection PopulationOf(IH5Dataset dataset, string datasetName, string path)
    {
        string population;
        try
        {
            population = Hdf5Columns.ReadStringAttribute(dataset, "node_population");
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KernelException($"Unable to read attribute of source_node_id or target_node_id in {path}: {e.Message}");
        }
        return populations.TryGetValue(population, out var nodes)
            ? nodes
            : throw new KernelException($"The node_population '{population}' of {datasetName} in {path} is not a population of the network (populations: {string.Join(", ", populations.Keys.Order(StringComparer.Ordinal))}).");
    }

    /// <summary>Every edge's node ids lie in their populations and its edge type is listed.</summary>
    private void CheckRows(EdgeGroupPlan plan, string path, Dictionary<long, EdgeType> types)
    {
        long chunk = hyperslabSize;
        for (long offset = 0; offset < plan.Rows; offset += chunk)
        {
            long count = Math.Min(chunk, plan.Rows - offset);
            CheckIds(Read(plan.Sources, offset, count, path), plan.SourceNodes.Count, "source_node_id", offset, path);
            CheckIds(Read(plan.Targets, offset, count, path), plan.TargetNodes.Count, "target_node_id", offset, path);
            long[] typeIds = Read(plan.TypeIds, offset, count, path);
            for (int i = 0; i < typeIds.Length; i++)
            {
                if (!types.ContainsKey(typeIds[i]))
                    throw new KernelException($"The edge_type_id {typeIds[i]} of edge {offset + i} in {path} is not listed in its edge types file (listed: {string.Join(", ", types.Keys.Order())}).");
            }
        }
    }

    private static void CheckIds(long[] ids, int populationSize, string dataset, long offset, string path)
    {
        for (int i = 0; i < ids.Length; i++)
        {
            if (ids[i] < 0 || ids[i] >= populationSize)
                throw new KernelException($"The {dataset} {ids[i]} of edge {offset + i} in {path} is outside its population of {populationSize} nodes.");
        }
    }

    private static IH5Group OpenGroup(IH5Group parent, string name, string path)
    {
        try
        {
            return parent.LinkExists(name) && parent.Get(name) is IH5Group group ? group : throw new KernelException($"Could not open HDF5 group {name} in {path}: there is no group '{name}' in {parent.Name}");
        }
        catch (Exception e) when (e is not KernelException and not OutOfMemoryException)
        {
            throw new KernelException($"Could not open HDF5 group {name} in {path}: {e.Message}");
        }
    }

    private static IH5Dataset OpenDataset(IH5Group group, string name, string path)
    {
        try
        {
            return group.LinkExists(name) && group.Get(name) is IH5Dataset dataset ? dataset : throw new KernelException($"Could not open {name} dataset in {path}: there is no dataset '{name}' in {group.Name}");
        }
        catch (Exception e) when (e is not KernelException and not OutOfMemoryException)
        {
            throw new KernelException($"Could not open {name} dataset in {path}: {e.Message}");
        }
    }

    private static long[] Read(IH5Dataset dataset, long offset, long count, string path)
    {
        try
        {
            return Hdf5Columns.ReadLongs(dataset, offset, count);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KernelException($"Unable to read datasets in {path}: {e.Message}");
        }
    }

    private static double[] ReadReals(IH5Dataset dataset, long offset, long count, string path)
    {
        try
        {
            return Hdf5Columns.ReadDoubles(dataset, offset, count);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new KernelException($"Unable to read datasets in {path}: {e.Message}");
        }
    }

    // ---------------------------------------------------------------- connecting

    private void ConnectGroup(EdgeFilePlan plan, EdgeGroupPlan group)
    {
        for (long offset = 0; offset < group.Rows; offset += hyperslabSize)
            ConnectChunk(plan, group, offset, Math.Min(hyperslabSize, group.Rows - offset));
    }

    private void ConnectChunk(EdgeFilePlan plan, EdgeGroupPlan group, long offset, long count)
    {
        long[] sources = Read(group.Sources, offset, count, plan.Path);
        long[] targets = Read(group.Targets, offset, count, plan.Path);
        long[] typeIds = Read(group.TypeIds, offset, count, plan.Path);
        double[]? weights = group.Weights is null ? null : ReadReals(group.Weights, offset, count, plan.Path);
        double[]? delays = group.Delays is null ? null : ReadReals(group.Delays, offset, count, plan.Path);
        int[] sourceIds = group.SourceNodes.IdArray, targetIds = group.TargetNodes.IdArray;

        // the chunk's edges by synapse model, each in file order
        var byModel = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < count; i++)
        {
            string model = plan.Types[typeIds[i]].Model;
            if (!byModel.TryGetValue(model, out var edges)) byModel[model] = edges = [];
            edges.Add(i);
        }
        foreach (var (model, edges) in byModel)
        {
            var defaults = nest.GetDefaults(model);
            int n = edges.Count;
            var pre = new long[n];
            var post = new long[n];
            var weight = new double[n];
            var delay = new double[n];
            bool anyWeight = false, anyDelay = false;
            var parameterNames = new SortedSet<string>(StringComparer.Ordinal);
            for (int k = 0; k < n; k++)
            {
                int i = edges[k];
                var type = plan.Types[typeIds[i]];
                pre[k] = sourceIds[sources[i]];
                post[k] = targetIds[targets[i]];
                weight[k] = weights is not null ? weights[i] : type.Weight;
                delay[k] = delays is not null ? delays[i] : type.Delay;
                anyWeight |= !double.IsNaN(weight[k]);
                anyDelay |= !double.IsNaN(delay[k]);
                parameterNames.UnionWith(type.Parameters.Keys);
            }
            var syn = new Dictionary<string, object>(StringComparer.Ordinal) { ["synapse_model"] = model };
            if (anyWeight) syn["weight"] = WithDefault(weight, defaults["weight"]);
            if (anyDelay) syn["delay"] = WithDefault(delay, defaults["delay"]);
            foreach (string name in parameterNames) syn[name] = ParameterValues(plan, typeIds, edges, name, defaults[name]);
            nest.Connect(pre, post, "one_to_one", syn);
        }
    }

    /// <summary>The values with NaN (not given) replaced by the model's default.</summary>
    private static double[] WithDefault(double[] values, object fallback)
    {
        double d = Convert.ToDouble(fallback, System.Globalization.CultureInfo.InvariantCulture);
        for (int k = 0; k < values.Length; k++) if (double.IsNaN(values[k])) values[k] = d;
        return values;
    }

    /// <summary>One value of parameter <paramref name="name"/> per edge: the edge type's, else the model's default; integers stay integers.</summary>
    private static object ParameterValues(EdgeFilePlan plan, long[] typeIds, List<int> edges, string name, object fallback)
    {
        var values = new object[edges.Count];
        bool integers = true;
        for (int k = 0; k < values.Length; k++)
        {
            values[k] = plan.Types[typeIds[edges[k]]].Parameters.TryGetValue(name, out var v) ? v : fallback;
            integers &= values[k] is long or int;
        }
        return integers
            ? Array.ConvertAll(values, v => Convert.ToInt64(v, System.Globalization.CultureInfo.InvariantCulture))
            : Array.ConvertAll(values, v => Convert.ToDouble(v, System.Globalization.CultureInfo.InvariantCulture));
    }
}
