namespace NestSharp.Tests.Kernel;

public sealed class NodeCollectionTests
{
    [Fact]
    public void Create_NumbersNodesFromOne()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 3);
        var b = nest.Create("parrot_neuron", 2);
        Assert.Equal(new[] { 1, 2, 3 }, a.Ids);
        Assert.Equal(new[] { 4, 5 }, b.Ids);
    }

    [Fact]
    public void RangesStepsAndIndices_SelectLikePython()
    {
        var n = new Simulator().Create("iaf_psc_alpha", 10);
        Assert.Equal(new[] { 1, 2, 3 }, n[..3].Ids);
        Assert.Equal(new[] { 9, 10 }, n[^2..].Ids);
        Assert.Equal(new[] { 2, 5, 8 }, n.Slice(1, 9, 3).Ids);
        Assert.Equal(new[] { 10 }, n[-1].Ids);
        Assert.Equal(10, n.Count);
        Assert.Equal(10, n.AsEnumerable().Count()); // iterating yields one single-node collection per node
    }

    [Fact]
    public void Plus_JoinsSortedAndRejectsOverlap()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 2);
        var b = nest.Create("iaf_psc_alpha", 2);
        Assert.Equal(new[] { 1, 2, 3, 4 }, (a + b).Ids);
        Assert.Equal(new[] { 1, 2, 3, 4 }, (b + a).Ids);
        Assert.Throws<BadPropertyException>(() => a + a);
    }

    [Fact]
    public void Get_ReturnsScalarForOneNodeAndArrayForMany()
    {
        var n = new Simulator().Create("iaf_psc_alpha", 2, new() { ["I_e"] = 5.0 });
        Assert.Equal(5.0, n[0].Get("I_e"));
        Assert.Equal(new object[] { 5.0, 5.0 }, (object[])n.Get("I_e"));
        Assert.Equal(new[] { 5.0, 5.0 }, n.GetValues<double>("I_e"));
    }

    [Fact]
    public void Set_AcceptsOneValuePerNode()
    {
        var n = new Simulator().Create("iaf_psc_alpha", 3);
        n.Set("V_m", new[] { -60.0, -61.0, -62.0 });
        Assert.Equal(new[] { -60.0, -61.0, -62.0 }, n.GetValues<double>("V_m"));
    }

    [Fact]
    public void Set_WithWrongArrayLength_IsRejected()
    {
        var n = new Simulator().Create("iaf_psc_alpha", 3);
        Assert.Throws<BadPropertyException>(() => n.Set("V_m", new[] { -60.0, -61.0 }));
    }

    [Fact]
    public void Create_WithOneDictionaryPerNode()
    {
        var n = new Simulator().Create("iaf_psc_alpha", [new() { ["I_e"] = 1.0 }, new() { ["I_e"] = 2.0 }]);
        Assert.Equal(new[] { 1.0, 2.0 }, n.GetValues<double>("I_e"));
    }

    [Fact]
    public void RandomParameter_DrawsPerNodeWithinBounds()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1000);
        n.Set("V_m", nest.Random.Uniform(-70.0, -55.0));
        var v = n.GetValues<double>("V_m");
        Assert.All(v, x => Assert.InRange(x, -70.0, -55.0));
        Assert.True(v.Distinct().Count() > 990);
        Assert.InRange(v.Average(), -63.5, -61.5);
    }

    [Fact]
    public void RandomParameter_IsTheSameForAnyThreadCount()
    {
        static double[] Draw(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 7L });
            var n = nest.Create("iaf_psc_alpha", 100);
            n.Set("V_m", nest.Random.Normal(-60.0, 5.0));
            return n.GetValues<double>("V_m");
        }
        Assert.Equal(Draw(1), Draw(3));
    }

    [Fact]
    public void RandomParameter_DependsOnTheSeed()
    {
        static double[] Draw(long seed)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["rng_seed"] = seed });
            var n = nest.Create("iaf_psc_alpha", 10);
            n.Set("V_m", nest.Random.Normal(-60.0, 5.0));
            return n.GetValues<double>("V_m");
        }
        Assert.Equal(Draw(1), Draw(1));
        Assert.NotEqual(Draw(1), Draw(2));
    }

    [Fact]
    public void ChangingE_L_KeepsAbsolutePotentials()
    {
        var n = new Simulator().Create("iaf_psc_alpha");
        n.Set("V_m", -65.0);
        n.Set("E_L", -60.0);
        Assert.Equal(-65.0, n.Get<double>("V_m"));
        Assert.Equal(-55.0, n.Get<double>("V_th"));
    }

    [Fact]
    public void Status_HasNestsCommonKeys()
    {
        var status = new Simulator().Create("iaf_psc_alpha", 2)[1].GetStatus()[0];
        Assert.Equal(2L, status["global_id"]);
        Assert.Equal("iaf_psc_alpha", status["model"]);
        Assert.Equal("neuron", status["element_type"]);
        Assert.Equal(0L, status["vp"]);
    }

    [Fact]
    public void NodesWithProxies_LiveOnOneVirtualProcess_DevicesShowTheFirstThreadsCopy()
    {
        // NEST 3.10: neurons, spike_train_injector (Node's has_proxies) and correlation_detector live on virtual process
        // id mod VPs and count in that thread's thread_local_id; a device without proxies (spike_recorder,
        // poisson_generator) has a copy on every thread and shows the first one.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 2 });
        var injector = nest.Create("spike_train_injector");           // 1: vp 1
        var first = nest.Create("iaf_psc_alpha");                     // 2: vp 0
        var detector = nest.Create("correlation_detector");           // 3: vp 1
        var recorder = nest.Create("spike_recorder");                 // 4: every thread
        var neuron = nest.Create("iaf_psc_alpha");                    // 5: vp 1
        nest.Connect(injector, neuron);
        object[] Placement(NodeCollection node)
        {
            var status = node.GetStatus()[0];
            return [status["vp"], status["thread"], status["thread_local_id"]];
        }
        Assert.Equal(new object[] { 1L, 1L, 0L }, Placement(injector));
        Assert.Equal(new object[] { 0L, 0L, 0L }, Placement(first));
        Assert.Equal(new object[] { 1L, 1L, 1L }, Placement(detector));
        Assert.Equal(new object[] { 0L, 0L, 1L }, Placement(recorder));
        Assert.Equal(new object[] { 1L, 1L, 3L }, Placement(neuron));
    }

    [Fact]
    public void CopyModel_CarriesChangedDefaults()
    {
        var nest = new Simulator();
        nest.CopyModel("iaf_psc_alpha", "my_neuron", new() { ["tau_m"] = 33.0 });
        var n = nest.Create("my_neuron");
        Assert.Equal(33.0, n.Get<double>("tau_m"));
        Assert.Equal("my_neuron", n.Get<string>("model"));
        Assert.Equal(10.0, nest.GetDefaults("iaf_psc_alpha")["tau_m"]);
    }

    [Fact]
    public void SetDefaults_AppliesToLaterNodes()
    {
        var nest = new Simulator();
        var before = nest.Create("iaf_psc_alpha");
        nest.SetDefaults("iaf_psc_alpha", new() { ["C_m"] = 100.0 });
        var after = nest.Create("iaf_psc_alpha");
        Assert.Equal(250.0, before.Get<double>("C_m"));
        Assert.Equal(100.0, after.Get<double>("C_m"));
    }

    [Fact]
    public void SynapseCopy_HasItsOwnConnectionCount()
    {
        var nest = new Simulator();
        nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = 2.5, ["delay"] = 1.5 });
        var n = nest.Create("iaf_psc_alpha", 3);
        nest.Connect(n, n, syn: "excitatory");
        Assert.Equal(9L, nest.GetDefaults("excitatory")["num_connections"]);
        Assert.Equal(0L, nest.GetDefaults("static_synapse")["num_connections"]);
        var c = nest.GetConnections(synapseModel: "excitatory");
        Assert.All(c.Weight, w => Assert.Equal(2.5, w));
        Assert.All(c.Delay, d => Assert.Equal(1.5, d, 12));
    }
}
