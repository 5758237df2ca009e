namespace NestSharp.Tests.Models;

/// <summary>
/// A small recurrent network of one neuron model driven by Poisson input (excitatory and inhibitory recurrent
/// connections, two delays, the given synapse model), run on a given number of threads: its spikes (with their
/// offsets) and the V_m traces of every neuron, in a canonical order. The model tests require the same results,
/// bit for bit, for 1, 2 and 4 threads.
/// </summary>
internal static class ModelThreadRuns
{
    public sealed record Result(long[] Senders, double[] Times, double[] Offsets, long[] SampledSenders, double[] SampledTimes, double[] Vm);

    public static Result Run(string model, int threads, Dictionary<string, object> parameters, double driveWeight, double recurrentWeight,
        int recurrentReceptor = 0, string recurrentSynapse = "static_synapse", double simTime = 200.0)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 1234L });
        var neurons = nest.Create(model, 23, parameters);
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 15000.0 });
        nest.Connect(noise, neurons, syn: new Dictionary<string, object> { ["weight"] = driveWeight, ["delay"] = 1.0 });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(4), new Dictionary<string, object>
        {
            ["synapse_model"] = recurrentSynapse, ["weight"] = recurrentWeight, ["delay"] = 1.0, ["receptor_type"] = recurrentReceptor,
        });
        nest.Connect(neurons, neurons, Rule.FixedIndegree(2), new Dictionary<string, object>
        {
            ["synapse_model"] = recurrentSynapse, ["weight"] = -2.0 * recurrentWeight, ["delay"] = 1.7, ["receptor_type"] = recurrentReceptor,
        });
        var recorder = nest.Create("spike_recorder", 1, new() { ["time_in_steps"] = true });
        nest.Connect(neurons, recorder);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 0.5 });
        nest.Connect(meter, neurons);
        nest.Simulate(simTime);

        var spikes = NestSuite.NestSuiteHelpers.Events(recorder);
        long[] senders = (long[])spikes["senders"];
        double[] times = Array.ConvertAll((long[])spikes["times"], t => (double)t);
        double[] offsets = (double[])spikes["offsets"];
        int[] order = Enumerable.Range(0, senders.Length).OrderBy(i => times[i]).ThenBy(i => senders[i]).ThenByDescending(i => offsets[i]).ToArray();

        long[] sampledSenders = NestSuite.NestSuiteHelpers.Longs(meter, "senders");
        double[] sampledTimes = NestSuite.NestSuiteHelpers.Doubles(meter, "times");
        double[] vm = NestSuite.NestSuiteHelpers.Doubles(meter, "V_m");
        int[] sampled = Enumerable.Range(0, sampledSenders.Length).OrderBy(i => sampledTimes[i]).ThenBy(i => sampledSenders[i]).ToArray();
        return new Result(
            order.Select(i => senders[i]).ToArray(), order.Select(i => times[i]).ToArray(), order.Select(i => offsets[i]).ToArray(),
            sampled.Select(i => sampledSenders[i]).ToArray(), sampled.Select(i => sampledTimes[i]).ToArray(), sampled.Select(i => vm[i]).ToArray());
    }

    /// <summary>Runs on 1, 2 and 4 threads and requires identical results; returns the one-thread run.</summary>
    public static Result AssertThreadInvariant(string model, Dictionary<string, object> parameters, double driveWeight, double recurrentWeight,
        int recurrentReceptor = 0, string recurrentSynapse = "static_synapse")
    {
        var one = Run(model, 1, parameters, driveWeight, recurrentWeight, recurrentReceptor, recurrentSynapse);
        Assert.True(one.Senders.Length > 50, $"{model}: only {one.Senders.Length} spikes");
        foreach (int threads in new[] { 2, 4 })
        {
            var many = Run(model, threads, parameters, driveWeight, recurrentWeight, recurrentReceptor, recurrentSynapse);
            Assert.Equal(one.Senders, many.Senders);
            Assert.Equal(one.Times, many.Times);
            Assert.Equal(one.Offsets, many.Offsets);
            Assert.Equal(one.SampledSenders, many.SampledSenders);
            Assert.Equal(one.Vm, many.Vm);
        }
        return one;
    }
}
