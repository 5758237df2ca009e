namespace NestSharp.Tests.NestSuite.Other;

/// <summary>Error handling, as NEST's other/test_errors.py checks it.</summary>
public sealed class ErrorsTests
{
    // NEST: other/test_errors.py::ErrorTestCase::test_Raise
    [Fact]
    public void NestErrors_CarryTheirMessage()
    {
        static void Raise(string message) => throw new KernelException(message);
        var e = Assert.Throws<KernelException>(() => Raise("test"));
        Assert.Matches("test", e.Message);
        Assert.IsAssignableFrom<NestException>(e);
    }

    // NEST: other/test_errors.py::ErrorTestCase::test_InvalidNodeCollection
    [Fact]
    public void CollectionsFromBeforeResetKernel_AreInvalid()
    {
        var nest = new Simulator();
        var nc1 = nest.Create("iaf_psc_alpha", 10);
        var nc2 = nest.Create("iaf_psc_alpha", 10);
        var nc3 = nest.Create("iaf_psc_exp", 10);
        var composite = nc1 + nc3;
        nest.ResetKernel();

        var uses = new Func<NodeCollection>[] { () => nc1 + nc2, () => nc1 + nc3, () => composite + nc2, () => nc1[8..9], () => composite[8..9] };
        foreach (var use in uses)
        {
            var e = Assert.ThrowsAny<NestException>(() => use());
            Assert.Matches("InvalidNodeCollection", e.Message);
        }
    }

    // NEST: other/test_errors.py::ErrorTestCase::test_UnknownNode
    [Fact]
    public void ACollectionOfANodeThatDoesNotExist_Fails()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha", 10);
        nest.ResetKernel();
        var e = Assert.Throws<UnknownNodeException>(() => nest.Nodes(99));
        Assert.Matches("Node with id 99 does not exist.", e.Message);
    }

    // NEST: other/test_errors.py::ErrorTestCase::test_UnknownModel
    [Fact]
    public void CreatingAnUnknownModel_Fails()
    {
        var nest = new Simulator();
        var e = Assert.Throws<UnknownModelNameException>(() => nest.Create("unknown_model"));
        Assert.Matches("not a known model name", e.Message);
    }
}
