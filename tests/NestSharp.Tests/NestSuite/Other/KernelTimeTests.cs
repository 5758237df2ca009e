namespace NestSharp.Tests.NestSuite.Other;

/// <summary>The kernel's time grid and delay extrema, as NEST's other/ tests check them.</summary>
public sealed class KernelTimeTests
{
    private static Simulator MinMaxDelayNetwork()
    {
        var nest = new Simulator();
        const double maxDelay = 314.1, minDelay = 2.5;
        var n1 = nest.Create("iaf_psc_alpha");
        var n2 = nest.Create("iaf_psc_alpha");
        var n3 = nest.Create("iaf_psc_alpha");
        nest.Connect(n1, n2, syn: new Dictionary<string, object> { ["delay"] = minDelay });
        nest.Connect(n2, n3, syn: new Dictionary<string, object> { ["delay"] = maxDelay });
        nest.Connect(n3, n1, syn: new Dictionary<string, object> { ["delay"] = maxDelay - minDelay });
        return nest;
    }

    // NEST: other/test_min_max_delay.py::test_min_delay
    [Fact]
    public void MinDelay_IsTheSmallestDelayConnected() => Assert.Equal(2.5, (double)MinMaxDelayNetwork().GetKernelStatus("min_delay"));

    // NEST: other/test_min_max_delay.py::test_max_delay
    [Fact]
    public void MaxDelay_IsTheLargestDelayConnected() => Assert.Equal(314.1, (double)MinMaxDelayNetwork().GetKernelStatus("max_delay"));

    private static Simulator PowerOfTwoGrid()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2, 14), ["resolution"] = Math.Pow(2, -4) });
        nest.SetKernelStatus(new() { ["tics_per_ms"] = Math.Pow(2, 14), ["resolution"] = Math.Pow(2, -4) });
        return nest;
    }

    // NEST: other/test_set_tics.py::test_correct_ticks_per_ms
    [Fact]
    public void TicsPerMs_IsAsSet() => Assert.Equal(Math.Pow(2, 14), Convert.ToDouble(PowerOfTwoGrid().GetKernelStatus("tics_per_ms")));

    // NEST: other/test_set_tics.py::test_correct_resolution
    [Fact]
    public void Resolution_IsAsSet() => Assert.Equal(Math.Pow(2, -4), (double)PowerOfTwoGrid().GetKernelStatus("resolution"));

    // NEST: other/test_set_tics.py::test_correct_tics_per_step
    [Fact]
    public void TicsPerStep_IsResolutionTimesTicsPerMs() => Assert.Equal(1024L, Convert.ToInt64(PowerOfTwoGrid().GetKernelStatus("tics_per_step")));

    // NEST: other/test_set_tics.py::test_correct_ms_per_tic
    [Fact]
    public void MsPerTic_IsTheInverse() => Assert.Equal(Math.Pow(2, -14), (double)PowerOfTwoGrid().GetKernelStatus("ms_per_tic"));

    // NEST: other/test_changing_tic_base.py::TestChangingTicBase::test_models
    [Fact]
    public void ModelDefaults_AreUnchangedByANewTicBase()
    {
        // NEST's ignored_params: keys the grid change adjusts on purpose.
        var ignoredParams = new Dictionary<string, string[]>
        {
            ["correlation_detector"] = ["delta_tau"],
            ["correlomatrix_detector"] = ["delta_tau"],
            ["correlospinmatrix_detector"] = ["delta_tau"],
            ["noise_generator"] = ["dt"],
        };
        // NEST's ignored_models: its defaults hold the last spike's time, converted to ms from step -1.
        string[] ignoredModels = ["iaf_psc_exp_ps_lossless"];
        var nest = new Simulator();
        var models = nest.NodeModels().Concat(nest.SynapseModels()).Where(m => !ignoredModels.Contains(m)).ToArray();
        var reference = models.ToDictionary(m => m, m => nest.GetDefaults(m));
        nest.SetKernelStatus(new() { ["resolution"] = 0.5, ["tics_per_ms"] = 1500.0 });
        var failing = new List<string>();
        foreach (var model in models)
        {
            foreach (var (key, value) in nest.GetDefaults(model))
            {
                if (value is Array or System.Collections.IDictionary or NodeCollection) continue;
                if (ignoredParams.TryGetValue(model, out var ignored) && ignored.Contains(key)) continue;
                object before = reference[model][key];
                if (Equals(value, before)) continue;
                if (value is not IConvertible || Math.Abs(Convert.ToDouble(value) - Convert.ToDouble(before)) > 1e-7)
                    failing.Add($"{model}.{key}: {before} -> {value}");
            }
        }
        Assert.Empty(failing);
    }

    // NEST: other/test_changing_tic_base.py::TestChangingTicBase::test_prohibit_change_tic_base
    [Fact]
    public void TicBase_CannotChangeAfterCopyModelSetDefaultsCreateOrSimulate()
    {
        var changes = new (string After, Action<Simulator> Do)[]
        {
            ("CopyModel", nest => nest.CopyModel("iaf_psc_alpha", "alpha_copy")),
            ("SetDefaults", nest => nest.SetDefaults("multimeter", new() { ["record_to"] = "ascii" })),
            ("Create", nest => nest.Create("multimeter")),
            ("Simulate", nest => nest.Simulate(10.0)),
        };
        foreach (var (after, act) in changes)
        {
            var nest = new Simulator();
            act(nest);
            var e = Assert.ThrowsAny<NestException>(() => nest.SetKernelStatus(new() { ["resolution"] = 0.5, ["tics_per_ms"] = 1500.0 }));
            Assert.True(e is KernelException, $"after {after}: {e.GetType().Name}");
            Assert.Equal(0.1, nest.Resolution);
        }
    }
}
