using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// iaf_chs_2007's det/ experiments, written by NEST 3.10 from the spec in Reference/generate/iaf_chs_2007_reference.py
/// (positive and ignored negative spikes; a noise signal over two Simulate calls; other time constants with spike
/// multiplicities), replayed by <see cref="DetReplay"/>: traces and final status bit for bit as NEST's, the same spike
/// steps.
/// </summary>
public sealed class IafChs2007ReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("iaf_chs_2007_spikes")]
    [InlineData("iaf_chs_2007_noise")]
    [InlineData("iaf_chs_2007_tau3_reset1.5")]
    public void SingleNeuron_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }
}
