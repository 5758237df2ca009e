namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_getconnections.py (GetConnectionsTestCase): find connections and set values
/// on them.
/// </summary>
public sealed class GetConnectionsTestCase
{
    // NEST: testsuite/pytests/connect/test_getconnections.py::GetConnectionsTestCase::test_GetConnections
    [Fact]
    public void Test_GetConnections()
    {
        var nest = new Simulator();

        var a = nest.Create("iaf_psc_alpha", 3);
        nest.Connect(a, a);
        var c1 = nest.GetConnections(a);
        var c2 = nest.GetConnections(a, synapseModel: "static_synapse");
        Assert.Equal(c1, c2);

        double[] weights = [2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0];
        var d1 = weights.Select(w => new Dictionary<string, object> { ["weight"] = w }).ToList();

        var c3 = nest.GetConnections(a, a);
        c3.Set(d1);
        Assert.Equal(weights, c3.Weight);

        var c4 = nest.GetConnections();
        Assert.Equal(c1, c4);

        weights = [11.0, 12.0, 13.0, 14.0, 15.0, 16.0, 17.0, 18.0, 19.0];
        d1 = weights.Select(w => new Dictionary<string, object> { ["weight"] = w }).ToList();

        var c5 = nest.GetConnections(a, a);
        c5.Set(d1);
        Assert.Equal(weights, c5.Get("weight"));

        var c6 = nest.GetConnections();
        Assert.Equal(c1, c6);
    }

    // NEST: testsuite/pytests/connect/test_getconnections.py::GetConnectionsTestCase::test_GetConnectionsTargetModels
    [Fact]
    public void Test_GetConnectionsTargetModels()
    {
        // GetConnections iterating models for target
        foreach (string model in new Simulator().NodeModels())
        {
            var nest = new Simulator();
            var alpha = nest.Create("iaf_psc_alpha");
            NodeCollection other;
            try
            {
                other = nest.Create(model);
                nest.Connect(alpha, other);
            }
            catch (NestException)
            {
                // If we can't create a node with this model, or connect to a node of this model, we ignore it.
                continue;
            }
            foreach (var (source, target, args) in new[] { (alpha, other, "source, target"), (alpha, null, "source"), (null, other, "target") })
            {
                var conns = nest.GetConnections(source, target);
                Assert.True(conns.Count == 1, $"Failed to get connection with target model {model} (specifying {args})");
            }
        }
    }

    // NEST: testsuite/pytests/connect/test_getconnections.py::GetConnectionsTestCase::test_GetConnectionsSourceModels
    [Fact]
    public void Test_GetConnectionsSourceModels()
    {
        // GetConnections iterating models for source
        foreach (string model in new Simulator().NodeModels())
        {
            var nest = new Simulator();
            var alpha = nest.Create("iaf_psc_alpha");
            NodeCollection other;
            try
            {
                other = nest.Create(model);
                nest.Connect(other, alpha);
            }
            catch (NestException)
            {
                // If we can't create a node with this model, or connect to a node of this model, we ignore it.
                continue;
            }
            foreach (var (source, target, args) in new[] { (other, alpha, "source, target"), (other, null, "source"), (null, alpha, "target") })
            {
                var conns = nest.GetConnections(source, target);
                Assert.True(conns.Count == 1, $"Failed to get connection with source model {model} (specifying {args})");
            }
        }
    }

    // NEST: testsuite/pytests/connect/test_getconnections.py::GetConnectionsTestCase::test_GetConnectionsSynapseModel
    [Fact]
    public void Test_GetConnectionsSynapseModel()
    {
        // GetConnections using synapse_model as argument
        const int numSrc = 3;
        const int numTgt = 5;

        foreach (string synapseModel in new Simulator().SynapseModels())
        {
            var nest = new Simulator();

            var src = nest.Create("iaf_psc_alpha", numSrc);
            var tgt = nest.Create("iaf_psc_alpha", numTgt);

            // First create one connection with static_synapse
            nest.Connect(src[0], tgt[0]);

            try
            {
                // Connect with specified synapse
                nest.Connect(src, tgt, syn: new Dictionary<string, object> { ["synapse_model"] = synapseModel });
            }
            catch (NestException)
            {
                // If we can't connect iaf_psc_alpha with the given synapse_model, we ignore it.
                continue;
            }

            var referenceList = Enumerable.Repeat(synapseModel, numSrc * numTgt).ToList();
            if (synapseModel == "static_synapse") referenceList.Add("static_synapse");

            var conns = nest.GetConnections(synapseModel: synapseModel);
            Assert.Equal(referenceList, conns.SynapseModel);

            // Also test that it works if we specify source/target and synapse_model
            conns = nest.GetConnections(source: src, target: tgt, synapseModel: synapseModel);
            Assert.Equal(referenceList, conns.SynapseModel);

            conns = nest.GetConnections(source: src, synapseModel: synapseModel);
            Assert.Equal(referenceList, conns.SynapseModel);

            conns = nest.GetConnections(target: tgt, synapseModel: synapseModel);
            Assert.Equal(referenceList, conns.SynapseModel);
        }
    }

    // NEST: testsuite/pytests/connect/test_getconnections.py::GetConnectionsTestCase::test_GetConnectionsSynapseLabel
    [Fact]
    public void Test_GetConnectionsSynapseLabel()
    {
        // GetConnections using synapse_label as argument
        const long label = 123;
        const int numSrc = 3, numTgt = 5;

        foreach (string synapseModel in new Simulator().SynapseModels().Where(s => s.EndsWith("_lbl", StringComparison.Ordinal)))
        {
            var nest = new Simulator();

            var src = nest.Create("iaf_psc_alpha", numSrc);
            var tgt = nest.Create("iaf_psc_alpha", numTgt);

            // First create one connection with static_synapse
            nest.Connect(src[0], tgt[0]);

            try
            {
                // Connect with specified synapse
                nest.Connect(src, tgt, syn: new Dictionary<string, object> { ["synapse_model"] = synapseModel, ["synapse_label"] = label });
            }
            catch (NestException)
            {
                // If we can't connect iaf_psc_alpha with the given synapse_model, we ignore it.
                continue;
            }

            var referenceList = Enumerable.Repeat(synapseModel, numSrc * numTgt).ToArray();
            var labelList = Enumerable.Repeat(label, numSrc * numTgt).ToArray();

            // Call GetConnections with specified synapse_label and test that connections with
            // corresponding model are returned
            var conns = nest.GetConnections(synapseLabel: label);

            Assert.Equal(referenceList, conns.SynapseModel);
            Assert.Equal(labelList, conns.GetValues<long>("synapse_label"));

            // Also test that it works if we specify source/target and synapse_label
            conns = nest.GetConnections(source: src, target: tgt, synapseLabel: label);
            Assert.Equal(referenceList, conns.SynapseModel);

            conns = nest.GetConnections(source: src, synapseLabel: label);
            Assert.Equal(referenceList, conns.SynapseModel);

            conns = nest.GetConnections(target: tgt, synapseLabel: label);
            Assert.Equal(referenceList, conns.SynapseModel);
        }
    }
}
