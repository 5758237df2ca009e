namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>
/// NEST's regression tests parametrise over <c>nest.node_models</c> filtered by their defaults; this makes the same
/// selection from NestSharp's node models, so a model NestSharp gains joins the tests as it would in NEST.
/// </summary>
internal static class NodeModelSelection
{
    /// <summary>The node models, in name order, whose defaults satisfy <paramref name="selected"/>, minus <paramref name="excluded"/>.</summary>
    public static List<string> Models(Func<Dictionary<string, object>, bool> selected, params string[] excluded)
    {
        var nest = new Simulator();
        var models = new List<string>();
        foreach (string model in nest.NodeModels())
        {
            if (Array.IndexOf(excluded, model) < 0 && selected(nest.GetDefaults(model)))
                models.Add(model);
        }
        return models;
    }

    /// <summary><see cref="Models"/> as theory rows.</summary>
    public static TheoryData<string> Where(Func<Dictionary<string, object>, bool> selected, params string[] excluded)
    {
        var data = new TheoryData<string>();
        foreach (string model in Models(selected, excluded)) data.Add(model);
        return data;
    }

    /// <summary>The node models whose defaults have every key of <paramref name="keys"/>.</summary>
    public static Func<Dictionary<string, object>, bool> Having(params string[] keys) =>
        defaults => keys.All(defaults.ContainsKey);

    /// <summary>The node models whose element_type is <paramref name="elementType"/> ("neuron", "stimulator", "recorder").</summary>
    public static Func<Dictionary<string, object>, bool> OfElementType(string elementType) =>
        defaults => defaults.TryGetValue("element_type", out var type) && (string)type == elementType;
}
