namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>Models with a calcium concentration Ca: it can be given to Create and set and read on nodes.</summary>
public sealed class CalciumTests
{
    /// <summary>The node models whose defaults contain Ca (NEST's list comprehension over nest.node_models).</summary>
    public static TheoryData<string> Models
    {
        get
        {
            var nest = new Simulator();
            var rows = new TheoryData<string>();
            foreach (string model in nest.NodeModels())
                if (nest.GetDefaults(model).ContainsKey("Ca")) rows.Add(model);
            return rows;
        }
    }

    // NEST: neurons/test_calcium.py::test_at_least_one_model
    [Fact]
    public void AtLeastOneModel()
    {
        Assert.NotEmpty(Models);
    }

    // NEST: neurons/test_calcium.py::test_calcium_set_get
    [Theory]
    [MemberData(nameof(Models))]
    public void CalciumSetGet(string model)
    {
        var nest = new Simulator();
        double caDefault = nest.GetDefaults<double>(model, "Ca");
        var n = nest.Create(model, 1, new() { ["Ca"] = caDefault + 42.0 });
        Assert.Equal(caDefault + 42.0, n.Get<double>("Ca"), 1e-7);
        n.Set("Ca", n.Get<double>("Ca") + 99999.0);
        Assert.Equal(caDefault + 42.0 + 99999.0, n.Get<double>("Ca"), 1e-7 * (caDefault + 42.0 + 99999.0));
    }
}
