using System.Globalization;

namespace NestSharp.Tests.Reference;

/// <summary>Comparisons of NestSharp recorder events with NEST reference output.</summary>
internal static class ReferenceAssert
{
    /// <summary>
    /// Asserts that the multimeter events of <paramref name="sender"/> have as many samples as <paramref name="expected"/>,
    /// the identical sample times (exact double equality) and every recordable within <paramref name="tolerance"/>.
    /// Returns the largest absolute deviation of each recordable.
    /// </summary>
    public static Dictionary<string, double> TraceMatches(
        Csv expected, Dictionary<string, object> events, long sender, IReadOnlyList<string> recordables, double tolerance)
    {
        var senders = (long[])events["senders"];
        var times = (double[])events["times"];
        int[] rows = Enumerable.Range(0, senders.Length).Where(i => senders[i] == sender).ToArray();
        Assert.True(expected.Rows.Length == rows.Length,
            $"sender {sender}: NestSharp recorded {rows.Length} samples, NEST {expected.Rows.Length}.");

        double[] expectedTimes = expected.Column("time");
        for (int i = 0; i < rows.Length; i++)
        {
            if (times[rows[i]] != expectedTimes[i])
                Assert.Fail($"sender {sender}, sample {i}: NestSharp time {R(times[rows[i]])}, NEST time {R(expectedTimes[i])}.");
        }

        var deviations = new Dictionary<string, double>();
        foreach (string name in recordables)
        {
            var actual = (double[])events[name];
            double[] reference = expected.Column(name);
            double max = 0;
            int worst = -1;
            for (int i = 0; i < rows.Length; i++)
            {
                double d = Math.Abs(actual[rows[i]] - reference[i]);
                if (double.IsNaN(d)) d = double.PositiveInfinity;
                if (d > max) { max = d; worst = i; }
            }
            deviations[name] = max;
            if (max > tolerance)
            {
                Assert.Fail($"sender {sender}, {name}: max |diff| {R(max)} > {R(tolerance)} at t = {R(expectedTimes[worst])} " +
                    $"(NestSharp {R(actual[rows[worst]])}, NEST {R(reference[worst])}).");
            }
        }
        return deviations;
    }

    /// <summary>Asserts that spike recorder events are exactly the expected (sender, time) pairs, in order.</summary>
    public static void SpikesMatch(IReadOnlyList<(long Sender, double Time)> expected, Dictionary<string, object> events)
    {
        var senders = (long[])events["senders"];
        var times = (double[])events["times"];
        var actual = senders.Zip(times).ToArray();
        string Show(IEnumerable<(long, double)> spikes) => string.Join(" ", spikes.Select(s => $"{s.Item1}@{R(s.Item2)}"));
        Assert.True(expected.Count == actual.Length && expected.SequenceEqual(actual),
            $"NestSharp spikes [{Show(actual)}] differ from NEST spikes [{Show(expected)}].");
    }

    /// <summary>The (sender, time) rows of a spike CSV.</summary>
    public static (long Sender, double Time)[] SpikesOf(Csv csv) =>
        csv.Column("sender").Zip(csv.Column("time"), (s, t) => ((long)s, t)).ToArray();

    private static string R(double x) => x.ToString("R", CultureInfo.InvariantCulture);
}
