namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_connect_array_fixed_indegree.py: connections with fixed indegree and parameter arrays.</summary>
public sealed class TestConnectArrayFixedIndegree
{
    // NEST: testsuite/pytests/connect/test_connect_array_fixed_indegree.py::ConnectArrayFixedIndegreeTestCase::test_Connect_Array_Fixed_Indegree
    [Fact]
    public void Test_Connect_Array_Fixed_Indegree()
    {
        const int n = 20; // number of neurons in each population
        const int k = 5; // number of connections per neuron

        // test with connection rule fixed_indegree
        var nest = new Simulator();

        var net1 = nest.Create("iaf_psc_alpha", n); // creates source population
        var net2 = nest.Create("iaf_psc_alpha", n); // creates target population

        var warr = Enumerable.Range(0, n).Select(y => Enumerable.Range(0, k).Select(x => (y * k) + x).ToArray()).ToArray(); // weight array
        var darr = Enumerable.Range(0, n).Select(y => Enumerable.Range(0, k).Select(x => (y * k) + x + 1).ToArray()).ToArray(); // delay array

        // synapses and connection dictionaries
        var synDict = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = warr, ["delay"] = darr };
        var connDict = new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = k };

        // connects source to target
        nest.Connect(net1, net2, connDict, synDict);

        for (int i = 0; i < n; i++) // loop on all target neurons
        {
            // gets all connections to the target neuron
            var conns = nest.GetConnections(target: net2[i..(i + 1)]);
            var weight = conns.Weight;
            var delay = conns.Delay;

            var warr1 = new List<double>(); // creates empty weight array

            // loop on synapses that connect to target neuron
            for (int j = 0; j < conns.Count; j++)
            {
                double w = weight[j]; // gets synaptic weight
                double d = delay[j]; // gets synaptic delay

                Assert.True(d - w == 1); // checks that delay = weight + 1

                warr1.Add(w); // appends w to Warr1
            }

            Assert.True(warr1.Count == k); // checks the size of Warr1
            warr1.Sort(); // sorts the elements of Warr1

            // get row of original weight array, sort it and compare it with Warr1
            var warr2 = warr[i].Order().ToArray();
            for (int kk = 0; kk < k; kk++) Assert.True(warr1[kk] - warr2[kk] == 0.0);
        }
    }
}
