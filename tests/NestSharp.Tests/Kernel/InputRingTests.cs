using NestSharp.Kernel;

namespace NestSharp.Tests.Kernel;

/// <summary>
/// The input ring buffer of all neurons: one row of channels per slot, a step's row found by the step modulo the number
/// of slots, and resizing that keeps the input already delivered for the coming steps.
/// </summary>
public sealed class InputRingTests
{
    [Fact]
    public void NewRing_HasOneRowOfChannelsPerSlot_AllZero()
    {
        var ring = new InputRing(channels: 3, slots: 4);

        Assert.Equal(3, ring.Channels);
        Assert.Equal(4, ring.Slots);
        Assert.Equal(12, ring.Data.Length);
        Assert.All(ring.Data, value => Assert.Equal(0.0, value));
    }

    [Theory]
    [InlineData(0L, 0)]
    [InlineData(3L, 3)]
    [InlineData(4L, 0)]
    [InlineData(4003L, 3)]
    [InlineData(10_000_000_001L, 1)] // beyond int: long steps of long runs
    public void SlotOf_IsTheStepModuloTheNumberOfSlots(long step, int slot)
    {
        Assert.Equal(slot, new InputRing(channels: 2, slots: 4).SlotOf(step));
    }

    [Fact]
    public void Row_IsLaidOutSlotMajor_ChannelsOfOneSlotContiguous()
    {
        var ring = new InputRing(channels: 3, slots: 4);

        ring.Row(step: 6, start: 1, length: 2).Fill(7.0); // slot 2: Data[2 * 3 + 1], Data[2 * 3 + 2]

        Assert.Equal(new double[] { 0, 0, 0, 0, 0, 0, 0, 7, 7, 0, 0, 0 }, ring.Data);
    }

    [Fact]
    public void Row_OfTheWholeSlot_SpansEveryChannel()
    {
        var ring = new InputRing(channels: 3, slots: 4);

        Span<double> row = ring.Row(step: 1, start: 0, length: ring.Channels);
        row[0] = 1.0;
        row[2] = 3.0;

        Assert.Equal(new double[] { 0, 0, 0, 1, 0, 3, 0, 0, 0, 0, 0, 0 }, ring.Data);
    }

    [Fact]
    public void StepsOneRingLengthApart_ShareTheirRow()
    {
        var ring = new InputRing(channels: 2, slots: 5);

        ring.Row(step: 3, start: 1, length: 1)[0] += 2.5;

        Assert.Equal(2.5, ring.Row(step: 3 + 5, start: 1, length: 1)[0]);
        Assert.Equal(2.5, ring.Row(step: 3 + 5 * 1000, start: 1, length: 1)[0]);
        Assert.Equal(0.0, ring.Row(step: 4, start: 1, length: 1)[0]);
    }

    [Fact]
    public void Resized_WithMoreChannels_KeepsThePendingInputOfTheOldChannels_AndTheNewChannelsAreZero()
    {
        const long now = 7;
        var ring = FilledRing(channels: 2, slots: 3, now);

        var resized = ring.Resized(channels: 4, slots: 3, now);

        Assert.Equal(4, resized.Channels);
        for (long step = now; step < now + 3; step++)
        {
            Assert.Equal(ring.Row(step, 0, 2).ToArray(), resized.Row(step, 0, 2).ToArray());
            Assert.Equal(new double[2], resized.Row(step, 2, 2).ToArray());
        }
    }

    [Fact]
    public void Resized_WithMoreSlots_KeepsThePendingInputAtItsStep_AndTheNewStepsAreZero()
    {
        const long now = 7; // not a multiple of either slot count: the input moves to other slots
        var ring = FilledRing(channels: 2, slots: 3, now);

        var resized = ring.Resized(channels: 2, slots: 5, now);

        Assert.Equal(5, resized.Slots);
        for (long step = now; step < now + 3; step++)
            Assert.Equal(ring.Row(step, 0, 2).ToArray(), resized.Row(step, 0, 2).ToArray());
        for (long step = now + 3; step < now + 5; step++)
            Assert.Equal(new double[2], resized.Row(step, 0, 2).ToArray());
    }

    [Fact]
    public void Resized_WithFewerSlots_KeepsThePendingInputOfTheStepsItStillHolds()
    {
        const long now = 11;
        var ring = FilledRing(channels: 2, slots: 5, now);

        var resized = ring.Resized(channels: 2, slots: 3, now);

        for (long step = now; step < now + 3; step++)
            Assert.Equal(ring.Row(step, 0, 2).ToArray(), resized.Row(step, 0, 2).ToArray());
    }

    [Fact]
    public void Resized_LeavesTheOriginalRingUnchanged()
    {
        const long now = 4;
        var ring = FilledRing(channels: 2, slots: 3, now);
        var before = ring.Data.ToArray();

        var resized = ring.Resized(channels: 3, slots: 4, now);
        resized.Row(now, 0, 3).Fill(-1.0);

        Assert.Equal(before, ring.Data);
    }

    /// <summary>A ring whose row for step <c>now + k</c>, channel c, holds 100 (k + 1) + c: distinct and non-zero.</summary>
    private static InputRing FilledRing(int channels, int slots, long now)
    {
        var ring = new InputRing(channels, slots);
        for (int k = 0; k < slots; k++)
        {
            var row = ring.Row(now + k, 0, channels);
            for (int c = 0; c < channels; c++) row[c] = 100.0 * (k + 1) + c;
        }
        return ring;
    }
}
