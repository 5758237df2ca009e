namespace NestSharp.Tests.SpatialNetworks;

/// <summary>
/// Positions, displacements, distances, masks and spatial parameters: deterministic geometry checked exactly against
/// NEST's rules (grid_layer.h, free_layer.h, layer_impl.h, mask.cpp, parameter.cpp) worked out by hand.
/// </summary>
public sealed class SpatialGeometryTests
{
    private static Dictionary<string, object> D(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);

    [Fact]
    public void Grid_PositionsFollowNestsMatrixConvention()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 2], extent: [3.0, 2.0], center: [1.0, 0.0]));
        Assert.Equal(6, layer.Count);
        var p = nest.GetPosition(layer);
        // columns x = 0, 1, 2; rows from the top: y = 0.5, -0.5; node k: column k / 2, row k mod 2
        double[][] expected = [[0.0, 0.5], [0.0, -0.5], [1.0, 0.5], [1.0, -0.5], [2.0, 0.5], [2.0, -0.5]];
        Assert.Equal(expected, p);
        var status = nest.GetSpatial(layer)!;
        Assert.Equal(new[] { 1.0, 0.0 }, (double[])status["center"]);
        Assert.Equal(new[] { 3.0, 2.0 }, (double[])status["extent"]);
        Assert.Equal(new long[] { 3, 2 }, (long[])status["shape"]);
        Assert.Equal(false, status["edge_wrap"]);
        Assert.Equal(6L, status["network_size"]);
        Assert.Null(nest.GetSpatial(nest.Create("iaf_psc_alpha", 2)));
    }

    [Fact]
    public void Grid3D_LastDimensionVariesFastest()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([2, 2, 2], extent: [2.0, 2.0, 2.0]));
        var p = nest.GetPosition(layer);
        Assert.Equal(new[] { -0.5, 0.5, -0.5 }, p[0]);
        Assert.Equal(new[] { -0.5, 0.5, 0.5 }, p[1]);
        Assert.Equal(new[] { -0.5, -0.5, -0.5 }, p[2]);
        Assert.Equal(new[] { 0.5, 0.5, -0.5 }, p[4]);
    }

    [Fact]
    public void Free_ExtentIsThePointsExtentRoundedUpAroundTheirMiddle()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Free([[1.0, 0.0], [0.0, 1.0], [3.5, 1.5]]));
        var status = nest.GetSpatial(layer)!;
        Assert.Equal(new[] { 4.0, 2.0 }, (double[])status["extent"]);
        Assert.Equal(new[] { 1.75, 0.75 }, (double[])status["center"]);
        Assert.Equal(new[] { 3.5, 1.5 }, ((double[][])status["positions"])[2]);
        Assert.Throws<KernelException>(() => nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0]])));
        Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_alpha", Positions.Free([[0.0, 0.0], [2.0, 0.0]], extent: [1.0, 1.0])));
        Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_alpha", Positions.Grid([2, 2, 2, 2])));
        Assert.Throws<BadPropertyException>(() => nest.Create("iaf_psc_alpha", Positions.Grid([2, 0])));
    }

    [Fact]
    public void Free_DrawnPositionsDoNotDependOnThreads()
    {
        double[][] Draw(int threads)
        {
            var nest = new Simulator();
            nest.SetKernelStatus(new() { ["rng_seed"] = 12L, ["local_num_threads"] = threads });
            var layer = nest.Create("iaf_psc_alpha", Positions.Free(nest.Random.Uniform(-0.5, 0.5), numDimensions: 2), n: 50);
            return nest.GetPosition(layer);
        }
        var one = Draw(1);
        Assert.Equal(one, Draw(2));
        Assert.All(one, p => Assert.InRange(p[0], -0.5, 0.5));
        Assert.True(one.Select(p => p[0]).Distinct().Count() == 50);
    }

    [Fact]
    public void DisplacementAndDistance_WrapAtPeriodicBoundaries()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([4, 1], extent: [4.0, 1.0], edgeWrap: true));
        // x = -1.5, -0.5, 0.5, 1.5; NEST's Displacement(from, to) is from's position minus to's, wrapped into [-2, 2):
        // 1.5 - (-1.5) = 3 becomes -1, and -3 becomes 1.
        Assert.Equal(new[] { -1.0, 0.0 }, nest.Displacement(layer[3..4], layer[0..1])[0]);
        Assert.Equal(new[] { 1.0, 0.0 }, nest.Displacement(layer[0..1], layer[3..4])[0]);
        Assert.Equal(1.0, nest.Distance(layer[0..1], layer[3..4])[0]);
        Assert.Equal([0.0, 1.0, 2.0, 1.0], nest.Distance(layer[0..1], layer));
        var fromPoint = nest.Displacement([[0.0, 0.0]], layer);
        Assert.Equal(new[] { -1.5, 0.0 }, fromPoint[0]);
        Assert.Throws<LayerExpectedException>(() => nest.GetPosition(nest.Create("iaf_psc_alpha", 1)));
    }

    [Fact]
    public void Masks_InsideAsNestDefinesThem()
    {
        var circle = Mask.Create("circular", D(("radius", 1.0)));
        Assert.True(circle.Inside([1.0, 0.0]));
        Assert.True(circle.Inside([0.6, 0.8]));
        Assert.False(circle.Inside([0.71, 0.71]));
        var rectangle = Mask.Create("rectangular", D(("lower_left", new[] { -1.0, -0.5 }), ("upper_right", new[] { 1.0, 0.5 })));
        Assert.True(rectangle.Inside([1.0, 0.5]));
        Assert.False(rectangle.Inside([0.0, 0.6]));
        var rotated = Mask.Create("rectangular", D(("lower_left", new[] { -1.0, -0.5 }), ("upper_right", new[] { 1.0, 0.5 }), ("azimuth_angle", 90.0)));
        Assert.True(rotated.Inside([0.0, 0.9]));
        Assert.False(rotated.Inside([0.9, 0.0]));
        var ellipse = Mask.Create("elliptical", D(("major_axis", 4.0), ("minor_axis", 2.0)));
        Assert.True(ellipse.Inside([2.0, 0.0]));
        Assert.False(ellipse.Inside([0.0, 1.1]));
        var doughnut = Mask.Create("doughnut", D(("inner_radius", 0.5), ("outer_radius", 1.0)));
        Assert.False(doughnut.Inside([0.2, 0.0]));
        Assert.True(doughnut.Inside([0.7, 0.0]));
        var anchored = Mask.Create("circular", D(("radius", 0.5)), anchor: [2.0, 0.0]);
        Assert.True(anchored.Inside([2.4, 0.0]));
        Assert.False(anchored.Inside([0.0, 0.0]));
        var ball = Mask.Create("spherical", D(("radius", 1.0)));
        Assert.True(ball.Inside([0.0, 0.0, 1.0]));
        var box = Mask.Create("box", D(("lower_left", new[] { 0.0, 0.0, 0.0 }), ("upper_right", new[] { 1.0, 1.0, 1.0 }), ("polar_angle", 0.0)));
        Assert.True(box.Inside([0.5, 0.5, 0.5]));
    }

    [Fact]
    public void Masks_SetOperations()
    {
        var left = Mask.Create("rectangular", D(("lower_left", new[] { -1.0, -1.0 }), ("upper_right", new[] { 0.5, 0.5 })));
        var right = Mask.Create("rectangular", D(("lower_left", new[] { -0.5, -0.5 }), ("upper_right", new[] { 1.0, 1.0 })));
        double[] onlyLeft = [-0.8, -0.8], both = [0.0, 0.0], onlyRight = [0.8, 0.8];
        Assert.Equal([true, true, true], new[] { onlyLeft, both, onlyRight }.Select(p => (left | right).Inside(p)));
        Assert.Equal([false, true, false], new[] { onlyLeft, both, onlyRight }.Select(p => (left & right).Inside(p)));
        Assert.Equal([true, false, false], new[] { onlyLeft, both, onlyRight }.Select(p => (left - right).Inside(p)));
        Assert.Throws<BadPropertyException>(() => left & Mask.Create("spherical", D(("radius", 1.0))));
    }

    [Fact]
    public void Masks_RefuseWhatNestRefuses()
    {
        Assert.Throws<BadPropertyException>(() => Mask.Create("circular", D(("radius", 0.0))));
        Assert.Throws<BadPropertyException>(() => Mask.Create("rectangular", D(("lower_left", new[] { 1.0, 0.0 }), ("upper_right", new[] { 0.0, 1.0 }))));
        Assert.Throws<BadPropertyException>(() => Mask.Create("rectangular", D(("lower_left", new[] { 0.0, 0.0 }), ("upper_right", new[] { 1.0, 1.0 }), ("polar_angle", 10.0))));
        Assert.Throws<BadPropertyException>(() => Mask.Create("elliptical", D(("major_axis", 1.0), ("minor_axis", 2.0))));
        Assert.Throws<BadPropertyException>(() => Mask.Create("doughnut", D(("inner_radius", 1.0), ("outer_radius", 1.0))));
        Assert.Throws<UndefinedNameException>(() => Mask.Create("triangular", D()));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => Mask.Create("circular", D(("radius", 1.0), ("size", 2.0))));
    }

    [Fact]
    public void SelectNodesByMask_UsesTheMaskAroundTheAnchor()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([5, 5], extent: [5.0, 5.0]));
        var selected = nest.SelectNodesByMask(layer, [0.0, 0.0], Mask.Create("circular", D(("radius", 1.0))));
        // the centre (node 13) and its four neighbours
        Assert.Equal([8, 12, 13, 14, 18], selected.Ids);
    }

    [Fact]
    public void SpatialParameters_DistancePositionsAndDistributions()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([4, 1], extent: [4.0, 1.0], edgeWrap: true));
        var source = layer[0..1]; // at (-1.5, 0)
        double[][] targets = [[1.5, 0.0], [0.0, 0.3]];
        // 1.5 - (-1.5) = 3 across a periodic extent of 4 is 3 - 4 round(3/4) = -1
        Assert.Equal([1.0, Math.Sqrt(1.5 * 1.5 + 0.3 * 0.3)], nest.Apply(Spatial.Distance, source, targets));
        Assert.Equal([1.0, 1.5], nest.Apply(Spatial.DistanceX, source, targets));
        Assert.Equal([-1.5, -1.5], nest.Apply(Spatial.SourcePosition(0), source, targets));
        Assert.Equal([1.5, 0.0], nest.Apply(Spatial.TargetPosition(0), source, targets));
        Assert.Equal([-1.5, -0.5, 0.5, 1.5], nest.Apply(Spatial.Position(0), layer));
        double d = 0.7;
        double[] at = [-1.5 + d, 0.0];
        Assert.Equal(Math.Exp(-d / 2.0), nest.Apply(SpatialDistributions.Exponential(Spatial.Distance, beta: 2.0), source, [at])[0], 15);
        Assert.Equal(Math.Exp(-(d - 0.2) * (d - 0.2) / (2 * 0.5 * 0.5)), nest.Apply(SpatialDistributions.Gaussian(Spatial.Distance, 0.2, 0.5), source, [at])[0], 15);
        Assert.Equal(Math.Pow(d, 1.0) * Math.Exp(-d / 0.5) / (0.5 * 0.5 * 1.0), nest.Apply(SpatialDistributions.Gamma(Spatial.Distance, 2.0, 0.5), source, [at])[0], 12);
        Assert.True((Spatial.Distance * 2.0 + 1.0).IsSpatial);
        Assert.False(nest.Random.Uniform().IsSpatial);
        Assert.Throws<BadParameterValueException>(() => nest.GetValue(Spatial.Distance));
        Assert.Throws<BadPropertyException>(() => SpatialDistributions.Exponential(Spatial.Distance, beta: 0.0));
    }

    [Fact]
    public void NodeValuesFromPositions()
    {
        var nest = new Simulator();
        var layer = nest.Create("iaf_psc_alpha", Positions.Grid([3, 1], extent: [3.0, 1.0]),
            new() { ["V_m"] = -60.0 + Spatial.Position(0) });
        Assert.Equal([-61.0, -60.0, -59.0], layer.GetValues<double>("V_m"));
        var plain = nest.Create("iaf_psc_alpha", 1);
        Assert.ThrowsAny<NestException>(() => plain.Set("V_m", Spatial.Position(0)));
    }

    [Fact]
    public void JoiningCollectionsWithDifferentPositionsIsRefused()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        var b = nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        var plain = nest.Create("iaf_psc_alpha", 2);
        Assert.Throws<BadPropertyException>(() => a + b);
        Assert.Throws<BadPropertyException>(() => a + plain);
        // As in NEST, part of a layer is a sliced composite, which joins with nothing.
        Assert.Throws<BadPropertyException>(() => a[0..1] + a[2..4]);
    }
}
