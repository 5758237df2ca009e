using System.Globalization;
using System.Text.Json;
using Xunit.Abstractions;

namespace NestSharp.Tests.Reference;

/// <summary>How close NestSharp must come to NEST: |ours - nest| &lt;= Absolute + Relative · |nest|.</summary>
public sealed record Agreement(double Absolute, double Relative)
{
    /// <summary>Exact integration and NEST's own update rules: 1e-9 absolute (mV, pA, nS) and 1e-9 relative.</summary>
    public static Agreement Exact { get; } = new(1e-9, 1e-9);

    /// <summary>
    /// The same bits as NEST's output: exact integration with NEST's propagators and NEST's expm1, in NEST's order of
    /// operations (the CSV files hold each double in its shortest round-trip form, so parsing gives back the exact value).
    /// </summary>
    public static Agreement Bitwise { get; } = new(0, 0);

    public bool Holds(double actual, double expected) =>
        actual == expected || Math.Abs(actual - expected) <= Absolute + Relative * Math.Abs(expected);
}

/// <summary>
/// Rebuilds and simulates any experiment of <c>Reference/det/</c> written by NEST's <c>generate/</c> scripts from its
/// JSON alone, in NEST's creation and connection order (see <c>Reference/README.md</c>, "Layout of the experiments"):
/// <list type="bullet">
/// <item>a single neuron (<c>model</c>): the neuron, one device per entry of <c>inputs</c>, the recorder, a spike
/// recorder, recorders of the devices' own output, extra recorders; I_e follows the <c>dc_input</c> windows;</item>
/// <item>a synapse pair (<c>synapse_model</c>): spike_generator → parrot_neuron → post through a copy of the synapse
/// model that reports to a weight_recorder (and reads a volume_transmitter fed by a parrot for dopamine).</item>
/// </list>
/// The returned <see cref="DetRun"/> compares what NestSharp recorded with NEST's files.
/// </summary>
public static class DetReplay
{
    /// <summary>Keys of an input object that describe the connection or NEST's output, not the device's parameters.</summary>
    private static readonly HashSet<string> InputConnectionKeys =
        ["device", "synapse_model", "weight", "weight_pA", "weight_nS", "weight_unit", "delay_ms", "receptor_type", "node_id", "device_status_after_sim"];

    /// <summary>
    /// Builds and simulates <paramref name="experiment"/> (<c>det/&lt;experiment&gt;.json</c>), with
    /// <paramref name="threads"/> threads if given (else the JSON's local_num_threads).
    /// </summary>
    public static DetRun Run(string experiment, int? threads = null)
    {
        var setup = ReferenceData.Experiment(experiment);
        var nest = new Simulator();
        ReferenceData.ApplyKernel(nest, setup.GetProperty("kernel"));
        if (threads is { } n) nest.SetKernelStatus(new() { ["local_num_threads"] = n });
        var run = new DetRun(experiment, setup, nest);
        if (setup.TryGetProperty("synapse_connection", out _)) BuildSynapsePair(run);
        else if (setup.TryGetProperty("model", out _)) BuildSingleNeuron(run);
        else throw new InvalidDataException($"{experiment}: neither a single-neuron nor a synapse-pair experiment.");

        var nodes = setup.GetProperty("nodes");
        foreach (var node in nodes.EnumerateObject())
        {
            Assert.True(run.Nodes.TryGetValue(node.Name, out var built), $"{experiment}: node '{node.Name}' was not built.");
            Assert.Equal(node.Value.GetInt64(), built.Ids[0]);
        }
        return run;
    }

