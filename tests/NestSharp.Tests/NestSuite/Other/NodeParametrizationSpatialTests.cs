namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// The tests of NEST's other/test_node_parametrization.py that use node positions (nest.spatial); the others are in
/// <see cref="NodeParametrizationTests"/>.
/// </summary>
/// <remarks>
/// PyNEST's ValueError for a spatial parameter with the default rule all_to_all (test_conn_distance_parameter_wrong_dimension,
/// test_src_tgt_position_parameter_wrong_args) is NestSharp's BadPropertyException for the rule: a Connect with a
/// spatial parameter takes the spatial path here too, which allows only pairwise_bernoulli, fixed_indegree,
/// fixed_outdegree (and pairwise_poisson).
/// </remarks>
public sealed class NodeParametrizationSpatialTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    /// <summary>numpy.linspace(start, stop, num): start + i * step, the last point exactly stop.</summary>
    private static double[] Linspace(double start, double stop, int num)
    {
        double step = (stop - start) / (num - 1);
        var values = new double[num];
        for (int i = 0; i < num; i++) values[i] = i * step + start;
        values[^1] = stop;
        return values;
    }

    /// <summary>Python's unittest assertAlmostEqual: round(expected - actual, places) == 0.</summary>
    private static void AssertAlmostEqual(double expected, double actual, int places = 7) =>
        Assert.True(Math.Round(expected - actual, places) == 0, $"{actual} != {expected} within {places} places");

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_node_pos_parameter
    [Fact]
    public void NodePosParameter()
    {
        var nest = new Simulator();
        var x = Linspace(0, 0.5, 5);
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([.. x.Select(v => (IReadOnlyList<double>)[v, 0.5 * v, 0.1 + 0.2 * v])]));
        layer.Set("V_m", Spatial.Position(0));
        layer.Set("E_L", Spatial.Position(1));
        layer.Set("C_m", Spatial.Position(2));
        Assert.Equal(x, layer.GetValues<double>("V_m"));
        Assert.Equal(Linspace(0, 0.5 * 0.5, 5), layer.GetValues<double>("E_L"));
        Assert.Equal(x.Select(v => 0.1 + 0.2 * v), layer.GetValues<double>("C_m"));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_node_pos_parameter_wrong_dimension
    [Fact]
    public void NodePosParameterWrongDimension()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([.. Linspace(0, 0.5, 5).Select(v => (IReadOnlyList<double>)[v, 0.5 * v])]));
        Assert.Throws<BadParameterValueException>(() => layer.Set("V_m", Spatial.Position(-1)));
        Assert.Throws<KernelException>(() => layer.Set("V_m", Spatial.Position(2)));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_conn_distance_parameter
    [Fact]
    public void ConnDistanceParameter()
    {
        var nest = new Simulator();
        double[][] positions = [.. Linspace(0, 0.5, 5).Select(v => new[] { v, v, v })];
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(positions));
        nest.ConnectLayers(layer, layer, D(("rule", "fixed_outdegree"), ("outdegree", 5), ("p", 1.0)), [new SynSpec { Weight = Spatial.Distance }]);
        var conns = nest.GetConnections();
        Assert.Equal(25, conns.Count);
        for (int i = 0; i < conns.Count; i++)
        {
            var s = positions[conns.Source[i] - 1];
            var t = positions[conns.Target[i] - 1];
            AssertAlmostEqual(Math.Sqrt((t[0] - s[0]) * (t[0] - s[0]) + (t[1] - s[1]) * (t[1] - s[1]) + (t[2] - s[2]) * (t[2] - s[2])), conns.Weight[i]);
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_conn_dimension_distance_parameter
    [Fact]
    public void ConnDimensionDistanceParameter()
    {
        double[][] positions = [.. Linspace(0, 0.5, 5).Select(v => new[] { v, v, v })];
        foreach (var parameter in new[] { Spatial.DistanceX, Spatial.DistanceY, Spatial.DistanceZ })
        {
            var nest = new Simulator();
            var layer = nest.Create("iaf_psc_alpha", Positions.Free(positions));
            nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)), [new SynSpec { Weight = parameter }]);
            var conns = nest.GetConnections();
            for (int i = 0; i < conns.Count; i++)
                AssertAlmostEqual(Math.Abs(positions[conns.Target[i] - 1][0] - positions[conns.Source[i] - 1][0]), conns.Weight[i]);
        }
    }

    // PyNEST's ValueError: a spatial parameter with the default rule (all_to_all)
    private static void AssertRuleRefused(Action connect) =>
        Assert.Contains("the only possible connection rules", Assert.Throws<BadPropertyException>(connect).Message, StringComparison.Ordinal);

    // NEST: testsuite/pytests/other/test_node_parametrization.py::TestNodeParametrization::test_conn_distance_parameter_wrong_dimension
    [Fact]
    public void ConnDistanceParameterWrongDimension()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([.. Linspace(0, 0.5, 5).Select(x => new[] { x, x })]));

        AssertRuleRefused(() => nest.Connect(layer, layer, null, new SynSpec { Weight = Spatial.DistanceZ }));

        // nest.spatial.distance.n(-1) is CreateParameter("distance", {"dimension": -1}): a NESTError
        Assert.ThrowsAny<NestException>(() =>
            nest.Connect(layer, layer, null, new SynSpec { Weight = nest.CreateParameter("distance", D(("dimension", -1))) }));
    }

    // NEST: testsuite/pytests/other/test_node_parametrization.py::TestNodeParametrization::test_src_tgt_position_parameter_wrong_args
    [Fact]
    public void SrcTgtPositionParameterWrongArgs()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([.. Linspace(0.1, 1.0, 5).Select(x => new[] { x, x })]));

        AssertRuleRefused(() => nest.Connect(layer, layer, null, new SynSpec { Weight = Spatial.SourcePosition(2) }));

        Assert.ThrowsAny<NestException>(() =>
            nest.Connect(layer, layer, null, new SynSpec { Weight = nest.CreateParameter("position", D(("dimension", -1), ("synaptic_endpoint", 1))) }));

        AssertRuleRefused(() => nest.Connect(layer, layer, null, new SynSpec { Weight = Spatial.TargetPosition(2) }));

        Assert.ThrowsAny<NestException>(() =>
            nest.Connect(layer, layer, null, new SynSpec { Weight = nest.CreateParameter("position", D(("dimension", -1), ("synaptic_endpoint", 2))) }));
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_src_tgt_position_parameter
    [Fact]
    public void SrcTgtPositionParameter()
    {
        double[][] positions = [.. Linspace(0.1, 1.0, 5).Select(v => new[] { v, v, v })];
        for (int d = 0; d < 3; d++)
        {
            var nest = new Simulator();
            var layer = nest.Create("iaf_psc_alpha", Positions.Free(positions));
            nest.ConnectLayers(layer, layer, D(("rule", "pairwise_bernoulli"), ("p", 1.0)),
                [new SynSpec { Weight = Spatial.SourcePosition(d), Delay = 100 * Spatial.TargetPosition(d) }]);
            var conns = nest.GetConnections();
            for (int i = 0; i < conns.Count; i++)
            {
                AssertAlmostEqual(positions[conns.Source[i] - 1][d], conns.Weight[i], 12);
                AssertAlmostEqual(100 * positions[conns.Target[i] - 1][d], conns.Delay[i], 12);
            }
        }
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_parameter_conditional
    [Fact]
    public void ParameterConditional()
    {
        var nest = new Simulator();
        var x = Linspace(0, 0.5, 20);
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([.. x.Select(v => new[] { v, v, v })]));
        var posX = Spatial.Position(0);
        layer.Set("V_m", Parameter.Conditional(posX > 0.3, posX, -posX));
        var vm = layer.GetValues<double>("V_m");
        for (int i = 0; i < x.Length; i++) AssertAlmostEqual(x[i] > 0.3 ? x[i] : -x[i], vm[i], 12);
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_parameter_conditional_scalars
    [Fact]
    public void ParameterConditionalScalars()
    {
        var nest = new Simulator();
        var x = Linspace(0, 0.5, 20);
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([.. x.Select(v => new[] { v, v, v })]));
        layer.Set("V_m", Parameter.Conditional(Spatial.Position(0) > 0.3, -42.0, -50.0));
        var vm = layer.GetValues<double>("V_m");
        for (int i = 0; i < x.Length; i++) AssertAlmostEqual(x[i] > 0.3 ? -42.0 : -50.0, vm[i], 12);
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_parameter_pos
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    public void ParameterPos(int dimensions)
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Normal(), numDimensions: dimensions), n: 10);
        var spatial = nest.GetSpatial(layer)!;
        Assert.Equal(dimensions, ((double[])spatial["center"]).Length);
        Assert.Equal(dimensions, ((double[])spatial["extent"]).Length);
        var positions = (double[][])spatial["positions"];
        Assert.Equal(10, positions.Length);
        Assert.Equal(dimensions, positions[0].Length);
        Assert.Equal(dimensions, positions[0].Distinct().Count());
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_parameter_is_spatial
    [Fact]
    public void ParameterIsSpatial()
    {
        var nest = new Simulator();
        var constant = Parameter.Constant(1.0);
        void Check(bool expected, Parameter p)
        {
            Assert.Equal(expected, p.IsSpatial);
            Assert.Equal(expected, Parameter.Cos(p).IsSpatial);
            Assert.Equal(expected, Parameter.Sin(p).IsSpatial);
            Assert.Equal(expected, Parameter.Exp(p).IsSpatial);
            Assert.Equal(expected, Parameter.Max(p, 1.0).IsSpatial);
            Assert.Equal(expected, Parameter.Min(p, 1.0).IsSpatial);
            Assert.Equal(expected, Parameter.Redraw(p, 0.0, 1.0).IsSpatial);
            Assert.Equal(expected, (p + constant).IsSpatial);
            Assert.Equal(expected, (constant + p).IsSpatial);
            Assert.Equal(expected, Parameter.Conditional(p, constant, constant).IsSpatial);
            Assert.Equal(expected, Parameter.Conditional(constant, p, constant).IsSpatial);
            Assert.Equal(expected, Parameter.Conditional(constant, constant, p).IsSpatial);
        }
        foreach (var p in new[] { Spatial.Position(0), Spatial.Distance, Spatial.DistanceX }) Check(true, p);
        foreach (var p in new[] { constant, nest.Random.Uniform(), nest.Random.Normal(), nest.Random.Lognormal(), nest.Random.Exponential() })
            Check(false, p);
    }

    // NEST: other/test_node_parametrization.py::TestNodeParametrization::test_parameter_apply
    [Fact]
    public void ParameterApply()
    {
        var nest = new Simulator();
        double[][] positions = [.. Linspace(0, 0.5, 5).Select(v => new[] { v, 0.5 * v })];
        var layer = nest.Create("iaf_psc_alpha", Positions.Free(positions));
        Assert.Equal(positions.Select(p => p[0]), nest.Apply(Spatial.Position(0), layer));
        Assert.Equal(positions.Select(p => p[1]), nest.Apply(Spatial.Position(1), layer));
        var distances = nest.Apply(Spatial.Distance, layer[0..1], positions);
        for (int i = 0; i < positions.Length; i++)
            AssertAlmostEqual(Math.Sqrt(positions[i][0] * positions[i][0] + positions[i][1] * positions[i][1]), distances[i]);
    }
}
