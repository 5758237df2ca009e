using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NEST's other/test_multiple_random_source_stepping.py: two poisson_generator_ps give the same trains whether the
/// time is simulated in one call or in several.
/// </summary>
public sealed class MultipleRandomSourceSteppingTests
{
    private static (double[] First, double[] Second) RunSim(double interval, int steppings)
    {
        var nest = new Simulator();
        var pg1 = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 1000.0 });
        var pg2 = nest.Create("poisson_generator_ps", 1, new() { ["rate"] = 1000.0 });
        var sr1 = nest.Create("spike_recorder");
        var sr2 = nest.Create("spike_recorder");
        nest.Connect(pg1, sr1);
        nest.Connect(pg2, sr2);
        for (int i = 0; i < steppings; i++) nest.Simulate(interval);
        return (Doubles(sr1, "times"), Doubles(sr2, "times"));
    }

    // NEST: testsuite/pytests/other/test_multiple_random_source_stepping.py::test_multiple_random_source_stepping
    [Fact]
    public void TestMultipleRandomSourceStepping()
    {
        var (st1Ref, st2Ref) = RunSim(10.0, 1);
        var (st1Run1, st2Run1) = RunSim(5.0, 2);
        var (st1Run2, st2Run2) = RunSim(1.0, 10);
        Assert.NotEmpty(st1Ref);
        Assert.Equal(st1Ref, st1Run1);
        Assert.Equal(st2Ref, st2Run1);
        Assert.Equal(st1Ref, st1Run2);
        Assert.Equal(st2Ref, st2Run2);
    }
}
