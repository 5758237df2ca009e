using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// aeif_cond_beta_multisynapse against NEST 3.10 (Reference/det/aeif_cond_beta_multisynapse_*, written with NEST 3.10
/// by the generator of shared/reference in its format): three receptor ports (E_rev 0, 0 and -85 mV or 0, -75 and
/// 10 mV, one port with tau_rise = tau_decay, one with tau_decay a hair above tau_rise) with spike trains and a stepped
/// I_e (spikes_dcstep), a constant I_e (dc), and other adaptation parameters with a refractory time (adapt2). NestSharp
/// integrates the 2 + 2n state components with the same adaptive RKF45 steps as NEST's GSL set-up, so traces, spikes
/// and the final status (dg and g included) agree bit for bit.
/// </summary>
public sealed class AeifCondBetaMultisynapseReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("aeif_cond_beta_multisynapse_spikes_dcstep")]
    [InlineData("aeif_cond_beta_multisynapse_dc")]
    [InlineData("aeif_cond_beta_multisynapse_adapt2")]
    public void Experiment_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
        AssertStateArrays(run);
    }

    /// <summary>The per-port state dg and g after the run (arrays, which AssertFinalStatus leaves out) as NEST's.</summary>
    private void AssertStateArrays(DetRun run)
    {
        var expected = run.Setup.GetProperty("neuron_status_after_sim");
        foreach (string key in (string[])["dg", "g"])
        {
            double[] nest = expected.GetProperty(key).EnumerateArray().Select(e => e.GetDouble()).ToArray();
            double[] ours = (double[])run.Observed.Get(key);
            Assert.Equal(nest.Length, ours.Length);
            double worst = 0.0;
            for (int k = 0; k < nest.Length; k++)
            {
                Assert.True(Agreement.Bitwise.Holds(ours[k], nest[k]), $"{key}[{k}]: ours {ours[k]}, NEST {nest[k]}");
                worst = Math.Max(worst, Math.Abs(ours[k] - nest[k]));
            }
            output.WriteLine($"{run.Experiment}: {key} ({nest.Length} ports) max |diff| {worst}");
        }
    }

    /// <summary>With two threads the neuron is updated by the second virtual process: the same traces and spikes.</summary>
    [Theory]
    [InlineData("aeif_cond_beta_multisynapse_spikes_dcstep")]
    [InlineData("aeif_cond_beta_multisynapse_adapt2")]
    public void Experiment_WithTwoThreads_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment, threads: 2);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
    }
}
