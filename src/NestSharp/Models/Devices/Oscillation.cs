namespace NestSharp.Models.Devices;

/// <summary>Where node <paramref name="node"/> keeps its <see cref="Oscillation"/>.</summary>
internal delegate ref Oscillation OscillationOf<TNode>(TNode node);

/// <summary>
/// The oscillator of ac_generator, sinusoidal_poisson_generator and noise_generator, advanced exactly by a rotation:
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
    /// (1/ms) and phase <paramref name="phi"/> from the time the run of <paramref name="context"/> is prepared, on each
    /// of its virtual processes, with steps of its resolution.
    /// </summary>
    public void Start(SimulationContext context, double amplitude, double omega, double phi)
    {
        double t = context.Time.StepToMs(context.PreparedAtStep), h = context.Time.Resolution;
        Y0 = new double[context.VirtualProcesses];
        Y1 = new double[context.VirtualProcesses];
        Array.Fill(Y0, amplitude * Math.Cos(omega * t + phi));
        Array.Fill(Y1, amplitude * Math.Sin(omega * t + phi));
        Sin = Math.Sin(h * omega);
        Cos = Math.Cos(h * omega);
    }

    /// <summary>Forgets the copies (a reset: they are made again when the next run is prepared).</summary>
    public void Reset() => Y0 = Y1 = [];

    /// <summary>Rotates the copy of <paramref name="thread"/> by one step; returns the new y_1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public readonly double Rotate(int thread)
    {
        ref double y0 = ref Y0[thread];
        ref double y1 = ref Y1[thread];
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
