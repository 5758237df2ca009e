namespace NestSharp.Models.Devices;

/// <summary>Where node <paramref name="node"/> keeps its <see cref="Oscillation"/>.</summary>
internal delegate ref Oscillation OscillationOf<TNode>(TNode node);

/// <summary>
/// The oscillator of ac_generator and sinusoidal_poisson_generator, advanced exactly by a rotation:
/// (y_0, y_1) = a · (cos, sin)(ω t + φ) is set from the time t when a run is prepared and rotated by ω·h in every step;
/// each thread keeps a copy, and every copy evolves identically. The model gives a, ω and φ as NEST computes them, and
/// reads y_1. A node keeps it as a field: a struct, so that the step loop reads it as directly as the node's own fields.
/// </summary>
internal struct Oscillation
{
    /// <summary>No run prepared yet: no copies.</summary>
    public Oscillation() { }

    /// <summary>Per thread: the oscillator (y_0, y_1).</summary>
    public double[] Y0 = [], Y1 = [];

    /// <summary>The rotation of one step: sin(ω·h), cos(ω·h).</summary>
    public double Sin, Cos;

    /// <summary>
    /// Starts the oscillation of amplitude <paramref name="amplitude"/>, angular frequency <paramref name="omega"/>
    /// (1/ms) and phase <paramref name="phi"/> at time <paramref name="timeMs"/> on each of <paramref name="threads"/>,
    /// with steps of <paramref name="stepMs"/>.
    /// </summary>
    public void Start(int threads, double amplitude, double omega, double phi, double timeMs, double stepMs)
    {
        Y0 = new double[threads];
        Y1 = new double[threads];
        Array.Fill(Y0, amplitude * Math.Cos(omega * timeMs + phi));
        Array.Fill(Y1, amplitude * Math.Sin(omega * timeMs + phi));
        Sin = Math.Sin(stepMs * omega);
        Cos = Math.Cos(stepMs * omega);
    }

    /// <summary>Forgets the copies (a reset: they are made again when the next run is prepared).</summary>
    public void Reset() => Y0 = Y1 = [];

    /// <summary>Rotates one thread's copy (<paramref name="y0"/>, <paramref name="y1"/>) by one step; returns the new y_1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Rotate(ref double y0, ref double y1)
    {
        double rotated = Cos * y0 - Sin * y1;
        y1 = Sin * y0 + Cos * y1;
        y0 = rotated;
        return y1;
    }
}

/// <summary>The status keys of an <see cref="Oscillation"/>.</summary>
internal static class OscillationKeys
{
    /// <summary>
    /// Adds the read-only keys y_0 and y_1 (thread 0's copy, 0 before a run) to <paramref name="keys"/>; a node's
    /// oscillator is <paramref name="of"/>.
    /// </summary>
    public static DeviceKeys<TNode> Oscillating<TNode>(this DeviceKeys<TNode> keys, OscillationOf<TNode> of)
        where TNode : DeviceNode =>
        keys.ReadOnly("y_0", n => of(n).Y0.Length > 0 ? of(n).Y0[0] : 0.0)
            .ReadOnly("y_1", n => of(n).Y1.Length > 0 ? of(n).Y1[0] : 0.0);
}
