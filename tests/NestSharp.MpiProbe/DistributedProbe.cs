using System.Globalization;
using System.Text;
using NestSharp.Numerics;

namespace NestSharp.MpiProbe;

/// <summary>
/// A network that exercises what must give the same result in one process and in several (under mpirun): a small
/// Brunel network with Poisson input, a spike_generator through a parrot, power-law STDP onto some neurons with a
/// weight_recorder, a multimeter, spike recorders. Writes (from rank 0) every spike, every multimeter sample, every
/// weight event, the final V_m of all neurons and all connections as text with round-trip numbers, so that two runs
/// can be compared bit for bit.
/// </summary>
public static class DistributedProbe
{
    public static void Main(string[] args)
    {
        string output = args[0];
        int threads = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1;
        int save = Array.IndexOf(args, "--save-checkpoint"), resume = Array.IndexOf(args, "--resume-checkpoint");
        string? text = args.Contains("--bad-input") ? RunWithBadInput(threads)
            : args.Contains("--structural") ? RunStructuralPlasticity(threads)
            : save >= 0 ? SaveAfterFirstRun(threads, args[save + 1])
            : resume >= 0 ? ResumeAndRecord(threads, args[resume + 1])
            : Run(threads);
        if (text is not null) File.WriteAllText(output, text);
    }

