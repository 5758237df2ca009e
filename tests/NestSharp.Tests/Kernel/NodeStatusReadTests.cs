namespace NestSharp.Tests.Kernel;

/// <summary>
/// Reading one status key of many nodes (<c>Get(key)</c>, <c>GetValues</c>) reads that key alone, a neuron model's column
/// directly; what it gives must be what each node's whole status shows, for every key of every model.
/// </summary>
public sealed class NodeStatusReadTests
{
    [Fact]
    public void EveryKeyOfEveryModel_ReadAlone_IsWhatTheWholeStatusShows()
    {
        var nest = new Simulator();
        foreach (string model in nest.NodeModels())
        {
            var nodes = nest.Create(model, 3);
            var statuses = nodes.GetStatus();
            foreach (string key in statuses[0].Keys)
            {
                var alone = (object?[])nodes.Get(key);
                for (int k = 0; k < nodes.Count; k++)
                    Assert.True(Same(statuses[k][key], alone[k]), $"{model} node {k}: '{key}' read alone gives {alone[k]}, the status {statuses[k][key]}");
                Assert.True(Same(statuses[0][key], nodes[0].Get(key)), $"{model}: '{key}' of one node");
            }
        }
    }

    private static bool Same(object? a, object? b) => a switch
    {
        double x => b is double y && (x.Equals(y)),
        string or bool or long or int => Equals(a, b),
        _ => System.Text.Json.JsonSerializer.Serialize(a) == System.Text.Json.JsonSerializer.Serialize(b),
    };

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void ColumnsRelativeToE_L_AndPerNodeValues_ReadBackForAnyThreadCount(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var nodes = nest.Create("iaf_psc_alpha", 7);
        nodes.Set("V_m", Enumerable.Range(0, 7).Select(i => -60.0 - i).ToArray());
        nodes[2].Set("E_L", -80.0);
        nodes[4].Set("frozen", true);
        Assert.Equal(Enumerable.Range(0, 7).Select(i => -60.0 - i).ToArray(), nodes.GetValues<double>("V_m"));
        Assert.Equal(new object?[] { -70.0, -70.0, -80.0, -70.0, -70.0, -70.0, -70.0 }, (object?[])nodes.Get("E_L"));
        Assert.Equal(new object?[] { false, false, false, false, true, false, false }, (object?[])nodes.Get("frozen"));
        Assert.Equal(Enumerable.Range(1, 7).Select(i => (object?)(long)i).ToArray(), (object?[])nodes.Get("global_id"));
        Assert.Equal(nodes.GetStatus().Select(s => s["vp"]).ToArray(), (object?[])nodes.Get("vp"));
    }

    [Fact]
    public void MixedModels_GiveNullWhereAModelHasNoSuchKey_AndAKeyNoNodeHasFails()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 2) + nest.Create("spike_recorder") + nest.Create("iaf_psc_exp");
        var vm = (object?[])nodes.Get("V_m");
        Assert.Equal(new object?[] { -70.0, -70.0, null, -70.0 }, vm);
        Assert.Equal(new object?[] { "iaf_psc_alpha", "iaf_psc_alpha", "spike_recorder", "iaf_psc_exp" }, (object?[])nodes.Get("model"));
        var error = Assert.Throws<UnaccessedDictionaryEntryException>(() => nodes.Get("no_such_key"));
        Assert.Contains("'no_such_key'", error.Message, StringComparison.Ordinal);
        Assert.Contains("V_m", error.Message, StringComparison.Ordinal);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nodes[2].Get("V_m"));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => nodes.GetValues<double>("V_m"));
        Assert.Equal(0L, nodes[2].Get<long>("n_events"));
    }
}
