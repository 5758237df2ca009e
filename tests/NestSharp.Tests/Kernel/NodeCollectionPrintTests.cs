namespace NestSharp.Tests.Kernel;

/// <summary>
/// NodeCollections print as PyNEST 3.10 prints them (NEST's NodeCollection::print_me): one block of consecutive ids of
/// one model on one line, several blocks one per indented line separated by ';', a sliced collection with its step.
/// </summary>
public sealed class NodeCollectionPrintTests
{
    private const string Indent = "\n               ";

    [Fact]
    public void OneBlock_PrintsModelSizeFirstAndLast()
    {
        var nest = new Simulator();
        var nodes = nest.Create("iaf_psc_alpha", 10);
        Assert.Equal("NodeCollection(metadata=None, model=iaf_psc_alpha, size=10, first=1, last=10)", nodes.ToString());
        Assert.Equal("NodeCollection(metadata=None, model=iaf_psc_alpha, size=1, first=4)", nodes[3].ToString());
        Assert.Equal("NodeCollection(metadata=None, model=iaf_psc_alpha, size=3, first=2, last=4)", nodes[1..4].ToString());
        Assert.Equal("NodeCollection(<empty>)", NodeCollection.Empty.ToString());
    }

    [Fact]
    public void SeveralBlocks_PrintOneIndentedLinePerBlock()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 3);
        var b = nest.Create("iaf_psc_exp", 2);
        var c = nest.Create("iaf_psc_alpha", 1);
        Assert.Equal(
            "NodeCollection(metadata=None," + Indent + "model=iaf_psc_alpha, size=3, first=1, last=3;" + Indent
            + "model=iaf_psc_exp, size=2, first=4, last=5;" + Indent + "model=iaf_psc_alpha, size=1, first=6)",
            (a + b + c).ToString());
        var listed = new Simulator();
        listed.Create("iaf_psc_alpha", 5);
        Assert.Equal(
            "NodeCollection(metadata=None," + Indent + "model=iaf_psc_alpha, size=1, first=1;" + Indent
            + "model=iaf_psc_alpha, size=2, first=3, last=4)",
            listed.Nodes(1, 3, 4).ToString());
    }

    [Fact]
    public void SlicedWithAStep_PrintsTheStep()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 10);
        var b = nest.Create("iaf_psc_exp", 10);
        Assert.Equal("NodeCollection(metadata=None," + Indent + "model=iaf_psc_alpha, size=4, first=1, last=10, step=3)", a.Slice(0, 10, 3).ToString());
        Assert.Equal(
            "NodeCollection(metadata=None," + Indent + "model=iaf_psc_alpha, size=2, first=7, last=9, step=2;" + Indent
            + "model=iaf_psc_exp, size=3, first=11, last=15, step=2)",
            (a + b).Slice(6, 16, 2).ToString());
        Assert.Equal("NodeCollection(metadata=None," + Indent + "model=iaf_psc_alpha, size=1, first=1, last=1)", a.Slice(0, 2, 5).ToString());
    }

    [Fact]
    public void NodesToString_IsNestsPrintNodes()
    {
        // NEST 3.10 NodeManager::print: ids right-aligned in floor(log10(network_size)) + 1 places, the range
        // left-aligned in 6 + 2 floor(log10(network_size)) places; consecutive Create calls of one model are one range.
        var nest = new Simulator();
        Assert.Equal("", nest.NodesToString());
        nest.Create("iaf_psc_alpha", 10);
        nest.Create("iaf_psc_alpha", 3);
        nest.Create("spike_recorder");
        nest.CopyModel("parrot_neuron", "my_parrot");
        nest.Create("my_parrot", 100);
        Assert.Equal("  1 ..  13 iaf_psc_alpha\n 14        spike_recorder\n 15 .. 114 my_parrot", nest.NodesToString());
        nest.ResetKernel();
        nest.Create("iaf_psc_exp");
        Assert.Equal("1      iaf_psc_exp", nest.NodesToString());
    }
}
