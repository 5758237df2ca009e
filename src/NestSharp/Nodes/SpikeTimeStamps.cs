namespace NestSharp.Nodes;

/// <summary>
/// The steps at which a device that emits given spike times (spike_generator, spike_train_injector) sends them, with
/// NEST's rules: times sorted, finite, not negative and not 0 (unless shift_now_spikes), on the grid of the resolution
/// (or moved to the end of their step with allow_offgrid_times); with shift_now_spikes a spike due now goes one step
/// later. With precise_times a time t need not lie on the grid: it is sent at the end of the step that holds it, the
/// first grid point s &gt;= t (NEST's Time::ms_stamp), with offset s - t (ms; 0 when below the rounding error of the
/// subtraction, as NEST takes it).
/// </summary>
internal static class SpikeTimeStamps
{
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
            if (!(t >= 0) || DeviceNode.IsInfiniteTime(t, grid))
            {
                throw new BadPropertyException("spike_times", t,
                    $"{messagePrefix}Time point {StatusValue.Format(t)} is not representable in current resolution: spike times are finite and not negative (ms after origin)");
            }
            if (offsets is not null)
            {
                stamps[i] = PreciseStamp(t, grid, out offsets[i]);
                continue;
            }
            long stamp = GridTimes.StepEndingAt(t, grid, allowOffgridTimes, "spike_times", messagePrefix, "");
            if (shiftNowSpikes && originStep + stamp == context.CurrentStep) stamp++;
            stamps[i] = stamp;
        }
        return stamps;
    }

    /// <summary>
    /// The step at whose end a precise time <paramref name="t"/> (ms, finite, positive) is sent, and its offset before
    /// that end: NEST's Time::ms_stamp (the tics of t truncated, down to a step, one step more when that step's time
    /// in ms lies below t), and the offset stamp_ms - t, taken as 0 when it is below twice the rounding error of the
    /// subtraction or subnormal.
    /// </summary>
    public static long PreciseStamp(double t, TimeGrid grid, out double offset)
    {
        long ticsPerStep = grid.TicsPerStep;
        long tics = (long)(t * grid.TicsPerMs);
        tics -= tics % ticsPerStep;
        double stepStartMs = tics * (1.0 / ticsPerStep) * grid.Resolution;
        if (stepStartMs < t) tics += ticsPerStep;
        long stamp = tics / ticsPerStep;
        double stampMs = grid.StepToMs(stamp);
        offset = stampMs - t;
        if (Math.Abs(offset) < MachineEpsilon * Math.Abs(stampMs + t) * 2.0 || Math.Abs(offset) < SmallestNormal) offset = 0.0;
        return stamp;
    }

    /// <summary>The distance from 1 to the next double (C++'s numeric_limits&lt;double&gt;::epsilon).</summary>
    private const double MachineEpsilon = 2.220446049250313e-16;

    /// <summary>The smallest normal positive double (C++'s numeric_limits&lt;double&gt;::min).</summary>
    private const double SmallestNormal = 2.2250738585072014e-308;
}
