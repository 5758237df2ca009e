using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// det/ experiments of iaf_psc_delta, iaf_psc_exp_htum and the iaf multisynapse models replayed by
/// <see cref="DetReplay"/>: traces and final status bit for bit as NEST's, the same spike steps.
/// </summary>
public sealed class IafFamilyDetReplayTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("iaf_psc_delta_dc")]
    [InlineData("iaf_psc_delta_spikes_dcstep")]
    [InlineData("iaf_psc_delta_refrinput_vmin")]
    [InlineData("iaf_psc_exp_htum_dc")]
    [InlineData("iaf_psc_exp_htum_spikes_dcstep")]
    [InlineData("iaf_psc_exp_htum_abs1_tot8")]
    [InlineData("iaf_psc_alpha_multisynapse_dc")]
    [InlineData("iaf_psc_alpha_multisynapse_spikes_dcstep")]
    [InlineData("iaf_psc_alpha_multisynapse_tau3_0.3_8")]
    [InlineData("iaf_psc_exp_multisynapse_dc")]
    [InlineData("iaf_psc_exp_multisynapse_spikes_dcstep")]
    [InlineData("iaf_psc_exp_multisynapse_tau3_0.3_8")]
    public void SingleNeuron_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }
}
