using System.Reflection;
using NestSharp.Connections.Rules;
using NestSharp.Plasticity.Structural;
using NestSharp.Recording;

namespace NestSharp.Kernel;

/// <summary>Names a class in the <see cref="Catalog"/>; the name is what users give (NEST's model, rule or backend name).</summary>
internal abstract class CatalogNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;

    /// <summary>The names the class is found by: its name, and for a synapse model its labelled twin if it has one.</summary>
    public virtual IEnumerable<string> Names => [Name];
}

/// <summary>A node model: a <see cref="NodeGroup"/> class with a constructor (NodeModel model, int firstId, int count).</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class NodeModelNameAttribute(string name) : CatalogNameAttribute(name);

/// <summary>
/// A synapse model: a <see cref="SynapseType"/> class with a constructor (string name); one class may serve several
/// names. With <see cref="Labelled"/> (NEST's SUPPORTS_LBL) the catalog also registers the model's labelled twin
/// <c>&lt;name&gt;_lbl</c>: the same class under that name, whose connections carry a synapse_label besides the
/// model's own values (NEST's ConnectionLabel wrapper; <see cref="SynapseType.Schema"/> adds the label column).
/// </summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = true)]
internal sealed class SynapseModelNameAttribute(string name) : CatalogNameAttribute(name)
{
    /// <summary>Whether the model has a labelled twin <c>&lt;name&gt;_lbl</c>.</summary>
    public bool Labelled { get; set; }

    public override IEnumerable<string> Names => Labelled ? [Name, Name + SynapseType.LabelSuffix] : [Name];
}

/// <summary>A connection rule: a <see cref="ConnectionRule"/> class with a constructor (ConnSpec spec) that checks the spec.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ConnectionRuleNameAttribute(string name) : CatalogNameAttribute(name);

/// <summary>
/// A third-factor connection rule of TripartiteConnect: a <see cref="ThirdFactorRule"/> class with a constructor
/// (ConnSpec spec) that checks the spec's own keys.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class ThirdFactorRuleNameAttribute(string name) : CatalogNameAttribute(name);

/// <summary>
/// A recording backend: an <see cref="IRecordingBackend"/> class with a parameterless constructor. One backend is
/// the <see cref="Default"/> (NEST's: memory), the record_to of a new recorder.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class RecordingBackendNameAttribute(string name) : CatalogNameAttribute(name)
{
    /// <summary>Whether a new recorder records to this backend.</summary>
    public bool Default { get; set; }
}

/// <summary>A growth curve of synaptic elements: a <see cref="GrowthCurve"/> class with a parameterless constructor.</summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class GrowthCurveNameAttribute(string name) : CatalogNameAttribute(name);

/// <summary>
/// Everything NestSharp has built in, found once in this assembly by the attributes above (NEST registers its models,
/// connection rules and recording backends one by one; here a class declares its own name and is found). The kernel,
/// the connection pipeline and the simulation loop reach models, rules and backends only through this catalog and
/// their base types. Immutable after it is built.
/// </summary>
internal static class Catalog
{
    private static readonly Dictionary<Type, List<(string Name, Type Class)>> Found = FindAll();

    /// <summary>Node models by name: the constructor of each model class.</summary>
    public static IReadOnlyDictionary<string, Func<NodeModel, int, int, NodeGroup>> NodeModels { get; } =
        Factories<NodeModelNameAttribute, Func<NodeModel, int, int, NodeGroup>>([typeof(NodeModel), typeof(int), typeof(int)],
            ctor => (model, firstId, count) => (NodeGroup)Invoke(ctor, model, firstId, count));

    /// <summary>Synapse models by name: a new synapse type of that name.</summary>
    public static IReadOnlyDictionary<string, Func<SynapseType>> SynapseModels { get; } =
        FactoriesByName<SynapseModelNameAttribute, Func<SynapseType>>([typeof(string)], (ctor, name) => () => (SynapseType)Invoke(ctor, name));

    /// <summary>Connection rules by name: the rule for a conn_spec (its constructor checks the spec).</summary>
    public static IReadOnlyDictionary<string, Func<ConnSpec, ConnectionRule>> ConnectionRules { get; } =
        Factories<ConnectionRuleNameAttribute, Func<ConnSpec, ConnectionRule>>([typeof(ConnSpec)], ctor => spec => (ConnectionRule)Invoke(ctor, spec));

    /// <summary>
    /// The connection rules Disconnect can remove connections by (<see cref="IDisconnectingRule"/>), by name: the
    /// (source, target) pairs a Disconnect by the rule removes.
    /// </summary>
    public static IReadOnlyDictionary<string, Func<int[], int[], List<(int Source, int Target)>>> DisconnectingRules { get; } =
        (Found.GetValueOrDefault(typeof(ConnectionRuleNameAttribute)) ?? [])
            .Where(entry => typeof(IDisconnectingRule).IsAssignableFrom(entry.Class))
            .ToDictionary(entry => entry.Name, entry => entry.Class
                .GetMethod(nameof(IDisconnectingRule.DisconnectedPairs), BindingFlags.Public | BindingFlags.Static)!
                .CreateDelegate<Func<int[], int[], List<(int Source, int Target)>>>(), StringComparer.Ordinal);

    /// <summary>Third-factor connection rules (TripartiteConnect's third_factor_conn_spec) by name.</summary>
    public static IReadOnlyDictionary<string, Func<ConnSpec, ThirdFactorRule>> ThirdFactorRules { get; } =
        Factories<ThirdFactorRuleNameAttribute, Func<ConnSpec, ThirdFactorRule>>([typeof(ConnSpec)], ctor => spec => (ThirdFactorRule)Invoke(ctor, spec));