    private static void BuildSingleNeuron(DetRun run)
    {
        var setup = run.Setup;
        var nest = run.Nest;
        string model = setup.GetProperty("model").GetString()!;
        var neuron = nest.Create(model, 1, ReferenceData.ToStatus(setup.GetProperty("neuron_params_set")));
        run.Nodes[model + "(neuron)"] = neuron;
        run.Observed = neuron;

        var inputs = setup.GetProperty("inputs").EnumerateArray().ToArray();
        var devices = new NodeCollection[inputs.Length];
        for (int i = 0; i < inputs.Length; i++)
        {
            var input = inputs[i];
            string device = input.GetProperty("device").GetString()!;
            var parameters = input.EnumerateObject().Where(p => !InputConnectionKeys.Contains(p.Name))
                .ToDictionary(p => p.Name, p => ReferenceData.ToValue(p.Value));
            devices[i] = nest.Create(device, 1, parameters);
            run.Nodes[$"input{i}:{device}"] = devices[i];
            var syn = new Dictionary<string, object>
            {
                ["synapse_model"] = input.GetProperty("synapse_model").GetString()!,
                ["weight"] = WeightOf(input),
                ["delay"] = input.GetProperty("delay_ms").GetDouble(),
            };
            if (input.TryGetProperty("receptor_type", out var receptor) && receptor.ValueKind == JsonValueKind.Number)
                syn["receptor_type"] = receptor.GetInt64();
            nest.Connect(devices[i], neuron, syn: syn);
        }

        var recording = setup.GetProperty("recording");
        string recorderModel = recording.GetProperty("recorder_model").GetString()!;
        var recorder = nest.Create(recorderModel, 1, new()
        {
            ["interval"] = recording.GetProperty("multimeter_interval_ms").GetDouble(),
            ["record_from"] = Names(recording.GetProperty("record_from")),
        });
        nest.Connect(recorder, neuron);
        run.Nodes[recorderModel] = recorder;
        run.Traces.Add(new TraceRecording(recording.GetProperty("trace_csv").GetString()!, recorder, neuron.Ids[0],
            Names(recording.GetProperty("record_from")), recording.GetProperty("n_rows").GetInt32()));

        var spikeRecorder = nest.Create("spike_recorder");
        nest.Connect(neuron, spikeRecorder);
        run.Nodes["spike_recorder"] = spikeRecorder;
        run.Spikes.Add(new SpikeRecording(recording.GetProperty("spikes_csv").GetString()!, spikeRecorder,
            setup.GetProperty("n_output_spikes").GetInt32()));

        var nodeNames = setup.GetProperty("nodes").EnumerateObject().Select(n => n.Name).ToHashSet();
        for (int i = 0; i < inputs.Length; i++)
        {
            if (nodeNames.Contains($"multimeter(input{i})"))
            {
                var recordFrom = Names(recording.GetProperty($"input{i}_record_from"));
                var multimeter = nest.Create("multimeter", 1, new()
                {
                    ["interval"] = recording.GetProperty("multimeter_interval_ms").GetDouble(),
                    ["record_from"] = recordFrom,
                });
                nest.Connect(multimeter, devices[i]);
                run.Nodes[$"multimeter(input{i})"] = multimeter;
                run.Traces.Add(new TraceRecording(recording.GetProperty($"input{i}_trace_csv").GetString()!, multimeter,
                    devices[i].Ids[0], recordFrom, recording.GetProperty($"input{i}_n_rows").GetInt32()));
            }
            if (nodeNames.Contains($"spike_recorder(input{i})"))
            {
                var recorderOfDevice = nest.Create("spike_recorder");
                nest.Connect(devices[i], recorderOfDevice);
                run.Nodes[$"spike_recorder(input{i})"] = recorderOfDevice;
                run.Spikes.Add(new SpikeRecording(recording.GetProperty($"input{i}_spikes_csv").GetString()!, recorderOfDevice,
                    recording.GetProperty($"input{i}_n_spikes").GetInt32()));
            }
        }

        if (recording.TryGetProperty("voltmeter_defaults", out var extra))
        {
            var voltmeter = nest.Create(extra.GetProperty("model").GetString()!, 1, ReferenceData.ToStatus(extra.GetProperty("params_set")));
            nest.Connect(voltmeter, neuron);
            run.Nodes["voltmeter_defaults"] = voltmeter;
            run.Traces.Add(new TraceRecording(extra.GetProperty("csv").GetString()!, voltmeter, neuron.Ids[0], ["V_m"],
                extra.GetProperty("n_rows").GetInt32()));
        }

        var windows = DcWindows(setup);
        double t = 0;
        foreach (var call in setup.GetProperty("simulate_calls_ms").EnumerateArray())
        {
            if (windows.Length > 0)
            {
                var window = windows.FirstOrDefault(w => w.From <= t + 1e-9 && t < w.To - 1e-9);
                neuron.Set("I_e", window?.Current ?? 0.0);
            }
            nest.Simulate(call.GetDouble());
            t += call.GetDouble();
        }
    }

