using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's testsuite/pytests/neurons/test_model_node_init.py: a mip_generator given its parameters through SetDefaults
/// before Create, and one given them through Set after Create, drive an iaf_psc_alpha alike (same V_m trace over 1 s,
/// same random draws) and report the same status.
/// </summary>
public sealed class ModelNodeInitTests
{
    private const string Model = "mip_generator";

    private static Dictionary<string, object> Params() => new() { ["rate"] = 100.0, ["p_copy"] = 0.5 };

    private static (double[] Volts, Dictionary<string, object> Status) NetworkState(Simulator nest, NodeCollection nc)
    {
        var neuron = nest.Create("iaf_psc_alpha");
        var voltmeter = nest.Create("voltmeter");
        nest.Connect(nc, neuron);
        nest.Connect(voltmeter, neuron);
        nest.Simulate(1000.0);
        return (Doubles(voltmeter, "V_m"), nc.Get());
    }

    private static Simulator NewKernel()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["overwrite_files"] = true });
        return nest;
    }

    // NEST: testsuite/pytests/neurons/test_model_node_init.py::test_set_status_vs_set_defaults
    [Fact]
    public void Test_set_status_vs_set_defaults()
    {
        var nest = NewKernel();
        nest.SetDefaults(Model, Params());
        var useSetDefaults = NetworkState(nest, nest.Create(Model));

        nest = NewKernel();
        var instance = nest.Create(Model);
        instance.Set(Params());
        var useSetStatus = NetworkState(nest, instance);

        Assert.Equal(useSetDefaults.Volts, useSetStatus.Volts);
        Assert.Equal(useSetDefaults.Status.Keys.Order(), useSetStatus.Status.Keys.Order());
        foreach (var (key, value) in useSetDefaults.Status) Assert.Equal(value, useSetStatus.Status[key]);
        // the generator did drive the neuron
        Assert.Contains(useSetDefaults.Volts, v => v != useSetDefaults.Volts[0]);
    }
}
