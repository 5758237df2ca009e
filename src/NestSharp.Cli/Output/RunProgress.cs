using System.Diagnostics;

namespace NestSharp.Cli.Output;

/// <summary>Tells <see cref="RunProgress"/> how far a run has got.</summary>
/// <param name="done">The part of the run done, in the units of the total given to <see cref="RunProgress.Show"/>.</param>
/// <param name="line">What the progress line says after the percentage.</param>
internal delegate void ProgressReport(double done, string line);

/// <summary>
/// The progress of a long run, in the style of the kernel's <c>print_time</c> line: "[  40% ] what". On a terminal one
/// line is redrawn in place (at most ten times a second, and at the end); otherwise (a file, a pipe, a test's writer, a
/// process under mpirun) a plain line is written at every tenth of the run, with no carriage returns or escape codes.
/// The run's log goes to the output either way, on lines of its own.
/// </summary>
internal static class RunProgress
{
    /// <summary>
    /// Runs <paramref name="run"/>, handing it the writer for its log and the <see cref="ProgressReport"/> to call as it
    /// advances towards <paramref name="total"/>.
    /// </summary>
    public static TResult Show<TResult>(TextWriter output, double total, Func<TextWriter, ProgressReport, TResult> run)
    {
        if (!Terminal.Shows(output))
        {
            int lastTenth = 0;
            return run(output, (done, line) =>
            {
                int tenth = (int)(10 * done / total + 1e-9);
                if (tenth <= lastTenth) return;
                lastTenth = tenth;
                output.WriteLine(Text(tenth * 10.0, line));
            });
        }

        var clock = Stopwatch.StartNew();
        long lastDraw = -1000;
        int drawnLength = 0;
        var result = run(output, (done, line) =>
        {
            bool finished = done >= total * (1 - 1e-9);
            long now = clock.ElapsedMilliseconds;
            if (!finished && now - lastDraw < 100) return;
            lastDraw = now;
            string text = Text(100.0 * done / total, line);
            output.Write("\r" + text.PadRight(drawnLength));
            drawnLength = finished ? 0 : text.Length;
            if (finished) output.WriteLine();
        });
        if (drawnLength > 0) output.WriteLine();
        return result;
    }

    /// <summary>
    /// <see cref="Show"/> for a run that reports only its model time (ms) towards <paramref name="totalMs"/>: the line
    /// says "Model time: 1234.5 ms".
    /// </summary>
    public static TResult ShowModelTime<TResult>(TextWriter output, double totalMs, Func<TextWriter, Action<double>, TResult> run) =>
        Show(output, totalMs, (log, report) => run(log, timeMs => report(timeMs, ModelTime(timeMs))));

    /// <summary>The start of a progress line: "Model time: 1234.5 ms".</summary>
    public static string ModelTime(double timeMs) => FormattableString.Invariant($"Model time: {timeMs:F1} ms");

    private static string Text(double percent, string line) => FormattableString.Invariant($"[ {percent,3:F0}% ] {line}");
}
