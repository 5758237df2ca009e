namespace NestSharp.Kernel;

/// <summary>
/// The kernel's time representation, as NEST's: time is counted in tics (tics_per_ms per millisecond),
/// the simulation advances in steps of the resolution (a whole number of tics).
/// </summary>
internal sealed class TimeGrid
{
    public TimeGrid(double ticsPerMs, double resolutionMs)
    {
        if (!(ticsPerMs >= 1) || double.IsInfinity(ticsPerMs) || ticsPerMs != Math.Floor(ticsPerMs))
            throw new KernelException($"'tics_per_ms' = {ticsPerMs} is invalid: it must be a whole number of tics per millisecond, at least 1.");
        if (!(resolutionMs > 0) || double.IsInfinity(resolutionMs))
            throw new KernelException($"'resolution' = {resolutionMs} is invalid: it must be a positive, finite number of milliseconds.");
        TicsPerMs = ticsPerMs;
        long ticsPerStep = (long)Math.Round(resolutionMs * ticsPerMs);
        if (ticsPerStep < 1)
            throw new KernelException($"'resolution' = {resolutionMs} is invalid: it must be at least one tic (1/tics_per_ms = {1.0 / ticsPerMs} ms).");
        if (Math.Abs(ticsPerStep - resolutionMs * ticsPerMs) > 1e-6 * ticsPerStep)
            throw new KernelException($"'resolution' = {resolutionMs} is invalid: it must be a multiple of the tic length (1/tics_per_ms = {1.0 / ticsPerMs} ms).");
        TicsPerStep = ticsPerStep;
        Resolution = ticsPerStep / ticsPerMs;
        StepsPerMs = 1 / Resolution;
    }

    public double TicsPerMs { get; }
    public long TicsPerStep { get; }

    /// <summary>
    /// The largest finite time in tics, NEST's Time::compute_max: an eighth of the tic counter's range (the margin NEST
    /// keeps for its infinities), down to a whole step. A clock at or beyond it would be infinite.
    /// </summary>
    public long LimitTics => long.MaxValue / 8 - long.MaxValue / 8 % TicsPerStep;

    /// <summary>The largest finite time in ms as NEST reports it (T_max; T_min is its negative): whole steps times the step.</summary>
    public double LimitMs => (long)(LimitTics * (1.0 / TicsPerStep)) * (TicsPerStep / TicsPerMs);

    /// <summary>The step size h in ms.</summary>
    public double Resolution { get; }

    /// <summary>Time in tics, rounded to the nearest tic.</summary>
    public long MsToTics(double ms) => (long)Math.Round(ms * TicsPerMs, MidpointRounding.AwayFromZero);

    /// <summary>Steps covering a duration: tics rounded, then up to whole steps (NEST's Time(ms).get_steps()).</summary>
    public long MsToStepsCeil(double ms)
    {
        long tics = MsToTics(ms);
        return tics >= 0 ? (tics + TicsPerStep - 1) / TicsPerStep : -((-tics) / TicsPerStep);
    }

    /// <summary>Steps per ms, 1 / <see cref="Resolution"/> (NEST's Range::STEPS_PER_MS).</summary>
    public double StepsPerMs { get; }

    /// <summary>
    /// A delay in steps, rounded to the nearest step, midpoints up, as NEST's delay_ms_to_steps:
    /// ld_round(ms · STEPS_PER_MS), so 0.94 ms at 0.04 ms is 24 steps (0.94 / 0.04 would give 23.499999999999996).
    /// </summary>
    public long DelayToSteps(double ms) => (long)Math.Floor(ms * StepsPerMs + 0.5);

    /// <summary>Whether a time lies on the grid of steps, to the tic.</summary>
    public bool IsOnGrid(double ms) => MsToTics(ms) % TicsPerStep == 0 && Math.Abs(MsToTics(ms) - ms * TicsPerMs) < 1e-6 * Math.Max(1.0, Math.Abs(ms * TicsPerMs));

    /// <summary>
    /// The time in ms of step boundary <paramref name="step"/>, computed as NEST's Time::get_ms does (tics · ms_per_tic),
    /// so that times compare equal to NEST's (0.3, not 0.30000000000000004).
    /// </summary>
    public double StepToMs(long step) => step * TicsPerStep * (1.0 / TicsPerMs);

    /// <summary>
    /// A delay of <paramref name="steps"/> in ms as NEST gives a connection's delay (delay_steps_to_ms: steps ·
    /// ms per step, so 3 steps of 0.1 ms are 0.30000000000000004): what connections report and what the plastic rules
    /// take as the dendritic delay.
    /// </summary>
    public double DelayStepsToMs(long steps) => steps * Resolution;
}
