namespace NestSharp.Connections;

/// <summary>
/// The delays a connection may have, as NEST's DelayChecker: a delay is rounded to whole steps and must be at least
/// one step and at most <see cref="SynapseBlock.MaxDelaySteps"/> (NEST's 21 bits); after a simulation it must lie
/// within the min_delay and max_delay the simulation used; and when the user set min_delay and max_delay (kernel
/// status, before any connection), within those. Keeps the extrema of the delays of the connections made (which
/// fix the slice length and the input ring), or the user's.
/// </summary>
internal sealed partial class DelayChecker(KernelManager kernel)
{
    private double _userMinMs, _userMaxMs;

    /// <summary>Whether min_delay and max_delay were set by the user (kernel status).</summary>
    public bool UserSet { get; private set; }

    /// <summary>The smallest delay (steps) of any connection made (int.MaxValue before the first).</summary>
    public int MinSteps { get; private set; } = int.MaxValue;

    /// <summary>The largest delay (steps) of any connection made (0 before the first).</summary>
    public int MaxSteps { get; private set; }

    public bool HasConnections => MaxSteps > 0;

    private TimeGrid Grid => kernel.Simulation.Time;

    /// <summary>
    /// The min_delay and max_delay (steps) the first simulation used; from then on they no longer change (as NEST,
    /// min_delay and max_delay set later are taken but do not change them). Null before the first simulation.
    /// </summary>
    public (int Min, int Max)? Simulated { get; private set; }

    /// <summary>Keeps the delay extrema of the first simulation (see <see cref="Simulated"/>).</summary>
    public void Freeze(int minSteps, int maxSteps) => Simulated ??= (minSteps, maxSteps);

    /// <summary>The user's min_delay and max_delay in steps of the current resolution.</summary>
    public (int Min, int Max) UserSteps => ((int)Grid.DelayToSteps(_userMinMs), (int)Grid.DelayToSteps(_userMaxMs));

    /// <summary>The rule every delay of a Connect call (or a Set, or a default) must satisfy now.</summary>
    public DelayRule Rule()
    {
        var any = (Min: 1, Max: SynapseBlock.MaxDelaySteps);
        var user = UserSet ? UserSteps : any;
        if (Simulated is not { } simulated) return new DelayRule(Grid, user.Min, user.Max, UserSet, null);
        // As NEST, a delay is checked against the simulated extrema first, then against the user's.
        string frozen = $"minimum and maximum delay (min_delay {Format(simulated.Min)} ms, max_delay {Format(simulated.Max)} ms) cannot be changed after Simulate has been called";
        return new DelayRule(Grid, user.Min, user.Max, UserSet, frozen, simulated.Min, simulated.Max);
    }

    private string Format(int steps) => StatusValue.Format(Grid.StepToMs(steps));

    /// <summary>Counts delays of new connections into the extrema.</summary>
    public void Extend(int minSteps, int maxSteps)
    {
        MinSteps = Math.Min(MinSteps, minSteps);
        MaxSteps = Math.Max(MaxSteps, maxSteps);
    }

    /// <summary>A synapse model's default delay as NEST keeps it: checked (not counted), rounded to whole steps, in ms.</summary>
    public double DefaultDelay(double ms) => Grid.DelayStepsToMs(Rule().Steps(ms));

    /// <summary>
    /// The default delay of a model that keeps delays below whole steps (<see cref="DelayRule.SplitSteps"/>): checked
    /// (not counted); whole steps in ms, and the part below them in <paramref name="offsetMs"/>.
    /// </summary>
    public double DefaultDelay(double ms, out double offsetMs) => Grid.DelayStepsToMs(Rule().SplitSteps(ms, out offsetMs));

    /// <summary>min_delay and max_delay (ms) of the kernel status.</summary>
    public (double Min, double Max) StatusMs()
    {
        var (min, max) = kernel.Connections.DelayExtrema();
        return (Grid.StepToMs(min), Grid.StepToMs(max));
    }

    /// <summary>
    /// Checks kernel keys min_delay and max_delay (both, and before any connection, as NEST), with the resolution of
    /// the same change if it sets one; returns what applies them. A new resolution alone re-rounds user-set extrema
    /// (NEST's calibrate: min_delay down, max_delay up).
    /// </summary>
    public Action? Stage(KernelStatusChange change)
    {
        bool hasMin = change.TryClaim("min_delay", out var minValue);
        bool hasMax = change.TryClaim("max_delay", out var maxValue);
        var grid = ProspectiveGrid(change, out bool gridChanged);
        if (hasMin != hasMax)
            throw new BadPropertyException(hasMin ? "min_delay" : "max_delay", hasMin ? minValue : maxValue, "both min_delay and max_delay have to be specified");
        if (hasMin)
        {
            if (kernel.Connections.TotalConnections > 0)
                throw new BadPropertyException("min_delay", minValue, "connections already exist; call ResetKernel first");
            var (minMs, maxMs) = Rounded(grid, StatusValue.ToDouble("min_delay", minValue), StatusValue.ToDouble("max_delay", maxValue));
            return () =>
            {
                (_userMinMs, _userMaxMs) = (minMs, maxMs);
                UserSet = true;
            };
        }
        if (gridChanged && UserSet)
        {
            var (minMs, maxMs) = Rounded(grid, _userMinMs, _userMaxMs);
            return () => (_userMinMs, _userMaxMs) = (minMs, maxMs);
        }
        return null;
    }

