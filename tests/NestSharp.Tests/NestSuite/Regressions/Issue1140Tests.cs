namespace NestSharp.Tests.NestSuite.Regressions;

/// <summary>NEST's testsuite/pytests/regressions/test_issue_1140.py: inhomogeneous_poisson_generator takes empty rate arrays, and its arrays given to Create.</summary>
public sealed class Issue1140Tests
{
    private readonly Simulator _nest = new();

    // NEST: testsuite/pytests/regressions/test_issue_1140.py::test_inhomogeneous_poisson_generator_set_empty_params
    [Fact]
    public void Test_inhomogeneous_poisson_generator_set_empty_params()
    {
        var parameters = new Dictionary<string, object> { ["rate_times"] = Array.Empty<double>(), ["rate_values"] = Array.Empty<double>() };
        var ipg = _nest.Create("inhomogeneous_poisson_generator");
        ipg.Set(parameters);
    }

    // NEST: testsuite/pytests/regressions/test_issue_1140.py::test_inhomogeneous_poisson_generator_params_set_implicitly
    [Fact]
    public void Test_inhomogeneous_poisson_generator_params_set_implicitly()
    {
        var parameters = new Dictionary<string, double[]> { ["rate_times"] = [10.0, 110.0, 210.0], ["rate_values"] = [400.0, 1000.0, 200.0] };
        var ipg = _nest.Create("inhomogeneous_poisson_generator", 1, parameters.ToDictionary(p => p.Key, p => (object)p.Value));

        foreach (var (key, expected) in parameters)
        {
            Assert.Equal(expected, ipg.Get<double[]>(key));
        }
    }
}
