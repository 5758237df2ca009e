namespace NestSharp.Tests.Distribution;

/// <summary>
/// A small plastic network whose final weights must not depend on the number of processes: an 80 Hz Poisson drive
/// through 10 parrot neurons onto 6 iaf_psc_alpha (I_e 380 pA) with a fixed in-degree of 4, weight 30, simulated for
/// 300 ms with rng_seed 5, alone and on two in-process ranks.
/// </summary>
internal static class PlasticWeightsProbe
{
    /// <summary>
    /// Asserts that every weight of <paramref name="synapseModel"/> moved away from 30 and that two ranks, their own
    /// connections joined, end with the weights one process ends with, bit for bit.
    /// </summary>
    /// <param name="synapseModel">The plastic synapse model from the parrots to the neurons.</param>
    /// <param name="synapseParameters">Further synapse parameters of the Connect call (besides model and weight).</param>
    /// <param name="beforeCreate">Kernel or model settings made before the nodes are created (e.g. SetDefaults).</param>
    public static void AssertSameOnOneAndTwoRanks(string synapseModel, Dictionary<string, object>? synapseParameters = null,
        Action<Simulator>? beforeCreate = null)
    {
        string? Probe(Func<Simulator> make)
        {
            var nest = make();
            nest.SetKernelStatus(new() { ["rng_seed"] = 5L });
            beforeCreate?.Invoke(nest);
            var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 80.0 });
            var parrots = nest.Create("parrot_neuron", 10);
            var targets = nest.Create("iaf_psc_alpha", 6, new() { ["I_e"] = 380.0 });
            nest.Connect(drive, parrots);
            var synSpec = new Dictionary<string, object>(synapseParameters ?? []) { ["synapse_model"] = synapseModel, ["weight"] = 30.0 };
            nest.Connect(parrots, targets, Rule.FixedIndegree(4), synSpec);
            nest.Simulate(300.0);
            var conns = NestSuite.MpiDirect.MpiRanks.Own(nest, nest.GetConnections(synapseModel: synapseModel));
            long[] sources = conns.Source, tgts = conns.Target;
            double[] weights = conns.GetValues<double>("weight");
            return string.Join(";", sources.Select((s, i) => $"{s}>{tgts[i]}:{weights[i]:R}").Order(StringComparer.Ordinal));
        }

        string alone = InProcessRanks.Run(1, Probe)[0]!;
        Assert.DoesNotContain(":30;", alone + ";", StringComparison.Ordinal); // every weight changed
        var two = InProcessRanks.Run(2, Probe).SelectMany(rank => rank!.Split(';')).Order(StringComparer.Ordinal);
        Assert.Equal(alone, string.Join(";", two));
    }
}
