using NestSharp.Kernel;

namespace NestSharp.Tests.Kernel;

/// <summary>The barrier between a slice's update and its serial phase (<see cref="SliceBarrier"/>).</summary>
public class SliceBarrierTests
{
    /// <summary>
    /// Every phase: the serial action runs once, after every participant's work of that phase and before any of the
    /// next; a participant that arrives later than the spin limit makes the others sleep, and they wake.
    /// </summary>
    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(8)]
    public void SerialActionRunsOncePerPhaseBetweenTheParticipantsWork(int participants)
    {
        const int Phases = 400;
        int arrivals = 0, serialRuns = 0;
        var seenBySerial = new List<int>();
        var barrier = new SliceBarrier(participants, () =>
        {
            seenBySerial.Add(Volatile.Read(ref arrivals));
            serialRuns++;
        });
        var failures = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var threads = Enumerable.Range(0, participants).Select(t => new Thread(() =>
        {
            for (int phase = 0; phase < Phases; phase++)
            {
                // Every 50th phase one participant is late by far more than the spin limit.
                if (t == phase % participants && phase % 50 == 0) Thread.Sleep(2);
                Interlocked.Increment(ref arrivals);
                barrier.SignalAndWait();
                int seen = Volatile.Read(ref serialRuns);
                if (seen != 2 * phase + 1) failures.Enqueue($"thread {t} in phase {phase} saw {seen} serial runs");
                barrier.SignalAndWait(); // nobody starts the next phase's work before everyone has checked
            }
        })).ToArray();
        foreach (var thread in threads) thread.Start();
        foreach (var thread in threads) Assert.True(thread.Join(TimeSpan.FromSeconds(60)), "a participant did not finish");

        Assert.Empty(failures);
        Assert.Equal(2 * Phases, serialRuns);
        for (int phase = 0; phase < Phases; phase++)
            Assert.Equal(participants * (phase + 1), seenBySerial[2 * phase]);
    }
}
