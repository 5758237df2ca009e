namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// Parameters as node and synapse values, and the parameter expressions of <c>nest.math</c> and <c>nest.logic</c>
/// (NEST's other/test_node_parametrization.py, its tests without node positions).
/// </summary>
/// <remarks>
/// The tests with node positions (nest.spatial) are in <see cref="NodeParametrizationSpatialTests"/>.
/// </remarks>
public sealed class NodeParametrizationTests
{
    /// <summary>Python's unittest assertAlmostEqual: round(expected - actual, places) == 0.</summary>
    private static void AssertAlmostEqual(double expected, double actual, int places = 7) =>
        Assert.True(Math.Round(expected - actual, places) == 0, $"{actual} != {expected} within {places} places");

    /// <summary>numpy.linspace(start, stop, num): start + i * step, the last point exactly stop.</summary>
    private static double[] Linspace(double start, double stop, int num)
    {
        double step = (stop - start) / (num - 1);
        var values = new double[num];
        for (int i = 0; i < num; i++) values[i] = i * step + start;
        values[^1] = stop;
        return values;
    }

    private static void AssertUnique(double[] values) =>
        Assert.True(values.Distinct().Count() == values.Length, "Values from random distribution are not unique");

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_create_uniform
    [Fact]
    public void CreateUniform()
    {
        var nest = new Simulator();
        double minVal = -75.0, maxVal = -55.0;
        const int n = 3;
        var nodes = nest.Create("iaf_psc_alpha", n, new() { ["V_m"] = nest.Random.Uniform(min: minVal, max: maxVal) });
        var vm = nodes.GetValues<double>("V_m");
        Assert.Equal(n, vm.Length);
        AssertUnique(vm);
        Assert.All(vm, v => Assert.InRange(v, minVal, maxVal));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_create_normal
    [Fact]
    public void CreateNormal()
    {
        var nest = new Simulator();
        const int n = 3;
        var nodes = nest.Create("iaf_psc_alpha", n, new() { ["V_m"] = nest.Random.Normal(mean: 10.0, std: 5.0) });
        var vm = nodes.GetValues<double>("V_m");
        Assert.Equal(n, vm.Length);
        AssertUnique(vm);
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_create_exponential
    [Fact]
    public void CreateExponential()
    {
        var nest = new Simulator();
        const int n = 3;
        var nodes = nest.Create("iaf_psc_alpha", n, new() { ["V_m"] = nest.Random.Exponential(beta: 1.0) });
        var vm = nodes.GetValues<double>("V_m");
        Assert.Equal(n, vm.Length);
        AssertUnique(vm);
        Assert.All(vm, v => Assert.True(v >= 0.0));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_create_lognormal
    [Fact]
    public void CreateLognormal()
    {
        var nest = new Simulator();
        const int n = 3;
        var nodes = nest.Create("iaf_psc_alpha", n, new() { ["V_m"] = nest.Random.Lognormal(mean: 10.0, std: 20.0) });
        var vm = nodes.GetValues<double>("V_m");
        Assert.Equal(n, vm.Length);
        AssertUnique(vm);
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_create_adding
    [Fact]
    public void CreateAdding()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 3, new() { ["V_m"] = -80.0 + nest.Random.Exponential(beta: 0.1) });
        Assert.All(nodes.GetValues<double>("V_m"), v => Assert.True(v >= -80.0));

        nodes = nest.Create("iaf_psc_alpha", 3, new() { ["V_m"] = 30.0 + nest.Random.Uniform(-75.0, -55.0) });
        Assert.All(nodes.GetValues<double>("V_m"), v => Assert.InRange(v, -45.0, -25.0));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_set_with_random
    [Fact]
    public void SetWithRandom()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 3);
        nodes.Set(new Dictionary<string, object> { ["V_m"] = nest.Random.Uniform(-75.0, -55.0) });
        Assert.All(nodes.GetValues<double>("V_m"), v => Assert.True(v > -75.0 && v < -55.0, $"{v}"));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_set_with_random_as_val
    [Fact]
    public void SetWithRandomAsVal()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 3);
        nodes.Set("V_m", nest.Random.Uniform(-75.0, -55.0));
        Assert.All(nodes.GetValues<double>("V_m"), v => Assert.True(v > -75.0 && v < -55.0, $"{v}"));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_parameter_arithmetic
    [Fact]
    public void ParameterArithmetic()
    {
        var nest = new Simulator();
        var p1 = nest.CreateParameter("constant", new() { ["value"] = 3.0 });
        var p2 = nest.CreateParameter("constant", new() { ["value"] = 2.0 });
        AssertAlmostEqual(5.0, nest.GetValue(p1 + p2));
        AssertAlmostEqual(1.0, nest.GetValue(p1 - p2));
        AssertAlmostEqual(1.5, nest.GetValue(p1 / p2));
        AssertAlmostEqual(6.0, nest.GetValue(p1 * p2));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_syn_spec_parameter
    [Fact]
    public void SynSpecParameter()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        var p = nest.CreateParameter("constant", new() { ["value"] = 2.0 });
        nest.Connect(n, n, syn: new Dictionary<string, object> { ["weight"] = p });
        var weights = nest.GetConnections().Weight;
        Assert.Equal(4, weights.Length);
        Assert.All(weights, w => AssertAlmostEqual(2.0, w));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_conn_spec_parameter
    [Fact]
    public void ConnSpecParameter()
    {
        var p = Parameter.Constant(1.0);
        var p2 = Parameter.Constant(2.0);
        (string Rule, string Key, Parameter Value)[] ruleSpecs =
        [
            ("pairwise_bernoulli", "p", p),
            ("fixed_outdegree", "outdegree", p2),
            ("fixed_indegree", "indegree", p2),
        ];
        foreach (var (rule, key, value) in ruleSpecs)
        {
            var nest = new Simulator();
            var n = nest.Create("iaf_psc_alpha", 2);
            nest.Connect(n, n, new Dictionary<string, object> { ["rule"] = rule, [key] = value });
            Assert.True((long)nest.GetKernelStatus("num_connections") == 4, $"Error with {rule}");
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_exp_parameter
    [Fact]
    public void ExpParameter()
    {
        var nest = new Simulator();
        foreach (double value in Linspace(-5.0, 5.0, 15))
        {
            var p = nest.CreateParameter("constant", new() { ["value"] = value });
            AssertAlmostEqual(Math.Exp(value), nest.GetValue(Parameter.Exp(p)));
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_cos_parameter
    [Fact]
    public void CosParameter()
    {
        var nest = new Simulator();
        foreach (double value in Linspace(-5.0, 5.0, 15))
        {
            var p = nest.CreateParameter("constant", new() { ["value"] = value });
            AssertAlmostEqual(Math.Cos(value), nest.GetValue(Parameter.Cos(p)));
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_sin_parameter
    [Fact]
    public void SinParameter()
    {
        var nest = new Simulator();
        foreach (double value in Linspace(-5.0, 5.0, 15))
        {
            var p = nest.CreateParameter("constant", new() { ["value"] = value });
            AssertAlmostEqual(Math.Sin(value), nest.GetValue(Parameter.Sin(p)));
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_power_parameter
    [Fact]
    public void PowerParameter()
    {
        var nest = new Simulator();
        // Negative values: exponents must be integers
        foreach (double value in Linspace(-5.0, -0.1, 15))
        {
            var p = nest.CreateParameter("constant", new() { ["value"] = value });
            for (int exponent = -15; exponent < 15; exponent++)
                AssertAlmostEqual(Math.Pow(value, exponent), nest.GetValue(Parameter.Pow(p, exponent)));
        }

        // Positive values
        foreach (double value in Linspace(0.1, 5.0, 15))
        {
            var p = nest.CreateParameter("constant", new() { ["value"] = value });
            foreach (double exponent in Linspace(-5.0, 5.0, 15))
                AssertAlmostEqual(Math.Pow(value, exponent), nest.GetValue(Parameter.Pow(p, exponent)));
        }

        // Zero
        var zero = nest.CreateParameter("constant", new() { ["value"] = 0.0 });
        foreach (double exponent in Linspace(0.1, 5.0, 15))
            AssertAlmostEqual(0.0, nest.GetValue(Parameter.Pow(zero, exponent)));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_min_parameter
    [Fact]
    public void MinParameter()
    {
        var nest = new Simulator();
        const double referenceValue = 2.0;
        foreach (double value in Linspace(-5.0, 5.0, 21))
        {
            var p = nest.CreateParameter("constant", new() { ["value"] = value });
            AssertAlmostEqual(Math.Min(value, referenceValue), nest.GetValue(Parameter.Min(p, referenceValue)));
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_max_parameter
    [Fact]
    public void MaxParameter()
    {
        var nest = new Simulator();
        const double referenceValue = 2.0;
        foreach (double value in Linspace(-5.0, 5.0, 21))
        {
            var p = nest.CreateParameter("constant", new() { ["value"] = value });
            AssertAlmostEqual(Math.Max(value, referenceValue), nest.GetValue(Parameter.Max(p, referenceValue)));
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_redraw_parameter
    [Fact]
    public void RedrawParameter()
    {
        var nest = new Simulator();
        double minValue = 1.0, maxValue = 1.5;
        var p = nest.Random.Normal();
        for (int i = 0; i < 100; i++)
        {
            double value = nest.GetValue(Parameter.Redraw(p, minValue, maxValue));
            Assert.InRange(value, minValue, maxValue);
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_redraw_wrong_limits
    // (NEST raises BadParameterValue, a NESTError)
    [Fact]
    public void RedrawWrongLimits()
    {
        var nest = new Simulator();
        double minValue = 1.5, maxValue = 1.0;
        var p = nest.Random.Normal();
        Assert.Throws<BadParameterValueException>(() => Parameter.Redraw(p, minValue, maxValue));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_redraw_value_impossible
    // (NEST raises KernelException, a NESTError)
    [Fact]
    public void RedrawValueImpossible()
    {
        var nest = new Simulator();
        double minValue = 1.5, maxValue = 2.0;
        var p = nest.Random.Uniform(min: 0.0, max: 1.0);
        Assert.Throws<KernelException>(() => nest.GetValue(Parameter.Redraw(p, minValue, maxValue)));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_parameter_comparison
    [Fact]
    public void ParameterComparison()
    {
        var nest = new Simulator();
        var p1 = nest.CreateParameter("constant", new() { ["value"] = 1.0 });
        var p2 = nest.CreateParameter("constant", new() { ["value"] = 2.0 });
        bool True(Parameter p) => nest.GetValue(p) != 0.0;

        Assert.True(True(p1 < p2));
        Assert.True(True(p1 <= p2));
        Assert.True(True(p1.Equal(p2 - p1)));
        Assert.True(True(p1.NotEqual(p2)));
        Assert.True(True(p2 >= p1));
        Assert.True(True(p2 > p1));

        Assert.False(True(p2 < p1));
        Assert.False(True(p2 <= p1));
        Assert.False(True(p1.Equal(p2)));
        Assert.False(True(p1.NotEqual(p2 - p1)));
        Assert.False(True(p1 >= p2));
        Assert.False(True(p1 > p2));
    }
}
