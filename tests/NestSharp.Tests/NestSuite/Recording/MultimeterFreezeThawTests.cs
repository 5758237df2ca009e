using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_multimeter_freeze_thaw.py</c>.</summary>
public sealed class MultimeterFreezeThawTests
{
    private static (Simulator Nest, NodeCollection Neurons, NodeCollection Multimeter) BuildNet(int numNeurons)
    {
        var nest = new Simulator();
        var nrns = nest.Create("iaf_psc_alpha", numNeurons, new() { ["I_e"] = 50.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.5, ["record_from"] = new[] { "V_m" }, ["time_in_steps"] = true });
        nest.Connect(mm, nrns);
        return (nest, nrns, mm);
    }

    /// <summary>Only the first neuron is frozen and thawed, twice, in runs of 5 ms.</summary>
    private static NodeCollection SimulateFreezeThaw(int numNeurons)
    {
        var (nest, nrns, mm) = BuildNet(numNeurons);
        nrns[0].Set("frozen", true);
        nest.Simulate(5.0);
        nrns[0].Set("frozen", false);
        nest.Simulate(5.0);
        nrns[0].Set("frozen", true);
        nest.Simulate(5.0);
        nrns[0].Set("frozen", false);
        nest.Simulate(5.0);
        return mm;
    }

    // NEST: testsuite/pytests/recording/test_multimeter_freeze_thaw.py::test_multimeter_freeze
    [Fact]
    public void MultimeterFreeze()
    {
        var nest = new Simulator();
        nest.Create("multimeter", 1, new() { ["frozen"] = false });
        Assert.ThrowsAny<NestException>(() => nest.Create("multimeter", 1, new() { ["frozen"] = true }));
    }

    // NEST: testsuite/pytests/recording/test_multimeter_freeze_thaw.py::test_freeze_thaw_simulation_against_only_thawed_simulation
    [Fact]
    public void FreezeThawSimulation_AgainstOnlyThawedSimulation()
    {
        var vmWithFreeze = Doubles(SimulateFreezeThaw(numNeurons: 1), "V_m");

        var (nest, _, mm) = BuildNet(numNeurons: 1);
        nest.Simulate(10.0);
        var vmThawedOnly = Doubles(mm, "V_m");

        Assert.NotEmpty(vmThawedOnly);
        Assert.Equal(vmThawedOnly, vmWithFreeze);
    }

    // NEST: testsuite/pytests/recording/test_multimeter_freeze_thaw.py::test_freeze_thaw_neuron_against_only_thawed_neuron
    [Fact]
    public void FreezeThawNeuron_AgainstOnlyThawedNeuron()
    {
        var mm = SimulateFreezeThaw(numNeurons: 2);
        var vm = Doubles(mm, "V_m");
        var senders = Longs(mm, "senders");
        var vmWithFreeze = vm.Where((_, i) => senders[i] == 1).ToArray();
        var vmThawedOnly = vm.Where((_, i) => senders[i] == 2).ToArray();

        int nFrozen = vmWithFreeze.Length;
        Assert.True(nFrozen > 0 && nFrozen < vmThawedOnly.Length);
        Assert.Equal(vmThawedOnly[..nFrozen], vmWithFreeze);
    }
}
