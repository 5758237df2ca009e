using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// The det/ experiments of the generators (current generators and spike-emitting devices driving an iaf_psc_alpha),
/// replayed by <see cref="DetReplay"/>: the neuron's trace, its spikes, the generator's recorded current or spikes, and
/// the statuses after the run, bit for bit as NEST's.
/// </summary>
public sealed class GeneratorReferenceTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("step_current_generator_steps")]
    [InlineData("step_current_generator_offgrid_startstop")]
    [InlineData("ac_generator_offset")]
    [InlineData("ac_generator_startstop")]
    [InlineData("spike_train_injector_iaf")]
    [InlineData("spike_train_injector_mult_startstop")]
    [InlineData("pulsepacket_generator_sdev0")]
    public void GeneratorDrivingANeuron_MatchesNest(string experiment)
    {
        var run = DetReplay.Run(experiment);
        run.AssertTraces(Agreement.Bitwise, output);
        run.AssertSpikes(output);
        run.AssertFinalStatus(Agreement.Bitwise, output);
    }
}
