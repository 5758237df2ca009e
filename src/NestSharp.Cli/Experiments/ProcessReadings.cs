using System.Diagnostics;

namespace NestSharp.Cli.Experiments;

/// <summary>What this process used: processor time for timing a phase on a shared machine, and its peak memory.</summary>
internal static class ProcessReadings
{
    /// <summary>Processor time used so far by all threads of this process.</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// The peak resident memory of the process (bytes): the kernel's high-water mark, or the largest of
    /// <paramref name="measuredBytes"/> (resident memory read at earlier stages) where that is higher. Linux updates the
    /// high-water mark when memory is unmapped, not when the runtime hands pages back with madvise, so a peak that the
    /// collector released that way can be missing from it.
    /// </summary>
    public static long PeakMemoryBytes(params ReadOnlySpan<long> measuredBytes)
    {
        using var process = Process.GetCurrentProcess();
        long peak = process.PeakWorkingSet64;
        foreach (long bytes in measuredBytes) peak = Math.Max(peak, bytes);
        return peak;
    }
}
