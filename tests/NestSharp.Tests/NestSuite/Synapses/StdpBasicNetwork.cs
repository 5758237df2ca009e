namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// The network of NEST's test_stdp_synapse_basic.py and test_inh_stdp_synapse.py: a parrot_neuron repeating a 10 Hz
/// poisson_generator makes an stdp_synapse onto an iaf_psc_alpha driven by excitatory and inhibitory Poisson input;
/// both spike trains are recorded over 10 s.
/// </summary>
internal static class StdpBasicNetwork
{
    public const double Resolution = 0.1;
    public const double WExc = 45.0;
    public const double Delay = 1.0;
    public const double Alpha = 1.1;
    public const double Lambda = 0.01;
    public const double TauPlus = 20.0;
    public const double TauMinus = 30.0;
    public const double MuPlus = 1.0;
    public const double MuMinus = 1.0;

    /// <summary>
    /// Runs the network with an stdp_synapse of <paramref name="weight"/> and Wmax <paramref name="wMax"/> (the weight
    /// also a default of stdp_synapse when <paramref name="weightAsDefault"/>); gives the pre- and postsynaptic spike
    /// times (shifted by the axonal and back-propagation delays) and the final weight.
    /// </summary>
    public static (double[] Pre, double[] Post, double FinalWeight) Run(double weight, double wMax, bool weightAsDefault)
    {
        const double kExc = 8000.0, kInh = 2000.0, nu = 10.0, nuX = 1.7;
        const double wInh = WExc * -5.0;
        const double axonalDelay = 0.0, backpropagationDelay = Delay - axonalDelay;

        var nest = new Simulator();
        nest.SetKernelStatus("resolution", Resolution);
        var pgExc = nest.Create("poisson_generator", 1, new() { ["rate"] = kExc * (nu + nuX) });
        var pgInh = nest.Create("poisson_generator", 1, new() { ["rate"] = kInh * nu });
        var pgPre = nest.Create("poisson_generator", 1, new() { ["rate"] = nu });
        var parrot = nest.Create("parrot_neuron");
        var neuron = nest.Create("iaf_psc_alpha", 1, new() { ["tau_minus"] = TauMinus });
        var srPre = nest.Create("spike_recorder");
        var srPost = nest.Create("spike_recorder");

        var defaults = new Dictionary<string, object>
        {
            ["alpha"] = Alpha, ["lambda"] = Lambda, ["tau_plus"] = TauPlus, ["mu_plus"] = MuPlus, ["mu_minus"] = MuMinus, ["Wmax"] = wMax,
        };
        if (weightAsDefault) defaults["weight"] = weight;
        nest.SetDefaults("stdp_synapse", defaults);

        nest.Connect(pgExc, neuron, syn: new Dictionary<string, object> { ["weight"] = WExc, ["delay"] = Delay });
        nest.Connect(pgInh, neuron, syn: new Dictionary<string, object> { ["weight"] = wInh, ["delay"] = Delay });
        nest.Connect(pgPre, parrot, syn: new Dictionary<string, object> { ["weight"] = WExc, ["delay"] = Delay });
        nest.Connect(parrot, neuron, syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse", ["weight"] = weight, ["delay"] = Delay });
        nest.Connect(parrot, srPre);
        nest.Connect(neuron, srPost);

        nest.Simulate(10000.0);

        var pre = Times(srPre).Select(t => t + axonalDelay).ToArray();
        var post = Times(srPost).Select(t => t + backpropagationDelay).ToArray();
        var conns = nest.GetConnections(source: parrot, target: neuron);
        Assert.Equal(1, conns.Count);
        return (pre, post, Convert.ToDouble(conns[0].Get("weight")));
    }

    private static double[] Times(NodeCollection recorder) => (double[])((Dictionary<string, object>)recorder.Get("events"))["times"];
}
