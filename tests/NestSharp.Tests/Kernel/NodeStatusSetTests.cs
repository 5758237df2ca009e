namespace NestSharp.Tests.Kernel;

/// <summary>
/// Setting a few keys on many nodes (<c>Set(key, value)</c>, <c>Set(dictionary)</c>) writes a neuron model's columns for
/// a run of nodes at once; what it does, and how it fails, must be what setting each node alone does.
/// </summary>
public sealed class NodeStatusSetTests
{
    private const int N = 5;

    /// <summary>
    /// For every top-level numeric key of every neuron model: a value per node (some valid, some breaking a requirement
    /// or a cross-check) set with one call, and the same values set node by node, end in the same statuses, or fail
    /// with the same exception and message and leave everything as it was.
    /// </summary>
    [Fact]
    public void EveryKeyOfEveryNeuronModel_SetAtOnce_IsWhatSettingEachNodeDoes()
    {
        // Two kernels with the same nodes: one set at once, the other node by node (so that messages name the same ids).
        var nest = new Simulator();
        var twin = new Simulator();
        foreach (string model in nest.NodeModels())
        {
            var probe = nest.Create(model, 1);
            twin.Create(model, 1);
            if (probe.Get<string>("element_type") != "neuron") continue;
            foreach (var (key, value) in probe.GetStatus()[0])
            {
                if (value is not (double or long) || key is "global_id" or "model_id" or "vp" or "thread" or "thread_local_id"
                    or "t_spike" or "archiver_length" or "post_trace" or "frozen")
                {
                    continue;
                }
                foreach (var values in CandidateValues(value))
                {
                    var atOnce = nest.Create(model, N);
                    var oneByOne = twin.Create(model, N);
                    var before = atOnce.GetStatus();
                    var errorAtOnce = Record(() => atOnce.Set(key, values));
                    var errorOneByOne = Record(() => oneByOne.Set(values.Cast<object>().Select(v => new Dictionary<string, object> { [key] = v }).ToArray()));
                    string what = $"{model}.{key} = [{string.Join(", ", values.Cast<object>())}]";
                    Assert.True(errorAtOnce?.GetType() == errorOneByOne?.GetType(), $"{what}: {errorAtOnce?.GetType().Name} at once, {errorOneByOne?.GetType().Name} node by node");
                    Assert.Equal(errorOneByOne?.Message, errorAtOnce?.Message);
                    var after = atOnce.GetStatus();
                    if (errorAtOnce is not null) AssertSameStatuses(before, after, what + " (failed, so unchanged)");
                    else AssertSameStatuses(oneByOne.GetStatus(), after, what);
                }
            }
        }
    }

    /// <summary>Per-node values around <paramref name="current"/>: larger ones, then ones of both signs and a zero.</summary>
    private static IEnumerable<Array> CandidateValues(object current)
    {
        if (current is long whole)
        {
            yield return Enumerable.Range(0, N).Select(i => whole + i).ToArray();
            yield return Enumerable.Range(0, N).Select(i => (long)(i - 2)).ToArray();
            yield break;
        }
        double x = (double)current;
        double scale = double.IsFinite(x) && x != 0 ? Math.Abs(x) : 1.0;
        yield return Enumerable.Range(0, N).Select(i => double.IsFinite(x) ? x + 0.1 * i * scale : x).ToArray();
        yield return Enumerable.Range(0, N).Select(i => (i - 2) * 0.5 * scale).ToArray();
    }

    private static NestException? Record(Action action)
    {
        try
        {
            action();
            return null;
        }
        catch (NestException e)
        {
            return e;
        }
    }

    private static readonly System.Text.Json.JsonSerializerOptions Json =
        new() { NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals };

    private static void AssertSameStatuses(IReadOnlyList<Dictionary<string, object>> expected, IReadOnlyList<Dictionary<string, object>> actual, string what)
    {
        for (int k = 0; k < expected.Count; k++)
        {
            foreach (var (key, value) in expected[k])
            {
                if (key is "global_id" or "vp" or "thread" or "thread_local_id") continue;
                string shouldBe = System.Text.Json.JsonSerializer.Serialize(value, Json), isNow = System.Text.Json.JsonSerializer.Serialize(actual[k][key], Json);
                Assert.True(shouldBe == isNow, $"{what}: node {k} '{key}' is {isNow}, expected {shouldBe}");
            }
        }
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void OneValuePerNode_ReachesItsNode_ForAnyThreadCount(int threads)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var nodes = nest.Create("iaf_psc_alpha", 9);
        double[] vm = [.. Enumerable.Range(0, 9).Select(i => -60.0 - i)];
        nodes.Set(new Dictionary<string, object> { ["V_m"] = vm, ["I_e"] = 3.0, ["E_L"] = new long[] { -70, -71, -72, -73, -74, -75, -76, -77, -78 } });
        Assert.Equal(vm, nodes.GetValues<double>("V_m"));
        Assert.Equal(Enumerable.Repeat(3.0, 9), nodes.GetValues<double>("I_e"));
        Assert.Equal(Enumerable.Range(0, 9).Select(i => -70.0 - i), nodes.GetValues<double>("E_L"));
    }

    [Fact]
    public void AFailingNodeLateInTheCall_ChangesNoNode()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 1000);
        var vReset = Enumerable.Repeat(-60.0, 1000).ToArray();
        vReset[700] = -50.0;   // not below V_th = -55
        var error = Assert.Throws<BadPropertyException>(() => nodes.Set(new Dictionary<string, object> { ["V_m"] = -58.0, ["V_reset"] = vReset }));
        Assert.Contains("V_reset", error.Message, StringComparison.Ordinal);
        Assert.Contains("-50", error.Message, StringComparison.Ordinal);
        Assert.All(nodes.GetValues<double>("V_m"), v => Assert.Equal(-70.0, v));
        Assert.All(nodes.GetValues<double>("V_reset"), v => Assert.Equal(-70.0, v));

        var vm = Enumerable.Repeat(-65.0, 1000).ToArray();
        vm[999] = double.NaN;
        Assert.Throws<BadPropertyException>(() => nodes.Set("V_m", vm));
        Assert.All(nodes.GetValues<double>("V_m"), v => Assert.Equal(-70.0, v));
        Assert.Throws<TypeMismatchException>(() => nodes.Set("V_m", new object[] { -65.0, "high", -65.0 }.Concat(Enumerable.Repeat((object)-65.0, 997)).ToArray()));
        Assert.All(nodes.GetValues<double>("V_m"), v => Assert.Equal(-70.0, v));
    }

    [Fact]
    public void ModelsOfOneCall_AreSetEachByItsOwnPath_AndAKeyOneModelLacksFailsForAll()
    {
        var nest = new Simulator();
        // iaf_psc_delta adds to a Set (it restarts its count-down), so it is set node by node; the others by column.
        var nodes = nest.Create("iaf_psc_alpha", 3) + nest.Create("iaf_psc_delta", 2) + nest.Create("iaf_psc_exp", 3);
        nodes.Set("V_m", Enumerable.Range(0, 8).Select(i => -60.0 - i).ToArray());
        Assert.Equal(Enumerable.Range(0, 8).Select(i => -60.0 - i), nodes.GetValues<double>("V_m"));
        var withDevice = nodes + nest.Create("spike_recorder");
        Assert.Throws<UnaccessedDictionaryEntryException>(() => withDevice.Set("V_m", -50.0));
        Assert.Equal(Enumerable.Range(0, 8).Select(i => -60.0 - i), nodes.GetValues<double>("V_m"));
    }
}
