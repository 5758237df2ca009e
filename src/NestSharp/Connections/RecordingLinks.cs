using NestSharp.Connections.Rules;
using NestSharp.Models.Synapses;

namespace NestSharp.Connections;

/// <summary>
/// The links of recording devices to the nodes they record: spike recorders to the spiking nodes connected to them,
/// samplers (multimeter, voltmeter) to the neurons (and devices with recordables) they sample. They exist on every process (each records what it
/// is given), are made by Connect (checked first, committed only if the whole call succeeds) and are read by the
/// recording manager before a run.
/// <para>As in NEST, devices record only through the synapse models that carry their events
/// (<see cref="SynapseType.CarriesRecordingDeviceEvents"/>: static_synapse, static_synapse_hom_w, cont_delay_synapse and
/// their labelled variants; spike recorders also through their _hpc variants), a
/// sampler is connected at most once to a neuron, and each sampling link takes the next receptor of its neuron's data
/// loggers: the first sampler connected to a neuron has receptor 1, the second 2, and so on
/// (<see cref="SamplingReceptors"/>).</para>
/// </summary>
internal sealed class RecordingLinks(NodeManager nodes)
{
    private readonly List<SpikeRecordingLink> _spikeLinks = [];
    private readonly List<SamplingLink> _samplingLinks = [];
    private readonly List<int> _samplingReceptors = [];
    private readonly HashSet<(int Sampler, int Target)> _sampled = [];
    private readonly Dictionary<int, int> _samplersPerTarget = [];

    public IReadOnlyList<SpikeRecordingLink> SpikeLinks => _spikeLinks;
    public IReadOnlyList<SamplingLink> SamplingLinks => _samplingLinks;

    /// <summary>The receptor NEST reports for each sampling link (same index as <see cref="SamplingLinks"/>): 1, 2, ... per target.</summary>
    public IReadOnlyList<int> SamplingReceptors => _samplingReceptors;

    /// <summary>The links of one Connect call, checked and not yet part of the network.</summary>
    internal sealed record Staged(List<SpikeRecordingLink> SpikeLinks, List<SamplingLink> SamplingLinks, int MinDelay, int MaxDelay)
    {
        public int Count => SpikeLinks.Count + SamplingLinks.Count;
    }

    /// <summary>Draws the links of a Connect call (spike recording, or sampling when <paramref name="sampling"/>) and checks them.</summary>
    public Staged Stage(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values, TimeGrid grid, bool sampling)
    {
        CheckSynapseModel(model, sampling);
        // As in NEST, only all_to_all, one_to_one and spatial pairwise_bernoulli with use_on_source connect to nodes
        // without proxies (devices such as spike_recorder).
        if (!sampling && rule.RequiresProxies)
        {
            throw new IllegalConnectionException(
                $"Rule '{rule.Spec.Rule}' cannot connect to nodes without proxies (recording devices): use all_to_all or one_to_one.");
        }
        var spikeLinks = new List<SpikeRecordingLink>();
        var samplingLinks = new List<SamplingLink>();
        int min = int.MaxValue, max = 0;
        var sink = new ConnectionManager.ActionSink((s, t, unit, ordinal, index) =>
        {
            var site = context.SiteOf(s, t); // spatial parameters (distance, positions) of a connection to a device layer
            int d = SynapseBuilder.DelaySteps(values.Delay.ValueFor(unit, ordinal, index, site), grid);
            double w = values.Weight.ValueFor(unit, ordinal, index, site);
            if (sampling)
            {
                samplingLinks.Add(new SamplingLink(context.Sources[s], context.Targets[t], model.Id, d, w));
            }
            else
            {
                // Recorders that decode binary events take the receptor_type as their channel (correlospinmatrix_detector).
                int receptor = 0;
                var (group, local) = nodes.Locate(context.Targets[t]);
                if (((IRecorderGroup)group).RecorderOf(local) is IBinaryEventSink decoder)
                {
                    receptor = SynapseBuilder.CheckedReceptorType(values.Receptor.ValueFor(unit, ordinal, index, site));
                    decoder.CheckReceptor(receptor, group.Model.Name);
                }
                spikeLinks.Add(new SpikeRecordingLink(context.Sources[s], context.Targets[t], model.Id, d, w, receptor));
            }
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        });
        rule.Generate(context, 0, sink);
        if (sampling)
        {
            CheckRecordables(samplingLinks);
            CheckConnectedOnce(samplingLinks);
        }
        return new Staged(spikeLinks, samplingLinks, min, max);
    }

