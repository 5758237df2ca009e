using NestSharp.Kernel;

namespace NestSharp.Tests.Kernel;

/// <summary>
/// The spike buffer of a slice: it grows as spikes are added, and merging the buffers of all virtual processes gives
/// the canonical order (lag, then sender; a sender's spikes at one lag in the order it emitted them) whatever the split
/// of the senders over the buffers. A sender belongs to one virtual process, so all its spikes are in one part.
/// </summary>
public sealed class SpikeBufferTests
{
    private readonly record struct Emitted(int Lag, int Source, int Multiplicity, double WeightFactor);

    [Fact]
    public void NewBuffer_IsEmpty()
    {
        var buffer = new SpikeBuffer();

        Assert.Equal(0, buffer.Count);
        Assert.True(buffer.Items.IsEmpty);
    }

    [Fact]
    public void Add_KeepsSpikesInTheOrderAdded_WithTheirLagSenderMultiplicityAndWeightFactor()
    {
        var buffer = new SpikeBuffer();

        buffer.Add(lag: 3, source: 9, multiplicity: 2, weightFactor: 0.5);
        buffer.Add(lag: 1, source: 4);

        Assert.Equal([new Emitted(3, 9, 2, 0.5), new Emitted(1, 4, 1, 1.0)], Contents(buffer));
    }

    [Fact]
    public void Add_GrowsTheBufferBeyondAnyInitialCapacity()
    {
        var buffer = new SpikeBuffer();

        for (int i = 0; i < 10_000; i++) buffer.Add(lag: i % 7, source: i);

        Assert.Equal(10_000, buffer.Count);
        for (int i = 0; i < 10_000; i++)
        {
            Assert.Equal(i, buffer.Items[i].Source);
            Assert.Equal(i % 7, buffer.Items[i].Lag);
        }
    }

    [Fact]
    public void Clear_EmptiesTheBuffer_ForTheNextSlice()
    {
        var buffer = new SpikeBuffer();
        for (int i = 0; i < 1000; i++) buffer.Add(lag: 0, source: i);

        buffer.Clear();
        buffer.Add(lag: 2, source: 5);

        Assert.Equal([new Emitted(2, 5, 1, 1.0)], Contents(buffer));
    }

    [Fact]
    public void MergeCanonical_OrdersByLagThenSender()
    {
        var first = Buffer(new Emitted(1, 8, 1, 1), new Emitted(0, 8, 1, 1), new Emitted(1, 2, 1, 1));
        var second = Buffer(new Emitted(0, 5, 1, 1), new Emitted(2, 1, 1, 1), new Emitted(1, 5, 1, 1));
        var merged = new SpikeBuffer();

        merged.MergeCanonical([first, second]);

        Assert.Equal([(0, 5), (0, 8), (1, 2), (1, 5), (1, 8), (2, 1)], Contents(merged).Select(s => (s.Lag, s.Source)));
    }

    [Fact]
    public void MergeCanonical_KeepsASendersSpikesAtOneLagInTheOrderItEmittedThem()
    {
        // Enough spikes, out of order, that the merge has to sort more than a handful of entries.
        var rng = new System.Random(3);
        var emitted = Enumerable.Range(0, 500).Select(i => new Emitted(rng.Next(4), rng.Next(6), 1 + i, i * 0.25)).ToArray();
        var merged = new SpikeBuffer();

        merged.MergeCanonical([Buffer(emitted)]);

        var expected = emitted.OrderBy(s => s.Lag).ThenBy(s => s.Source).ToArray(); // OrderBy is stable
        Assert.Equal(expected, Contents(merged));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void MergeCanonical_GivesTheSameSequence_WhateverTheSplitOfSendersOverParts(int parts)
    {
        var rng = new System.Random(11);
        var emitted = Enumerable.Range(0, 400).Select(i => new Emitted(rng.Next(5), rng.Next(40), 1 + i % 3, i)).ToArray();
        var expected = emitted.OrderBy(s => s.Lag).ThenBy(s => s.Source).ToArray();

        foreach (var owner in new Func<int, int>[] { source => source % parts, source => source * parts / 40 })
        {
            var buffers = Enumerable.Range(0, parts)
                .Select(p => Buffer(emitted.Where(s => owner(s.Source) == p).ToArray()))
                .ToArray();
            var merged = new SpikeBuffer();

            merged.MergeCanonical(buffers);

            Assert.Equal(expected, Contents(merged));
        }
    }

    [Fact]
    public void MergeCanonical_ReplacesThePreviousContent()
    {
        var merged = Buffer(new Emitted(0, 1, 1, 1), new Emitted(0, 2, 1, 1));

        merged.MergeCanonical([Buffer(new Emitted(3, 7, 1, 1))]);

        Assert.Equal([new Emitted(3, 7, 1, 1)], Contents(merged));
    }

    [Fact]
    public void MergeCanonical_OfEmptyParts_IsEmpty()
    {
        var merged = Buffer(new Emitted(0, 1, 1, 1));

        merged.MergeCanonical([new SpikeBuffer(), new SpikeBuffer()]);

        Assert.Equal(0, merged.Count);
    }

    [Fact]
    public void MergeCanonical_LeavesThePartsAsTheyWere()
    {
        var part = Buffer(new Emitted(2, 1, 1, 1), new Emitted(0, 3, 1, 1));

        new SpikeBuffer().MergeCanonical([part]);

        Assert.Equal([new Emitted(2, 1, 1, 1), new Emitted(0, 3, 1, 1)], Contents(part));
    }

    private static SpikeBuffer Buffer(params Emitted[] spikes)
    {
        var buffer = new SpikeBuffer();
        foreach (var s in spikes) buffer.Add(s.Lag, s.Source, s.Multiplicity, s.WeightFactor);
        return buffer;
    }

    private static Emitted[] Contents(SpikeBuffer buffer)
    {
        var contents = new Emitted[buffer.Count];
        for (int i = 0; i < contents.Length; i++)
        {
            var s = buffer.Items[i];
            contents[i] = new Emitted(s.Lag, s.Source, s.Multiplicity, s.WeightFactor);
        }
        return contents;
    }
}
