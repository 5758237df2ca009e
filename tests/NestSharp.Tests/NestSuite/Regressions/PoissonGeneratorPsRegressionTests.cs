using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NEST's regression tests of poisson_generator_ps: identical trains across resolutions within (start, stop]
/// (ticket 156), a run that once failed an assertion (157), 1000 targets (514), and precise parrots with plastic
/// synapses (ticket 85, its parrot_neuron_ps rows; NestSharp has none of the other precise models it lists).
/// </summary>
public sealed class PoissonGeneratorPsRegressionTests
{
    // NEST: testsuite/pytests/regressions/test_ticket_156.py::test_ticket_156
    [Fact]
    public void TestTicket156()
    {
        const double origin = 0.0, start = 1.0, stop = 2.0;
        double[] resolutions = [0.01, 0.1, 0.2, 0.5, 1.0];
        double simtime = stop + 2.0;

        double[] SingleTrial(double h)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["resolution"] = h });
            var pg = nest.Create("poisson_generator_ps", 1, new() { ["origin"] = origin, ["start"] = start, ["stop"] = stop, ["rate"] = 12345.0 });
            var srs = nest.Create("spike_recorder", 2);
            nest.Connect(pg, srs, syn: new Dictionary<string, object> { ["delay"] = 1.0, ["weight"] = 1.0 });
            nest.Simulate(simtime);

            double[] first = Doubles(srs[0], "times"), second = Doubles(srs[1], "times");
            // the two recorders recorded different times
            Assert.False(first.SequenceEqual(second));
            // all spike times are in (start, stop]
            var all = first.Concat(second).ToArray();
            Assert.All(all, t => Assert.True(t > origin + start && t <= origin + stop, $"spike at {t:R}"));
            return all;
        }

        var results = resolutions.Select(SingleTrial).ToArray();
        foreach (var train in results.Skip(1))
        {
            // numpy.allclose(train, results[0], atol=1e-15): |a - b| <= atol + 1e-5 |b|
            Assert.Equal(results[0].Length, train.Length);
            for (int i = 0; i < train.Length; i++) Assert.True(Math.Abs(train[i] - results[0][i]) <= 1e-15 + 1e-5 * Math.Abs(results[0][i]));
        }
    }

    // NEST: testsuite/pytests/regressions/test_ticket_157.py::test_ticket_157
    [Fact]
    public void TestTicket157()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1 });
        var n = nest.Create("iaf_psc_alpha");
        var p = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 10000.0 });
        nest.Connect(p, n);
        nest.Simulate(3.0);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_514.py::test_ticket_514
    [Fact]
    public void TestTicket514()
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator_ps");
        var neurons = nest.Create("iaf_psc_delta", 1000);
        nest.Connect(pg, neurons);
        Assert.Equal(neurons.Count, nest.GetConnections(pg, neurons).Count);
    }

    // NEST: testsuite/pytests/regressions/test_ticket_85.py::test_ticket_85_can_create_plastic_connections[parrot_neuron_ps]
    [Fact]
    public void TestTicket85CanCreatePlasticConnections()
    {
        var nest = new Simulator();
        var pre = nest.Create("parrot_neuron_ps");
        var post = nest.Create("parrot_neuron_ps");
        nest.Connect(pre, post, Rule.OneToOne(), "stdp_synapse");
    }

    // NEST: testsuite/pytests/regressions/test_ticket_85.py::test_ticket_85_archiving_node_exposes_tau_minus[parrot_neuron_ps]
    [Fact]
    public void TestTicket85ArchivingNodeExposesTauMinus()
    {
        var nest = new Simulator();
        var neuron = nest.Create("parrot_neuron_ps");
        Assert.True(neuron.GetStatus()[0].ContainsKey("tau_minus"));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_85.py::test_ticket_85_archiving_node_tracks_last_spike[parrot_neuron_ps]
    [Fact]
    public void TestTicket85ArchivingNodeTracksLastSpike()
    {
        var nest = new Simulator();
        var spikeGenerator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 10.0 } });
        var neuron = nest.Create("parrot_neuron_ps");
        var recorder = nest.Create("spike_recorder");
        nest.Connect(spikeGenerator, neuron, syn: new Dictionary<string, object> { ["weight"] = 10000.0, ["delay"] = 1.0 });
        nest.Connect(neuron, recorder);
        nest.Simulate(20.0);
        var times = Doubles(recorder, "times");
        Assert.Equal(times[^1], neuron.Get<double>("t_spike"));
    }

    // NEST: testsuite/pytests/regressions/test_ticket_85.py::test_ticket_85_plasticity_changes_weight
    [Fact]
    public void TestTicket85PlasticityChangesWeight()
    {
        var nest = new Simulator();
        var generator = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 100.0 });
        var source = nest.Create("parrot_neuron_ps");
        var target = nest.Create("parrot_neuron_ps");
        const double initialWeight = 1000.0;
        nest.Connect(generator, source);
        nest.Connect(source, target, syn: new Dictionary<string, object>
        {
            ["synapse_model"] = "stdp_synapse", ["weight"] = initialWeight, ["delay"] = 1.0,
        });
        nest.Simulate(100.0);
        double finalWeight = Convert.ToDouble(nest.GetConnections(source).Get("weight")); // one connection: a number, as in PyNEST
        // pytest.approx: relative tolerance 1e-6
        Assert.True(Math.Abs(finalWeight - initialWeight) > 1e-6 * initialWeight, $"weight {finalWeight:R}");
    }
}
