namespace NestSharp.Nodes;

/// <summary>
/// The steps at which a device that emits given spike times (spike_generator, spike_train_injector) sends them, with
/// NEST's rules: times sorted and not 0 (unless shift_now_spikes). Without precise_times a time t is converted to tics
/// as NEST's Time::ms does (t·tics_per_ms + 0.5 truncated towards 0, so a negative time on the grid lands one tic off
/// it); tics on the grid give the step, others are an error unless allow_offgrid_times moves the time to the end of its
/// step (NEST's Time::ms_stamp); with shift_now_spikes a spike due now goes one step later. With precise_times a time
/// need not lie on the grid: it is sent at the end of the step that holds it, the first grid point s &gt;= t
/// (Time::ms_stamp), with offset s - t (ms; 0 when below the rounding error of the subtraction, as NEST takes it).
/// Negative times are therefore accepted with allow_offgrid_times or precise_times, as in NEST, and never sent (the
/// spike lies before the start of the simulation). Times beyond NEST's time range (about 1.15e15 ms at 1000 tics per
/// ms, and ±infinity) become NEST's infinite times: never sent, shown as ±double.MaxValue (less the offset with
/// precise times). NaN becomes an infinite time in NEST through an unchecked cast; NestSharp gives what NEST's x86
/// build gives: +infinity for Time::ms (so an error without allow_offgrid_times), -infinity for Time::ms_stamp.
/// </summary>
internal static class SpikeTimeStamps
{
    /// <summary>The stamp of NEST's infinite time (and its negative): no step of a simulation reaches it.</summary>
    public const long InfiniteStamp = long.MaxValue / 4;

    /// <summary>NEST's tics of the infinite times (LIM_POS_INF.tics; LIM_NEG_INF.tics is its negative).</summary>
    private const long InfiniteTics = 1L << 60;

    /// <param name="times">The spike times (ms after <paramref name="origin"/>).</param>
    /// <param name="origin">The device's origin (ms).</param>
    /// <param name="allowOffgridTimes">allow_offgrid_times.</param>
    /// <param name="shiftNowSpikes">shift_now_spikes.</param>
    /// <param name="context">The time grid and the current step.</param>
    /// <param name="messagePrefix">What NEST puts before "Time point ..." in the device's messages.</param>
    /// <param name="zeroTimeMessage">NEST's message (it words it per device) for a spike time of 0.</param>
    /// <param name="offsets">With precise times: the offset of each spike (ms); otherwise null.</param>
    /// <param name="preciseTimes">precise_times (the caller has checked that the other two options are false).</param>
    public static long[] Of(double[] times, double origin, bool allowOffgridTimes, bool shiftNowSpikes, StatusContext context,
        string messagePrefix, string zeroTimeMessage, bool preciseTimes, out double[]? offsets)
    {
        offsets = preciseTimes ? new double[times.Length] : null;
        var grid = context.Time;
        long originStep = grid.MsToTics(origin) / grid.TicsPerStep;
        var stamps = new long[times.Length];
        for (int i = 0; i < times.Length; i++)
        {
            double t = times[i];
            if (i > 0 && times[i - 1] > t)
                throw new BadPropertyException("spike_times", times, "Spike times must be sorted in non-descending order");
            if (t == 0.0 && !shiftNowSpikes)
                throw new BadPropertyException("spike_times", t, zeroTimeMessage);
            if (offsets is not null)
            {
                stamps[i] = PreciseStamp(t, grid, out offsets[i]);
                continue;
            }
            long tics = TicsOf(t, grid);
            bool onGrid = tics % grid.TicsPerStep == 0;
            if (!onGrid && !allowOffgridTimes)
            {
                throw new BadPropertyException("spike_times", t,
                    $"{messagePrefix}Time point {StatusValue.Format(t)} is not representable in current resolution ({StatusValue.Format(grid.Resolution)} ms); set allow_offgrid_times to move it to the end of its step");
            }
            long stamp = !onGrid ? StepHolding(t, grid)
                : Math.Abs(tics) >= InfiniteTics ? Math.Sign(tics) * InfiniteStamp
                : tics / grid.TicsPerStep;
            if (shiftNowSpikes && Math.Abs(stamp) != InfiniteStamp && originStep + stamp == context.CurrentStep) stamp++;
            stamps[i] = stamp;
        }
        return stamps;
    }

    /// <summary>The time of <paramref name="stamp"/> in ms as NEST's Time::get_ms gives it (±double.MaxValue for the infinite times).</summary>
    public static double StampToMs(long stamp, TimeGrid grid) =>
        stamp >= InfiniteStamp ? double.MaxValue : stamp <= -InfiniteStamp ? -double.MaxValue : grid.StepToMs(stamp);

    /// <summary>
    /// The step at whose end a precise time <paramref name="t"/> (ms) is sent, and its offset before that end: NEST's
    /// Time::ms_stamp (see <see cref="StepHolding"/>), and the offset stamp_ms - t, taken as 0 when it is below twice
    /// the rounding error of the subtraction or subnormal (so an infinite stamp of a finite time has offset 0).
    /// </summary>
    public static long PreciseStamp(double t, TimeGrid grid, out double offset)
    {
        long stamp = StepHolding(t, grid);
        double stampMs = StampToMs(stamp, grid);
        offset = stampMs - t;
        if (Math.Abs(offset) < MachineEpsilon * Math.Abs(stampMs + t) * 2.0 || Math.Abs(offset) < SmallestNormal) offset = 0.0;
        return stamp;
    }

    /// <summary>
    /// NEST's Time::ms_stamp: the tics of <paramref name="t"/> truncated, down to a step, one step more when that
    /// step's time in ms lies below t; beyond the time range (and NaN, as NEST's x86 cast gives) an infinite stamp.
    /// </summary>
    public static long StepHolding(double t, TimeGrid grid)
    {
        double limit = LimitMs(grid);
        if (t > limit) return InfiniteStamp;
        if (t < -limit || double.IsNaN(t)) return -InfiniteStamp;
        long ticsPerStep = grid.TicsPerStep;
        long tics = (long)(t * grid.TicsPerMs);
        tics -= tics % ticsPerStep;
        double stepStartMs = tics * (1.0 / ticsPerStep) * grid.Resolution;
        if (stepStartMs < t) tics += ticsPerStep;
        return tics / ticsPerStep;
    }

    /// <summary>NEST's Time::ms: t·tics_per_ms + 0.5 truncated towards 0; beyond the time range (and NaN) the infinite tics.</summary>
    private static long TicsOf(double t, TimeGrid grid)
    {
        if (Math.Abs(t) < LimitMs(grid)) return (long)(t * grid.TicsPerMs + 0.5);
        return t < 0 ? -InfiniteTics : InfiniteTics;
    }

    /// <summary>NEST's LIM_MAX.ms: the largest finite time, a whole number of steps below 2^60 tics.</summary>
    private static double LimitMs(TimeGrid grid)
    {
        long tics = long.MaxValue / 8;
        tics -= tics % grid.TicsPerStep;
        long steps = (long)(tics * (1.0 / grid.TicsPerStep));
        return steps * grid.Resolution;
    }

    /// <summary>The distance from 1 to the next double (C++'s numeric_limits&lt;double&gt;::epsilon).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The smallest normal positive double (C++'s numeric_limits&lt;double&gt;::min).</summary>
    private const double SmallestNormal = 2.2250738585072014e-308;
}
