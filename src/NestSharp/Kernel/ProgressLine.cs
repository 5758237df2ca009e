using System.Diagnostics;
using NestSharp.Kernel.Communication;

namespace NestSharp.Kernel;

/// <summary>
/// What <c>print_time</c> shows while simulating, as NEST's: percentage, model time and the real-time factor
/// (wall-clock time per unit of model time). On a terminal one line is redrawn in place at most ten times a second;
/// when the output is redirected, or the process was started by mpirun (whose processes write to a pseudo-terminal
/// even when mpirun's output goes to a file), a plain line is written at every tenth of the run instead.
/// </summary>
internal sealed class ProgressLine(TimeGrid time, long startStep, long endStep)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _redirected = Console.IsOutputRedirected || MpiCommunicator.LaunchedByMpirun;
    private long _lastDraw = -1000;
    private int _lastTenth;

    public void Update(long step)
    {
        if (_redirected)
        {
            int tenth = (int)(10 * Fraction(step));
            if (tenth <= _lastTenth) return;
            _lastTenth = tenth;
            Console.Out.WriteLine(Text(step));
            return;
        }
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 100) return;
        _lastDraw = now;
        Console.Out.Write("\r" + Text(step));
    }

    public void Finish(long step)
    {
        if (_redirected)
        {
            if (_lastTenth < 10) Console.Out.WriteLine(Text(step));
            return;
        }
        Console.Out.WriteLine("\r" + Text(step));
    }

    private double Fraction(long step) => endStep == startStep ? 1.0 : (double)(step - startStep) / (endStep - startStep);

    private string Text(long step)
    {
        double simulatedMs = time.StepToMs(step - startStep);
        double factor = simulatedMs > 0 ? _clock.Elapsed.TotalMilliseconds / simulatedMs : 0;
        return FormattableString.Invariant($"[ {Fraction(step) * 100,3:F0}% ] Model time: {time.StepToMs(step):F1} ms, Real-time factor: {factor:F4}");
    }
}
