namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// Node positions of spatial layers in checkpoints: a network of a periodic 2D grid layer and a 3D layer of drawn free
/// positions, connected by distance-dependent rules, split at 23.4 ms and restored (1, 2 threads and across): the
/// positions, the layers' geometry and, after a spatial Connect made after the restore, every connection and spike
/// equal those of the uninterrupted run.
/// </summary>
public sealed class CheckpointSpatialTests : IDisposable
{
    private const int GridNodes = 36;
    private const int FreeNodes = 40;
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-spatial-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    private static Dictionary<string, object> Circle(double radius) => D(("circular", D(("radius", radius))));

    /// <summary>The network up to the split: both layers, their input, a spatial connection between them, a recorder.</summary>
    private static void Build(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 17L, ["local_num_threads"] = threads });
        var grid = nest.Create("iaf_psc_alpha", Positions.Grid([6, 6], extent: [6.0, 6.0], center: [0.5, -0.5], edgeWrap: true),
            new() { ["I_e"] = 300.0 + 20.0 * Spatial.Position(0) });
        var free = nest.Create("iaf_psc_exp", Positions.Free(nest.Random.Uniform(-1.5, 1.5), numDimensions: 3), n: FreeNodes);
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 8000.0 });
        nest.Connect(noise, grid, syn: new Dictionary<string, object> { ["weight"] = 12.0, ["delay"] = 1.0 });
        nest.Connect(noise, free, syn: new Dictionary<string, object> { ["weight"] = 12.0, ["delay"] = 1.0 });
        var grid3D = nest.Create("parrot_neuron", Positions.Grid([2, 2, 2], extent: [3.0, 3.0, 3.0]));
        nest.ConnectLayers(free, grid3D, D(("rule", "pairwise_bernoulli"), ("p", SpatialDistributions.Gaussian(Spatial.Distance, std: 1.5))),
            [new SynSpec { Weight = 1.0, Delay = 1.0 + Spatial.Distance }]);
        nest.ConnectLayers(grid, grid, D(("rule", "pairwise_bernoulli"), ("mask", Circle(1.5)), ("p", 0.6)),
            [new SynSpec { Weight = nest.Random.Normal(40.0, 5.0), Delay = 1.0 + 0.5 * Spatial.Distance }]);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(nest.Nodes([.. Enumerable.Range(1, GridNodes + FreeNodes)]), recorder);
    }

    /// <summary>After the split: a spatial Connect that draws (fixed in-degree inside a mask, weights by distance), then the run on.</summary>
    private static void ConnectAndRunOn(Simulator nest)
    {
        var grid = nest.Nodes([.. Enumerable.Range(1, GridNodes)]);
        nest.ConnectLayers(grid, grid, D(("rule", "fixed_indegree"), ("indegree", 3), ("mask", Circle(2.0))),
            [new SynSpec { Weight = nest.Random.Uniform(10.0, 30.0) * Spatial.Distance, Delay = 1.5 }]);
        nest.Simulate(30.0);
    }

    private static (string Positions, string Connections, string Spikes) Observe(Simulator nest)
    {
        var grid = nest.Nodes([.. Enumerable.Range(1, GridNodes)]);
        var free = nest.Nodes([.. Enumerable.Range(GridNodes + 1, FreeNodes)]);
        var grid3D = nest.Nodes([.. Enumerable.Range(GridNodes + FreeNodes + 2, 8)]);
        string positions = string.Join(";", new[] { grid, free, grid3D }.Select(layer =>
            string.Join(",", nest.GetPosition(layer).SelectMany(p => p).Select(x => BitConverter.DoubleToInt64Bits(x)))
            + string.Join(",", nest.GetSpatial(layer)!.OrderBy(e => e.Key, StringComparer.Ordinal).Select(e => $"{e.Key}={Format(e.Value)}"))));
        var c = nest.GetConnections();
        string connections = string.Join(";", c.Source.Zip(c.Target, c.Weight).Zip(c.Delay)
            .Select(x => $"{x.First.First}>{x.First.Second}:{BitConverter.DoubleToInt64Bits(x.First.Third)}/{x.Second}").Order(StringComparer.Ordinal));
        var events = (Dictionary<string, object>)nest.Nodes(GridNodes + FreeNodes + 10).Get("events");
        string spikes = string.Join(";", ((long[])events["senders"]).Zip((double[])events["times"]).Select(x => $"{x.First}@{x.Second:R}").Order(StringComparer.Ordinal));
        return (positions, connections, spikes);
    }

    private static string Format(object value) => value switch
    {
        double[] values => string.Join(" ", values.Select(v => v.ToString("R", System.Globalization.CultureInfo.InvariantCulture))),
        long[] values => string.Join(" ", values),
        System.Collections.IEnumerable values and not string => string.Join(" ", values.Cast<object>()),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(1, 2)]
    [InlineData(2, 1)]
    public void SplitRun_WithASpatialConnectAfterTheRestore_EqualsTheUninterruptedRun(int savedThreads, int restoredThreads)
    {
        var whole = new Simulator();
        Build(whole, savedThreads);
        whole.Simulate(23.4);
        ConnectAndRunOn(whole);
        var expected = Observe(whole);

        var saving = new Simulator();
        Build(saving, savedThreads);
        saving.Simulate(23.4);
        string path = Path.Combine(_folder, "spatial.nscp");
        saving.SaveCheckpoint(path);

        var restored = new Simulator();
        restored.LoadCheckpoint(path, restoredThreads);
        Assert.Equal(23.4, restored.BiologicalTime, 12);
        ConnectAndRunOn(restored);
        var actual = Observe(restored);

        Assert.Equal(expected.Positions, actual.Positions);
        Assert.Equal(expected.Connections, actual.Connections);
        Assert.Equal(expected.Spikes, actual.Spikes);
        Assert.True(expected.Spikes.Split(';').Count(s => double.Parse(s.Split('@')[1], System.Globalization.CultureInfo.InvariantCulture) > 23.4) > 20,
            "the network hardly fired after the split: the test would see little");
    }

    [Fact]
    public void Restored_ANodeCollectionOfALayer_IsSpatialAgain()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 2], extent: [3.0, 2.0], center: [1.0, 0.0], edgeWrap: true));
        string path = Path.Combine(_folder, "grid.nscp");
        nest.SaveCheckpoint(path);
        var restored = new Simulator();
        restored.LoadCheckpoint(path);
        var again = restored.Nodes([.. layer.Ids]);
        Assert.Equal(nest.GetPosition(layer), restored.GetPosition(again));
        Assert.NotNull(restored.LayerOf(again));
        Assert.True(restored.LayerOf(again)!.EdgeWrap);
        Assert.Equal([3, 2], restored.LayerOf(again)!.Shape!);
        Assert.Throws<LayerExpectedException>(() => restored.GetPosition(restored.Create("iaf_psc_alpha", 1)));
    }
}
