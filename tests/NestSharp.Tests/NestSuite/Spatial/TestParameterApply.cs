namespace NestSharp.Tests.NestSuite.SpatialSuite;

/// <summary>
/// NEST's testsuite/pytests/spatial/test_parameter_apply.py: <c>Parameter.apply</c> on a spatial node collection
/// (<see cref="Simulator.Apply(Parameter, NodeCollection)"/>) and on one source node with target positions
/// (<see cref="Simulator.Apply(Parameter, NodeCollection, IReadOnlyList{IReadOnlyList{double}})"/>).
/// </summary>
/// <remarks>
/// PyNEST's ValueError (a source of several nodes, positions of different dimensions) is
/// <see cref="BadParameterException"/> here; its TypeError for positions that are not a list of lists cannot be
/// written in C# (the targets are a list of positions by type).
/// </remarks>
public sealed class TestParameterApply
{
    private readonly Simulator _nest = new();

    // NEST: testsuite/pytests/spatial/test_parameter_apply.py::test_parameter_apply_given_node_collection
    [Fact]
    public void ParameterApplyGivenNodeCollection()
    {
        var nc = _nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        var param = Spatial.Position(0);
        var refPositions = _nest.GetPosition(nc);

        Assert.Equal(refPositions.Select(p => p[0]), _nest.Apply(param, nc));
        Assert.Equal([refPositions[0][0]], _nest.Apply(param, nc[0]));
        Assert.Equal(new[] { refPositions[0][0], refPositions[2][0] }, _nest.Apply(param, nc.Slice(0, nc.Count, 2)));

        // raises for non-existing dimension
        Assert.ThrowsAny<NestException>(() => _nest.Apply(Spatial.Position(2), nc));
    }

    // NEST: testsuite/pytests/spatial/test_parameter_apply.py::test_parameter_apply_given_node_collection_and_single_target_position
    [Fact]
    public void ParameterApplyGivenNodeCollectionAndSingleTargetPosition()
    {
        var nc = _nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        var param = Spatial.Distance;

        // Single target position
        IReadOnlyList<double>[] target = [[1.0, 2.0]];

        for (int i = 0; i < nc.Count; i++)
        {
            var source = nc[i];
            var s = _nest.GetPosition(source)[0];
            double refDistance = Math.Sqrt(Math.Pow(target[0][0] - s[0], 2) + Math.Pow(target[0][1] - s[1], 2));
            Assert.Equal([refDistance], _nest.Apply(param, source, target));
        }
    }

    // NEST: testsuite/pytests/spatial/test_parameter_apply.py::test_parameter_apply_given_node_collection_and_multiple_target_positions
    [Fact]
    public void ParameterApplyGivenNodeCollectionAndMultipleTargetPositions()
    {
        var nc = _nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        var param = Spatial.Distance;

        // Multiple target positions
        var targets = _nest.GetPosition(nc);

        for (int i = 0; i < nc.Count; i++)
        {
            var source = nc[i];
            var s = _nest.GetPosition(source)[0];
            var refDistances = targets.Select(t => Math.Sqrt(Math.Pow(t[0] - s[0], 2) + Math.Pow(t[1] - s[1], 2)));
            Assert.Equal(refDistances, _nest.Apply(param, source, targets));
        }
    }

    // NEST: testsuite/pytests/spatial/test_parameter_apply.py::test_parameter_apply_source_multiple_node_ids_raises
    [Fact]
    public void ParameterApplySourceMultipleNodeIdsRaises()
    {
        var source = _nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        IReadOnlyList<double>[] target = [[1.0, 2.0]];
        Assert.Throws<BadParameterException>(() => _nest.Apply(Spatial.Distance, source, target));
    }

    // NEST: testsuite/pytests/spatial/test_parameter_apply.py::test_parameter_apply_erroneous_position_specification
    [Fact]
    public void ParameterApplyErroneousPositionSpecification()
    {
        var nc = _nest.Create("iaf_psc_alpha", Positions.Grid([2, 2]));
        var source = nc[0];
        var param = Spatial.Distance;

        // Too many dimensions
        Assert.ThrowsAny<NestException>(() => _nest.Apply(param, source, [[1.0, 2.0, 3.0]]));

        // Not a list of lists: a TypeError in PyNEST; not a call C# compiles.

        // Not consistent dimensions
        Assert.Throws<BadParameterException>(() => _nest.Apply(param, source, [[1.0, 2.0], [1.0, 2.0, 3.0]]));
    }
}
