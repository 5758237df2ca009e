using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Network;

/// <summary>
/// The spike-pairing experiment of Clopath et al. (2010), fig. 2b, as NEST's clopath_synapse_spike_pairing example:
/// NEST's own numbers, and the shape of the published curves (after Sjöström et al. 2001): post-pre pairs depress at
/// low frequencies, pre-post pairs barely change at low frequencies and potentiate more the higher the frequency, and
/// both potentiate at 50 Hz.
/// </summary>
public sealed class ClopathPairingTests
{
    private static readonly double[] Frequencies = [0.1, 1.0, 10.0, 20.0, 30.0, 40.0, 50.0];

    private static readonly Lazy<(ClopathPairingPoint[] PrePost, ClopathPairingPoint[] PostPre)> Curves = new(() =>
        ([.. Frequencies.Select(f => ClopathPairingExperiment.Pair(f, +10.0))],
         [.. Frequencies.Select(f => ClopathPairingExperiment.Pair(f, -10.0))]));

    private static double PrePost(double frequency) => Curves.Value.PrePost[Array.IndexOf(Frequencies, frequency)].NormalizedWeight;

    private static double PostPre(double frequency) => Curves.Value.PostPre[Array.IndexOf(Frequencies, frequency)].NormalizedWeight;

    /// <summary>
    /// NEST's test of the same protocol (testsuite/pytests/synapses/test_clopath_synapse.py,
    /// test_SynapseDepressionFacilitation, aeif_psc_delta_clopath): its spike times (the example's, 9 ms later) and the
    /// normalized weights it expects, to its tolerance (rtol 1e-7).
    /// </summary>
    [Theory]
    [InlineData(new[] { 29.0, 129.0, 229.0, 329.0, 429.0 }, new[] { 19.0, 119.0, 219.0, 319.0, 419.0 }, 57.82638722)]
    [InlineData(new[] { 29.0, 62.3, 95.7, 129.0, 162.3 }, new[] { 19.0, 52.3, 85.7, 119.0, 152.3 }, 72.16730112)]
    [InlineData(new[] { 29.0, 49.0, 69.0, 89.0, 109.0 }, new[] { 19.0, 39.0, 59.0, 79.0, 99.0 }, 149.43359357)]
    [InlineData(new[] { 129.0, 229.0, 329.0, 429.0, 529.0, 629.0 }, new[] { 139.0, 239.0, 339.0, 439.0, 539.0, 639.0 }, 103.30408341)]
    [InlineData(new[] { 62.3, 95.6, 129.0, 162.3, 195.6, 229.0 }, new[] { 72.3, 105.6, 139.0, 172.3, 205.6, 239.0 }, 124.03640668)]
    [InlineData(new[] { 49.0, 69.0, 89.0, 109.0, 129.0, 149.0 }, new[] { 59.0, 79.0, 99.0, 119.0, 139.0, 159.0 }, 157.02882555)]
    public void NestsTestProtocol_GivesNestsWeights(double[] pre, double[] post, double expected)
    {
        double w = ClopathPairingExperiment.FinalWeight(pre, post);
        double normalized = 100.0 * 15.0 * (w - 0.5) / 0.5 + 100.0;

        Assert.True(Math.Abs(normalized - expected) <= 1e-7 * Math.Abs(expected), $"{normalized:R} vs NEST's {expected}");
    }

    [Fact]
    public void ExampleFrequencies_GiveTheSameWeightsAsNestsTest()
    {
        // The example's protocol is NEST's test protocol 9 ms earlier. The neuron is not quite at rest at E_L (the
        // exponential term drives it slowly), so the weights differ slightly: by about 6e-6 here.
        Assert.Equal(57.82638722, PostPre(10.0), 4);
        Assert.Equal(72.16730112, PostPre(30.0), 4);
        Assert.Equal(149.43359357, PostPre(50.0), 4);
        Assert.Equal(103.30408341, PrePost(10.0), 4);
        Assert.Equal(124.03640668, PrePost(30.0), 4);
        Assert.Equal(157.02882555, PrePost(50.0), 4);
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    [InlineData(10.0)]
    [InlineData(20.0)]
    public void PostPrePairs_DepressAtLowFrequencies(double frequency)
    {
        Assert.InRange(PostPre(frequency), 40.0, 80.0); // ours 58-59; Clopath et al. fig. 2b about 70 % in model and data
    }

    [Theory]
    [InlineData(0.1)]
    [InlineData(1.0)]
    public void PrePostPairs_BarelyChangeAtLowFrequencies(double frequency)
    {
        // The pre-synaptic trace has decayed long before the next pairing: about 100 %, as in fig. 2b (no LTP at 0.1 Hz).
        Assert.InRange(PrePost(frequency), 95.0, 105.0);
    }

    [Fact]
    public void PrePostPairs_PotentiateMoreTheHigherTheFrequency()
    {
        double[] high = [10.0, 20.0, 30.0, 40.0, 50.0];
        Assert.All(high, f => Assert.True(PrePost(f) > 100.0, $"{f} Hz: {PrePost(f)}"));
        for (int i = 1; i < high.Length; i++)
            Assert.True(PrePost(high[i]) > PrePost(high[i - 1]) + 5.0, $"{high[i - 1]} Hz: {PrePost(high[i - 1])}, {high[i]} Hz: {PrePost(high[i])}");
        Assert.InRange(PrePost(50.0), 130.0, 180.0);
    }

    [Fact]
    public void PostPrePairs_TurnToPotentiationAtHighFrequencies()
    {
        Assert.True(PostPre(30.0) > PostPre(20.0));
        Assert.True(PostPre(40.0) > PostPre(30.0));
        Assert.True(PostPre(50.0) > 120.0, $"50 Hz: {PostPre(50.0)}");
    }

    [Fact]
    public void PrePostPairs_AreAbovePostPrePairsAtEveryFrequency()
    {
        foreach (double f in Frequencies)
            Assert.True(PrePost(f) > PostPre(f), $"{f} Hz: pre-post {PrePost(f)}, post-pre {PostPre(f)}");
    }

    [Fact]
    public void SpikeTimes_AreTheExamplesForItsFrequencies_AndPairsTenMsApartOtherwise()
    {
        var (pre, post) = ClopathPairingExperiment.SpikeTimes(30.0, +10.0);
        Assert.Equal([53.3, 86.6, 120.0, 153.3, 186.6, 220.0], pre);
        Assert.Equal([63.3, 96.6, 130.0, 163.3, 196.6, 230.0], post);
        (pre, post) = ClopathPairingExperiment.SpikeTimes(30.0, -10.0);
        Assert.Equal([20.0, 53.3, 86.7, 120.0, 153.3], pre);
        Assert.Equal([10.0, 43.3, 76.7, 110.0, 143.3], post);

        (pre, post) = ClopathPairingExperiment.SpikeTimes(0.1, +10.0);
        Assert.Equal([10020.0, 20020.0, 30020.0, 40020.0, 50020.0, 60020.0], pre);
        Assert.Equal(pre.Select(t => t + 10.0), post);
        (pre, post) = ClopathPairingExperiment.SpikeTimes(4.0, -10.0);
        Assert.Equal([20.0, 270.0, 520.0, 770.0, 1020.0], pre);
        Assert.Equal([10.0, 260.0, 510.0, 760.0, 1010.0], post);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-5.0)]
    [InlineData(50.5)]
    [InlineData(double.NaN)]
    public void FrequencyOutOfRange_IsRejected(double frequency)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ClopathPairingExperiment.SpikeTimes(frequency, 10.0));
    }
}