    private TimeGrid ProspectiveGrid(KernelStatusChange change, out bool changed)
    {
        double resolution = Grid.Resolution, ticsPerMs = Grid.TicsPerMs;
        changed = false;
        if (change.TryClaim("resolution", out var r))
        {
            resolution = StatusValue.ToDouble("resolution", r);
            changed = true;
        }
        if (change.TryClaim("tics_per_ms", out var t))
        {
            ticsPerMs = StatusValue.ToDouble("tics_per_ms", t);
            changed = true;
        }
        return changed ? new TimeGrid(ticsPerMs, resolution) : Grid;
    }

    /// <summary>NEST's rounding of delay extrema: min_delay down and max_delay up to whole steps (in ms).</summary>
    private static (double Min, double Max) Rounded(TimeGrid grid, double minMs, double maxMs)
    {
        long minTics = grid.MsToTics(minMs), maxTics = grid.MsToTics(maxMs);
        long minSteps = minTics >= 0 ? minTics / grid.TicsPerStep : -((-minTics + grid.TicsPerStep - 1) / grid.TicsPerStep);
        long maxSteps = maxTics >= 0 ? (maxTics + grid.TicsPerStep - 1) / grid.TicsPerStep : -((-maxTics) / grid.TicsPerStep);
        if (minSteps < 1)
            throw new BadDelayException(grid.StepToMs(minSteps), $"min_delay must be greater than or equal to the resolution ({StatusValue.Format(grid.Resolution)} ms)");
        if (maxSteps < minSteps)
            throw new BadDelayException(grid.StepToMs(minSteps), $"min_delay must be smaller than or equal to max_delay ({StatusValue.Format(grid.StepToMs(maxSteps))} ms)");
        if (maxSteps > SynapseBlock.MaxDelaySteps)
            throw new BadDelayException(grid.StepToMs(maxSteps), $"max_delay can be at most {SynapseBlock.MaxDelaySteps} steps (NEST stores delays in 21 bits)");
        return (grid.StepToMs(minSteps), grid.StepToMs(maxSteps));
    }
}

/// <summary>
/// The delays allowed at one moment (see <see cref="DelayChecker"/>): from <paramref name="min"/> to
/// <paramref name="max"/> steps, and after a simulation (<paramref name="frozen"/> not null) also from
/// <paramref name="frozenMin"/> to <paramref name="frozenMax"/>, with NEST's message for a delay outside.
/// </summary>
internal readonly struct DelayRule(TimeGrid grid, int min, int max, bool userSet, string? frozen, int frozenMin = 1, int frozenMax = SynapseBlock.MaxDelaySteps)
{
    /// <summary>
    /// NEST's split of a delay that need not be a multiple of the resolution h (cont_delay_synapse): a delay of whole
    /// steps is taken as <see cref="Steps"/> takes it (offset 0); otherwise, with k = floor(ms/h) and f = ms/h - k, the
    /// delay is k + 1 steps less <paramref name="offsetMs"/> = h·(1 - f), and both k and k + 1 steps must be allowed
    /// (NEST's assert_two_valid_delays_steps; a delay below h fails on k).
    /// </summary>
    public int SplitSteps(double ms, out double offsetMs)
    {
        double h = grid.Resolution;
        double quotient = ms / h;
        double whole = Math.Truncate(quotient);
        double fraction = quotient - whole;
        offsetMs = 0.0;
        if (fraction == 0.0 || double.IsNaN(fraction)) return Steps(ms);
        long lower = (long)whole;
        if (lower < 1) throw new BadDelayException(ms, $"Delay must be greater than or equal to resolution ({StatusValue.Format(grid.Resolution)} ms)");
        Steps(grid.DelayStepsToMs(lower));
        int steps = Steps(grid.DelayStepsToMs(lower + 1));
        offsetMs = h * (1.0 - fraction);
        return steps;
    }

    /// <summary>A delay (ms) in whole steps (NEST's rounding to the nearest step); throws BadDelay when it is not allowed.</summary>
    public int Steps(double ms)
    {
        long steps = grid.DelayToSteps(ms);
        if (!(ms >= 0) || steps < 1)
            throw new BadDelayException(ms, $"Delay must be greater than or equal to resolution ({StatusValue.Format(grid.Resolution)} ms)");
        if (steps > SynapseBlock.MaxDelaySteps)
        {
            throw new BadDelayException(ms,
                $"delays up to {SynapseBlock.MaxDelaySteps} steps ({StatusValue.Format(grid.StepToMs(SynapseBlock.MaxDelaySteps))} ms) are supported (NEST stores delays in 21 bits)");
        }
        if (frozen is not null && (steps < frozenMin || steps > frozenMax)) throw new BadDelayException(ms, frozen);
        if (steps < min || steps > max)
        {
            if (userSet)
            {
                throw new BadDelayException(ms, steps < min
                    ? $"delay must be greater than or equal to min_delay ({StatusValue.Format(grid.StepToMs(min))} ms); you may set min_delay before creating connections"
                    : $"delay must be smaller than or equal to max_delay ({StatusValue.Format(grid.StepToMs(max))} ms); you may set max_delay before creating connections");
            }
        }
        return (int)steps;
    }
}
