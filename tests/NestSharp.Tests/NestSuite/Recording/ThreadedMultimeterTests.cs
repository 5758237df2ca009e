using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Recording;

/// <summary>Port of NEST 3.10's <c>testsuite/pytests/recording/test_threaded_multimeter.py</c>.</summary>
public sealed class ThreadedMultimeterTests
{
    private const int N = 10; // should not be divisible by thread number

    private static (double[] Vm, long[] Senders) RunMultimeter(int nThreads)
    {
        var nest = new Simulator();
        // Distributed setting not covered
        Assert.Equal(1, nest.NumProcesses);
        nest.SetKernelStatus("local_num_threads", nThreads);

        // Create neurons with different initial V_m
        var nrns = nest.Create("iaf_psc_alpha", N, new() { ["I_e"] = 40.0 });
        int i = 0;
        foreach (var nrn in nrns)
        {
            double vM = -90.0 + 30.0 * i / N;
            nrn.Set(new Dictionary<string, object> { ["V_m"] = vM });
            i++;
        }

        // Create multimeter
        var ac = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m" }, ["interval"] = 1.0 });

        nest.Connect(ac, nrns);

        nest.Simulate(5.0);

        // Obtain data
        return (Doubles(ac, "V_m"), Longs(ac, "senders"));
    }

    // NEST: testsuite/pytests/recording/test_threaded_multimeter.py::test_threaded_multimeter
    [Fact]
    public void ThreadedMultimeter()
    {
        // Run with 1 and 3 threads
        var (r1V, r1S) = RunMultimeter(1);
        var (r3V, r3S) = RunMultimeter(3);

        // Sort and compare - results should be identical regardless of thread count
        Assert.Equal(r1V.Order(), r3V.Order());
        Assert.Equal(r1S.Order(), r3S.Order());
    }
}
