using System.Text.Json.Nodes;
using PureHDF;

namespace NestSharp.Tests.Sonata;

/// <summary>
/// SonataNetwork on small SONATA networks written by the tests (<see cref="SmallSonataNetwork"/>): the network it builds
/// equals the one built by hand with Create/Connect (connections and spikes, for 1, 2 and 4 threads and any hyperslab
/// size), and bad input raises NEST's errors naming the file or key.
/// </summary>
public sealed class SonataNetworkTests : IDisposable
{
    private readonly SmallSonataNetwork _files = new();

    public void Dispose() => _files.Dispose();

    private (Simulator Nest, SonataNetwork Net) Open(int threads = 1)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", threads);
        return (nest, nest.SonataNetwork(_files.CircuitConfig, _files.SimulationConfig));
    }

    [Theory]
    [InlineData(1, 1L << 20)]
    [InlineData(1, 2L)]
    [InlineData(2, 3L)]
    [InlineData(4, 1L << 20)]
    [InlineData(4, 1L)]
    public void BuildNetwork_MakesTheConnectionsOfConnectByHand(int threads, long hyperslabSize)
    {
        var (nest, net) = Open(threads);
        var populations = net.BuildNetwork(hyperslabSize);
        var byHand = new Simulator();
        SmallSonataNetwork.BuildByHand(byHand);

        Assert.Equal(["exc", "inh", "input"], populations.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(SmallSonataNetwork.ExcTypes.Length + SmallSonataNetwork.InhTypes.Length + SmallSonataNetwork.InputCount,
            Convert.ToInt64(nest.GetKernelStatus("network_size")));
        string[] expected = SmallSonataNetwork.Connections(byHand);
        Assert.Equal(8 + 9 + 6 + 6, expected.Length);
        Assert.Equal(expected, SmallSonataNetwork.Connections(nest));
        Assert.Equal(byHand.NumConnections, nest.NumConnections);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4)]
    public void Simulate_GivesTheSpikesOfTheNetworkBuiltByHand(int threads)
    {
        var (nest, net) = Open(threads);
        var populations = net.BuildNetwork(hdf5HyperslabSize: 4);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(populations["exc"] + populations["inh"], recorder);
        net.Simulate();
        Assert.Equal(SmallSonataNetwork.TStop, nest.BiologicalTime);

        var byHand = new Simulator();
        var handPopulations = SmallSonataNetwork.BuildByHand(byHand);
        var handRecorder = byHand.Create("spike_recorder");
        byHand.Connect(handPopulations["exc"] + handPopulations["inh"], handRecorder);
        byHand.Simulate(SmallSonataNetwork.TStop);

        var expected = Spikes(handRecorder);
        Assert.True(expected.Length > 20, $"the network should spike ({expected.Length} spikes)");
        Assert.Equal(expected, Spikes(recorder));
    }

    private static (long Sender, double Time)[] Spikes(NodeCollection recorder)
    {
        var events = (Dictionary<string, object>)recorder.Get("events");
        var senders = (long[])events["senders"];
        var times = (double[])events["times"];
        return senders.Zip(times).OrderBy(s => s.Second).ThenBy(s => s.First).ToArray();
    }

    [Fact]
    public void EmptyEdgePopulation_LeavesTheOthersConnected()
    {
        _files.WriteEdges("exc_edges.h5", [
            ("a_empty", "exc", "exc", [], [], [], null, null),
            ("exc_to_exc", "exc", "exc", SmallSonataNetwork.ExcExcSource, SmallSonataNetwork.ExcExcTarget, SmallSonataNetwork.ExcExcType, null, null),
        ]);
        var (nest, net) = Open();
        net.BuildNetwork(hdf5HyperslabSize: 4);
        Assert.Equal(8 + 9 + 6, nest.NumConnections);
    }

    [Fact]
    public void Create_GivesEachNodeTypeItsModelAndDynamicsParams()
    {
        var (_, net) = Open();
        var populations = net.Create();

        var exc = populations["exc"];
        for (int i = 0; i < exc.Count; i++)
        {
            long type = SmallSonataNetwork.ExcTypes[i];
            Assert.Equal("iaf_psc_alpha", exc[i].Get("model"));
            foreach (var (key, value) in SmallSonataNetwork.CellParameters[type]) Assert.Equal(value, exc[i].Get(key));
        }
        var inh = populations["inh"];
        for (int i = 0; i < inh.Count; i++)
        {
            long type = SmallSonataNetwork.InhTypes[i];
            Assert.Equal(SmallSonataNetwork.ModelOfInhType(type), inh[i].Get("model"));
            foreach (var (key, value) in SmallSonataNetwork.CellParameters[type]) Assert.Equal(value, inh[i].Get(key));
        }
        var input = populations["input"];
        Assert.Equal(SmallSonataNetwork.InputCount, input.Count);
        for (int n = 0; n < input.Count; n++)
        {
            Assert.Equal("spike_train_injector", input[n].Get("model"));
            Assert.Equal(true, input[n].Get("allow_offgrid_times"));
            Assert.Equal(SmallSonataNetwork.InputSpikes.Where(s => s.Node == n).Count(), ((double[])input[n].Get("spike_times")).Length);
        }
        Assert.Same(populations, net.NodeCollections);
    }

    [Fact]
    public void Create_ReadsASpikeFileWithAGroupPerPopulation()
    {
        new H5File
        {
            ["spikes"] = new H5Group
            {
                ["input"] = new H5Group
                {
                    ["gids"] = SmallSonataNetwork.InputSpikes.Select(s => (ulong)s.Node).ToArray(),
                    ["timestamps"] = SmallSonataNetwork.InputSpikes.Select(s => s.Time).ToArray(),
                },
                ["other"] = new H5Group { ["gids"] = new ulong[] { 0 }, ["timestamps"] = new[] { 1.0 } },
            },
        }.Write(Path.Combine(_files.Folder, "inputs", "spikes.h5"));
        var (nest, net) = Open();
        var input = net.Create()["input"];
        var byHand = nest.Create("spike_train_injector", 1, new() { ["spike_times"] = new[] { 5.03, 40.27, 120.5 }, ["allow_offgrid_times"] = true });
        Assert.Equal((double[])byHand.Get("spike_times"), (double[])input[0].Get("spike_times"));
        Assert.Equal(3, ((double[])input[3].Get("spike_times")).Length);
    }

    [Fact]
    public void Constructor_ResolvesTheManifestAndSetsTheResolution()
    {
        var (nest, net) = Open();
        Assert.Equal(SmallSonataNetwork.Resolution, nest.Resolution);
        var nodes = (JsonArray)net.Config["networks"]!["nodes"]!;
        Assert.Equal(_files.NetworkFile("exc_nodes.h5"), (string)nodes[0]!["nodes_file"]!);
        Assert.Equal(Path.Combine(_files.Folder, "components", "cell_models"), (string)net.Config["components"]!["point_neuron_models_dir"]!);
        Assert.Equal(Path.Combine(_files.Folder, "inputs", "spikes.h5"), (string)net.Config["inputs"]!["spike_trains"]!["input_file"]!);
    }

    [Theory]
    [InlineData("/base", "./network", "/base/network")]
    [InlineData("/base", "${configdir}", "/base/${configdir}")]
    [InlineData("/base/", "/abs//x/./y", "/abs/x/y")]
    [InlineData("/base", "a/../b", "/base/a/../b")]
    public void ManifestPaths_JoinAsPathlibDoes(string basePath, string value, string expected) =>
        Assert.Equal(expected, NestSharp.Sonata.SonataConfig.JoinPosix(basePath, value));

    // ---------------------------------------------------------------- bad input

    [Fact]
    public void MissingConfigFile_IsFileNotFound_NamingTheFile()
    {
        string missing = Path.Combine(_files.Folder, "no_such_config.json");
        var error = Assert.Throws<FileNotFoundException>(() => new Simulator().SonataNetwork(missing));
        Assert.Contains(missing, error.Message);
    }

    [Fact]
    public void MissingDynamicsParamsFile_IsFileNotFound_NamingTheFile()
    {
        File.Delete(Path.Combine(_files.Folder, "components", "cell_models", "type11.json"));
        var (_, net) = Open();
        var error = Assert.Throws<FileNotFoundException>(() => net.Create());
        Assert.Contains("type11.json", error.Message);
    }

    [Fact]
    public void MissingEdgesFile_IsFileNotFound_NamingTheFile_AndConnectsNothing()
    {
        File.Delete(_files.NetworkFile("inh_exc_edges.h5"));
        var (nest, net) = Open();
        net.Create();
        var error = Assert.Throws<FileNotFoundException>(() => net.Connect());
        Assert.Contains(_files.NetworkFile("inh_exc_edges.h5"), error.Message);
        Assert.Equal(0, nest.NumConnections);
    }

    [Fact]
    public void UnknownNodeModelTemplate_IsUnknownModelName()
    {
        _files.WriteText("network/inh_node_types.csv",
            "node_type_id model_type model_template dynamics_params\n20 point_neuron nest:iaf_psc_nope type20.json\n21 point_neuron nest:iaf_psc_exp type21.json\n");
        var (_, net) = Open();
        var error = Assert.Throws<UnknownModelNameException>(() => net.Create());
        Assert.Contains("'iaf_psc_nope'", error.Message);
    }

    [Fact]
    public void UnknownEdgeModelTemplate_IsUnknownModelName()
    {
        _files.WriteText("network/inh_exc_edge_types.csv", "edge_type_id model_template syn_weight delay\n4 stdp_synapse_nope -40.0 1.0\n");
        var (nest, net) = Open();
        net.Create();
        var error = Assert.Throws<UnknownModelNameException>(() => net.Connect());
        Assert.Contains("'stdp_synapse_nope'", error.Message);
        Assert.Equal(0, nest.NumConnections);
    }

    [Fact]
    public void EdgeModelTemplateNamingANeuron_IsUnknownSynapseType()
    {
        _files.WriteText("network/inh_exc_edge_types.csv", "edge_type_id model_template syn_weight delay\n4 iaf_psc_alpha -40.0 1.0\n");
        var (_, net) = Open();
        net.Create();
        var error = Assert.Throws<UnknownSynapseTypeException>(() => net.Connect());
        Assert.Equal("Synapse with name iaf_psc_alpha does not exist.", error.Message);
    }

    [Fact]
    public void MissingRequiredDataset_IsAKernelException_NamingDatasetAndFile_AndConnectsNothing()
    {
        _files.WriteEdges("exc_edges.h5",
            [("exc_to_exc", "exc", "exc", SmallSonataNetwork.ExcExcSource, SmallSonataNetwork.ExcExcTarget, SmallSonataNetwork.ExcExcType, null, null)],
            leaveOut: "edge_type_id");
        var (nest, net) = Open();
        net.Create();
        var error = Assert.Throws<KernelException>(() => net.Connect());
        Assert.StartsWith($"Could not open edge_type_id dataset in {_files.NetworkFile("exc_edges.h5")}", error.Message);
        Assert.Equal(0, nest.NumConnections); // the good file before it was not connected either
    }

    [Fact]
    public void DatasetsOfDifferentSizes_AreAKernelException()
    {
        _files.WriteEdges("exc_edges.h5",
            [("exc_to_exc", "exc", "exc", SmallSonataNetwork.ExcExcSource, SmallSonataNetwork.ExcExcTarget, SmallSonataNetwork.ExcExcType, null, [1.0, 2.0])]);
        var (_, net) = Open();
        net.Create();
        var error = Assert.Throws<KernelException>(() => net.Connect());
        Assert.Equal($"target_node_id and delay datasets in {_files.NetworkFile("exc_edges.h5")} must be of the same size", error.Message);
    }

    [Fact]
    public void EdgeTypeNotListed_IsAKernelException_NamingTheTypeAndFile()
    {
        _files.WriteEdges("exc_edges.h5",
            [("exc_to_exc", "exc", "exc", SmallSonataNetwork.ExcExcSource, SmallSonataNetwork.ExcExcTarget, [2, 3, 2, 3, 2, 3, 3, 2, 7], null, null)]);
        var (nest, net) = Open();
        net.Create();
        var error = Assert.Throws<KernelException>(() => net.Connect());
        Assert.Contains("edge_type_id 7", error.Message);
        Assert.Contains(_files.NetworkFile("exc_edges.h5"), error.Message);
        Assert.Equal(0, nest.NumConnections);
    }

    [Fact]
    public void NodeIdOutsideItsPopulation_IsAKernelException()
    {
        _files.WriteEdges("exc_edges.h5",
            [("exc_to_inh", "exc", "inh", [0, 1], [0, 5], [2, 2], null, null)]);
        var (_, net) = Open();
        net.Create();
        var error = Assert.Throws<KernelException>(() => net.Connect());
        Assert.Contains("target_node_id 5 of edge 1", error.Message);
        Assert.Contains("population of 5 nodes", error.Message);
    }

    [Fact]
    public void EdgePopulationNamingNoNodePopulation_IsAKernelException()
    {
        _files.WriteEdges("exc_edges.h5", [("exc_to_x", "exc", "nowhere", [0], [0], [2], null, null)]);
        var (_, net) = Open();
        net.Create();
        var error = Assert.Throws<KernelException>(() => net.Connect());
        Assert.Contains("'nowhere'", error.Message);
        Assert.Contains(_files.NetworkFile("exc_edges.h5"), error.Message);
    }

    [Fact]
    public void NodeSetThatDoesNotExist_LeavesTheVirtualPopulationWithoutInput()
    {
        _files.WriteSimulationConfig("inputs_that_do_not_exist");
        var (_, net) = Open();
        var error = Assert.Throws<ArgumentException>(() => net.Create());
        Assert.StartsWith("Could not find an input file for population input in config file", error.Message);
    }

    [Fact]
    public void NodeTypesTableWithoutModelTemplate_IsAValueError_NamingTheFile()
    {
        _files.WriteText("network/exc_node_types.csv", "node_type_id model_type dynamics_params\n10 point_process type10.json\n");
        var (_, net) = Open();
        var error = Assert.Throws<ArgumentException>(() => net.Create());
        Assert.Equal($"Missing the required 'model_template' header specifying NEST neuron models in {_files.NetworkFile("exc_node_types.csv")}.", error.Message);
    }

    [Fact]
    public void MixedModelTypes_AreAValueError()
    {
        _files.WriteText("network/exc_node_types.csv",
            "node_type_id model_type model_template dynamics_params\n10 point_process nest:iaf_psc_alpha type10.json\n11 virtual nest:iaf_psc_alpha type11.json\n");
        var (_, net) = Open();
        var error = Assert.Throws<ArgumentException>(() => net.Create());
        Assert.Equal($"Only one model type per node types CSV file is supported. {_files.NetworkFile("exc_node_types.csv")} contains more than one.", error.Message);
    }

    [Fact]
    public void TargetSimulatorOtherThanNest_IsAValueError()
    {
        _files.WriteText("simulation_config.json", File.ReadAllText(_files.SimulationConfig).Replace("\"NEST\"", "\"NEURON\"", StringComparison.Ordinal));
        var error = Assert.Throws<ArgumentException>(() => Open());
        Assert.Equal("'target_simulator' in configuration file must be 'NEST'.", error.Message);
    }

    [Fact]
    public void OutOfOrderCalls_AreRuntimeErrors_AndTheHyperslabSizeMustBePositive()
    {
        var (_, net) = Open();
        Assert.Equal("The SONATA network nodes must be created before any connections can be made.",
            Assert.Throws<InvalidOperationException>(() => net.Connect()).Message);
        Assert.Equal("The SONATA network must be built before a simulation can be done.",
            Assert.Throws<InvalidOperationException>(net.Simulate).Message);
        Assert.Equal("hdf5_hyperslab_size must be strictly positive",
            Assert.Throws<ArgumentException>(() => net.BuildNetwork(0)).Message);
        Assert.Empty(net.NodeCollections); // the size was checked before anything was created
    }
}
