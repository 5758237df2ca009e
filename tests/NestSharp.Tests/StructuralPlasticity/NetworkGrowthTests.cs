namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>One 40 s run of the <see cref="SmallStructuralNetwork"/>, a snapshot after every structural update.</summary>
public sealed class GrowingNetworkRun
{
    public const int Seconds = 40;

    public GrowingNetworkRun()
    {
        var network = new SmallStructuralNetwork();
        var snapshots = new List<StructuralSnapshot>();
        for (int s = 1; s <= Seconds; s++)
        {
            // Synapses change only at the updates (at the start of each second); between them the snapshot holds.
            network.Nest.Simulate(SmallStructuralNetwork.UpdateIntervalMs);
            var connections = new Dictionary<string, (long, long)[]>();
            var connected = new Dictionary<string, Dictionary<long, long>>();
            var counts = new Dictionary<string, long>();
            foreach (var (model, pre, post) in SmallStructuralNetwork.SynapseTypes)
            {
                connections[model] = network.Connections(model);
                connected[pre] = network.ConnectedElements(pre);
                connected[post] = network.ConnectedElements(post);
                counts[model] = (long)network.Nest.GetDefaults(model)["num_connections"];
            }
            snapshots.Add(new StructuralSnapshot(
                network.Nest.BiologicalTime,
                network.Excitatory.GetValues<double>("Ca").Average(),
                network.Inhibitory.GetValues<double>("Ca").Average(),
                connections, connected, counts));
        }
        Snapshots = snapshots;
        Owners = SmallStructuralNetwork.SynapseTypes
            .SelectMany(t => new[] { t.Pre, t.Post })
            .ToDictionary(e => e, e => network.Owners(e));
    }

    internal IReadOnlyList<StructuralSnapshot> Snapshots { get; }

    /// <summary>For each element name, the neurons that have it.</summary>
    internal IReadOnlyDictionary<string, HashSet<long>> Owners { get; }
}

/// <summary>
/// Creation and deletion of synapses in a growing network: the bookkeeping of bound synaptic elements against the
/// synapses that exist, after every structural update, and the homeostatic growth from zero connectivity.
/// </summary>
[Trait("Category", "Slow")]
public sealed class NetworkGrowthTests(GrowingNetworkRun run) : IClassFixture<GrowingNetworkRun>
{
    public static TheoryData<string, string, string> SynapseTypes => new()
    {
        { "synapse_ex", "Axon_ex", "Den_ex" },
        { "synapse_in", "Axon_in", "Den_in" },
    };

    public static TheoryData<string, string> PreSynapticElements => new() { { "synapse_ex", "Axon_ex" }, { "synapse_in", "Axon_in" } };

    public static TheoryData<string, string> PostSynapticElements => new() { { "synapse_ex", "Den_ex" }, { "synapse_in", "Den_in" } };

    private static Dictionary<long, long> CountBy(IEnumerable<long> ids) =>
        ids.GroupBy(id => id).ToDictionary(g => g.Key, g => (long)g.Count());

