using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// aeif_cond_exp, aeif_cond_alpha, aeif_psc_exp and aeif_psc_alpha against NEST 3.10 (Reference/det/): each model with
/// excitatory and inhibitory spike trains and a stepped I_e (spikes_dcstep), with a constant I_e (dc), and with other
/// adaptation parameters and a refractory time (adapt2). NestSharp integrates these models with the same adaptive
/// RKF45 scheme as NEST's GSL set-up (gsl_error_tol 1e-6), operation for operation, so every recorded variable and the
/// final status equal NEST's bit for bit (the reference's solver tolerance would allow 1e-6), and every spike falls on
/// NEST's step.
/// </summary>
public sealed class AeifReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("aeif_cond_exp_spikes_dcstep")]
    [InlineData("aeif_cond_exp_dc")]
    [InlineData("aeif_cond_exp_adapt2")]
    [InlineData("aeif_cond_alpha_spikes_dcstep")]
    [InlineData("aeif_cond_alpha_dc")]
    [InlineData("aeif_cond_alpha_adapt2")]
    [InlineData("aeif_psc_exp_spikes_dcstep")]
    [InlineData("aeif_psc_exp_dc")]
    [InlineData("aeif_psc_exp_adapt2")]
    [InlineData("aeif_psc_alpha_spikes_dcstep")]
    [InlineData("aeif_psc_alpha_dc")]
    [InlineData("aeif_psc_alpha_adapt2")]
    public void Experiment_MatchesNestBitForBit(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }
}
