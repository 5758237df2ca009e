using System.Text.Json;
using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>
/// parrot_neuron and spike_generator's <c>spike_weights</c> / <c>spike_multiplicities</c> against NEST 3.10: each test
/// rebuilds the parrot_spike_weights or parrot_multiplicities experiment of <c>Reference/det/</c> from its JSON (nodes in
/// NEST's id order, connections with their weights and delays) and compares spikes exactly and the iaf_psc_alpha targets'
/// traces to 1e-9.
/// </summary>
public sealed class ParrotReferenceTests(ITestOutputHelper output)
{
    /// <summary>Largest allowed deviation from NEST: mV for V_m, pA for I_syn_ex and I_syn_in.</summary>
    private const double Tolerance = 1e-9;

    /// <summary>
    /// The targets' model: the JSON gives only their parameters; parrot_multiplicities names it iaf_psc_alpha, and the
    /// traces show the alpha response (I_syn_ex still 0 at the arrival sample, rising after it).
    /// </summary>
    private const string TargetModel = "iaf_psc_alpha";

    private static readonly string[] Recordables = ["V_m", "I_syn_ex", "I_syn_in"];

    [Fact]
    public void ParrotNeuron_WithWeightedGeneratorSpikes_RepeatsSpikesAsNest()
    {
        var run = RunSpikeWeights();
        var expected = ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(run.Files.GetProperty("parrot_spikes").GetString()!));
        ReferenceAssert.SpikesMatch(expected, (Dictionary<string, object>)run.ParrotRecorder.Get("events"));
        output.WriteLine($"parrot_spike_weights: {expected.Length} parrot spikes identical to NEST");
    }

    [Fact]
    public void SpikeGenerator_WithSpikeWeights_DrivesTargetsAsNest()
    {
        var run = RunSpikeWeights();
        var expected = ReferenceData.ReadCsv(run.Files.GetProperty("targets_trace (sender,time,...)").GetString()!);
        var events = (Dictionary<string, object>)run.Multimeter.Get("events");
        Assert.Equal(expected.Rows.Length, ((long[])events["senders"]).Length);
        foreach (long target in run.TargetIds)
        {
            var deviations = ReferenceAssert.TraceMatches(expected.OfSender(target), events, target, Recordables, Tolerance);
            output.WriteLine($"parrot_spike_weights target {target}: max |diff| "
                + string.Join(", ", deviations.Select(d => $"{d.Key} {d.Value:R}")));
        }
    }

    [Fact]
    public void ParrotNeuron_WithMultiplicities_RepeatsEachSpikeAsNest()
    {
        var run = RunMultiplicities();
        var expected = ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(run.Files.GetProperty("parrot_spikes").GetString()!));
        ReferenceAssert.SpikesMatch(expected, (Dictionary<string, object>)run.ParrotRecorder.Get("events"));
        output.WriteLine($"parrot_multiplicities: {expected.Length} parrot spikes identical to NEST");
    }

    [Fact]
    public void SpikeRecorder_WithGeneratorMultiplicities_RecordsEachSpikeAsNest()
    {
        var run = RunMultiplicities();
        var expected = ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(run.Files.GetProperty("generator_spikes").GetString()!));
        ReferenceAssert.SpikesMatch(expected, (Dictionary<string, object>)run.GeneratorRecorder!.Get("events"));
        output.WriteLine($"parrot_multiplicities: {expected.Length} generator spikes identical to NEST");
    }

    [Fact]
    public void ParrotNeuron_WithMultiplicities_DrivesTargetAsNest()
    {
        var run = RunMultiplicities();
        var expected = ReferenceData.ReadCsv(run.Files.GetProperty("target_trace").GetString()!);
        var events = (Dictionary<string, object>)run.Multimeter.Get("events");
        long target = Assert.Single(run.TargetIds);
        Assert.All((long[])events["senders"], s => Assert.Equal(target, s));
        var deviations = ReferenceAssert.TraceMatches(expected, events, target, Recordables, Tolerance);
        output.WriteLine("parrot_multiplicities target: max |diff| " + string.Join(", ", deviations.Select(d => $"{d.Key} {d.Value:R}")));
    }

    private sealed record ExperimentRun(
        JsonElement Files, long[] TargetIds, NodeCollection Multimeter, NodeCollection ParrotRecorder, NodeCollection? GeneratorRecorder);

    /// <summary>
    /// parrot_spike_weights: nodes created in the order of the JSON's <c>nodes</c> ids (sg, parrot, two targets), the
    /// JSON's connections, a multimeter on the targets and a spike recorder on the parrot.
    /// </summary>
    private static ExperimentRun RunSpikeWeights()
    {
        var setup = ReferenceData.Experiment("parrot_spike_weights");
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));

        var nodes = new Dictionary<string, NodeCollection>();
        foreach (var node in setup.GetProperty("nodes").EnumerateObject().OrderBy(p => p.Value.GetInt64()))
        {
            nodes[node.Name] = node.Name switch
            {
                "sg" => nest.Create("spike_generator", 1, ReferenceData.ToStatus(setup.GetProperty("spike_generator"))),
                "parrot" => nest.Create("parrot_neuron"),
                _ => nest.Create(TargetModel, 1, ReferenceData.ToStatus(setup.GetProperty("target_params"))),
            };
            Assert.Equal(node.Value.GetInt64(), nodes[node.Name].Ids[0]);
        }
        foreach (var c in setup.GetProperty("connections").EnumerateArray())
            nest.Connect(nodes[c.GetProperty("from").GetString()!], nodes[c.GetProperty("to").GetString()!], syn: SynSpecOf(c));

        var targets = nodes.Where(n => n.Key.StartsWith("tgt_", StringComparison.Ordinal)).Select(n => n.Value).Aggregate((a, b) => a + b);
        var multimeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = Recordables });
        var parrotRecorder = nest.Create("spike_recorder");
        nest.Connect(multimeter, targets);
        nest.Connect(nodes["parrot"], parrotRecorder);

        nest.Simulate(setup.GetProperty("sim_time_ms").GetDouble());
        Assert.Equal(setup.GetProperty("kernel").GetProperty("min_delay").GetDouble(), (double)nest.GetKernelStatus("min_delay"));
        return new ExperimentRun(setup.GetProperty("files"), targets.Ids.Select(id => (long)id).ToArray(), multimeter, parrotRecorder, null);
    }

    /// <summary>
    /// parrot_multiplicities: nodes created on first mention in the JSON's connection list (spike_generator 1,
    /// parrot_neuron 2, iaf_psc_alpha 3, then the two spike recorders), those connections, and a multimeter on the target.
    /// </summary>
    private static ExperimentRun RunMultiplicities()
    {
        var setup = ReferenceData.Experiment("parrot_multiplicities");
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));

        var nodes = new Dictionary<string, NodeCollection>();
        NodeCollection NodeNamed(string name)
        {
            if (nodes.TryGetValue(name, out var existing)) return existing;
            string model = name.Split('(')[0];   // "spike_recorder(2)" is a second spike_recorder
            return nodes[name] = model switch
            {
                "spike_generator" => nest.Create(model, 1, ReferenceData.ToStatus(setup.GetProperty("spike_generator"))),
                TargetModel => nest.Create(model, 1, ReferenceData.ToStatus(setup.GetProperty("target_params"))),
                _ => nest.Create(model),
            };
        }
        foreach (var c in setup.GetProperty("connections").EnumerateArray())
        {
            var pre = NodeNamed(c.GetProperty("from").GetString()!);
            var post = NodeNamed(c.GetProperty("to").GetString()!);
            if (c.TryGetProperty("weight", out _)) nest.Connect(pre, post, syn: SynSpecOf(c));
            else nest.Connect(pre, post);
        }
        Assert.Equal(1, nodes["spike_generator"].Ids[0]);
        Assert.Equal(2, nodes["parrot_neuron"].Ids[0]);

        var multimeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = Recordables });
        nest.Connect(multimeter, nodes[TargetModel]);

        nest.Simulate(setup.GetProperty("sim_time_ms").GetDouble());
        Assert.Equal(setup.GetProperty("kernel").GetProperty("min_delay").GetDouble(), (double)nest.GetKernelStatus("min_delay"));
        return new ExperimentRun(setup.GetProperty("files"), [nodes[TargetModel].Ids[0]], multimeter,
            ParrotRecorder: nodes["spike_recorder"], GeneratorRecorder: nodes["spike_recorder(2)"]);
    }

    private static Dictionary<string, object> SynSpecOf(JsonElement connection) => new()
    {
        ["weight"] = connection.GetProperty("weight").GetDouble(),
        ["delay"] = connection.GetProperty("delay_ms").GetDouble(),
    };
}
