namespace NestSharp.Tests.NestSuite.Other;

/// <summary>NEST's test_rate_copy_model.py: a rate connection made by CopyModel behaves as the original.</summary>
public sealed class RateCopyModelTests
{
    // NEST: testsuite/pytests/other/test_rate_copy_model.py::RateCopyModelTestCase::test_rate_copy_model
    [Fact]
    public void CopiedRateConnection_BehavesAsTheOriginal()
    {
        var neuronParams = new Dictionary<string, object> { ["tau"] = 5.0, ["sigma"] = 0.0 };
        const double drive = 1.5, weight = 0.5, simtime = 100.0, dt = 0.001;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt, ["use_wfr"] = true, ["print_time"] = false });
        var drive1 = nest.Create("lin_rate_ipn", 1, new() { ["mu"] = drive, ["sigma"] = 0.0 });
        var neuron1 = nest.Create("lin_rate_ipn", 1, neuronParams);
        var neuron2 = nest.Create("lin_rate_ipn", 1, neuronParams);
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = dt });
        nest.CopyModel("rate_connection_instantaneous", "rate_connection_new");
        nest.Connect(multimeter, neuron1 + neuron2, "all_to_all", new Dictionary<string, object> { ["delay"] = 10.0 });
        nest.Connect(drive1, neuron1, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "rate_connection_instantaneous", ["weight"] = weight });
        nest.Connect(drive1, neuron2, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "rate_connection_new", ["weight"] = weight });

        nest.Simulate(simtime);

        var senders = NestSuiteHelpers.Longs(multimeter, "senders");
        var rates = NestSuiteHelpers.Doubles(multimeter, "rate");
        var rate1 = rates.Where((_, i) => senders[i] == neuron1.Ids[0]).ToArray();
        var rate2 = rates.Where((_, i) => senders[i] == neuron2.Ids[0]).ToArray();
        Assert.Equal(rate1.Length, rate2.Length);
        double sum = 0.0;
        for (int i = 0; i < rate1.Length; i++) sum += Math.Abs(rate2[i] - rate1[i]);
        Assert.True(sum < 1e-12, $"sum of differences {sum}");
    }
}
