using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// The conductance-based integrate-and-fire and Hodgkin-Huxley models against NEST 3.10 (Reference/det/), replayed by
/// <see cref="DetReplay"/>: spike input of both signs with DC steps, DC alone, and a variant each (slow synapses,
/// g_K = 4000 nS, V_T = -60 mV). NEST integrates these models with GSL's adaptive RKF45; NestSharp reproduces that
/// scheme operation for operation, so traces and final status equal NEST's bit for bit (the README's "solver
/// tolerance" would allow 1e-6) and spikes fall on the same steps.
/// </summary>
public sealed class CondHhReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("iaf_cond_exp_spikes_dcstep")]
    [InlineData("iaf_cond_exp_dc")]
    [InlineData("iaf_cond_exp_slowsyn")]
    [InlineData("iaf_cond_alpha_spikes_dcstep")]
    [InlineData("iaf_cond_alpha_dc")]
    [InlineData("iaf_cond_alpha_slowsyn")]
    [InlineData("iaf_cond_beta_spikes_dcstep")]
    [InlineData("iaf_cond_beta_dc")]
    [InlineData("iaf_cond_beta_slowsyn")]
    [InlineData("hh_psc_alpha_spikes_dcstep")]
    [InlineData("hh_psc_alpha_dc")]
    [InlineData("hh_psc_alpha_gK4000")]
    [InlineData("hh_cond_exp_traub_spikes_dcstep")]
    [InlineData("hh_cond_exp_traub_dc")]
    [InlineData("hh_cond_exp_traub_VT60")]
    public void Experiment_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }
}
