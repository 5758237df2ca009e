using System.Diagnostics;

namespace NestSharp.Cli.Experiments;

/// <summary>The processor time of this process, for timing a phase on a machine that other jobs share.</summary>
internal static class ProcessClock
{
    /// <summary>Processor time used so far by all threads of this process.</summary>
    public static TimeSpan CpuTime()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }
}
