using System.Diagnostics;

namespace NestSharp.Kernel;

/// <summary>
/// The barrier that ends the update of a slice: the last thread to arrive runs the serial action, then every thread
/// goes on. A waiting thread spins (yielding to other ready threads now and then) for up to <see cref="SpinLimit"/>
/// before it sleeps: a slice of a small network with a delay of one step takes a few microseconds, about what putting
/// a thread to sleep and waking it costs, which System.Threading.Barrier does after a few spins. The serial action
/// must not throw (the simulation manager's catches every failure).
/// </summary>
internal sealed class SliceBarrier(int participants, Action serialAction)
{
    /// <summary>How long a waiting thread spins before it sleeps.</summary>
    public static readonly TimeSpan SpinLimit = TimeSpan.FromMicroseconds(100);

    private static readonly long SpinLimitTicks = (long)(SpinLimit.TotalSeconds * Stopwatch.Frequency);

    private readonly object _sleep = new();
    private readonly int _participants = participants;
    private int _remaining = participants;
    private int _phase;
    private int _sleepers;

    /// <summary>Arrives at the barrier and returns when every participant has arrived and the serial action has run.</summary>
    public void SignalAndWait()
    {
        int phase = Volatile.Read(ref _phase);
        if (Interlocked.Decrement(ref _remaining) == 0)
        {
            serialAction();
            _remaining = _participants;
            lock (_sleep)
            {
                Volatile.Write(ref _phase, phase + 1);
                if (_sleepers > 0) Monitor.PulseAll(_sleep);
            }
            return;
        }
        long deadline = Stopwatch.GetTimestamp() + SpinLimitTicks;
        var spinner = new SpinWait();
        while (Volatile.Read(ref _phase) == phase)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                lock (_sleep)
                {
                    _sleepers++;
                    while (Volatile.Read(ref _phase) == phase) Monitor.Wait(_sleep);
                    _sleepers--;
                }
                return;
            }
            spinner.SpinOnce(sleep1Threshold: -1);
        }
    }
}
