using NestSharp.Connections;

namespace NestSharp.Tests.Connections;

/// <summary>
/// The compressed (by source) synapse storage of one model on one thread: a source's synapses are one range, merging
/// blocks keeps each source's synapses in creation order, removing a synapse keeps every column aligned, and receptors
/// cost nothing until one is not 0.
/// </summary>
public sealed class SynapseBlockTests
{
    private const int ModelId = 4;
    private static readonly SynapseLayout Plastic = new(["Kplus", "t_lastspike"], ["target"]);

    /// <summary>One synapse as the test writes it: the column values derive from <paramref name="Tag"/>, so each is unique.</summary>
    private readonly record struct Synapse(int Source, int Tag, int Receptor = 0);

    [Fact]
    public void NewBlock_HasTheLastOffsetAsItsCount_AndOneColumnPerLayoutName()
    {
        var block = new SynapseBlock(ModelId, Plastic, sourceMin: 10, offsets: [0, 2, 2, 5]);

        Assert.Equal(5, block.Count);
        Assert.Equal(3, block.SourceCount);
        Assert.Equal(5, block.Channels.Length);
        Assert.Equal(5, block.Weights.Length);
        Assert.Equal(5, block.NarrowDelays!.Length);
        Assert.Equal(2, block.State.Length);
        Assert.All(block.State, column => Assert.Equal(5, column.Length));
        Assert.Single(block.Indices);
        Assert.Equal(5, block.Indices[0].Length);
    }

    [Theory]
    [InlineData(10, 0, 2)]
    [InlineData(11, 2, 2)] // a source without synapses in the block
    [InlineData(12, 2, 5)]
    public void RangeOf_ASource_IsTheIntervalBetweenItsOffsets(int source, int start, int end)
    {
        var block = new SynapseBlock(ModelId, SynapseLayout.Static, sourceMin: 10, offsets: [0, 2, 2, 5]);

        Assert.Equal((start, end), block.RangeOf(source));
    }

    [Theory]
    [InlineData(9)]
    [InlineData(13)]
    [InlineData(0)]
    [InlineData(int.MinValue)]
    [InlineData(int.MaxValue)]
    public void RangeOf_ASourceOutsideTheBlock_IsEmpty(int source)
    {
        var block = new SynapseBlock(ModelId, SynapseLayout.Static, sourceMin: 10, offsets: [0, 2, 2, 5]);

        var (start, end) = block.RangeOf(source);

        Assert.Equal(start, end);
    }

    [Fact]
    public void ReceptorAt_IsZero_AndNoReceptorColumnExists_WhileAllReceptorsAreZero()
    {
        var block = Block(new Synapse(1, 0), new Synapse(1, 1), new Synapse(2, 2));

        block.SetReceptor(1, 0);

        Assert.Null(block.Receptors);
        Assert.All(Enumerable.Range(0, block.Count), i => Assert.Equal(0, block.ReceptorAt(i)));
    }

    [Fact]
    public void SetReceptor_OtherThanZero_IsReadBackAtItsSynapseOnly()
    {
        var block = Block(new Synapse(1, 0), new Synapse(1, 1), new Synapse(2, 2));

        block.SetReceptor(1, 3);

        Assert.NotNull(block.Receptors);
        Assert.Equal([0, 3, 0], Enumerable.Range(0, block.Count).Select(block.ReceptorAt));
    }

    [Fact]
    public void Merge_SpansEverySourceOfTheBlocks_WithGapsEmpty()
    {
        var low = Block(new Synapse(3, 0), new Synapse(4, 1));
        var high = Block(new Synapse(8, 2));

        var merged = SynapseBlock.Merge([high, low]);

        Assert.Equal(3, merged.SourceMin);
        Assert.Equal(6, merged.SourceCount); // sources 3 to 8
        Assert.Equal(3, merged.Count);
        foreach (int source in new[] { 5, 6, 7 })
        {
            var (start, end) = merged.RangeOf(source);
            Assert.Equal(start, end);
        }
        Assert.Equal(ModelId, merged.SynapseModelId);
        Assert.Same(Plastic, merged.Layout);
    }

    [Fact]
    public void Merge_KeepsEachSourcesSynapsesInCreationOrder_TheBlocksInTheGivenOrder()
    {
        // Synapses were created block by block: first all of 'first', then all of 'second', then 'third'.
        var first = Block(new Synapse(3, 0), new Synapse(3, 1), new Synapse(5, 2));
        var second = Block(new Synapse(4, 3), new Synapse(5, 4), new Synapse(5, 5), new Synapse(7, 6));
        var third = Block(new Synapse(3, 7), new Synapse(7, 8));

        var merged = SynapseBlock.Merge([first, second, third]);

        Assert.Equal([0, 1, 7], TagsOf(merged, 3));
        Assert.Equal([3], TagsOf(merged, 4));
        Assert.Equal([2, 4, 5], TagsOf(merged, 5));
        Assert.Equal([6, 8], TagsOf(merged, 7));
        AssertColumnsMatchTags(merged);
    }

    [Fact]
    public void Merge_CarriesReceptorsWithTheirSynapses()
    {
        var first = Block(new Synapse(1, 0), new Synapse(2, 1, Receptor: 2));
        var second = Block(new Synapse(1, 2, Receptor: 5), new Synapse(2, 3));

        var merged = SynapseBlock.Merge([first, second]);

        Assert.Equal([(0, 0), (2, 5), (1, 2), (3, 0)], Enumerable.Range(0, merged.Count).Select(i => (TagAt(merged, i), merged.ReceptorAt(i))));
    }

