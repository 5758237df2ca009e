namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>V_m set as a model default before Create equals V_m set on the node after Create.</summary>
public sealed class SetVmTests
{
    /// <summary>The node models whose defaults contain V_m.</summary>
    public static TheoryData<string> Models
    {
        get
        {
            var nest = new Simulator();
            var rows = new TheoryData<string>();
            foreach (string model in nest.NodeModels())
                if (nest.GetDefaults(model).ContainsKey("V_m")) rows.Add(model);
            return rows;
        }
    }

    // NEST: neurons/test_set_vm.py::test_set_vm
    [Theory]
    [MemberData(nameof(Models))]
    public void SetVm(string model)
    {
        var nest = new Simulator();
        // NEST draws random.uniform(0, 1); a fixed draw keeps the test repeatable.
        double newVmValue = new System.Random(1234).NextDouble();

        nest.SetDefaults(model, new() { ["V_m"] = newVmValue });
        var setDefaultsCreateInstance = nest.Create(model);
        var createSetStatusInstance = nest.Create(model);
        createSetStatusInstance.Set("V_m", newVmValue);

        Assert.Equal(setDefaultsCreateInstance.Get<double>("V_m"), createSetStatusInstance.Get<double>("V_m"));
    }
}