    private static void BuildSynapsePair(DetRun run)
    {
        var setup = run.Setup;
        var nest = run.Nest;
        var recording = setup.GetProperty("recording");
        var sgPre = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(setup.GetProperty("pre_spike_generator_times_ms")) });
        run.Nodes["sg_pre"] = sgPre;
        NodeCollection? sgPost = null;
        setup.TryGetProperty("post_drive", out var drive);
        if (drive.ValueKind == JsonValueKind.Object)
        {
            sgPost = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(drive.GetProperty("spike_times")) });
            run.Nodes["sg_post"] = sgPost;
        }
        var parrot = nest.Create("parrot_neuron");
        run.Nodes["pre_parrot"] = parrot;
        var post = nest.Create(setup.GetProperty("post_model").GetString()!, 1, ReferenceData.ToStatus(setup.GetProperty("post_params_set")));
        run.Nodes["post"] = post;
        run.Observed = post;
        var weightRecorder = nest.Create("weight_recorder");
        run.Nodes["weight_recorder"] = weightRecorder;

        var common = ReferenceData.ToStatus(setup.GetProperty("synapse_common_properties"));
        common["weight_recorder"] = weightRecorder;
        NodeCollection? sgDopa = null, dopaParrot = null, volumeTransmitter = null;
        if (setup.TryGetProperty("dopamine", out var dopamine))
        {
            sgDopa = nest.Create("spike_generator", 1, new() { ["spike_times"] = ReferenceData.Doubles(dopamine.GetProperty("spike_generator_times_ms")) });
            dopaParrot = nest.Create("parrot_neuron");
            long deliverInterval = dopamine.GetProperty("volume_transmitter_status_after_sim").GetProperty("deliver_interval").GetInt64();
            volumeTransmitter = nest.Create("volume_transmitter", 1, new() { ["deliver_interval"] = deliverInterval });
            run.Nodes["sg_dopa"] = sgDopa;
            run.Nodes["dopa_parrot"] = dopaParrot;
            run.Nodes["volume_transmitter"] = volumeTransmitter;
            common["volume_transmitter"] = volumeTransmitter;
        }
        string synapseModel = setup.GetProperty("synapse_model").GetString()!;
        run.SynapseCopy = synapseModel + "_wr";
        nest.CopyModel(synapseModel, run.SynapseCopy, common);

        nest.Connect(sgPre, parrot, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = PreDelay(setup) });
        if (sgPost is not null)
        {
            nest.Connect(sgPost, post, syn: new Dictionary<string, object>
            {
                ["synapse_model"] = drive.GetProperty("synapse_model").GetString()!,
                ["weight"] = WeightOf(drive),
                ["delay"] = drive.GetProperty("delay_ms").GetDouble(),
            });
        }
        if (dopaParrot is not null)
        {
            nest.Connect(sgDopa!, dopaParrot, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["delay"] = 1.0 });
            nest.Connect(dopaParrot, volumeTransmitter!);
        }
        var syn = new Dictionary<string, object> { ["synapse_model"] = run.SynapseCopy };
        foreach (var p in setup.GetProperty("synapse_connection").EnumerateObject())
            syn[p.Name == "delay_ms" ? "delay" : p.Name] = ReferenceData.ToValue(p.Value);
        nest.Connect(parrot, post, syn: syn);

        var spikeRecorder = nest.Create("spike_recorder");
        run.Nodes["spike_recorder"] = spikeRecorder;
        nest.Connect(dopaParrot is null ? parrot + post : parrot + post + dopaParrot, spikeRecorder);
        run.Spikes.Add(new SpikeRecording(recording.GetProperty("spikes_csv").GetString()!, spikeRecorder, -1));

        var recordFrom = Names(recording.GetProperty("record_from"));
        var multimeter = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = recordFrom });
        nest.Connect(multimeter, post);
        run.Nodes["multimeter"] = multimeter;
        run.Traces.Add(new TraceRecording(recording.GetProperty("post_trace_csv").GetString()!, multimeter, post.Ids[0], recordFrom,
            recording.GetProperty("n_rows").GetInt32()));
        run.WeightRecorder = weightRecorder;
        run.Connections = nest.GetConnections(parrot, post);

        foreach (var call in setup.GetProperty("simulate_calls_ms").EnumerateArray()) nest.Simulate(call.GetDouble());
    }

    /// <summary>The delay of the spike_generator → parrot connection, as the <c>pre</c> text of the JSON states it.</summary>
    private static double PreDelay(JsonElement setup)
    {
        string pre = setup.GetProperty("pre").GetString()!;
        const string Marker = "delay ";
        int at = pre.IndexOf(Marker, StringComparison.Ordinal);
        string number = new(pre[(at + Marker.Length)..].TakeWhile(c => char.IsAsciiDigit(c) || c == '.').ToArray());
        return double.Parse(number, CultureInfo.InvariantCulture);
    }

    private static double WeightOf(JsonElement input)
    {
        foreach (string key in (string[])["weight_pA", "weight_nS", "weight"])
        {
            if (input.TryGetProperty(key, out var w)) return w.GetDouble();
        }
        throw new InvalidDataException($"input without a weight: {input}");
    }

    private static string[] Names(JsonElement array) => array.EnumerateArray().Select(e => e.GetString()!).ToArray();

    private sealed record DcWindow(double From, double To, double Current);

    private static DcWindow[] DcWindows(JsonElement setup)
    {
        if (!setup.TryGetProperty("dc_input", out var dc) || dc.ValueKind == JsonValueKind.Null) return [];
        var windows = dc.ValueKind == JsonValueKind.Array ? dc.EnumerateArray().ToArray() : [dc];
        return windows.Select(w => new DcWindow(w.GetProperty("from_ms").GetDouble(), w.GetProperty("to_ms").GetDouble(),
            w.GetProperty("I_e_pA").GetDouble())).ToArray();
    }
}

