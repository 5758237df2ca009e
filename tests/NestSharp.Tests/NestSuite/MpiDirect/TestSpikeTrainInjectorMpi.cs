namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/4/test_spike_train_injector_mpi.py, on 4 in-process ranks.</summary>
public sealed class TestSpikeTrainInjectorMpi
{
    // NEST: testsuite/pytests/mpi_direct/4/test_spike_train_injector_mpi.py::test_spike_train_injector_multiplicities
    [Theory]
    [InlineData(new[] { 1.0, 2.0 }, new[] { 3, 5 }, false)]
    [InlineData(new[] { 1.007, 1.993 }, new[] { 2, 7 }, true)]
    public void Multiplicities_AreRepeatedByTheParrots_OnEveryRank(double[] times, int[] multiplicities, bool precise) => MpiRanks.Run(4, nest =>
    {
        nest.ResetKernel();
        var inj = nest.Create("spike_train_injector", 1, new()
        {
            ["spike_times"] = times,
            ["spike_multiplicities"] = multiplicities,
            ["precise_times"] = precise,
        });

        var parrots = nest.Create(precise ? "parrot_neuron_ps" : "parrot_neuron", 4);
        var srec = nest.Create("spike_recorder", 4);

        const double delay = 1.3;
        nest.Connect(inj, parrots, syn: new Dictionary<string, object> { ["delay"] = delay });
        nest.Connect(parrots, srec, "one_to_one");

        nest.Simulate(4.0);

        var expected = new List<double>();
        foreach (var (t, m) in times.Zip(multiplicities)) expected.AddRange(Enumerable.Repeat(t + delay, m));

        for (int i = 0; i < parrots.Count; i++)
        {
            var p = parrots[i];
            if (!p.Get<bool>("local")) continue;
            long[] senders = NestSuiteHelpers.Longs(srec[i], "senders");
            double[] eventTimes = NestSuiteHelpers.Doubles(srec[i], "times");
            Assert.All(senders, s => Assert.Equal(p.Ids[0], s));
            Assert.Equal(expected.Count, eventTimes.Length); // pytest.approx of a list compares lengths first
            for (int k = 0; k < expected.Count; k++) Assert.Equal(expected[k], eventTimes[k], expected[k] * 1e-6);
        }
    });
}
