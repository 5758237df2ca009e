using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/stimulating/test_step_rate_generator.py</c>.</summary>
public sealed class StepRateGeneratorTests
{
    // NEST: testsuite/pytests/stimulating/test_step_rate_generator.py::StepRateGeneratorTestCase::test_step_rate_generator
    [Fact]
    public void StepRateGenerator_ProducesAndCommunicatesTheRates()
    {
        double[] rates = [400.0, 1000.0, 200.0];
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["use_wfr"] = false, ["print_time"] = false });

        var neuron = nest.Create("lin_rate_ipn", 1, new() { ["sigma"] = 0.0 });
        var srg = nest.Create("step_rate_generator", 1);
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = 100.0 });

        srg.Set(new Dictionary<string, object> { ["amplitude_times"] = new[] { 10.0, 110.0, 210.0 }, ["amplitude_values"] = rates });

        nest.Connect(srg, neuron, Rule.OneToOne(), new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["weight"] = 1.0 });
        nest.Connect(mm, neuron);
        nest.Connect(mm, srg);

        nest.Simulate(301.0);

        long[] senders = Longs(mm, "senders");
        double[] recorded = Doubles(mm, "rate");
        long neuronId = neuron.Get<long>("global_id"), srgId = srg.Get<long>("global_id");
        double[] ratesNeuron = recorded.Where((_, i) => senders[i] == neuronId).ToArray();
        double[] ratesSrg = recorded.Where((_, i) => senders[i] == srgId).ToArray();

        // the generator produces the desired rates
        Assert.Equal(rates, ratesSrg);
        // the connected neuron receives them (np.allclose(rates, rates_neuron, atol=0.2): |a - b| <= atol + 1e-5 |b|)
        Assert.Equal(rates.Length, ratesNeuron.Length);
        for (int i = 0; i < rates.Length; i++)
            Assert.True(Math.Abs(rates[i] - ratesNeuron[i]) <= 0.2 + 1e-5 * Math.Abs(ratesNeuron[i]), $"rate {i}: {ratesNeuron[i]:R}, expected {rates[i]}");
    }
}
