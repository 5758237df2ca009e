namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>NEST's testsuite/pytests/regressions/test_ticket_643.py: a noise_generator driving a neuron with 256 threads.</summary>
public sealed class Ticket643Tests
{
    // NEST: testsuite/pytests/regressions/test_ticket_643.py::test_ticket_643_noise_generator_under_many_threads
    [Fact]
    public void Test_ticket_643_noise_generator_under_many_threads()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 256);

        var neuron = nest.Create("iaf_psc_alpha");
        var generator = nest.Create("noise_generator", 1, new() { ["mean"] = 200.0, ["std"] = 100.0, ["dt"] = 1.0 });

        nest.Connect(generator, neuron);

        nest.Simulate(1.0);
    }
}