    /// <summary>Recording backends by name.</summary>
    public static IReadOnlyDictionary<string, Func<IRecordingBackend>> RecordingBackends { get; } =
        Factories<RecordingBackendNameAttribute, Func<IRecordingBackend>>([], ctor => () => (IRecordingBackend)Invoke(ctor));

    /// <summary>The record_to of a new recorder: the one backend marked <see cref="RecordingBackendNameAttribute.Default"/>.</summary>
    public static string DefaultRecordingBackend { get; } = (Found.GetValueOrDefault(typeof(RecordingBackendNameAttribute)) ?? [])
        .Single(entry => entry.Class.GetCustomAttribute<RecordingBackendNameAttribute>()!.Default).Name;

    /// <summary>Growth curves by name.</summary>
    public static IReadOnlyDictionary<string, Func<GrowthCurve>> GrowthCurves { get; } =
        Factories<GrowthCurveNameAttribute, Func<GrowthCurve>>([], ctor => () => (GrowthCurve)Invoke(ctor));

    private static readonly Dictionary<Type, string> NamesByClass =
        Found.Values.SelectMany(list => list).GroupBy(entry => entry.Class)
            .Where(g => g.Count() == 1).ToDictionary(g => g.Key, g => g.Single().Name);

    /// <summary>The catalog name of <paramref name="instance"/>'s class (for classes with one name).</summary>
    public static string NameOf(object instance) => NamesByClass[instance.GetType()];

    /// <summary>The device parameters of all recording backends (such as precision).</summary>
    public static IReadOnlyList<string> RecordingKeys { get; } =
        RecordingBackends.Values.SelectMany(make => make().Create().Keys).Distinct().Order(StringComparer.Ordinal).ToArray();

    /// <summary>A new recording in backend <paramref name="name"/> (record_to), or a BadParameter naming the backends.</summary>
    public static IDeviceRecording CreateRecording(string name) =>
        RecordingBackends.TryGetValue(name, out var make)
            ? make().Create()
            : throw new BadPropertyException("record_to", name, $"the recording backends are {Names(RecordingBackends.Keys)}");

    /// <summary>A new growth curve named <paramref name="name"/>, or a BadParameter naming the curves.</summary>
    public static GrowthCurve CreateGrowthCurve(string name) =>
        GrowthCurves.TryGetValue(name, out var make)
            ? make()
            : throw new BadPropertyException("growth_curve", name, $"known growth curves are {Names(GrowthCurves.Keys)}");

    /// <summary>The rule a conn_spec names, checked, or a BadParameter naming the rules.</summary>
    public static ConnectionRule CreateRule(ConnSpec spec) =>
        ConnectionRules.TryGetValue(spec.Rule, out var make)
            ? make(spec)
            : throw new BadPropertyException("rule", spec.Rule, $"known rules are {Names(ConnectionRules.Keys)}");

    /// <summary>
    /// The third-factor rule a third_factor_conn_spec names, or NEST's IllegalConnection for a name that is no
    /// third-factor rule (a bipartite rule such as one_to_one among them).
    /// </summary>
    public static ThirdFactorRule CreateThirdFactorRule(ConnSpec spec) =>
        ThirdFactorRules.TryGetValue(spec.Rule, out var make)
            ? make(spec)
            : throw new IllegalConnectionException(
                $"Unknown third-factor connection rule '{spec.Rule}'; the third-factor rules are {Names(ThirdFactorRules.Keys)}.");

    private static string Names(IEnumerable<string> names) => string.Join(", ", names.Order(StringComparer.Ordinal));

    private static Dictionary<Type, List<(string, Type)>> FindAll()
    {
        var found = new Dictionary<Type, List<(string, Type)>>();
        foreach (var type in typeof(Catalog).Assembly.GetTypes())
        {
            foreach (var attribute in type.GetCustomAttributes<CatalogNameAttribute>(inherit: false))
            {
                if (!found.TryGetValue(attribute.GetType(), out var list)) found[attribute.GetType()] = list = [];
                foreach (string name in attribute.Names) list.Add((name, type));
            }
        }

        return found;
    }

    private static Dictionary<string, TFactory> Factories<TAttribute, TFactory>(Type[] parameters, Func<ConstructorInfo, TFactory> make)
        where TAttribute : CatalogNameAttribute =>
        FactoriesByName<TAttribute, TFactory>(parameters, (ctor, _) => make(ctor));

    private static Dictionary<string, TFactory> FactoriesByName<TAttribute, TFactory>(Type[] parameters, Func<ConstructorInfo, string, TFactory> make)
        where TAttribute : CatalogNameAttribute
    {
        var factories = new Dictionary<string, TFactory>(StringComparer.Ordinal);
        foreach (var (name, type) in Found.GetValueOrDefault(typeof(TAttribute)) ?? [])
        {
            var ctor = type.GetConstructor(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic, parameters)
                ?? throw new InvalidOperationException(
                    $"{type.Name} is named '{name}' in the catalog but has no constructor ({string.Join(", ", parameters.Select(p => p.Name))}).");
            if (!factories.TryAdd(name, make(ctor, name)))
                throw new InvalidOperationException($"Two classes are named '{name}' in the catalog (one is {type.Name}).");
        }
        return factories;
    }

    /// <summary>Calls a constructor; an exception it throws (such as a bad conn_spec) arrives as it was thrown.</summary>
    private static object Invoke(ConstructorInfo ctor, params object[] arguments) =>
        ctor.Invoke(BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
}
