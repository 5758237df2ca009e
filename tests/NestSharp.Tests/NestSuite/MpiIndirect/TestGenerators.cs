namespace NestSharp.Tests.NestSuite.MpiIndirect;

/// <summary>
/// NEST's testsuite/pytests/mpi_indirect/test_generators.py, on 1, 2 and 4 in-process ranks.
/// </summary>
public sealed class TestGenerators
{
    public static TheoryData<string, Dictionary<string, object>, Dictionary<string, object>> Cases => new()
    {
        { "gamma_sup_generator", new() { ["rate"] = 1000.0 }, new() },
        { "mip_generator", new() { ["rate"] = 2000.0, ["p_copy"] = 0.5 }, new() },
        { "noise_generator", new() { ["mean"] = 1000.0, ["std"] = 500.0, ["dt"] = 1.0 }, new() },
        { "poisson_generator", new() { ["rate"] = 1000.0 }, new() },
        { "poisson_generator_ps", new() { ["rate"] = 1000.0 }, new() },
        { "pp_psc_delta", new() { ["I_e"] = 1000.0 }, new() }, // not strictly a generator, but behaves like one here
        { "ppd_sup_generator", new() { ["rate"] = 1000.0 }, new() },
        { "pulsepacket_generator", new() { ["pulse_times"] = new[] { 5.0 }, ["activity"] = 5, ["sdev"] = 2.0 }, new() },
        {
            "sinusoidal_gamma_generator", new() { ["rate"] = 1000.0, ["amplitude"] = 1000.0, ["frequency"] = 100.0, ["order"] = 3.0 },
            new() { ["individual_spike_trains"] = false }
        },
        {
            "sinusoidal_gamma_generator", new() { ["rate"] = 1000.0, ["amplitude"] = 1000.0, ["frequency"] = 100.0, ["order"] = 3.0 },
            new() { ["individual_spike_trains"] = true }
        },
        {
            "sinusoidal_poisson_generator", new() { ["rate"] = 1000.0, ["amplitude"] = 1000.0, ["frequency"] = 100.0 },
            new() { ["individual_spike_trains"] = false }
        },
        {
            "sinusoidal_poisson_generator", new() { ["rate"] = 1000.0, ["amplitude"] = 1000.0, ["frequency"] = 100.0 },
            new() { ["individual_spike_trains"] = true }
        },
    };

    // NEST: testsuite/pytests/mpi_indirect/test_generators.py::test_generators
    [Theory]
    [MemberData(nameof(Cases))]
    public void Generator_SpikesAreInvariantForAFixedNumberOfVirtualProcesses(string gen_model, Dictionary<string, object> @params, Dictionary<string, object> params_as_defaults)
    {
        MpiTestWrapper.AssertEqual([1, 2, 4], nest =>
        {
            const int TOTAL_VPS = 4;
            string[] NEED_IAF = ["noise_generator"];

            nest.SetKernelStatus(new() { ["total_num_virtual_procs"] = TOTAL_VPS, ["overwrite_files"] = true });
            nest.SetDefaults(gen_model, params_as_defaults);
            var gen = nest.Create(gen_model, 1, new(@params));
            var pnet = nest.Create(!NEED_IAF.Contains(gen_model) ? "parrot_neuron" : "iaf_psc_alpha", TOTAL_VPS);
            var sr = nest.Create("spike_recorder", 1, new()
            {
                ["label"] = MpiTestWrapper.SpikeLabel(nest.NumProcesses), ["record_to"] = "ascii", ["time_in_steps"] = true,
            });
            nest.Connect(gen, pnet);
            nest.Connect(pnet, sr);
            nest.Simulate(50);
            Assert.True(Convert.ToInt64(nest.GetKernelStatus("local_spike_counter")) > 0);
        });
    }
}
