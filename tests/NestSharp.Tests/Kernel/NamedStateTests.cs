using System.Reflection;
using NestSharp.Connections;
using NestSharp.Kernel;
using NestSharp.Models.Synapses;
using NestSharp.Nodes;

namespace NestSharp.Tests.Kernel;

/// <summary>
/// Every handle a model keeps addresses the entry it is named for: a field <c>TauSynEx</c> points at "tau_syn_ex",
/// <c>Soma.Cm</c> at "soma.C_m", an input <c>SpikesEx</c> at "spikes_ex" (names compared without case, '_' and '.';
/// one may extend the other, as <c>LastSpike</c> and "t_lastspike"). A handle declared in the wrong order or copied from
/// the line above fails here, and so does an entry without a handle.
/// </summary>
public sealed class NamedStateTests
{
    private static string Normalised(string name) => new(name.Where(char.IsLetterOrDigit).Select(char.ToLowerInvariant).ToArray());

    private static bool NamesMatch(string handle, string entry)
    {
        string a = Normalised(handle), b = Normalised(entry);
        return a == b || b.EndsWith(a, StringComparison.Ordinal) || b.StartsWith(a, StringComparison.Ordinal) || a.EndsWith(b, StringComparison.Ordinal);
    }

    /// <summary>The static fields of <paramref name="type"/> (and its bases) holding a <typeparamref name="T"/>, with the owner's prefix for nested holders.</summary>
    private static IEnumerable<(string Name, T Value)> Handles<T>(Type type)
    {
        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly))
            {
                if (field.FieldType == typeof(T))
                {
                    yield return (MemberName(field), (T)field.GetValue(null)!);
                }
                else if (Nullable.GetUnderlyingType(field.FieldType) == typeof(T))
                {
                    // A handle a model family declares only for some of its models (AeifCondAlphaGroup's I_SIC).
                    if (field.GetValue(null) is T value) yield return (MemberName(field), value);
                }
                else if (IsHolder(field.FieldType) && field.GetValue(null) is { } holder)
                {
                    foreach (var handle in HeldHandles<T>(MemberName(field), holder, depth: 1)) yield return handle;
                }
            }
        }
    }

    /// <summary>
    /// The handles a shared declaration holds, with its name as prefix, and those of the declarations it holds in turn
    /// (HhPscAlphaMembrane holds HhGates and the inputs), two levels deep.
    /// </summary>
    private static IEnumerable<(string Name, T Value)> HeldHandles<T>(string prefix, object holder, int depth)
    {
        foreach (var inner in holder.GetType().GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic))
        {
            if (inner.FieldType == typeof(T))
            {
                yield return (prefix + MemberName(inner), (T)inner.GetValue(holder)!);
            }
            else if (Nullable.GetUnderlyingType(inner.FieldType) == typeof(T))
            {
                // A handle a declaration makes only for some of its models (ConductancePortColumns.PortsInLastRun).
                if (inner.GetValue(holder) is T handle) yield return (prefix + MemberName(inner), handle);
            }
            else if (depth < 2 && IsHolder(inner.FieldType) && inner.FieldType.Namespace?.StartsWith("NestSharp.Models", StringComparison.Ordinal) == true
                && inner.GetValue(holder) is { } nested)
            {
                foreach (var handle in HeldHandles<T>(prefix + MemberName(inner), nested, depth + 1)) yield return handle;
            }
        }
    }

    /// <summary>A class or struct that can hold handles (a model's shared declarations such as CurrentSynapses or SpikeAndCurrentInputs).</summary>
    private static bool IsHolder(Type type) => type != typeof(string) && (type.IsClass || (type.IsValueType && !type.IsPrimitive && !type.IsEnum));

    /// <summary>The field's name, or the property's for the backing field of an auto-property ("&lt;X&gt;k__BackingField" is X).</summary>
    private static string MemberName(FieldInfo field) =>
        field.Name.StartsWith('<') && field.Name.IndexOf('>') is > 1 and var end ? field.Name[1..end] : field.Name;

    // Binary neurons take no Poisson input (NEST's SignalType); Models/BinaryNeuronTests covers them.
    public static TheoryData<string> NeuronModels() =>
        [.. Catalog.NodeModels.Keys.Where(name => Catalog.NodeModels[name](new NodeModel(name, Catalog.NodeModels[name], static _ => { }), 0, 1) is NeuronGroup { ElementType: ElementType.Neuron } g
                && (g.ReceivesSignal & SignalType.Spike) != 0)
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> SynapseModels() => [.. Catalog.SynapseModels.Keys.Order(StringComparer.Ordinal)];

    private static NeuronGroup Prototype(string model) =>
        (NeuronGroup)Catalog.NodeModels[model](new NodeModel(model, Catalog.NodeModels[model], static _ => { }), 0, 1);

    [Theory]
    [MemberData(nameof(NeuronModels))]
    public void NeuronColumnsAndInputs_AddressTheEntriesTheyAreNamedFor(string model)
    {
        var group = Prototype(model);
        var schema = group.Schema;
        var columns = Handles<Column>(group.GetType()).Concat(Handles<Column>(typeof(NeuronSchema.Archiving))).ToList();
        Assert.Equal(schema.Count, columns.Count);
        foreach (var (name, column) in columns)
            Assert.True(NamesMatch(name, schema.NameOf(column)), $"{model}: {name} addresses '{schema.NameOf(column)}'");
        Assert.Equal(columns.Count, columns.Select(c => c.Value).Distinct().Count());
        foreach (var (name, input) in Handles<InputChannel>(group.GetType()))
            Assert.InRange(input.Index, 0, schema.InputCount - 1);
        var inputs = Handles<InputChannel>(group.GetType()).ToList();
        Assert.Equal(schema.InputCount, inputs.Count);
        Assert.Equal(inputs.Count, inputs.Select(i => i.Value).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(NeuronModels))]
    public void EveryNeuronSchema_StartsWithTheArchivingColumns(string model)
    {
        var schema = Prototype(model).Schema;
        Assert.Equal("tau_minus", schema.NameOf(NeuronSchema.Archiving.TauMinus));
        Assert.Equal("tau_minus_triplet", schema.NameOf(NeuronSchema.Archiving.TauMinusTriplet));
        Assert.Equal("tau_Ca", schema.NameOf(NeuronSchema.Archiving.TauCa));
        Assert.Equal("beta_Ca", schema.NameOf(NeuronSchema.Archiving.BetaCa));
        Assert.Equal("Ca", schema.NameOf(NeuronSchema.Archiving.Ca));
    }

    [Theory]
    [MemberData(nameof(SynapseModels))]
    public void SynapseColumns_AddressTheEntriesTheyAreNamedFor(string model)
    {
        var type = Catalog.SynapseModels[model]();
        var names = type.Schema.Layout.StateNames;
        var columns = Handles<SynapseColumn>(type.GetType()).ToList();
        foreach (var (name, column) in columns)
            Assert.True(NamesMatch(name, names[column.Index]), $"{model}: {name} addresses '{names[column.Index]}'");
        Assert.Equal(columns.Count, columns.Select(c => c.Value).Distinct().Count());
    }

    [Theory]
    [InlineData(typeof(StdpSoftBoundRule))]
    [InlineData(typeof(StdpPowerLawRule))]
    public void StdpRuleParameters_AddressTheKeysTheyAreNamedFor(Type rule)
    {
        var keys = ((RuleParameters)rule.GetProperty("Parameters")!.GetValue(null)!).Keys;
        var handles = Handles<RuleParameter>(rule).ToList();
        Assert.Equal(keys.Count, handles.Count);
        foreach (var (name, parameter) in handles)
            Assert.True(NamesMatch(name, keys[parameter.Index].Key), $"{rule.Name}: {name} addresses '{keys[parameter.Index].Key}'");
    }
}