    [Fact]
    public void Merge_OfBlocksWithoutReceptors_AllocatesNoReceptorColumn()
    {
        var merged = SynapseBlock.Merge([Block(new Synapse(1, 0)), Block(new Synapse(1, 1))]);

        Assert.Null(merged.Receptors);
    }

    [Fact]
    public void Without_RemovesTheSynapse_ShrinkingItsSourcesRange_AndShiftingTheLaterSources()
    {
        var block = Block(new Synapse(3, 0), new Synapse(3, 1), new Synapse(4, 2), new Synapse(4, 3), new Synapse(6, 4));

        var smaller = block.Without(2);

        Assert.Equal(4, smaller.Count);
        Assert.Equal(block.SourceMin, smaller.SourceMin);
        Assert.Equal(block.SourceCount, smaller.SourceCount);
        Assert.Equal([0, 1], TagsOf(smaller, 3));
        Assert.Equal([3], TagsOf(smaller, 4));
        Assert.Equal([4], TagsOf(smaller, 6));
        Assert.Equal((3, 3), smaller.RangeOf(5));
    }

    [Fact]
    public void Without_KeepsWeightDelayChannelStateIndicesAndReceptorsAlignedWithTheirSynapses()
    {
        var block = Block(new Synapse(1, 0, Receptor: 1), new Synapse(1, 1), new Synapse(2, 2, Receptor: 4), new Synapse(2, 3, Receptor: 2));

        var smaller = block.Without(1);

        Assert.Equal([0, 2, 3], Enumerable.Range(0, smaller.Count).Select(i => TagAt(smaller, i)));
        AssertColumnsMatchTags(smaller);
        Assert.Equal([1, 4, 2], Enumerable.Range(0, smaller.Count).Select(smaller.ReceptorAt));
    }

    [Fact]
    public void Without_TheOnlySynapseOfASource_LeavesTheSourceWithAnEmptyRange()
    {
        var block = Block(new Synapse(1, 0), new Synapse(2, 1), new Synapse(3, 2));

        var smaller = block.Without(1);

        var (start, end) = smaller.RangeOf(2);
        Assert.Equal(start, end);
        Assert.Equal([0], TagsOf(smaller, 1));
        Assert.Equal([2], TagsOf(smaller, 3));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    public void Without_TheFirstOrLastSynapse_KeepsAllOthers(int index)
    {
        var block = Block(new Synapse(1, 0), new Synapse(1, 1), new Synapse(2, 2), new Synapse(2, 3));

        var smaller = block.Without(index);

        Assert.Equal(Enumerable.Range(0, 4).Where(tag => tag != index), Enumerable.Range(0, smaller.Count).Select(i => TagAt(smaller, i)));
        AssertColumnsMatchTags(smaller);
    }

    [Fact]
    public void Without_LeavesTheOriginalBlockUnchanged()
    {
        var block = Block(new Synapse(1, 0), new Synapse(1, 1, Receptor: 3), new Synapse(2, 2));

        block.Without(1);

        Assert.Equal(3, block.Count);
        Assert.Equal([0, 1], TagsOf(block, 1));
        Assert.Equal(3, block.ReceptorAt(1));
        AssertColumnsMatchTags(block);
    }

    /// <summary>
    /// A block of the plastic layout holding <paramref name="synapses"/> (sorted by source, in the given order within a
    /// source), each with channel = tag, weight = tag + 0.5, delay = tag + 1, Kplus = 10 tag, t_lastspike = -tag,
    /// target = 100 + tag and its receptor.
    /// </summary>
    private static SynapseBlock Block(params Synapse[] synapses)
    {
        var bySource = synapses.OrderBy(s => s.Source).ToArray(); // stable: keeps creation order within a source
        int min = bySource[0].Source, max = bySource[^1].Source;
        var offsets = new int[max - min + 2];
        foreach (var s in bySource) offsets[s.Source - min + 1]++;
        for (int i = 1; i < offsets.Length; i++) offsets[i] += offsets[i - 1];
        var block = new SynapseBlock(ModelId, Plastic, min, offsets);
        for (int i = 0; i < bySource.Length; i++)
        {
            int tag = bySource[i].Tag;
            block.Channels[i] = tag;
            block.Weights[i] = tag + 0.5;
            block.SetDelay(i, tag + 1);
            block.State[0][i] = 10.0 * tag;
            block.State[1][i] = -tag;
            block.Indices[0][i] = 100 + tag;
            block.SetReceptor(i, bySource[i].Receptor);
        }
        return block;
    }

    private static int TagAt(SynapseBlock block, int index) => block.Channels[index];

    private static int[] TagsOf(SynapseBlock block, int source)
    {
        var (start, end) = block.RangeOf(source);
        return block.Channels[start..end];
    }

    /// <summary>Every column of every synapse holds the value <see cref="Block"/> derived from the same tag.</summary>
    private static void AssertColumnsMatchTags(SynapseBlock block)
    {
        for (int i = 0; i < block.Count; i++)
        {
            int tag = TagAt(block, i);
            Assert.Equal(tag + 0.5, block.Weights[i]);
            Assert.Equal(tag + 1, block.DelayAt(i));
            Assert.Equal(10.0 * tag, block.State[0][i]);
            Assert.Equal(-tag, block.State[1][i]);
            Assert.Equal(100 + tag, block.Indices[0][i]);
        }
    }
}
