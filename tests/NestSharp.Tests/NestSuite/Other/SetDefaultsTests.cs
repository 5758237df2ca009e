namespace NestSharp.Tests.NestSuite.Other;

/// <summary>SetDefaults takes single values only: arrays and parameters are refused (NEST's other/test_set_defaults.py).</summary>
/// <remarks>
/// PyNEST raises ValueError before it reaches the kernel; NestSharp's SetDefaults refuses them in the kernel, with the
/// TypeMismatch that names the key and says it wants a number. PyNEST's <c>SetDefaults(model, key, value)</c> is its
/// shorthand for <c>SetDefaults(model, {key: value})</c>; NestSharp has only the dictionary form, so the as_dict=False
/// rows build that dictionary as PyNEST does.
/// </remarks>
public sealed class SetDefaultsTests
{
    public static TheoryData<string, string, bool, string> Cases()
    {
        var data = new TheoryData<string, string, bool, string>();
        // ["stdp_synapse", "alpha"] is commented out in NEST's parametrisation.
        foreach (var badValue in new[] { "array", "parameter" })
        {
            foreach (bool asDict in new[] { true, false })
                data.Add("iaf_psc_alpha", "tau_syn_ex", asDict, badValue);
        }
        return data;
    }

    // NEST: other/test_set_defaults.py::test_set_defaults_rejects_non_definite_types
    [Theory]
    [MemberData(nameof(Cases))]
    public void SetDefaults_RejectsNonDefiniteTypes(string model, string param, bool asDict, string badValueKind)
    {
        var nest = new Simulator();
        object badValue = badValueKind == "array" ? new[] { 1.0, 2.0, 3.0 } : nest.Random.Uniform(0, 1);
        var before = nest.GetDefaults(model)[param];

        var error = Assert.Throws<TypeMismatchException>(() =>
        {
            if (asDict)
                nest.SetDefaults(model, new() { [param] = badValue });
            else
                SetDefaults(nest, model, param, badValue);
        });

        Assert.Contains(param, error.Message);
        Assert.Equal(before, nest.GetDefaults(model)[param]);
    }

    /// <summary>PyNEST's SetDefaults(model, params, val) with a key name: it sets {params: val}.</summary>
    private static void SetDefaults(Simulator nest, string model, string key, object value) =>
        nest.SetDefaults(model, new() { [key] = value });
}