/// <summary>A multimeter-like recorder of one sender whose events NEST wrote to <see cref="Csv"/>.</summary>
internal sealed record TraceRecording(string Csv, NodeCollection Recorder, long Sender, string[] RecordFrom, int Rows);

/// <summary>A spike recorder whose events NEST wrote to <see cref="Csv"/> (<see cref="Count"/> spikes, or -1: unstated).</summary>
internal sealed record SpikeRecording(string Csv, NodeCollection Recorder, int Count);

/// <summary>A replayed det/ experiment: what NestSharp built and recorded, and the comparisons with NEST's output.</summary>
public sealed class DetRun
{
    /// <summary>Keys of a connection's status that describe NEST's memory or numbering, not the connection.</summary>
    private static readonly HashSet<string> NestInternalConnectionKeys = ["sizeof", "synapse_id", "synapse_modelid"];

    internal DetRun(string experiment, JsonElement setup, Simulator nest)
    {
        Experiment = experiment;
        Setup = setup;
        Nest = nest;
    }

    public string Experiment { get; }

    /// <summary>The experiment's JSON.</summary>
    public JsonElement Setup { get; }

    public Simulator Nest { get; }

    /// <summary>The nodes by the names of the JSON's <c>nodes</c> object.</summary>
    public Dictionary<string, NodeCollection> Nodes { get; } = [];

    /// <summary>The neuron whose trace and status the experiment records (the single neuron, or post).</summary>
    public NodeCollection Observed { get; internal set; } = null!;

    /// <summary>The parrot → post connection of a synapse pair.</summary>
    public SynapseCollection? Connections { get; internal set; }

    /// <summary>The name of the synapse model's copy in a synapse pair (<c>&lt;model&gt;_wr</c>).</summary>
    public string? SynapseCopy { get; internal set; }

    internal NodeCollection? WeightRecorder { get; set; }

    internal List<TraceRecording> Traces { get; } = [];

    internal List<SpikeRecording> Spikes { get; } = [];

