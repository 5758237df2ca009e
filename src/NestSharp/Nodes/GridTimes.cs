namespace NestSharp.Nodes;

/// <summary>How the devices that take lists of times (spike, step current, inhomogeneous Poisson) place a time on the grid.</summary>
internal static class GridTimes
{
    /// <summary>
    /// The step at whose end <paramref name="t"/> (ms) lies: a time on the grid ends its step; with allow_offgrid_times a
    /// time between grid points moves to the end of its step, otherwise it is an error naming <paramref name="key"/>.
    /// </summary>
    /// <param name="t">The time (ms, finite).</param>
    /// <param name="grid">The time grid.</param>
    /// <param name="allowOffgridTimes">allow_offgrid_times.</param>
    /// <param name="key">The key the times were given with.</param>
    /// <param name="messagePrefix">What NEST puts before "Time point ..." in the device's message.</param>
    /// <param name="messageEnd">What ends the device's message ("" or ".").</param>
    public static long StepEndingAt(double t, TimeGrid grid, bool allowOffgridTimes, string key, string messagePrefix, string messageEnd)
    {
        long tics = grid.MsToTics(t);
        bool onGrid = tics % grid.TicsPerStep == 0;
        if (!onGrid && !allowOffgridTimes)
        {
            throw new BadPropertyException(key, t,
                $"{messagePrefix}Time point {StatusValue.Format(t)} is not representable in current resolution ({StatusValue.Format(grid.Resolution)} ms); set allow_offgrid_times to move it to the end of its step{messageEnd}");
        }
        return tics / grid.TicsPerStep + (onGrid ? 0 : 1);
    }
}
