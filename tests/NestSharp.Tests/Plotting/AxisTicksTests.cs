using NestSharp.Plotting;

namespace NestSharp.Tests.Plotting;

public sealed class AxisTicksTests
{
    [Fact]
    public void Nice_ZeroToThousand_UsesStepsOf200()
    {
        AxisTicks ticks = AxisTicks.Nice(new DataRange(0, 1000));

        Assert.Equal([0, 200, 400, 600, 800, 1000], ticks.Values);
        Assert.Equal(["0", "200", "400", "600", "800", "1000"], ticks.Labels);
    }

    [Fact]
    public void Nice_ZeroToOne_UsesStepsOfPointTwoWithOneDecimal()
    {
        AxisTicks ticks = AxisTicks.Nice(new DataRange(0, 1));

        Assert.Equal(["0", "0.2", "0.4", "0.6", "0.8", "1.0"], ticks.Labels);
    }

    [Fact]
    public void Nice_MembranePotentialRange_UsesStepsOf5()
    {
        AxisTicks ticks = AxisTicks.Nice(new DataRange(-70, -50), 5);

        Assert.Equal([-70, -65, -60, -55, -50], ticks.Values);
    }

    [Fact]
    public void Nice_KeepsOnlyTicksInsideTheRange()
    {
        AxisTicks ticks = AxisTicks.Nice(new DataRange(3, 97), 5);

        Assert.Equal([20, 40, 60, 80], ticks.Values);
    }

    [Fact]
    public void Nice_WithIntegerStep_NeverUsesFractionalSteps()
    {
        AxisTicks ticks = AxisTicks.Nice(new DataRange(0, 3), 10, integerStep: true);

        Assert.Equal([0, 1, 2, 3], ticks.Values);
    }

    [Fact]
    public void Nice_StepIsOneTwoOrFiveTimesAPowerOfTen()
    {
        foreach (double span in new[] { 0.003, 0.7, 13, 42, 999, 12345 })
        {
            AxisTicks ticks = AxisTicks.Nice(new DataRange(0, span));
            double step = ticks.Values[1] - ticks.Values[0];
            double mantissa = step / Math.Pow(10, Math.Floor(Math.Log10(step)));
            Assert.Contains(Math.Round(mantissa, 6), new[] { 1.0, 2.0, 5.0 });
        }
    }

    [Fact]
    public void Nice_EmptyRange_Throws()
    {
        Assert.Throws<ArgumentException>(() => AxisTicks.Nice(new DataRange(5, 5)));
    }

    [Fact]
    public void FormatLabel_UsesDotDecimalSeparatorUnderCommaCulture()
    {
        string label = "";
        SvgTestHelper.WithCommaDecimalCulture(() => label = AxisTicks.FormatLabel(2.5, 0.5));

        Assert.Equal("2.5", label);
    }

    [Fact]
    public void FormatLabel_WritesNegativeZeroAsZero()
    {
        Assert.Equal("0", AxisTicks.FormatLabel(-1e-17, 0.1));
    }

    [Fact]
    public void FormatLabel_UsesScientificNotationForTinySteps()
    {
        Assert.Equal("2E-5", AxisTicks.FormatLabel(2e-5, 1e-5));
    }
}
