using NestSharp.Plotting;

namespace NestSharp.Tests.Plotting;

public sealed class PlotAreaTests
{
    private readonly PlotArea _area = new(50, 20, 400, 200, new DataRange(0, 100), new DataRange(-10, 10));

    [Fact]
    public void PixelX_MapsRangeEndsToLeftAndRightEdges()
    {
        Assert.Equal(50, _area.PixelX(0));
        Assert.Equal(450, _area.PixelX(100));
        Assert.Equal(250, _area.PixelX(50));
    }

    [Fact]
    public void PixelY_MapsLargerValuesHigherUp()
    {
        Assert.Equal(220, _area.PixelY(-10));
        Assert.Equal(20, _area.PixelY(10));
        Assert.Equal(120, _area.PixelY(0));
    }

    [Fact]
    public void Constructor_WithZeroSpanRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => new PlotArea(0, 0, 10, 10, new DataRange(1, 1), new DataRange(0, 1)));
    }
}
