namespace NestSharp.Tests.NestSuite.MpiDirect;

/// <summary>NEST's testsuite/pytests/mpi_direct/2/test_issue_576.py, on 2 in-process ranks.</summary>
public sealed class TestIssue576
{
    // NEST: testsuite/pytests/mpi_direct/2/test_issue_576.py::test_simulation_completes
    // 200 s of one neuron with structural plasticity: about 2 s on two ranks, so not marked Slow
    [Fact]
    public void StructuralPlasticity_SimulationCompletes_OnTwoProcesses() => MpiRanks.Run(2, nest =>
    {
        // Ensure that simulation of structural plasticity completes with MPI (issue #576: crashes when MPI-parallel).
        Assert.True(nest.NumProcesses >= 2, "Requires >= 2 MPI process");

        nest.ResetKernel();
        nest.SetKernelStatus("resolution", 0.1);

        nest.EnableStructuralPlasticity();
        nest.SetKernelStatus("structural_plasticity_update_interval", 1000.0);

        Dictionary<string, object> GrowthCurve() => new()
        {
            ["growth_curve"] = "gaussian",
            ["growth_rate"] = 0.0001, // Beta (elements/ms)
            ["continuous"] = false,
            ["eta"] = 0.1,
            ["eps"] = 0.7,
        };
        var structuralPElementsE = new Dictionary<string, object>
        {
            ["Den_ex"] = GrowthCurve(),
            ["Den_in"] = GrowthCurve(),
            ["Axon_ex"] = GrowthCurve(),
        };
        var neuronDict = new Dictionary<string, object>
        {
            ["V_m"] = -60.0,
            ["t_ref"] = 5.0,
            ["V_reset"] = -60.0,
            ["V_th"] = -50.0,
            ["C_m"] = 200.0,
            ["E_L"] = -60.0,
            ["g_L"] = 10.0,
            ["E_ex"] = 0.0,
            ["E_in"] = -80.0,
            ["tau_syn_ex"] = 5.0,
            ["tau_syn_in"] = 10.0,
            ["I_e"] = 220.0,
        };

        nest.SetDefaults("iaf_cond_exp", neuronDict);
        nest.Create("iaf_cond_exp", 1, new() { ["synaptic_elements"] = structuralPElementsE });

        var synDictE = new Dictionary<string, object>
        {
            ["synapse_model"] = "static_synapse",
            ["weight"] = 3.0,
            ["pre_synaptic_element"] = "Axon_ex",
            ["post_synaptic_element"] = "Den_ex",
        };
        nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["synapseEE"] = synDictE });

        nest.Simulate(200 * 1000);
    });
}
