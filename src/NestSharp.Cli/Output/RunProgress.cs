using Spectre.Console;

namespace NestSharp.Cli.Output;

/// <summary>Tells <see cref="RunProgress"/> how far a run has got.</summary>
/// <param name="done">The part of the run done, in the units of the total given to <see cref="RunProgress.Show"/>.</param>
/// <param name="line">What the line written at each tenth of the run says after the percentage.</param>
/// <param name="barDescription">What the progress bar shows on a terminal (a shorter form of the line).</param>
internal delegate void ProgressReport(double done, string line, string barDescription);

/// <summary>
/// The progress of a long run: on a terminal, a progress bar redrawn at every report (description, bar, percentage,
/// time remaining), the run's log being dropped; otherwise (a file, a pipe, a test's writer) the run's log and, at every
/// tenth of the run, a line "[ 40%] ...".
/// </summary>
internal static class RunProgress
{
    /// <summary>
    /// Runs <paramref name="run"/>, handing it the writer for its log and the <see cref="ProgressReport"/> to call as it
    /// advances towards <paramref name="total"/>; the bar reads <paramref name="firstBarDescription"/> until the first report.
    /// </summary>
    public static TResult Show<TResult>(
        TextWriter output, double total, string firstBarDescription, Func<TextWriter, ProgressReport, TResult> run)
    {
        if (!Terminal.Shows(output))
        {
            int lastTenth = 0;
            return run(output, (done, line, _) =>
            {
                int tenth = (int)(10 * done / total + 1e-9);
                if (tenth <= lastTenth) return;
                lastTenth = tenth;
                output.WriteLine(FormattableString.Invariant($"[{tenth * 10,3}%] {line}"));
            });
        }

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        TResult? result = default;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn { Width = 20 }, new PercentageColumn(), new RemainingTimeColumn())
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(firstBarDescription), maxValue: total);
                result = run(TextWriter.Null, (done, _, barDescription) =>
                {
                    task.Description = Markup.Escape(barDescription);
                    task.Value = done;
                });
            });
        return result!;
    }
}
