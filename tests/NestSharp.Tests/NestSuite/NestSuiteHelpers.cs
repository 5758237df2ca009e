namespace NestSharp.Tests.NestSuite;

/// <summary>
/// What the ports of NEST's pytests share: reading a recorder's <c>events</c>, the models NestSharp has that a NEST
/// test selects by their defaults (as the pytests build their parametrisations from <c>nest.node_models</c>), and a
/// scratch directory for files.
/// </summary>
internal static class NestSuiteHelpers
{
    /// <summary><c>device.events</c>.</summary>
    public static Dictionary<string, object> Events(NodeCollection device) => (Dictionary<string, object>)device.Get("events");

    /// <summary><c>device.events[key]</c> as reals (times in ms, recorded values).</summary>
    public static double[] Doubles(NodeCollection device, string key) => (double[])Events(device)[key];

    /// <summary><c>device.events[key]</c> as integers (senders, times in steps, targets, ports).</summary>
    public static long[] Longs(NodeCollection device, string key) => (long[])Events(device)[key];

    /// <summary>The node models whose defaults satisfy <paramref name="select"/>, in name order.</summary>
    public static TheoryData<string> NodeModelsWhere(Func<Dictionary<string, object>, bool> select)
    {
        var nest = new Simulator();
        var data = new TheoryData<string>();
        foreach (var model in nest.NodeModels())
        {
            if (select(nest.GetDefaults(model))) data.Add(model);
        }
        return data;
    }

    /// <summary>NEST's <c>[m for m in nest.node_models if nest.GetDefaults(m).get("recordables")]</c>: models with a non-empty recordables list.</summary>
    public static TheoryData<string> ModelsWithRecordables() =>
        NodeModelsWhere(d => d.TryGetValue("recordables", out var r) && r is string[] { Length: > 0 });

    /// <summary>numpy.testing.assert_almost_equal of arrays: same length, and |desired - actual| &lt; 1.5 · 10^-decimal for each element.</summary>
    public static void AssertAlmostEqual(IReadOnlyList<double> desired, IReadOnlyList<double> actual, int decimalPlaces = 7)
    {
        Assert.Equal(desired.Count, actual.Count);
        double bound = 1.5 * Math.Pow(10, -decimalPlaces);
        for (int i = 0; i < desired.Count; i++)
        {
            Assert.True(Math.Abs(desired[i] - actual[i]) < bound,
                $"element {i}: desired {desired[i]:R}, actual {actual[i]:R} (not almost equal to {decimalPlaces} decimals)");
        }
    }

    /// <summary>The recordables of a node (<c>nrn.recordables</c>).</summary>
    public static string[] Recordables(NodeCollection node) => node.Get<string[]>("recordables");
}

/// <summary>A fresh directory under the system temp folder for files a test writes, deleted on dispose.</summary>
internal sealed class ScratchDirectory : IDisposable
{
    public ScratchDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "nestsharp-nestsuite-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
