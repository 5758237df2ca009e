using NestSharp.Connections.Rules;
using NestSharp.Kernel;
using NestSharp.Models.Synapses;
using NestSharp.Nodes;

namespace NestSharp.Connections;

/// <summary>
/// The links of recording devices to the nodes they record: spike recorders to the spiking nodes connected to them,
/// samplers (multimeter, voltmeter) to the neurons they sample. They exist on every process (each records what it
/// is given), are made by Connect (checked first, committed only if the whole call succeeds) and are read by the
/// recording manager before a run.
/// </summary>
internal sealed class RecordingLinks(NodeManager nodes)
{
    private readonly List<SpikeRecordingLink> _spikeLinks = [];
    private readonly List<SamplingLink> _samplingLinks = [];

    public IReadOnlyList<SpikeRecordingLink> SpikeLinks => _spikeLinks;
    public IReadOnlyList<SamplingLink> SamplingLinks => _samplingLinks;

    /// <summary>The links of one Connect call, checked and not yet part of the network.</summary>
    internal sealed record Staged(List<SpikeRecordingLink> SpikeLinks, List<SamplingLink> SamplingLinks, int MinDelay, int MaxDelay)
    {
        public int Count => SpikeLinks.Count + SamplingLinks.Count;
    }

    /// <summary>Draws the links of a Connect call (spike recording, or sampling when <paramref name="sampling"/>) and checks them.</summary>
    public Staged Stage(RuleContext context, ConnectionRule rule, SynapseModel model, ConnectionValues values, TimeGrid grid, bool sampling)
    {
        var spikeLinks = new List<SpikeRecordingLink>();
        var samplingLinks = new List<SamplingLink>();
        int min = int.MaxValue, max = 0;
        var sink = new ConnectionManager.ActionSink((s, t, unit, ordinal, index) =>
        {
            int d = SynapseBuilder.DelaySteps(values.Delay.ValueFor(unit, ordinal, index), grid);
            double w = values.Weight.ValueFor(unit, ordinal, index);
            if (sampling) samplingLinks.Add(new SamplingLink(context.Sources[s], context.Targets[t], model.Id, d, w));
            else spikeLinks.Add(new SpikeRecordingLink(context.Sources[s], context.Targets[t], model.Id, d, w));
            min = Math.Min(min, d);
            max = Math.Max(max, d);
        });
        rule.Generate(context, 0, sink);
        if (sampling) CheckRecordables(samplingLinks);
        return new Staged(spikeLinks, samplingLinks, min, max);
    }

    /// <summary>Adds the staged links to the network.</summary>
    public void Commit(Staged staged)
    {
        _spikeLinks.AddRange(staged.SpikeLinks);
        _samplingLinks.AddRange(staged.SamplingLinks);
    }

    private void CheckRecordables(List<SamplingLink> links)
    {
        foreach (var link in links)
        {
            var (samplerGroup, samplerLocal) = nodes.Locate(link.Sampler);
            var sampler = (ISampler)((IRecorderGroup)samplerGroup).RecorderOf(samplerLocal);
            var (targetGroup, _) = nodes.Locate(link.Target);
            if (targetGroup is not NeuronGroup neuron)
            {
                throw new IllegalConnectionException($"{samplerGroup.Model.Name} can only sample neurons, not {targetGroup.Model.Name}.");
            }
            foreach (var name in sampler.RecordFrom)
            {
                if (neuron.RecordableIndex(name) < 0)
                {
                    throw new IllegalConnectionException(
                        $"{neuron.Model.Name} has no recordable '{name}'. Its recordables: {string.Join(", ", neuron.Recordables)}.");
                }
            }
        }
    }
}
