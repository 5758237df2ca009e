namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's testsuite/pytests/neurons/test_ignore_and_spike_mechanism.py for eprop_iaf and iaf_psc_delta: with ignore_and_spike set, the neuron fires first ignore_and_spike_offset after its creation
/// or after the offset was last set, then every ignore_and_spike_interval, whatever its membrane does.
/// </summary>
public sealed class IgnoreAndSpikeMechanismTests
{
    private const double SimDuration = 10.0;
    private const double Resolution = 1.0;

    private static Simulator NewKernel()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Resolution });
        return nest;
    }

    // NEST: testsuite/pytests/neurons/test_ignore_and_spike_mechanism.py::test_invalid_ignore_and_spike_parameters
    [Theory]
    [InlineData(0.0, 10.0, "eprop_iaf")]
    [InlineData(2.0, 0.0, "eprop_iaf")]
    [InlineData(0.0, 10.0, "iaf_psc_delta")]
    [InlineData(2.0, 0.0, "iaf_psc_delta")]
    public void InvalidOffsetOrInterval_IsRefused(double offset, double interval, string neuronModel)
    {
        var nest = NewKernel();
        Assert.ThrowsAny<NestException>(() => nest.Create(neuronModel, 1, new()
        {
            ["ignore_and_spike"] = true, ["ignore_and_spike_offset"] = offset, ["ignore_and_spike_interval"] = interval,
        }));
    }

    // NEST: testsuite/pytests/neurons/test_ignore_and_spike_mechanism.py::test_ignore_and_spike_generates_expected_spikes
    [Theory]
    [InlineData("eprop_iaf")]
    [InlineData("iaf_psc_delta")]
    public void ForcedSpikes_FollowOffsetAndInterval_AcrossSetsAndRuns(string neuronModel)
    {
        var nest = NewKernel();
        var recorder = nest.Create("spike_recorder");
        var expected = new List<(long Sender, double Time)>();
        var lastSpike = new Dictionary<int, double>();

        var nrn = nest.Create(neuronModel, 1, new()
        {
            ["ignore_and_spike"] = true, ["ignore_and_spike_offset"] = 1.0, ["ignore_and_spike_interval"] = 2.0,
        });
        nest.Connect(nrn, recorder);
        var all = nrn;

        nrn.Set(new Dictionary<string, object> { ["ignore_and_spike_offset"] = 2.0, ["ignore_and_spike_interval"] = 3.0 });
        SimulateAndExpect(nest, all, [nrn], expected, lastSpike);
        SimulateAndExpect(nest, all, [], expected, lastSpike);

        nrn.Set(new Dictionary<string, object> { ["ignore_and_spike_offset"] = 2.0, ["ignore_and_spike_interval"] = 4.0 });
        SimulateAndExpect(nest, all, [nrn], expected, lastSpike);

        var nrn1 = nest.Create(neuronModel, 1, new()
        {
            ["ignore_and_spike"] = true, ["ignore_and_spike_offset"] = 2.0, ["ignore_and_spike_interval"] = 3.0,
        });
        nest.Connect(nrn1, recorder);
        all += nrn1;
        SimulateAndExpect(nest, all, [nrn1], expected, lastSpike);

        nrn1.Set(new Dictionary<string, object> { ["ignore_and_spike_offset"] = 4.0, ["ignore_and_spike_interval"] = 20.0 });
        SimulateAndExpect(nest, all, [nrn1], expected, lastSpike);

        long[] senders = NestSuiteHelpers.Longs(recorder, "senders");
        double[] times = NestSuiteHelpers.Doubles(recorder, "times");
        var simulated = senders.Zip(times).OrderBy(e => e.Second).ThenBy(e => e.First).Select(e => e.Second).ToArray();
        var wanted = expected.OrderBy(e => e.Time).ThenBy(e => e.Sender).Select(e => e.Time).ToArray();
        Assert.Equal(wanted.Length, simulated.Length);
        for (int i = 0; i < wanted.Length; i++) Assert.True(Math.Abs(simulated[i] - wanted[i]) <= 1e-9 * Math.Abs(wanted[i]), $"spike {i}: {simulated[i]} vs {wanted[i]}");
    }

    /// <summary>The expected forced spikes of the next <see cref="SimDuration"/> ms for every node, then the simulation.</summary>
    private static void SimulateAndExpect(Simulator nest, NodeCollection all, NodeCollection[] updated,
        List<(long, double)> expected, Dictionary<int, double> lastSpike)
    {
        double start = Convert.ToDouble(nest.GetKernelStatus("biological_time"));
        double stop = start + SimDuration;
        var updatedIds = updated.SelectMany(u => u.Ids).ToHashSet();
        for (int position = 0; position < all.Count; position++)
        {
            var node = all[position];
            int id = all.Ids[position];
            double offset = node.Get<double>("ignore_and_spike_offset"), interval = node.Get<double>("ignore_and_spike_interval");
            double first = updatedIds.Contains(id) || !lastSpike.TryGetValue(id, out double last) ? start + offset : last + interval;
            // numpy.arange(first, stop + 0.5 * RESOLUTION, interval)
            int count = (int)Math.Max(0, Math.Ceiling((stop + 0.5 * Resolution - first) / interval));
            for (int k = 0; k < count; k++) expected.Add((id, first + k * interval));
            if (count > 0) lastSpike[id] = first + (count - 1) * interval;
        }
        nest.Simulate(SimDuration);
    }
}