    /// <summary>Every trace the experiment recorded: same sample times, each recordable within <paramref name="agreement"/>.</summary>
    public void AssertTraces(Agreement agreement, ITestOutputHelper? output = null)
    {
        Assert.NotEmpty(Traces);
        foreach (var trace in Traces)
        {
            var expected = ReferenceData.ReadCsv(trace.Csv);
            Assert.Equal(trace.Rows, expected.Rows.Length);
            var events = (Dictionary<string, object>)trace.Recorder.Get("events");
            var senders = (long[])events["senders"];
            var times = (double[])events["times"];
            int[] rows = Enumerable.Range(0, senders.Length).Where(i => senders[i] == trace.Sender).OrderBy(i => times[i]).ToArray();
            Assert.True(rows.Length == senders.Length, $"{trace.Csv}: events from senders other than {trace.Sender}.");
            Assert.True(rows.Length == expected.Rows.Length, $"{trace.Csv}: NestSharp recorded {rows.Length} samples, NEST {expected.Rows.Length}.");
            double[] expectedTimes = expected.Column("time");
            for (int i = 0; i < rows.Length; i++)
            {
                if (times[rows[i]] != expectedTimes[i])
                    Assert.Fail($"{trace.Csv}, sample {i}: NestSharp time {R(times[rows[i]])}, NEST {R(expectedTimes[i])}.");
            }

            var deviations = new List<string>();
            foreach (string name in trace.RecordFrom)
            {
                var actual = (double[])events[name];
                double[] reference = expected.Column(name);
                double max = 0;
                for (int i = 0; i < rows.Length; i++)
                {
                    double a = actual[rows[i]], e = reference[i];
                    if (!agreement.Holds(a, e))
                    {
                        Assert.Fail($"{trace.Csv}, {name} at t = {R(expectedTimes[i])}: NestSharp {R(a)}, NEST {R(e)} " +
                            $"(allowed {R(agreement.Absolute)} + {R(agreement.Relative)}·|NEST|).");
                    }
                    if (a != e) max = Math.Max(max, Math.Abs(a - e));
                }
                deviations.Add($"{name} {R(max)}");
            }
            output?.WriteLine($"{Experiment}: {trace.Csv}: {rows.Length} samples, max |diff| {string.Join(", ", deviations)}");
        }
    }

    /// <summary>Every spike recording of the experiment: the identical (sender, time) pairs.</summary>
    public void AssertSpikes(ITestOutputHelper? output = null)
    {
        Assert.NotEmpty(Spikes);
        foreach (var spikes in Spikes)
        {
            var expected = ReferenceAssert.SpikesOf(ReferenceData.ReadCsv(spikes.Csv));
            if (spikes.Count >= 0) Assert.Equal(spikes.Count, expected.Length);
            var events = (Dictionary<string, object>)spikes.Recorder.Get("events");
            var senders = (long[])events["senders"];
            var times = (double[])events["times"];
            var actual = senders.Zip(times).OrderBy(s => s.Second).ThenBy(s => s.First).ToArray();
            string Show(IEnumerable<(long, double)> list) => string.Join(" ", list.Select(s => $"{s.Item1}@{R(s.Item2)}"));
            Assert.True(expected.SequenceEqual(actual), $"{spikes.Csv}: NestSharp [{Show(actual)}], NEST [{Show(expected)}].");
            output?.WriteLine($"{Experiment}: {spikes.Csv}: {expected.Length} spikes identical to NEST");
        }
    }

    /// <summary>The weight_recorder events of a synapse pair: same times, senders, targets, receptors, ports; weights within <paramref name="agreement"/>.</summary>
    public void AssertWeights(Agreement agreement, ITestOutputHelper? output = null)
    {
        Assert.NotNull(WeightRecorder);
        var expected = ReferenceData.ReadCsv(Setup.GetProperty("recording").GetProperty("weights_csv").GetString()!);
        Assert.Equal(Setup.GetProperty("recording").GetProperty("n_weight_events").GetInt32(), expected.Rows.Length);
        var events = (Dictionary<string, object>)WeightRecorder.Get("events");
        var times = (double[])events["times"];
        int[] order = Enumerable.Range(0, times.Length).OrderBy(i => times[i]).ToArray();
        Assert.True(order.Length == expected.Rows.Length, $"{Experiment}: NestSharp recorded {order.Length} weight events, NEST {expected.Rows.Length}.");
        foreach (string column in (string[])["times", "senders", "targets", "receptors", "ports"])
        {
            double[] ours = order.Select(i => Convert.ToDouble(((Array)events[column]).GetValue(i), CultureInfo.InvariantCulture)).ToArray();
            Assert.True(expected.Column(column).SequenceEqual(ours),
                $"{Experiment}: weight events' {column}: NestSharp [{string.Join(" ", ours.Select(R))}], NEST [{string.Join(" ", expected.Column(column).Select(R))}].");
        }
        var weights = (double[])events["weights"];
        double[] reference = expected.Column("weights");
        double max = 0;
        for (int i = 0; i < order.Length; i++)
        {
            double a = weights[order[i]];
            Assert.True(agreement.Holds(a, reference[i]), $"{Experiment}: weight event {i} at t = {R(times[order[i]])}: NestSharp {R(a)}, NEST {R(reference[i])}.");
            max = Math.Max(max, Math.Abs(a - reference[i]));
        }
        output?.WriteLine($"{Experiment}: {order.Length} weight events, max |diff| {R(max)}");
    }

