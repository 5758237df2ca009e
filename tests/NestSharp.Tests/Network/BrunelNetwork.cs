using NestSharp.Numerics;

namespace NestSharp.Tests.Network;

/// <summary>
/// The balanced random network of Brunel (2000) as NEST's brunel_alpha_nest.py example builds it (seed 004): iaf_psc_alpha
/// neurons, J = 0.1 mV normalised to the PSP peak with the Lambert-W formula, g = 5, eta = 2, epsilon = 0.1,
/// delay 1.5 ms, one poisson_generator at p_rate = 1000 nu_ex CE onto every neuron, fixed_indegree CE and CI; here
/// at a smaller order and recording every neuron.
/// </summary>
public static class BrunelNetwork
{
    public const double Resolution = 0.1;
    public const double Delay = 1.5;
    public const double G = 5.0, Eta = 2.0, Epsilon = 0.1;
    public const double J = 0.1;
    public const double TauSyn = 0.5, TauMem = 20.0, CMem = 250.0, Theta = 20.0;

    /// <summary>The recorded spikes of one run.</summary>
    public sealed record Result(long[] Senders, double[] Times, int NumExcitatory, int NumInhibitory, double SimTime,
        long NumSynapsesEx, long NumSynapsesIn, long NumConnections)
    {
        public int NumNeurons => NumExcitatory + NumInhibitory;
    }

    public static Result Run(int order, double simTime, int threads, long seed = 12345)
    {
        int nE = 4 * order, nI = order;
        int cE = (int)(Epsilon * nE), cI = (int)(Epsilon * nI);
        double jEx = J / PostSynapticPotential.PeakOfUnitAlphaCurrent(TauMem, CMem, TauSyn);
        double jIn = -G * jEx;
        double nuTh = Theta * CMem / (jEx * cE * Math.Exp(1) * TauMem * TauSyn);
        double nuEx = Eta * nuTh;
        double pRate = 1000.0 * nuEx * cE;

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Resolution, ["rng_seed"] = seed, ["local_num_threads"] = threads });
        var neuronParams = new Dictionary<string, object>
        {
            ["C_m"] = CMem, ["tau_m"] = TauMem, ["tau_syn_ex"] = TauSyn, ["tau_syn_in"] = TauSyn, ["t_ref"] = 2.0,
            ["E_L"] = 0.0, ["V_reset"] = 0.0, ["V_m"] = 0.0, ["V_th"] = Theta,
        };
        var nodesEx = nest.Create("iaf_psc_alpha", nE, neuronParams);
        var nodesIn = nest.Create("iaf_psc_alpha", nI, neuronParams);
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = pRate });
        var spikes = nest.Create("spike_recorder");

        nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = jEx, ["delay"] = Delay });
        nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = jIn, ["delay"] = Delay });
        nest.Connect(noise, nodesEx, syn: "excitatory");
        nest.Connect(noise, nodesIn, syn: "excitatory");
        nest.Connect(nodesEx + nodesIn, spikes, syn: "excitatory");
        nest.Connect(nodesEx, nodesEx + nodesIn, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = cE }, "excitatory");
        nest.Connect(nodesIn, nodesEx + nodesIn, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = cI }, "inhibitory");

        nest.Simulate(simTime);

        var events = (Dictionary<string, object>)spikes.Get("events");
        return new Result((long[])events["senders"], (double[])events["times"], nE, nI, simTime,
            (long)nest.GetDefaults("excitatory")["num_connections"], (long)nest.GetDefaults("inhibitory")["num_connections"],
            (long)nest.GetKernelStatus("num_connections"));
    }
}
