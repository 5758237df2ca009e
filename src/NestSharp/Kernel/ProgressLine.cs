using System.Diagnostics;

namespace NestSharp.Kernel;

/// <summary>
/// The live line <c>print_time</c> shows while simulating, as NEST's: percentage, model time and the real-time factor
/// (wall-clock time per unit of model time), redrawn in place at most ten times a second.
/// </summary>
internal sealed class ProgressLine(TimeGrid time, long startStep, long endStep)
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw = -1000;

    public void Update(long step)
    {
        long now = _clock.ElapsedMilliseconds;
        if (now - _lastDraw < 100) return;
        _lastDraw = now;
        Draw(step);
    }

    public void Finish(long step)
    {
        Draw(step);
        Console.Out.WriteLine();
    }

    private void Draw(long step)
    {
        double modelMs = time.StepToMs(step);
        double done = endStep == startStep ? 1.0 : (double)(step - startStep) / (endStep - startStep);
        double simulatedMs = time.StepToMs(step - startStep);
        double factor = simulatedMs > 0 ? _clock.Elapsed.TotalMilliseconds / simulatedMs : 0;
        Console.Out.Write(FormattableString.Invariant($"\r[ {done * 100,3:F0}% ] Model time: {modelMs:F1} ms, Real-time factor: {factor:F4}   "));
    }
}
