using System.Globalization;
using System.Text;

namespace NestSharp;

/// <summary>A model's summary for PyNEST's help().</summary>
public sealed partial class Simulator
{
    private static readonly HashSet<string> KeysShownApart = new(StringComparer.Ordinal)
    {
        "element_type", "model", "model_id", "synapse_model", "synapse_modelid", "recordables", "receptor_types",
        "global_id", "local", "thread", "vp", "thread_local_id", "frozen", "node_uses_wfr",
    };

    /// <summary>
    /// A summary of <paramref name="model"/> in reStructuredText (what PyNEST's <c>help(model)</c> shows here): its
    /// element type; for a neuron model its parameters and state variables with their current defaults and units, in
    /// the order the model declares them; for other models their defaults; its recordables and receptor types; and, for
    /// a built-in model, where NEST documents it (NEST's help shows that documentation page itself).
    /// </summary>
    public string ModelHelp(string model)
    {
        var defaults = GetDefaults(model);
        var text = new StringBuilder();
        text.Append(model).Append('\n').Append(new string('=', model.Length)).Append("\n\n");
        if (defaults.TryGetValue("element_type", out var elementType)) text.Append("Element type: ").Append(elementType).Append("\n\n");

        var shown = new HashSet<string>(KeysShownApart, StringComparer.Ordinal);
        if (!_kernel.Models.IsSynapseModel(model) && _kernel.Models.NodeModel(model).Prototype is NeuronGroup neurons)
        {
            var schema = neurons.Schema;
            var common = NeuronSchema.Archiving.Declared.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
            var parameters = new List<(string, object, string)>();
            var states = new List<(string, object, string)>();
            var shared = new List<(string, object, string)>();
            foreach (var entry in schema.Entries)
            {
                if (!entry.InStatus || !defaults.TryGetValue(entry.Name, out var value)) continue;
                (common.Contains(entry.Name) ? shared : entry.Role == EntryRole.State ? states : parameters).Add((entry.Name, value, entry.Unit));
                shown.Add(entry.Name);
            }
            foreach (var entry in schema.Arrays)
            {
                if (!defaults.TryGetValue(entry.Name, out var value)) continue;
                parameters.Add((entry.Name, value, entry.Unit));
                shown.Add(entry.Name);
            }
            AppendTable(text, "Parameters", parameters);
            AppendTable(text, "State variables", states);
            AppendTable(text, "Calcium, spike history and ignore-and-spike (every neuron)", shared);
        }
        var others = new List<(string, object, string)>();
        foreach (var key in defaults.Keys.Order(StringComparer.Ordinal))
        {
            if (!shown.Contains(key)) others.Add((key, defaults[key], ""));
        }
        AppendTable(text, shown.Count > KeysShownApart.Count ? "Other defaults" : "Defaults", others);

        if (defaults.TryGetValue("recordables", out var recordables) && recordables is string[] { Length: > 0 } names)
            text.Append("Recordables: ").Append(string.Join(", ", names)).Append("\n\n");
        if (defaults.TryGetValue("receptor_types", out var receptors) && receptors is System.Collections.IDictionary { Count: > 0 } types)
            text.Append("Receptor types: ").Append(Format(types)).Append("\n\n");
        if (Kernel.Catalog.NodeModels.ContainsKey(model) || Kernel.Catalog.SynapseModels.ContainsKey(model))
            text.Append("NEST's documentation of the model: https://nest-simulator.readthedocs.io/en/stable/models/").Append(model).Append(".html\n");
        return text.ToString();
    }

    private static void AppendTable(StringBuilder text, string title, List<(string Key, object Value, string Unit)> rows)
    {
        if (rows.Count == 0) return;
        text.Append(title).Append('\n').Append(new string('-', title.Length)).Append('\n');
        int keyWidth = rows.Max(r => r.Key.Length), valueWidth = rows.Max(r => Format(r.Value).Length);
        foreach (var (key, value, unit) in rows)
            text.Append($"{key.PadRight(keyWidth)}  {Format(value).PadRight(valueWidth)}  {unit}".TrimEnd()).Append('\n');
        text.Append('\n');
    }

    private static string Format(object value) => value switch
    {
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "True" : "False",
        string s => s,
        double[] a => "[" + string.Join(", ", a.Select(x => x.ToString("R", CultureInfo.InvariantCulture))) + "]",
        long[] a => "[" + string.Join(", ", a) + "]",
        System.Collections.IDictionary d => "{" + string.Join(", ", d.Keys.Cast<object>().Select(k => $"{k}: {Format(d[k]!)}")) + "}",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
