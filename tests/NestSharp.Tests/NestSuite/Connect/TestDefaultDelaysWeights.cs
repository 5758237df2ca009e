namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>NEST's testsuite/pytests/connect/test_default_delays_weights.py.</summary>
public sealed class TestDefaultDelaysWeights
{
    private static readonly Simulator Defaults = new();
    private static readonly double DefaultDelay = Defaults.GetDefaults<double>("static_synapse", "delay");
    private static readonly double DefaultWeight = Defaults.GetDefaults<double>("static_synapse", "weight");

    // NEST: testsuite/pytests/connect/test_default_delays_weights.py::test_default_delay_and_weight
    // Parametrised as NEST: {}, {"delay": 15.5}, {"weight": 23.4}, {"weight": 17.3, "delay": 10.1}; NaN stands for the default.
    [Theory]
    [InlineData(double.NaN, double.NaN)]
    [InlineData(double.NaN, 15.5)]
    [InlineData(23.4, double.NaN)]
    [InlineData(17.3, 10.1)]
    public void Test_default_delay_and_weight(double weight, double delay)
    {
        var wdSpec = new Dictionary<string, object>();
        if (!double.IsNaN(weight)) wdSpec["weight"] = weight;
        if (!double.IsNaN(delay)) wdSpec["delay"] = delay;
        double wExpect = double.IsNaN(weight) ? DefaultWeight : weight;
        double dExpect = double.IsNaN(delay) ? DefaultDelay : delay;

        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha");
        var synSpec = new Dictionary<string, object>(wdSpec) { ["synapse_model"] = "static_synapse" };
        nest.Connect(neuron, neuron, syn: synSpec);
        var conn = nest.GetConnections()[0].Get();

        // pytest.approx: relative tolerance 1e-6
        Assert.Equal(wExpect, (double)conn["weight"], wExpect * 1e-6);
        Assert.Equal(dExpect, (double)conn["delay"], dExpect * 1e-6);
    }
}
