using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.Models;

/// <summary>
/// A spike_recorder connected directly to a generator that draws a train for each target gets its own draw, as one
/// more target, and records it as spikes of the generator stamped at the end of the step (no delay), a spike of
/// multiplicity k as k events (what NEST 3.10 does; expected counts and windows checked against the built NEST).
/// </summary>
public sealed class RecordedGeneratorTests
{
    public static TheoryData<string, double> Generators => new()
    {
        // model, expected number of spikes in 1000 ms with the parameters of Create below
        { "poisson_generator", 1000 },
        { "sinusoidal_poisson_generator", 1000 },
        { "gamma_sup_generator", 5000 },
        { "ppd_sup_generator", 5000 },
        { "mip_generator", 500 },
        { "inhomogeneous_poisson_generator", 750 },
    };

    private static NodeCollection Create(Simulator nest, string model) => nest.Create(model, 1, model switch
    {
        "poisson_generator" => new() { ["rate"] = 1000.0 },
        "sinusoidal_poisson_generator" => new() { ["rate"] = 1000.0, ["amplitude"] = 500.0, ["frequency"] = 10.0 },
        "gamma_sup_generator" => new() { ["rate"] = 1000.0, ["gamma_shape"] = 2L, ["n_proc"] = 5L },
        "ppd_sup_generator" => new() { ["rate"] = 1000.0, ["dead_time"] = 0.5, ["n_proc"] = 5L },
        "mip_generator" => new() { ["rate"] = 1000.0, ["p_copy"] = 0.5 },
        "inhomogeneous_poisson_generator" => new() { ["rate_times"] = new[] { 0.1, 500.0 }, ["rate_values"] = new[] { 1000.0, 500.0 } },
        _ => throw new ArgumentException(model),
    });

    private static List<(long Sender, double Time)> Events(NodeCollection recorder) =>
        Longs(recorder, "senders").Zip(Doubles(recorder, "times")).ToList();

    [Theory]
    [MemberData(nameof(Generators))]
    public void ARecorderOfTheGenerator_RecordsItsOwnTrain_AtTheExpectedRate(string model, double expected)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("rng_seed", 17L);
        var g = Create(nest, model);
        var recorders = nest.Create("spike_recorder", 2);
        nest.Connect(g, recorders);
        nest.Simulate(1000.0);

        var first = Events(recorders[0]);
        var second = Events(recorders[1]);
        foreach (var events in new[] { first, second })
        {
            // Counts are near Poisson (the superpositions of n_proc processes too): 5 standard deviations.
            Assert.InRange(events.Count, expected - 5 * Math.Sqrt(expected), expected + 5 * Math.Sqrt(expected));
            Assert.All(events, e => Assert.Equal(g.Ids[0], e.Sender));
            Assert.All(events, e => Assert.Equal(Math.Round(e.Time * 10), e.Time * 10, 9));
            Assert.All(events, e => Assert.InRange(e.Time, 0.2, 1000.0));
        }
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void SpikesAreStampedAtTheEndOfTheStep_InNestsWindow_AndMultiplicityIsRepeated()
    {
        // NEST 3.10: rate 1e5/s, start 10, stop 20 records times 10.2 ... 20.1, 100 steps of about 10 spikes each.
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 1e5, ["start"] = 10.0, ["stop"] = 20.0 });
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, sr);
        nest.Simulate(50.0);

        var times = Doubles(sr, "times");
        var distinct = times.Distinct().Order().ToArray();
        Assert.Equal(100, distinct.Length);
        Assert.Equal(10.2, distinct[0], 9);
        Assert.Equal(20.1, distinct[^1], 9);
        Assert.InRange(times.Length, 1000 - 5 * Math.Sqrt(1000), 1000 + 5 * Math.Sqrt(1000));
        Assert.True(times.Length > distinct.Length);
    }

    [Fact]
    public void TheConnectionDelay_DoesNotShiftTheRecordedTimes()
    {
        double[] Run(double delay)
        {
            var nest = new Simulator();
            var pg = nest.Create("poisson_generator", 1, new() { ["rate"] = 1000.0 });
            var sr = nest.Create("spike_recorder");
            nest.Connect(pg, sr, null, new Dictionary<string, object> { ["delay"] = delay });
            nest.Simulate(200.0);
            return Doubles(sr, "times");
        }
        var times = Run(1.0);
        Assert.NotEmpty(times);
        Assert.Equal(times, Run(5.0));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void RecordedEvents_AreTheSameForAnyNumberOfThreads(string model, double expected)
    {
        _ = expected;
        (List<(long, double)> Direct, List<(long, double)> Neurons) Run(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus("local_num_threads", threads);
            nest.SetKernelStatus("rng_seed", 5L);
            var parrots = nest.Create("parrot_neuron", 5);
            var g = Create(nest, model);
            var direct = nest.Create("spike_recorder", 2);
            var ofParrots = nest.Create("spike_recorder");
            nest.Connect(g, parrots);
            nest.Connect(g, direct);
            nest.Connect(parrots, ofParrots);
            nest.Simulate(150.0);
            var events = Events(direct[0]).Concat(Events(direct[1])).ToList();
            return (events, Events(ofParrots).Order().ToList());
        }
        var one = Run(1);
        Assert.NotEmpty(one.Direct);
        foreach (int threads in new[] { 2, 3 })
        {
            var other = Run(threads);
            Assert.Equal(one.Direct, other.Direct);
            Assert.Equal(one.Neurons, other.Neurons);
        }
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void ARecorderOfTheGenerator_DoesNotChangeWhatItsOtherTargetsGet(string model, double expected)
    {
        _ = expected;
        List<(long, double)> Run(bool recordGenerator)
        {
            var nest = new Simulator();
            nest.SetKernelStatus("rng_seed", 9L);
            var parrots = nest.Create("parrot_neuron", 3);
            var g = Create(nest, model);
            var sr = nest.Create("spike_recorder");
            if (recordGenerator) nest.Connect(g, nest.Create("spike_recorder"));
            nest.Connect(g, parrots);
            nest.Connect(parrots, sr);
            nest.Simulate(200.0);
            return Events(sr).Order().ToList();
        }
        var without = Run(false);
        Assert.NotEmpty(without);
        Assert.Equal(without, Run(true));
    }

    [Fact]
    public void TheConnection_IsListedWithTheRecorderAsTarget()
    {
        var nest = new Simulator();
        var pg = nest.Create("poisson_generator");
        var sr = nest.Create("spike_recorder");
        nest.Connect(pg, sr);
        var conns = nest.GetConnections(source: pg);
        Assert.Equal([(long)pg.Ids[0]], conns.Source);
        Assert.Equal([(long)sr.Ids[0]], conns.Target);
    }

    [Fact]
    public void ACurrentGenerator_StillCannotBeRecordedBySpikeRecorder()
    {
        var nest = new Simulator();
        var dc = nest.Create("dc_generator");
        var sr = nest.Create("spike_recorder");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(dc, sr));
    }
}
