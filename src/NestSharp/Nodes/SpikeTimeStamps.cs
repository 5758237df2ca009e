namespace NestSharp.Nodes;

/// <summary>
/// The steps at which a device that emits given spike times (spike_generator, spike_train_injector) sends them, with
/// NEST's rules: times sorted, finite, not negative and not 0 (unless shift_now_spikes), on the grid of the resolution
/// (or moved to the end of their step with allow_offgrid_times); with shift_now_spikes a spike due now goes one step
/// later.
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
    public static long[] Of(double[] times, double origin, bool allowOffgridTimes, bool shiftNowSpikes, StatusContext context,
        string messagePrefix, string zeroTimeMessage)
    {
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
            long stamp = GridTimes.StepEndingAt(t, grid, allowOffgridTimes, "spike_times", messagePrefix, "");
            if (shiftNowSpikes && originStep + stamp == context.CurrentStep) stamp++;
            stamps[i] = stamp;
        }
        return stamps;
    }
}