    [Theory]
    [MemberData(nameof(PreSynapticElements))]
    public void BoundPreSynapticElements_EqualOutgoingSynapses_AfterEveryUpdate(string model, string pre)
    {
        foreach (var snapshot in run.Snapshots)
        {
            var outgoing = CountBy(snapshot.Connections[model].Select(c => c.Source));
            foreach (var (id, connected) in snapshot.Connected[pre])
            {
                Assert.True(outgoing.GetValueOrDefault(id) == connected,
                    $"t = {snapshot.TimeMs} ms, node {id}: {pre}.z_connected = {connected}, outgoing {model} = {outgoing.GetValueOrDefault(id)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(PostSynapticElements))]
    public void BoundPostSynapticElements_EqualIncomingSynapses_AfterEveryUpdate(string model, string post)
    {
        foreach (var snapshot in run.Snapshots)
        {
            var incoming = CountBy(snapshot.Connections[model].Select(c => c.Target));
            foreach (var (id, connected) in snapshot.Connected[post])
            {
                Assert.True(incoming.GetValueOrDefault(id) == connected,
                    $"t = {snapshot.TimeMs} ms, node {id}: {post}.z_connected = {connected}, incoming {model} = {incoming.GetValueOrDefault(id)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(SynapseTypes))]
    public void TotalsOfBoundElements_EqualTheNumberOfSynapses_AfterEveryUpdate(string model, string pre, string post)
    {
        foreach (var snapshot in run.Snapshots)
        {
            long synapses = snapshot.Connections[model].Length;
            Assert.Equal(synapses, snapshot.NumConnections[model]);
            Assert.Equal(synapses, snapshot.Connected[pre].Values.Sum());
            Assert.Equal(synapses, snapshot.Connected[post].Values.Sum());
        }
    }

    [Theory]
    [MemberData(nameof(SynapseTypes))]
    public void EverySynapse_JoinsAnOwnerOfThePreElementToAnOwnerOfThePostElement(string model, string pre, string post)
    {
        foreach (var snapshot in run.Snapshots)
        {
            foreach (var (source, target) in snapshot.Connections[model])
            {
                Assert.Contains(source, run.Owners[pre]);
                Assert.Contains(target, run.Owners[post]);
            }
        }
        // Only inhibitory neurons have Axon_in, only excitatory ones Axon_ex.
        Assert.Equal(model == "synapse_ex" ? SmallStructuralNetwork.NumberExcitatory : SmallStructuralNetwork.NumberInhibitory, run.Owners[pre].Count);
    }

    [Fact]
    public void Connectivity_StartsFromZero_AndSynapsesOfBothTypesAreCreated()
    {
        var first = run.Snapshots[0];
        Assert.Empty(first.Connections["synapse_ex"]);
        Assert.Empty(first.Connections["synapse_in"]);
        Assert.Contains(run.Snapshots, s => s.Connections["synapse_ex"].Length > 0);
        Assert.Contains(run.Snapshots, s => s.Connections["synapse_in"].Length > 0);
    }

    [Fact]
    public void Synapses_AreDeleted_WhenCalciumOvershootsItsTarget()
    {
        // Once the excitatory Ca is above its set point, elements retract and the next updates remove excitatory synapses.
        var s = run.Snapshots;
        int overshoot = Enumerable.Range(0, s.Count).First(k => s[k].MeanCaE > SmallStructuralNetwork.EpsE);
        var counts = s.Select(x => x.Connections["synapse_ex"].Length).ToArray();
        Assert.Contains(Enumerable.Range(overshoot + 1, s.Count - overshoot - 1), k => counts[k] < counts[k - 1]);
        Assert.True(counts[overshoot..].Min() < counts[overshoot..].Max() / 2, $"excitatory synapses from the overshoot on: {string.Join(", ", counts[overshoot..])}");
    }

    [Fact]
    public void MeanCalcium_ApproachesItsTarget()
    {
        // Ca starts at 0; over the last ten seconds its mean is much nearer the set point than at the start.
        var first = run.Snapshots[0];
        var last = run.Snapshots.TakeLast(10).ToArray();
        double distanceE = Math.Abs(last.Average(s => s.MeanCaE) - SmallStructuralNetwork.EpsE);
        double distanceI = Math.Abs(last.Average(s => s.MeanCaI) - SmallStructuralNetwork.EpsI);

        Assert.True(distanceE < 0.5 * Math.Abs(first.MeanCaE - SmallStructuralNetwork.EpsE), $"excitatory: {last.Average(s => s.MeanCaE)} vs {SmallStructuralNetwork.EpsE}");
        Assert.True(distanceI < 0.75 * Math.Abs(first.MeanCaI - SmallStructuralNetwork.EpsI), $"inhibitory: {last.Average(s => s.MeanCaI)} vs {SmallStructuralNetwork.EpsI}");
    }
}
