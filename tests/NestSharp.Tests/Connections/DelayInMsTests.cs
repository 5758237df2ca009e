namespace NestSharp.Tests.Connections;

/// <summary>
/// A connection's delay in ms is NEST's delay_steps_to_ms (steps · ms per step), both as connections report it and as
/// the plastic rules take it as the dendritic delay. Expected values: NEST 3.10 (installed on the development machine),
/// script: two parrot neurons driven by spike generators (pre 5, 15, 22.3, 35.1, 48, 61.7, 70.2 ms; post 6.1, 14.2, 23,
/// 36.6, 47.3, 62.5, 69, 71.1 ms), one connection of weight 5 and the given delay, resolution 0.1 ms, Simulate(100),
/// then the connection's weight and delay (repr).
/// </summary>
public class DelayInMsTests
{
    [Theory]
    [InlineData("stdp_synapse", 0.3, 20.67279390606278, 0.30000000000000004)]
    [InlineData("stdp_synapse", 2.3, 19.048914827950878, 2.3000000000000003)]
    [InlineData("stdp_synapse", 0.7, 20.3062054296945, 0.7000000000000001)]
    [InlineData("stdp_synapse", 1.5, 19.99119144962708, 1.5)]
    [InlineData("stdp_pl_synapse_hom", 0.3, 1.972333293511847, 0.30000000000000004)]
    [InlineData("stdp_pl_synapse_hom", 2.3, 1.97389227056535, 2.3000000000000003)]
    [InlineData("stdp_triplet_synapse", 0.3, 5.480781878306181, 0.30000000000000004)]
    [InlineData("stdp_triplet_synapse", 0.7, 5.464243648148938, 0.7000000000000001)]
    [InlineData("vogels_sprekeler_synapse", 0.3, 0.99988, 0.30000000000000004)]
    public void PlasticConnection_WeightAndDelayAsNest(string model, double delay, double nestWeight, double nestDelay)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        var preDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0, 15.0, 22.3, 35.1, 48.0, 61.7, 70.2 } });
        var postDrive = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 6.1, 14.2, 23.0, 36.6, 47.3, 62.5, 69.0, 71.1 } });
        var pre = nest.Create("parrot_neuron");
        var post = nest.Create("parrot_neuron");
        nest.Connect(preDrive, pre);
        nest.Connect(postDrive, post);
        nest.Connect(pre, post, syn: new Dictionary<string, object> { ["synapse_model"] = model, ["delay"] = delay, ["weight"] = 5.0 });
        nest.Simulate(100.0);

        var connection = nest.GetConnections(pre, post);
        Assert.Equal(nestWeight, (double)connection.Get("weight"));
        Assert.Equal(nestDelay, (double)connection.Get("delay"));
    }

    [Theory]
    [InlineData(10.1, 10.100000000000001)]
    [InlineData(0.3, 0.30000000000000004)]
    [InlineData(1.0, 1.0)]
    public void StaticConnectionDelay_AsNest(double delay, double nestDelay)
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(neurons[0], neurons[1], syn: new Dictionary<string, object> { ["delay"] = delay });
        Assert.Equal(nestDelay, (double)nest.GetConnections().Get("delay"));
    }
}
