namespace NestSharp.Tests.Models;

/// <summary>
/// The multisynapse models update a group port by port; nodes with fewer ports than the group's largest count must
/// come out exactly as if each node were simulated alone.
/// </summary>
public sealed class IafMultisynapsePortCountTests
{
    private static readonly double[][] TauSynOfNode = [[2.0], [3.0, 7.0, 40.0], [0.5, 11.0]];

    private static (double[] V, double[] ISyn, double[] Times) Run(string model, int[] nodes, int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var neurons = nest.Create(model, nodes.Length, new() { ["I_e"] = 300.0, ["V_th"] = -60.0 });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0, 4.5, 9.0, 13.3, 20.0 } });
        for (int k = 0; k < nodes.Length; k++)
        {
            double[] taus = TauSynOfNode[nodes[k]];
            neurons[k].Set("tau_syn", taus);
            for (int r = 1; r <= taus.Length; r++)
            {
                nest.Connect(sg, neurons[k], syn: new Dictionary<string, object>
                {
                    ["weight"] = r % 2 == 0 ? -90.0 * r : 150.0 * r, ["delay"] = 0.3 * r, ["receptor_type"] = r,
                });
            }
        }
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m", "I_syn" } });
        nest.Connect(mm, neurons);
        nest.Simulate(40.0);
        var events = (Dictionary<string, object>)mm.Get("events");
        long[] senders = (long[])events["senders"];
        double[] v = (double[])events["V_m"], iSyn = (double[])events["I_syn"], times = (double[])events["times"];
        // Order by node, then time, so runs with different node sets line up node by node.
        int[] order = Enumerable.Range(0, senders.Length).OrderBy(e => senders[e]).ThenBy(e => times[e]).ToArray();
        return (order.Select(e => v[e]).ToArray(), order.Select(e => iSyn[e]).ToArray(), order.Select(e => times[e]).ToArray());
    }

    [Theory]
    [InlineData("iaf_psc_exp_multisynapse")]
    [InlineData("iaf_psc_alpha_multisynapse")]
    public void NodesWithDifferentPortCounts_EvolveAsEachAlone(string model)
    {
        var together = Run(model, [0, 1, 2], threads: 1);
        var alone = Enumerable.Range(0, 3).Select(k => Run(model, [k], threads: 1)).ToArray();
        Assert.Equal(alone.SelectMany(a => a.V), together.V);
        Assert.Equal(alone.SelectMany(a => a.ISyn), together.ISyn);
        Assert.Equal(alone.SelectMany(a => a.Times), together.Times);
        Assert.Contains(together.V, value => value == -70.0); // the nodes spike and reset
        Assert.Contains(together.ISyn, value => value < 0.0);
    }

    [Theory]
    [InlineData("iaf_psc_exp_multisynapse")]
    [InlineData("iaf_psc_alpha_multisynapse")]
    public void Results_DoNotDependOnTheThreadCount(string model)
    {
        var one = Run(model, [0, 1, 2, 1, 0], threads: 1);
        var three = Run(model, [0, 1, 2, 1, 0], threads: 3);
        Assert.Equal(one.V, three.V);
        Assert.Equal(one.ISyn, three.ISyn);
    }
}
