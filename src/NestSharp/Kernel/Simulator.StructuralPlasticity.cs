using NestSharp.Nodes;
using NestSharp.Plasticity.Structural;

namespace NestSharp;

public sealed partial class Simulator
{
    private static readonly string[] StructuralPlasticitySynapseKeys =
        ["allow_autapses", "post_synaptic_element", "pre_synaptic_element", "synapse_model"];

    /// <summary>Starts creating and deleting synapses at every structural_plasticity_update_interval (NEST's EnableStructuralPlasticity).</summary>
    public void EnableStructuralPlasticity()
    {
        if (_state.Structural.Builders.Count == 0)
            throw new KernelException("Set structural_plasticity_synapses (which synapse model joins which pre- and post-synaptic elements) before enabling structural plasticity.");
        _state.Structural.Enabled = true;
    }

    /// <summary>Stops structural plasticity; existing synapses stay.</summary>
    public void DisableStructuralPlasticity() => _state.Structural.Enabled = false;

    public bool StructuralPlasticityEnabled => _state.Structural.Enabled;

    private IReadOnlyList<StructuralPlasticityManager.Builder> ParseStructuralPlasticitySynapses(object value)
    {
        if (value is not System.Collections.IDictionary && value is not IReadOnlyDictionary<string, object>)
            throw new BadPropertyTypeException("structural_plasticity_synapses", value, "a dictionary of synapse specifications");
        var builders = new List<StructuralPlasticityManager.Builder>();
        foreach (var (name, specValue) in AsDictionary("structural_plasticity_synapses", value))
        {
            var spec = AsDictionary($"structural_plasticity_synapses.{name}", specValue);
            foreach (var key in spec.Keys)
                if (!StructuralPlasticitySynapseKeys.Contains(key))
                    throw new UnknownParameterException($"structural_plasticity_synapses.{name}", key, StructuralPlasticitySynapseKeys);
            string Require(string key) => spec.TryGetValue(key, out var v)
                ? StatusValue.ToStringValue($"{name}.{key}", v)
                : throw new BadParameterException($"structural_plasticity_synapses.{name}", key, $"'{key}' is missing");
            string model = Require("synapse_model");
            _state.Connections.Model(model);
            bool autapses = !spec.TryGetValue("allow_autapses", out var a) || StatusValue.ToBool("allow_autapses", a);
            builders.Add(new(name, model, Require("pre_synaptic_element"), Require("post_synaptic_element"), autapses));
        }
        return builders;
    }

    private Dictionary<string, object> StructuralPlasticitySynapsesStatus() =>
        _state.Structural.Builders.ToDictionary(b => b.Name, b => (object)new Dictionary<string, object>
        {
            ["synapse_model"] = b.SynapseModel,
            ["pre_synaptic_element"] = b.PreElement,
            ["post_synaptic_element"] = b.PostElement,
            ["allow_autapses"] = b.AllowAutapses,
        });

    private static IReadOnlyDictionary<string, object> AsDictionary(string key, object value) => value switch
    {
        IReadOnlyDictionary<string, object> d => d,
        System.Collections.IDictionary d => d.Keys.Cast<object>().ToDictionary(k => k.ToString()!, k => d[k]!),
        _ => throw new BadPropertyTypeException(key, value, "a dictionary"),
    };

    private Dictionary<string, object> SynapticElementsStatus(int id)
    {
        var elements = _state.Structural.ElementsOf(id);
        var status = new Dictionary<string, object>();
        if (elements is null) return status;
        foreach (var (name, element) in elements) status[name] = element.Status();
        return status;
    }

    /// <summary>
    /// Stages <c>synaptic_elements</c> (replaces the node's elements by the given ones) or
    /// <c>synaptic_elements_param</c> (changes parameters of existing elements), checked before anything changes.
    /// </summary>
    private Action StageSynapticElements(int id, string key, object value, string owner)
    {
        var sp = _state.Structural;
        var given = AsDictionary(key, value);
        var current = sp.ElementsOf(id);
        var staged = new Dictionary<string, SynapticElement>(StringComparer.Ordinal);
        if (key == "synaptic_elements_param" && current is not null)
            foreach (var (name, element) in current) staged[name] = element.Clone();
        foreach (var (name, elementValue) in given)
        {
            var values = AsDictionary($"{key}.{name}", elementValue);
            if (!staged.TryGetValue(name, out var element))
            {
                if (key == "synaptic_elements_param") continue;
                element = new SynapticElement { ZTime = sp.CalciumTime(id) };
                if (current?.GetValueOrDefault(name) is { } previous) element.ZConnected = previous.ZConnected;
                staged[name] = element;
            }
            element.Set(values, $"{owner} {name}");
        }
        return () => sp.SetElements(id, staged);
    }