    /// <summary>Adds the staged links to the network; their samplers' interval, offset and record_from are fixed from now on.</summary>
    public void Commit(Staged staged)
    {
        _spikeLinks.AddRange(staged.SpikeLinks);
        foreach (var link in staged.SamplingLinks)
        {
            _samplingLinks.Add(link);
            _sampled.Add((link.Sampler, link.Target));
            int receptor = _samplersPerTarget.GetValueOrDefault(link.Target) + 1;
            _samplersPerTarget[link.Target] = receptor;
            _samplingReceptors.Add(receptor);
            SamplerOf(link.Sampler).OnConnected();
        }
    }

    private ISampler SamplerOf(int id)
    {
        var (group, local) = nodes.Locate(id);
        return (ISampler)((IRecorderGroup)group).RecorderOf(local);
    }

    private static void CheckSynapseModel(SynapseModel model, bool sampling)
    {
        var type = model.Type;
        if (sampling && !(type.CarriesRecordingDeviceEvents && !type.Hpc))
        {
            string reason = type.CarriesRecordingDeviceEvents
                ? "Only receptor 0 is allowed for HPC synapses, and a multimeter connection uses a data-logging receptor"
                : "The synapse model does not support data logging requests";
            throw new IllegalConnectionException(
                $"{reason}: a multimeter connects through static_synapse (or a copy of it), not '{model.Name}'.");
        }
        if (!sampling && !type.CarriesRecordingDeviceEvents)
        {
            throw new IllegalConnectionException(
                $"A spike recorder does not support plastic synapses: connect it through static_synapse or static_synapse_hpc (or a copy), not '{model.Name}'.");
        }
    }

    /// <summary>A sampler is connected at most once to a node: repeating a link (in this call or an earlier one) is an error.</summary>
    private void CheckConnectedOnce(List<SamplingLink> links)
    {
        var seen = new HashSet<(int, int)>();
        foreach (var link in links)
        {
            if (_sampled.Contains((link.Sampler, link.Target)) || !seen.Add((link.Sampler, link.Target)))
            {
                throw new IllegalConnectionException(
                    $"Each multimeter can only be connected once to a given node: node {link.Sampler} is already connected to node {link.Target}.");
            }
        }
    }

    private void CheckRecordables(List<SamplingLink> links)
    {
        foreach (var link in links)
        {
            var (samplerGroup, samplerLocal) = nodes.Locate(link.Sampler);
            var sampler = (ISampler)((IRecorderGroup)samplerGroup).RecorderOf(samplerLocal);
            var (targetGroup, targetLocal) = nodes.Locate(link.Target);
            if (targetGroup is not ISampledGroup sampled)
            {
                throw new IllegalConnectionException($"{samplerGroup.Model.Name} can only sample neurons and devices with recordables, not {targetGroup.Model.Name}.");
            }
            foreach (var name in sampler.RecordFrom)
            {
                if (sampled.RecordableIndexOf(name, targetLocal) < 0)
                {
                    throw new IllegalConnectionException(
                        $"Cannot connect with unknown recordable {name}: {sampled.Model.Name} has no recordable '{name}'. Its recordables: {string.Join(", ", sampled.RecordablesOf(targetLocal))}.");
                }
            }
        }
    }
}
