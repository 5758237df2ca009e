namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's test_rate_instantaneous_and_delayed.py: a delayed rate connection gives its target the rates an instantaneous
/// one gives, shifted by its delay.
/// </summary>
public sealed class RateInstantaneousAndDelayedTests
{
    // NEST: testsuite/pytests/neurons/test_rate_instantaneous_and_delayed.py::RateInstantaneousAndDelayedTestCase::test_rate_instantaneous_and_delayed
    [Fact]
    public void DelayedRates_AreInstantaneousRatesShiftedByTheDelay()
    {
        var neuronParams = new Dictionary<string, object> { ["tau"] = 5.0, ["sigma"] = 0.0 };
        const double drive = 1.5, delay = 2.0, weight = 0.5, simtime = 100.0, dt = 0.001;

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt, ["use_wfr"] = true, ["print_time"] = false });
        var rateNeuronDrive = nest.Create("lin_rate_ipn", 1, new() { ["mu"] = drive, ["sigma"] = 0.0 });
        var rateNeuron1 = nest.Create("lin_rate_ipn", 1, neuronParams);
        var rateNeuron2 = nest.Create("lin_rate_ipn", 1, neuronParams);
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = dt });
        var neurons = rateNeuron1 + rateNeuron2;
        nest.Connect(multimeter, neurons, "all_to_all", new Dictionary<string, object> { ["delay"] = 10.0 });
        nest.Connect(rateNeuronDrive, rateNeuron1, "all_to_all",
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_instantaneous", ["weight"] = weight });
        nest.Connect(rateNeuronDrive, rateNeuron2, "all_to_all",
            new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = delay, ["weight"] = weight });

        nest.Simulate(simtime);

        var senders = NestSuiteHelpers.Longs(multimeter, "senders");
        var rates = NestSuiteHelpers.Doubles(multimeter, "rate");
        var times = NestSuiteHelpers.Doubles(multimeter, "times");
        var rate1 = rates.Where((_, i) => senders[i] == rateNeuron1.Ids[0]).ToArray();
        var rate2 = rates.Where((_, i) => senders[i] == rateNeuron2.Ids[0] && times[i] > delay).ToArray();
        Assert.NotEmpty(rate2);
        double sum = 0.0;
        for (int i = 0; i < rate2.Length; i++) sum += Math.Abs(rate2[i] - rate1[i]);
        Assert.True(sum < 1e-12, $"sum of differences {sum}");
    }
}