    /// <summary>
    /// Takes <c>pre_synaptic_element</c> and <c>post_synaptic_element</c> out of a syn_spec (NEST lets Connect bind
    /// the new synapses to synaptic elements, so that structural plasticity treats them as its own).
    /// </summary>
    private static (string? Pre, string? Post, SynSpec Remaining) SynapticElementsOf(SynSpec spec)
    {
        bool hasPre = spec.Other.TryGetValue("pre_synaptic_element", out var pre);
        bool hasPost = spec.Other.TryGetValue("post_synaptic_element", out var post);
        if (!hasPre && !hasPost) return (null, null, spec);
        if (hasPre != hasPost)
            throw new BadParameterException(hasPre ? "post_synaptic_element" : "pre_synaptic_element", null,
                "pre_synaptic_element and post_synaptic_element must be given together");
        var rest = spec.Other.Where(kv => kv.Key is not ("pre_synaptic_element" or "post_synaptic_element")).ToDictionary();
        return (StatusValue.ToStringValue("pre_synaptic_element", pre), StatusValue.ToStringValue("post_synaptic_element", post), spec with { Other = rest });
    }

    /// <summary>Counts each new synapse in z_connected of its source's pre- and its target's post-synaptic element.</summary>
    private void BindSynapticElements(List<(int Source, int Target)> created, string preElement, string postElement)
    {
        foreach (var (source, target) in created)
        {
            _state.Structural.ElementsOf(source)?.GetValueOrDefault(preElement)?.Connect(1);
            _state.Structural.ElementsOf(target)?.GetValueOrDefault(postElement)?.Connect(1);
        }
    }

    /// <summary>
    /// Removes the connections <paramref name="conn"/> ("one_to_one" or "all_to_all", default one_to_one) of
    /// <paramref name="synapseModel"/> from <paramref name="pre"/> to <paramref name="post"/>, one synapse per pair
    /// (NEST's Disconnect); pairs without such a synapse are an error, checked first. Synaptic elements of
    /// structural-plasticity synapse models are freed.
    /// </summary>
    public void Disconnect(NodeCollection pre, NodeCollection post, string conn = "one_to_one", string synapseModel = "static_synapse")
    {
        CheckCollection(pre);
        CheckCollection(post);
        EnsureNotPrepared("Disconnect");
        var s = _state;
        s.Connections.Model(synapseModel);
        var pairs = conn switch
        {
            "one_to_one" when pre.Count == post.Count => pre.IdArray.Zip(post.IdArray).ToList(),
            "one_to_one" => throw new BadParameterException("rule", conn, $"one_to_one needs collections of the same size ({pre.Count} and {post.Count})"),
            "all_to_all" => pre.IdArray.SelectMany(a => post.IdArray.Select(b => (a, b))).ToList(),
            _ => throw new BadParameterException("rule", conn, "Disconnect supports one_to_one and all_to_all"),
        };
        var needed = pairs.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        foreach (var ((source, target), count) in needed)
        {
            int have = s.Connections.TargetsOf(source, synapseModel).Count(t => t == target);
            if (have < count)
                throw new KernelException($"Disconnect: there is no {synapseModel} connection from node {source} to node {target} to remove.");
        }
        var builder = s.Structural.Builders.FirstOrDefault(b => b.SynapseModel == synapseModel);
        foreach (var (source, target) in pairs)
        {
            s.Connections.RemoveOne(source, target, synapseModel);
            if (builder is null) continue;
            s.Structural.ElementsOf(source)?.GetValueOrDefault(builder.PreElement)?.Connect(-1);
            s.Structural.ElementsOf(target)?.GetValueOrDefault(builder.PostElement)?.Connect(-1);
        }
    }
}
