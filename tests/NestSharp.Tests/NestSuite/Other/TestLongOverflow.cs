namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NEST's testsuite/pytests/other/test_long_overflow.py: the extreme 64-bit integers are accepted as a value. Its
/// test_outside_bounds (Python integers beyond 64 bits raise OverflowError) has no C# counterpart: a long cannot
/// hold them.
/// </summary>
public sealed class TestLongOverflow
{
    // NEST: testsuite/pytests/other/test_long_overflow.py::test_within_bounds
    [Theory]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue)]
    public void Test_within_bounds(long pythonInt)
    {
        var neuron = new Simulator().Create("iaf_psc_alpha");
        neuron.Set("V_m", pythonInt);
    }
}
