namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>NEST's testsuite/pytests/mpi_indirect/test_connect_array_mpi.py, on 2 and 3 in-process ranks.</summary>
public sealed class TestConnectArrayMpi
{
    // NEST: testsuite/pytests/mpi_indirect/test_connect_array_mpi.py::test_issue_connect_array_mpi
    [Theory]
    [InlineData("all_to_all")]
    [InlineData("fixed_indegree")]
    [InlineData("fixed_outdegree")]
    public void WeightsAndDelaysAsArrays_AreSetCorrectly_OnEveryRank(string rule)
    {
        var connspec = rule switch
        {
            "all_to_all" => new Dictionary<string, object> { ["rule"] = "all_to_all" },
            "fixed_indegree" => new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 5 },
            _ => new Dictionary<string, object> { ["rule"] = "fixed_outdegree", ["outdegree"] = 5 },
        };
        MpiTestWrapper.AssertEqual([2, 3], nest =>
        {
            const int N = 10;
            nest.ResetKernel();
            nest.SetKernelStatus("data_path", Path.GetDirectoryName(MpiTestWrapper.OtherPath(0, 0))!);
            nest.SetKernelStatus("total_num_virtual_procs", 6);
            var nrns = nest.Create("parrot_neuron", N);

            double GidsToWeights(long sgid, long tgid) => sgid + (100 * tgid);
            double GidsToDelays(long sgid, long tgid) => nest.Resolution * (1 + (97 * sgid) + tgid);

            // NEST compares the sets of delays exactly (a delay of d steps is reported as d · resolution, as NEST's).
            static HashSet<double> Set(IEnumerable<double> ms) => [.. ms];

            long[] gids = [.. nrns.Ids.Select(i => (long)i)];
            // np.meshgrid(sources, gids): row t holds the sources, all with target gids[t]
            long[] sources = rule switch
            {
                "all_to_all" => gids,
                "fixed_indegree" => gids[..5],
                _ => gids[..5],
            };
            double[][] weights = [.. gids.Select(t => sources.Select(s => GidsToWeights(s, t)).ToArray())];
            double[][] delays = [.. gids.Select(t => sources.Select(s => GidsToDelays(s, t)).ToArray())];

            nest.Connect(nrns, nrns, connspec, new Dictionary<string, object> { ["weight"] = weights, ["delay"] = delays });
            var conns = nest.GetConnections();
            long[] source = conns.Source, target = conns.Target;
            double[] weight = conns.Weight, delay = conns.Delay;

            if (rule == "all_to_all")
            {
                // Weights are assigned in order for all-to-all, so we know precisely which source-target
                // pair shall have which weight and delay
                for (int i = 0; i < source.Length; i++)
                {
                    // pd.testing.assert_series_equal: rtol 1e-5
                    Assert.Equal(GidsToWeights(source[i], target[i]), weight[i], 1e-5 * Math.Abs(weight[i]));
                    Assert.Equal(GidsToDelays(source[i], target[i]), delay[i], 1e-5 * Math.Abs(delay[i]));
                }
            }
            else if (rule == "fixed_indegree")
            {
                // Each target neuron has all the weights passed in but mapping to source neurons is unknown
                // Thus, we extract weight/delays for each target neuron and compare as sets
                for (int ix = 0; ix < N; ix++)
                {
                    var tgt = nrns[ix];
                    if (!tgt.Get<bool>("local")) continue;
                    int gid = tgt.Ids[0];
                    Assert.Equal(weights[ix].ToHashSet(), weight.Where((_, i) => target[i] == gid).ToHashSet());
                    Assert.Equal(Set(delays[ix]), Set(delay.Where((_, i) => target[i] == gid)));
                }
            }
            else
            {
                // Here, we know which set of weights/delays each source neuron has, but we don't know how
                // the target neurons and thus weights/delays are local. Thus, we can only check for having a subset.
                for (int ix = 0; ix < N; ix++)
                {
                    int gid = nrns[ix].Ids[0];
                    Assert.Subset(weights[ix].ToHashSet(), weight.Where((_, i) => source[i] == gid).ToHashSet());
                    Assert.Subset(Set(delays[ix]), Set(delay.Where((_, i) => source[i] == gid)));
                }
            }

            MpiTestWrapper.WriteConnections(nest, MpiTestWrapper.OtherPath(nest.NumProcesses, nest.Rank), conns, ["source", "target", "weight", "delay"]);
        });
    }
}
