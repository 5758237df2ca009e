using NestSharp.Cli.Experiments;

namespace NestSharp.Tests.Cli;

/// <summary>
/// The microcircuit's derived parameters against the reference implementation's (INM-6/microcircuit-PD14-model v1.0,
/// network.py __derive_parameters with helpers.py, evaluated in Python with numpy; the numbers are copied here).
/// </summary>
public sealed class MicrocircuitModelTests
{
    [Fact]
    public void FullScale_Has77169NeuronsAndTheReferencesSynapseNumbers()
    {
        var model = new MicrocircuitModel(1.0, 1.0, MicrocircuitBackground.Poisson);
        Assert.Equal(77169, model.Neurons.Sum());
        Assert.Equal(298_880_968L, model.TotalSynapses);
        long[] toL23E = [45499805, 22323577, 20253647, 9670918, 3293578, 0, 2271404, 0];
        for (int j = 0; j < 8; j++) Assert.Equal(toL23E[j], model.Synapses[0, j]);
        Assert.Equal(new long[] { 0, 0, 2045393, 315791, 0, 0, 682419, 52636 }, model.ThalamicSynapses);
        Assert.All(model.DcAmplitudes, dc => Assert.Equal(0.0, dc));
    }

    [Fact]
    public void SynapseNumber_IsLogOfOneMinusPOverLogOfOneMinusInversePairs()
    {
        // L4E -> L23E: p = 0.0437 between 21915 sources and 20683 targets.
        double pairs = 21915.0 * 20683.0;
        double expected = Math.Log(1 - 0.0437) / Math.Log(1 - 1 / pairs);
        var model = new MicrocircuitModel(0.3, 0.7, MicrocircuitBackground.Poisson);
        Assert.Equal(Math.Round(expected * 0.3 * 0.7), model.Synapses[0, 2]);
    }

    [Fact]
    public void PscOverPsp_AndWeights_AreTheReferences()
    {
        const double pscOverPsp = 585.3899568613896;
        Assert.Equal(pscOverPsp, MicrocircuitModel.PscOverPsp(250.0, 10.0, 0.5), 10);
        var model = new MicrocircuitModel(1.0, 1.0, MicrocircuitBackground.Poisson);
        Assert.Equal(0.15 * pscOverPsp, model.MeanWeights[0, 0], 9);
        Assert.Equal(-0.6 * pscOverPsp, model.MeanWeights[0, 1], 9);
        Assert.Equal(0.3 * pscOverPsp, model.MeanWeights[0, 2], 9); // L4E -> L23E is doubled
        Assert.Equal(0.15 * pscOverPsp, model.MeanWeights[1, 2], 9);
        Assert.Equal(87.80849352920843, model.ThalamicWeight, 9);
    }

    [Fact]
    public void DcBackground_IsTheMeanOfThePoissonInput()
    {
        double[] reference = [561.9743585869339, 526.8509611752506, 737.5913456453509, 667.3445508219841, 702.4679482336676, 667.3445508219841, 1018.5785249388178, 737.5913456453509];
        var model = new MicrocircuitModel(1.0, 1.0, MicrocircuitBackground.Dc);
        for (int i = 0; i < 8; i++) Assert.Equal(reference[i], model.DcAmplitudes[i], 9);
    }

    [Theory]
    [InlineData(MicrocircuitBackground.Poisson, new[] { 29.03500917400055, 112.37119818355629, 112.96972161898731, 114.99034928139332, 125.41827675997985, 151.68446638693985, 43.84688963971723, 153.70971965061688 })]
    [InlineData(MicrocircuitBackground.Dc, new[] { 206.74690514869212, 278.97610065982974, 346.21658508577, 326.02322575133957, 347.5581467283444, 362.7173428568861, 365.94970109384576, 386.9565831173996 })]
    public void ScaledInDegrees_AreCompensatedByTheReferencesDcInput(MicrocircuitBackground background, double[] reference)
    {
        var model = new MicrocircuitModel(0.1, 0.1, background);
        Assert.Equal(new[] { 2068, 583, 2192, 548, 485, 106, 1440, 295 }, model.Neurons);
        Assert.Equal(2_988_807L, model.TotalSynapses);
        Assert.Equal(new[] { 160, 150, 210, 190, 200, 190, 290, 210 }, model.ExternalInDegreesScaled);
        for (int i = 0; i < 8; i++) Assert.Equal(reference[i], model.DcAmplitudes[i], 9);
        Assert.Equal(0.15 * 585.3899568613896 / Math.Sqrt(0.1), model.ExternalWeight, 9);
        Assert.Equal(277.67483746045554, model.ThalamicWeight, 9);
        Assert.Equal(new long[] { 0, 0, 204539, 31579, 0, 0, 68242, 5264 }, model.ThalamicSynapses);
    }

    [Fact]
    public void ScalingOnlyNeurons_KeepsWeightsAndAddsNoCurrent()
    {
        var model = new MicrocircuitModel(0.1, 1.0, MicrocircuitBackground.Poisson);
        Assert.Equal(29_888_097L, model.TotalSynapses);
        Assert.Equal(0.15 * 585.3899568613896, model.MeanWeights[0, 0], 9);
        Assert.All(model.DcAmplitudes, dc => Assert.Equal(0.0, dc));
    }

    [Fact]
    public void NonPositiveScale_IsRejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new MicrocircuitModel(0.0, 1.0, MicrocircuitBackground.Poisson));
        Assert.Throws<ArgumentOutOfRangeException>(() => new MicrocircuitModel(1.0, -0.1, MicrocircuitBackground.Poisson));
    }

    [Fact]
    public void IsiCv_IsStdOverMeanOfIntervals()
    {
        // intervals 10, 20, 30: mean 20, population sd sqrt(200/3)
        Assert.Equal(Math.Sqrt(200.0 / 3.0) / 20.0, MicrocircuitStatistics.IsiCv([0.0, 10.0, 30.0, 60.0]), 12);
    }

    [Fact]
    public void Correlation_IsPearsonsAndUndefinedForSilentNeurons()
    {
        Assert.Equal(1.0, MicrocircuitStatistics.Correlation([0, 1, 2, 1], [0, 2, 4, 2]), 12);
        Assert.Equal(-1.0, MicrocircuitStatistics.Correlation([1, 0, 1, 0], [0, 1, 0, 1]), 12);
        Assert.True(double.IsNaN(MicrocircuitStatistics.Correlation([0, 0, 0, 0], [0, 1, 0, 1])));
    }

    [Fact]
    public void Statistics_CountSpikesInTheClosedInterval()
    {
        // Neuron 10: spikes at 100 (edge), 150, 200 (edge); neuron 11: 99.9 (outside); neuron 12: none.
        long[] senders = [10, 11, 10, 10];
        double[] times = [100.0, 99.9, 150.0, 200.0];
        var s = MicrocircuitStatistics.Compute("X", 10, 3, senders, times, 100.0, 200.0);
        Assert.Equal(new[] { 30.0, 0.0, 0.0 }, s.Rates);
        Assert.Equal(10.0, s.MeanRateHz, 12);
        Assert.Equal(1, s.CvNeurons);
        Assert.Equal(0.0, s.MeanCv, 12);
    }
}
