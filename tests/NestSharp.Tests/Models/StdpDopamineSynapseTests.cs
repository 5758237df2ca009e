namespace NestSharp.Tests.Models;

/// <summary>
/// stdp_dopamine_synapse with its volume_transmitter: NEST's rules for the common key volume_transmitter, for what may
/// connect to a volume transmitter, for c and n in a syn_spec with threads, and the same weights for any thread count.
/// </summary>
public sealed class StdpDopamineSynapseTests
{
    [Fact]
    public void VolumeTransmitter_MustBeOneVolumeTransmitterNode()
    {
        var nest = new Simulator();
        var neuron = nest.Create("iaf_psc_alpha");
        var two = nest.Create("volume_transmitter", 2);
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = neuron }));
        Assert.Throws<BadPropertyException>(() => nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = two }));
        Assert.Throws<TypeMismatchException>(() => nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = 3L }));
        Assert.Equal("NodeCollection(<empty>)", nest.GetDefaults("stdp_dopamine_synapse")["volume_transmitter"]);

        nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = two[0] });
        Assert.Equal(two[0].Ids[0], ((NodeCollection)nest.GetDefaults("stdp_dopamine_synapse")["volume_transmitter"]).Ids[0]);
    }

    [Fact]
    public void VolumeTransmitter_TakesSpikesFromNeuronsOnly()
    {
        var nest = new Simulator();
        var vt = nest.Create("volume_transmitter");
        var generator = nest.Create("spike_generator");
        var neuron = nest.Create("iaf_psc_alpha");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(generator, vt));
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(vt, neuron));
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(neuron, vt, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
        nest.Connect(neuron, vt);
        Assert.Equal("other", vt.Get("element_type"));
    }

    [Theory]
    [InlineData("c")]
    [InlineData("n")]
    public void WithThreads_ConnectDoesNotSetTheTraces(string key)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 2 });
        var vt = nest.Create("volume_transmitter");
        nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = vt });
        var neurons = nest.Create("iaf_psc_alpha", 2);
        Assert.Throws<NestNotImplementedException>(() => nest.Connect(neurons[0], neurons[1],
            syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_dopamine_synapse", [key] = 0.5 }));
    }

    [Fact]
    public void Weights_AreTheSameForAnyNumberOfThreads()
    {
        double[] Run(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 12 });
            var vt = nest.Create("volume_transmitter", 1, new() { ["deliver_interval"] = 2L });
            nest.SetDefaults("stdp_dopamine_synapse", new() { ["volume_transmitter"] = vt, ["A_plus"] = 0.5, ["b"] = 0.01 });
            var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 40.0 });
            var parrots = nest.Create("parrot_neuron", 12);
            var neurons = nest.Create("iaf_psc_alpha", 5, new() { ["I_e"] = 300.0 });
            nest.Connect(noise, parrots);
            nest.Connect(parrots[..4], vt);
            nest.Connect(parrots[4..], neurons, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_dopamine_synapse", ["weight"] = 50.0 });
            nest.Simulate(300.0);
            return nest.GetConnections(synapseModel: "stdp_dopamine_synapse").Weight;
        }

        double[] one = Run(1);
        Assert.Contains(one, w => w != 50.0);
        Assert.Equal(one, Run(3));
    }
}