    /// <summary>
    /// Structural plasticity (a faster-growing version of seed 003 on 100 neurons): records, after every update, each
    /// neuron's Ca and bound elements and the synapses; returns the record on rank 0.
    /// </summary>
    public static string? RunStructuralPlasticity(int threads, Func<Simulator>? makeKernel = null)
    {
        var nest = makeKernel?.Invoke() ?? new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 7L, ["structural_plasticity_update_interval"] = 500.0 });
        Dictionary<string, object> Curve(double rate, double eps) => new()
        {
            ["growth_curve"] = "gaussian", ["growth_rate"] = rate, ["continuous"] = false, ["eta"] = 0.0, ["eps"] = eps,
        };
        nest.CopyModel("static_synapse", "synapse_ex", new() { ["weight"] = 585.0, ["delay"] = 1.0 });
        nest.CopyModel("static_synapse", "synapse_in", new() { ["weight"] = -585.0, ["delay"] = 1.0 });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["synapse_ex"] = new Dictionary<string, object> { ["synapse_model"] = "synapse_ex", ["pre_synaptic_element"] = "Axon_ex", ["post_synaptic_element"] = "Den_ex" },
                ["synapse_in"] = new Dictionary<string, object> { ["synapse_model"] = "synapse_in", ["pre_synaptic_element"] = "Axon_in", ["post_synaptic_element"] = "Den_in" },
            }
        });
        var ex = nest.Create("iaf_psc_alpha", 80, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["Den_ex"] = Curve(0.002, 0.05), ["Den_in"] = Curve(0.002, 0.05), ["Axon_ex"] = Curve(0.002, 0.05),
            }
        });
        var inh = nest.Create("iaf_psc_alpha", 20, new()
        {
            ["synaptic_elements"] = new Dictionary<string, object>
            {
                ["Den_ex"] = Curve(0.008, 0.2), ["Den_in"] = Curve(0.002, 0.2), ["Axon_in"] = Curve(0.002, 0.2),
            }
        });
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 10000.0 });
        nest.Connect(noise, ex + inh, syn: new Dictionary<string, object> { ["weight"] = 6.2, ["delay"] = 1.0 });
        nest.EnableStructuralPlasticity();
        var text = new StringBuilder();
        for (int k = 0; k < 16; k++)
        {
            nest.Simulate(500.0);
            var ca = (ex + inh).GetValues<double>("Ca");
            var elements = (ex + inh).GetValues<Dictionary<string, object>>("synaptic_elements");
            var connections = nest.GetConnections(synapseModel: "synapse_ex");
            text.Append($"t {nest.BiologicalTime} connections {AllConnections(nest)}");
            foreach (double c in ca) text.Append(' ').Append(c.ToString("R", CultureInfo.InvariantCulture));
            foreach (var e in elements)
            {
                foreach (var (name, value) in e.OrderBy(p => p.Key, StringComparer.Ordinal))
                    text.Append(' ').Append(name).Append('=').Append(((Dictionary<string, object>)value)["z_connected"]);
            }

            for (int i = 0; i < connections.Count; i++) text.Append($" {connections.Source[i]}>{connections.Target[i]}");
            text.AppendLine();
        }
        return nest.Rank == 0 ? text.ToString() : null;
    }

    /// <summary>
    /// Bad input under MPI: every process raises the same error at the same call, nothing changes, and the processes
    /// go on together (no deadlock). Returns the record on rank 0.
    /// </summary>
    public static string? RunWithBadInput(int threads, Func<Simulator>? makeKernel = null)
    {
        var nest = makeKernel?.Invoke() ?? new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads });
        var neurons = nest.Create("iaf_psc_alpha", 20, new() { ["I_e"] = 500.0 });
        var text = new StringBuilder();
        try
        {
            nest.Connect(neurons, neurons, syn: new Dictionary<string, object> { ["delay"] = 0.01 });
        }
        catch (BadDelayException e)
        {
            text.AppendLine("error: " + e.Message);
        }
        try
        {
            neurons.Set("C_m", -1.0);
        }
        catch (BadPropertyException e)
        {
            text.AppendLine("error: " + e.Message);
        }
        var sr = nest.Create("spike_recorder");
        nest.Connect(neurons, sr);
        nest.Simulate(50.0);
        text.AppendLine($"connections {AllConnections(nest)} spikes {sr.Get<long>("n_events")} C_m {neurons[0].Get<double>("C_m").ToString("R", CultureInfo.InvariantCulture)}");
        return nest.Rank == 0 ? text.ToString() : null;
    }

    /// <summary>
    /// Runs the network; returns the record on rank 0 and null on other ranks. <paramref name="makeKernel"/> gives the
    /// kernel (by default one of this process, which is one MPI rank under mpirun).
    /// </summary>
    public static string? Run(int threads, Func<Simulator>? makeKernel = null)
    {
        var nest = makeKernel?.Invoke() ?? new Simulator();
        var probe = Build(nest, threads);
        nest.Simulate(FirstRun);
        nest.Simulate(SecondRun);
        return Record(nest, probe);
    }

    /// <summary>
    /// The first part of <see cref="Run"/> followed by a checkpoint to <paramref name="path"/> (every process takes part
    /// in the save). Returns null.
    /// </summary>
    public static string? SaveAfterFirstRun(int threads, string path, Func<Simulator>? makeKernel = null)
    {
        var nest = makeKernel?.Invoke() ?? new Simulator();
        Build(nest, threads);
        nest.Simulate(FirstRun);
        nest.SaveCheckpoint(path);
        return null;
    }

    /// <summary>
    /// Restores the checkpoint <see cref="SaveAfterFirstRun"/> wrote, with <paramref name="threads"/> threads per
    /// process, runs the second part of <see cref="Run"/> and returns its record on rank 0 (null on other ranks).
    /// </summary>
    public static string? ResumeAndRecord(int threads, string path, Func<Simulator>? makeKernel = null)
    {
        var nest = makeKernel?.Invoke() ?? new Simulator();
        nest.LoadCheckpoint(path, threads);
        nest.Simulate(SecondRun);
        return Record(nest, Handles(nest));
    }

    private const double FirstRun = 150.0, SecondRun = 50.0;
    private const int Order = 60;

    /// <summary>The collections <see cref="Record"/> reads.</summary>
    private sealed record Probe(NodeCollection Excitatory, NodeCollection Inhibitory, NodeCollection SpikeRecorder,
        NodeCollection Multimeter, NodeCollection WeightRecorder);

    /// <summary>The probe's collections in a kernel holding the network <see cref="Build"/> made (by node id).</summary>
    private static Probe Handles(Simulator nest)
    {
        int ne = 4 * Order, ni = Order;
        int[] Range(int first, int n) => Enumerable.Range(first, n).ToArray();
        // Creation order in Build: ex, inh, noise, spike_generator, parrot, weight_recorder, spike_recorder, multimeter.
        int wr = ne + ni + 4;
        return new Probe(nest.Nodes(Range(1, ne)), nest.Nodes(Range(ne + 1, ni)), nest.Nodes(wr + 1), nest.Nodes(wr + 2), nest.Nodes(wr));
    }

    private static Probe Build(Simulator nest, int threads)
    {
        nest.SetKernelStatus(new() { ["local_num_threads"] = threads, ["rng_seed"] = 20261122L });
        int ne = 4 * Order, ni = Order, ce = ne / 10, ci = ni / 10;
        var neuron = new Dictionary<string, object>
        {
            ["C_m"] = 250.0, ["tau_m"] = 20.0, ["tau_syn_ex"] = 0.5, ["tau_syn_in"] = 0.5, ["t_ref"] = 2.0,
            ["E_L"] = 0.0, ["V_reset"] = 0.0, ["V_th"] = 20.0,
        };
        double tauSyn = 0.5, tauM = 20.0, cM = 250.0;
        double jEx = 0.1 / PostSynapticPotential.PeakOfUnitAlphaCurrent(tauM, cM, tauSyn), jIn = -5 * jEx;
        double rate = 1000.0 * 2.0 * 20.0 * cM / (jEx * ce * Math.E * tauM * tauSyn) * ce;

        var ex = nest.Create("iaf_psc_alpha", ne, neuron);
        var inh = nest.Create("iaf_psc_alpha", ni, neuron);
        (ex + inh).Set("V_m", nest.Random.Uniform(0.0, 20.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = rate });
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 5.0, 17.5, 40.0, 41.0, 120.0, 151.0, 175.5 } });
        var parrot = nest.Create("parrot_neuron");
        var wr = nest.Create("weight_recorder");
        var sr = nest.Create("spike_recorder");
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.5, ["record_from"] = new[] { "V_m", "I_syn_ex" } });
        nest.CopyModel("static_synapse", "excitatory", new() { ["weight"] = jEx, ["delay"] = 1.5 });
        nest.CopyModel("static_synapse", "inhibitory", new() { ["weight"] = jIn, ["delay"] = 1.5 });
        nest.CopyModel("stdp_pl_synapse_hom", "plastic", new() { ["alpha"] = 0.2, ["weight_recorder"] = wr });
        nest.Connect(noise, ex + inh, syn: "excitatory");
        nest.Connect(ex, ex + inh, Rule.FixedIndegree(ce), "excitatory");
        nest.Connect(inh, ex + inh, Rule.FixedIndegree(ci), "inhibitory");
        nest.Connect(sg, parrot);
        nest.Connect(parrot, ex[..40], syn: new Dictionary<string, object> { ["synapse_model"] = "plastic", ["weight"] = 30.0, ["delay"] = 1.0 });
        nest.Connect(ex + inh + parrot, sr);
        nest.Connect(mm, ex[..3] + inh[^2..]);
        return new Probe(ex, inh, sr, mm, wr);
    }

    private static string? Record(Simulator nest, Probe probe)
    {
        var spikes = (Dictionary<string, object>)probe.SpikeRecorder.Get("events");
        var samples = (Dictionary<string, object>)probe.Multimeter.Get("events");
        var weights = (Dictionary<string, object>)probe.WeightRecorder.Get("events");
        var vm = (probe.Excitatory + probe.Inhibitory).GetValues<double>("V_m");
        var connections = nest.GetConnections(synapseModel: "excitatory");
        var plastic = nest.GetConnections(synapseModel: "plastic");
        long allConnections = AllConnections(nest);
        if (nest.Rank != 0) return null;

        var text = new StringBuilder();
        string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        text.AppendLine($"processes {nest.NumProcesses} num_connections {allConnections}");
        Append(text, "spike", (long[])spikes["senders"], (double[])spikes["times"]);
        Append(text, "sample", (long[])samples["senders"], (double[])samples["times"], (double[])samples["V_m"], (double[])samples["I_syn_ex"]);
        Append(text, "weight", (long[])weights["senders"], (double[])weights["times"], (double[])weights["weights"]);
        for (int i = 0; i < vm.Length; i++) text.Append("V_m ").AppendLine(R(vm[i]));
        for (int i = 0; i < connections.Count; i++)
            text.AppendLine($"conn {connections.Source[i]} {connections.Target[i]} {R(connections.Weight[i])} {R(connections.Delay[i])}");
        for (int i = 0; i < plastic.Count; i++)
            text.AppendLine($"plastic {plastic.Source[i]} {plastic.Target[i]} {R(plastic.Weight[i])}");
        return text.ToString();
    }

    /// <summary>The connections of every process (num_connections counts a process's own, as in NEST); collective.</summary>
    private static long AllConnections(Simulator nest) => nest.GetConnections().Count;

    private static void Append(StringBuilder text, string what, long[] senders, double[] times, params double[][] values)
    {
        for (int i = 0; i < senders.Length; i++)
        {
            text.Append(what).Append(' ').Append(senders[i]).Append(' ').Append(times[i].ToString("R", CultureInfo.InvariantCulture));
            foreach (var v in values) text.Append(' ').Append(v[i].ToString("R", CultureInfo.InvariantCulture));
            text.AppendLine();
        }
    }
}
