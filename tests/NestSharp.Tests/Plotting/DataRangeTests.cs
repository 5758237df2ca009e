using NestSharp.Plotting;

namespace NestSharp.Tests.Plotting;

public sealed class DataRangeTests
{
    [Fact]
    public void Of_IgnoresNonFiniteValues()
    {
        Assert.Equal(new DataRange(-2, 7), DataRange.Of([3, double.NaN, -2, double.PositiveInfinity, 7]));
    }

    [Fact]
    public void Of_WithoutFiniteValues_IsNull()
    {
        Assert.Null(DataRange.Of([double.NaN]));
    }

    [Fact]
    public void Padded_WidensBothSidesByFractionOfSpan()
    {
        Assert.Equal(new DataRange(-1, 11), new DataRange(0, 10).Padded(0.1));
    }

    [Fact]
    public void Padded_WithZeroSpan_WidensAroundTheValue()
    {
        DataRange range = new DataRange(-70, -70).Padded(0);

        Assert.Equal(new DataRange(-77, -63), range);
    }
}
