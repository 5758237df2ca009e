using MathNet.Numerics.Distributions;
using NestSharp.Tests.Parameters;

namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// The random parameters follow their distributions: 100 GetValue draws, 100 connection weights or 10 membrane
/// potentials pass a Kolmogorov-Smirnov test at p &gt; 0.05 (NEST's other/test_random_parameter.py, same sizes, same
/// limit, same distributions; scipy's distribution functions are MathNet's here).
/// </summary>
public sealed class RandomParameterTests
{
    private const double PValueLimit = 0.05;

    private static void KsAssert(Simulator nest, Parameter param, Func<double, double> cdf)
    {
        var values = Enumerable.Range(0, 100).Select(_ => nest.GetValue(param)).ToArray();
        var (d, pValue) = KolmogorovSmirnov.Test(values, cdf);
        Assert.True(pValue > PValueLimit, $"KS: D = {d}, p = {pValue}");
    }

    // NEST: other/test_random_parameter.py::RandomParameterTestCase::test_uniform
    [Fact]
    public void Uniform()
    {
        var nest = new Simulator();
        double wMin = -1.3, wMax = 2.7;
        var param = nest.Random.Uniform(min: wMin, max: wMax);
        KsAssert(nest, param, x => ContinuousUniform.CDF(wMin, wMax, x));
    }

    // NEST: other/test_random_parameter.py::RandomParameterTestCase::test_uniform_int
    [Fact]
    public void UniformInt()
    {
        var nest = new Simulator();
        int wMin = 0, wMax = 100;
        // The parameter's values lie in [0, max), scipy's randint(0, 100)
        var param = nest.Random.UniformInt(wMax);
        KsAssert(nest, param, x => DiscreteUniform.CDF(wMin, wMax - 1, x));
    }

    // NEST: other/test_random_parameter.py::RandomParameterTestCase::test_normal
    [Fact]
    public void Normal()
    {
        var nest = new Simulator();
        double mean = 2.3, std = 1.7;
        var param = nest.Random.Normal(mean: mean, std: std);
        KsAssert(nest, param, x => MathNet.Numerics.Distributions.Normal.CDF(mean, std, x));
    }

    // NEST: other/test_random_parameter.py::RandomParameterTestCase::test_lognormal
    [Fact]
    public void Lognormal()
    {
        var nest = new Simulator();
        double std = 0.9, mean = 1.7;
        // scipy's lognorm(std, loc = 0, scale = exp(mean)) is the log-normal with mu = mean, sigma = std
        var param = nest.Random.Lognormal(mean: mean, std: std);
        KsAssert(nest, param, x => LogNormal.CDF(mean, std, x));
    }

    // NEST: other/test_random_parameter.py::RandomParameterTestCase::test_exponential
    [Fact]
    public void Exponential()
    {
        var nest = new Simulator();
        double beta = 1.0;
        // scipy's expon(loc = 0, scale = beta): rate 1 / beta
        var param = nest.Random.Exponential(beta: beta);
        KsAssert(nest, param, x => MathNet.Numerics.Distributions.Exponential.CDF(1.0 / beta, x));
    }

    // NEST: other/test_random_parameter.py::RandomParameterTestCase::test_conn_parameter
    [Fact]
    public void ConnectionWeights_DrawnFromAUniformParameter_AreUniform()
    {
        var nest = new Simulator();
        double wMin = -1.3, wMax = 2.7;
        var param = nest.Random.Uniform(min: wMin, max: wMax);
        var nodes = nest.Create("iaf_psc_alpha", 10);
        nest.Connect(nodes, nodes, syn: new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = param });
        var weights = nest.GetConnections().Weight;
        Assert.Equal(100, weights.Length);
        var (d, pValue) = KolmogorovSmirnov.Test(weights, x => ContinuousUniform.CDF(wMin, wMax, x));
        Assert.True(pValue > PValueLimit, $"KS: D = {d}, p = {pValue}");
    }

    // NEST: other/test_random_parameter.py::RandomParameterTestCase::test_node_param_parameter
    [Fact]
    public void MembranePotentials_SetFromAUniformParameter_AreUniform()
    {
        var nest = new Simulator();
        double wMin = -60.0, wMax = -50.0;
        var param = nest.Random.Uniform(min: wMin, max: wMax);
        var nodes = nest.Create("iaf_psc_alpha", 10);
        nodes.Set("V_m", param);
        var vm = nodes.GetValues<double>("V_m");
        var (d, pValue) = KolmogorovSmirnov.Test(vm, x => ContinuousUniform.CDF(wMin, wMax, x));
        Assert.True(pValue > PValueLimit, $"KS: D = {d}, p = {pValue}");
    }
}
