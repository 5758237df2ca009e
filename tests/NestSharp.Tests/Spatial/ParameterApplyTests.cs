namespace NestSharp.Tests.SpatialNetworks;

/// <summary>
/// Parameter apply on nodes without positions, as NEST's apply(param, nc): a parameter that reads no position gives a
/// value per node; a node position parameter is NEST's KernelException.
/// </summary>
public sealed class ParameterApplyTests
{
    [Fact]
    public void Apply_OnNodesWithoutPositions_DrawsAValuePerNode()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 5);
        var values = nest.Apply(nest.Random.Uniform(2.0, 3.0), nodes);
        Assert.Equal(5, values.Length);
        Assert.All(values, v => Assert.InRange(v, 2.0, 3.0));
        Assert.Equal([1.5, 1.5], nest.Apply(Parameter.Constant(1.5), nodes[1..3]));
    }

    [Fact]
    public void Apply_OfANodePosition_OnNodesWithoutPositions_IsAKernelException()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 2);
        Assert.Throws<KernelException>(() => nest.Apply(Spatial.Position(0), nodes));
    }
}
