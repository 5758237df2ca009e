using System.Globalization;

namespace NestSharp.Plotting;

/// <summary>Tick positions along an axis, in data units, with their labels.</summary>
/// <param name="Values">Tick positions in data units.</param>
/// <param name="Labels">One label per tick.</param>
public sealed record AxisTicks(IReadOnlyList<double> Values, IReadOnlyList<string> Labels)
{
    private static readonly double[] NiceMantissas = [1, 2, 5, 10];

    /// <summary>
    /// Ticks at multiples of a "nice" step (1, 2 or 5 times a power of ten) inside <paramref name="range"/>,
    /// chosen so that there are about <paramref name="targetCount"/> intervals or fewer.
    /// </summary>
    /// <param name="range">The data range the ticks must lie in.</param>
    /// <param name="targetCount">The number of intervals aimed at; the result has about as many or fewer.</param>
    /// <param name="integerStep">Forces a step of at least 1, for integer quantities such as neuron ids.</param>
    public static AxisTicks Nice(DataRange range, int targetCount = 6, bool integerStep = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(targetCount);
        if (!double.IsFinite(range.Min) || !double.IsFinite(range.Max) || range.Span <= 0)
        {
            throw new ArgumentException($"Cannot place ticks on the range [{range.Min}, {range.Max}].", nameof(range));
        }

        double step = NiceStep(range.Span / targetCount);
        if (integerStep)
        {
            step = Math.Max(step, 1);
        }

        int decimals = DecimalsFor(step);
        long first = (long)Math.Ceiling(range.Min / step - 1e-9);
        long last = (long)Math.Floor(range.Max / step + 1e-9);
        var values = new List<double>();
        var labels = new List<string>();
        for (long k = first; k <= last; k++)
        {
            double value = Math.Round(k * step, Math.Min(decimals, 15));
            values.Add(value);
            labels.Add(FormatLabel(value, step));
        }

        return new AxisTicks(values, labels);
    }

    /// <summary>
    /// Formats a tick value with as many decimals as the step needs, always with '.' as decimal separator;
    /// very large or very small magnitudes use scientific notation.
    /// </summary>
    public static string FormatLabel(double value, double step)
    {
        if (Math.Abs(value) < step * 1e-9)
        {
            return "0";
        }

        if (Math.Abs(value) >= 1e6 || step < 1e-4)
        {
            return value.ToString("0.###E+0", CultureInfo.InvariantCulture);
        }

        return value.ToString("F" + DecimalsFor(step).ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    private static double NiceStep(double rawStep)
    {
        double magnitude = Math.Pow(10, Math.Floor(Math.Log10(rawStep)));
        double mantissa = rawStep / magnitude;
        foreach (double nice in NiceMantissas)
        {
            if (mantissa <= nice * (1 + 1e-9))
            {
                return nice * magnitude;
            }
        }

        return 10 * magnitude;
    }

    private static int DecimalsFor(double step) => step >= 1 ? 0 : (int)Math.Ceiling(-Math.Log10(step) - 1e-9);
}