    /// <summary>
    /// The parrot → post connection after the run: every key NEST reports that NestSharp reports too (numbers within
    /// <paramref name="agreement"/>, others equal), NEST's final weight, and the common properties of the copied model.
    /// </summary>
    public void AssertConnectionStatus(Agreement agreement, ITestOutputHelper? output = null)
    {
        Assert.NotNull(Connections);
        var expected = Setup.GetProperty("connection_status_after_sim").EnumerateArray().ToArray();
        var statuses = Connections.Select(c => c.Get()).ToArray();
        Assert.Equal(expected.Length, statuses.Length);
        int compared = 0;
        for (int c = 0; c < expected.Length; c++)
        {
            foreach (var key in expected[c].EnumerateObject())
            {
                if (NestInternalConnectionKeys.Contains(key.Name) || !statuses[c].TryGetValue(key.Name, out var ours)) continue;
                CompareValue($"connection {c}.{key.Name}", key.Value, ours, agreement);
                compared++;
            }
        }
        double finalWeight = Setup.GetProperty("final_weight").GetDouble();
        double weight = Setup.GetProperty("connection_status_after_sim")[0].TryGetProperty("weight", out _)
            ? Connections.Weight[0]
            : Convert.ToDouble(Nest.GetDefaults(SynapseCopy!)["weight"], CultureInfo.InvariantCulture);
        Assert.True(agreement.Holds(weight, finalWeight), $"{Experiment}: final weight NestSharp {R(weight)}, NEST {R(finalWeight)}.");

        if (Setup.TryGetProperty("synapse_defaults_of_copy", out var copyDefaults))
        {
            var ours = Nest.GetDefaults(SynapseCopy!);
            foreach (var key in copyDefaults.EnumerateObject())
            {
                // weight_recorder and volume_transmitter are node collections in NestSharp, node ids in NEST's JSON.
                bool comparable = !NestInternalConnectionKeys.Contains(key.Name) && key.Name is not ("weight_recorder" or "volume_transmitter")
                    && key.Value.ValueKind is not (JsonValueKind.Object or JsonValueKind.Array);
                if (!comparable || !ours.TryGetValue(key.Name, out var value)) continue;
                CompareValue($"defaults of {SynapseCopy}.{key.Name}", key.Value, value, agreement);
                compared++;
            }
        }
        output?.WriteLine($"{Experiment}: {compared} connection keys and the final weight {R(weight)} as NEST's");
    }

    /// <summary>The observed neuron's status after the run: every number and flag NEST reports that NestSharp reports too.</summary>
    public void AssertFinalStatus(Agreement agreement, ITestOutputHelper? output = null)
    {
        string key = Setup.TryGetProperty("neuron_status_after_sim", out _) ? "neuron_status_after_sim" : "post_status_after_sim";
        var ours = Observed.GetStatus()[0];
        int compared = 0;
        foreach (var entry in Setup.GetProperty(key).EnumerateObject())
        {
            if (entry.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array || !ours.TryGetValue(entry.Name, out var value)) continue;
            if (entry.Name is "model_id" or "thread_local_id") continue; // NEST's numbering of models and nodes
            CompareValue($"{key}.{entry.Name}", entry.Value, value, agreement);
            compared++;
        }
        output?.WriteLine($"{Experiment}: {compared} status keys of node {Observed.Ids[0]} as NEST's");
    }

    private void CompareValue(string what, JsonElement expected, object actual, Agreement agreement)
    {
        switch (expected.ValueKind)
        {
            case JsonValueKind.Number:
            case JsonValueKind.String when actual is double && expected.GetString() is "inf" or "-inf":
                double e = NestDefaults.Number(expected), a = Convert.ToDouble(actual, CultureInfo.InvariantCulture);
                Assert.True(agreement.Holds(a, e), $"{Experiment}: {what}: NestSharp {R(a)}, NEST {R(e)}.");
                break;
            case JsonValueKind.True or JsonValueKind.False:
                Assert.True(expected.GetBoolean() == (bool)actual, $"{Experiment}: {what}: NestSharp {actual}, NEST {expected}.");
                break;
            case JsonValueKind.String:
                Assert.True(expected.GetString() == actual.ToString(), $"{Experiment}: {what}: NestSharp {actual}, NEST {expected}.");
                break;
        }
    }

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
