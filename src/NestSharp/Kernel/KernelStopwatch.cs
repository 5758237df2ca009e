using System.Diagnostics;

namespace NestSharp.Kernel;

/// <summary>
/// NEST's kernel stopwatches (time_construction_create, time_construction_connect, time_simulate, ...): the wall-clock
/// seconds and the processor seconds of the calling thread spent in <see cref="Measure"/> scopes, summed over every
/// interval since the last <see cref="Reset"/>. The processor time is the thread's own
/// (clock_gettime with CLOCK_THREAD_CPUTIME_ID on Linux and macOS, as NEST); elsewhere the process's.
/// </summary>
internal sealed partial class KernelStopwatch
{
    private long _wallStartTicks;
    private double _cpuStartSeconds;
    private int _depth;

    /// <summary>Wall-clock seconds of the finished intervals.</summary>
    public double WallSeconds { get; private set; }

    /// <summary>Processor seconds of the measuring thread in the finished intervals.</summary>
    public double CpuSeconds { get; private set; }

    /// <summary>
    /// Measures until the returned scope is disposed (<c>using var _ = stopwatch.Measure();</c>), also when the measured
    /// call fails. Scopes may nest (a Connect inside a Connect): the outermost one counts.
    /// </summary>
    public Scope Measure()
    {
        if (_depth++ == 0)
        {
            _cpuStartSeconds = ThreadCpuSeconds();
            _wallStartTicks = Stopwatch.GetTimestamp();
        }
        return new Scope(this);
    }

    private void Stop()
    {
        if (--_depth != 0) return;
        WallSeconds += Stopwatch.GetElapsedTime(_wallStartTicks).TotalSeconds;
        CpuSeconds += ThreadCpuSeconds() - _cpuStartSeconds;
    }

    /// <summary>Forgets every interval (NEST resets at ResetKernel; time_simulate also at each Prepare).</summary>
    public void Reset()
    {
        WallSeconds = 0.0;
        CpuSeconds = 0.0;
    }

    /// <summary>The two readings under NEST's names: <paramref name="name"/> (wall) and <paramref name="name"/>_cpu.</summary>
    public void WriteStatus(Dictionary<string, object> status, string name)
    {
        status[name] = WallSeconds;
        status[name + "_cpu"] = CpuSeconds;
    }

    /// <summary>One measured interval; disposing it ends the interval.</summary>
    public readonly struct Scope(KernelStopwatch stopwatch) : IDisposable
    {
        public void Dispose() => stopwatch.Stop();
    }

    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static double ThreadCpuSeconds()
    {
        int clock = OperatingSystem.IsLinux() ? 3 : OperatingSystem.IsMacOS() ? 16 : -1; // CLOCK_THREAD_CPUTIME_ID
        if (clock >= 0 && ClockGetTime(clock, out var time) == 0) return time.Seconds + time.Nanoseconds * 1e-9;
        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
    }
}
