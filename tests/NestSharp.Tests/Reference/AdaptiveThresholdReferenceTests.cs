using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// izhikevich (NEST's own explicit update), mat2_psc_exp and amat2_psc_exp (adaptive thresholds, no reset) and
/// gif_psc_exp (made deterministic: see <c>determinism_check</c> in the JSON) against NEST 3.10's det/ experiments,
/// replayed by <see cref="DetReplay"/>: traces and final status bit for bit as NEST's, the same spike steps.
/// </summary>
public sealed class AdaptiveThresholdReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("izhikevich_spikes_dcstep")]
    [InlineData("izhikevich_dc")]
    [InlineData("izhikevich_chattering")]
    [InlineData("mat2_psc_exp_spikes_dcstep")]
    [InlineData("mat2_psc_exp_dc")]
    [InlineData("mat2_psc_exp_alpha20_5")]
    [InlineData("amat2_psc_exp_spikes_dcstep")]
    [InlineData("amat2_psc_exp_dc")]
    [InlineData("amat2_psc_exp_beta1")]
    [InlineData("gif_psc_exp_spikes_dcstep")]
    [InlineData("gif_psc_exp_dc")]
    [InlineData("gif_psc_exp_sfa2_stc1")]
    public void SingleNeuron_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }
}
