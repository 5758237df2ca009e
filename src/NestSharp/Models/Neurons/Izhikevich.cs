namespace NestSharp.Models.Neurons;

/// <summary>
/// izhikevich: the two-variable spiking neuron of Izhikevich (2003), advanced by NEST's own explicit rule on the time
/// grid (there is no refractory period).
/// <code>
/// dV/dt = 0.04·V² + 5·V + 140 - U + I + I_e
/// dU/dt = a·(b·V - U)
/// V &gt;= V_th: spike, V = c, U = U + d;   V is bounded below by V_min.
/// </code>
/// Per step h with <c>consistent_integration</c> (the default): one forward-Euler step of both equations from the
/// values at the start of the step, V ← V + h·(0.04·V² + 5·V + 140 - U + I + I_e) + (spike input of the step),
/// U ← U + h·a·(b·V_old - U_old). Without it, the scheme of the original paper: two half steps of V (each reading the
/// V just computed, with the spike input inside the bracket), then U from the new V. Then V is raised to V_min, the
/// threshold is checked, and the current input I of the step takes effect from the next step. Spike weights are jumps
/// of V in mV; both signs go to the one input.
/// <para>Parameters (units): a, b, c (mV), d, I_e (pA), V_th (mV), V_min (mV), consistent_integration; state V_m (mV),
/// U_m. Recordables: V_m, U_m. NEST checks none of the parameters.</para>
/// <para>References: Izhikevich EM (2003) Simple model of spiking neurons. IEEE Trans Neural Netw 14:1569-1572.
/// NEST model documentation, izhikevich.</para>
/// </summary>
[NodeModelName("izhikevich")]
internal sealed class Izhikevich : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column VTh = Declared.Parameter("V_th", 30.0, "mV");
    private static readonly Column VMin = Declared.Parameter("V_min", -double.MaxValue, "mV");
    private static readonly Column A = Declared.Parameter("a", 0.02, "");
    private static readonly Column B = Declared.Parameter("b", 0.2, "");
    private static readonly Column C = Declared.Parameter("c", -65.0, "mV");
    private static readonly Column D = Declared.Parameter("d", 8.0, "");
    private static readonly Column ConsistentIntegration = Declared.Flag("consistent_integration", true);
    private static readonly Column Vm = Declared.State("V_m", -65.0, "mV");
    private static readonly Column Um = Declared.State("U_m", 0.2 * -65.0, "");

    /// <summary>The current input of the previous step (NEST's I), used in this step.</summary>
    private static readonly Column Current = Declared.Internal("current");

    private static readonly SpikeAndCurrentInputs Inputs = new(Declared);

    static Izhikevich()
    {
        Declared.Recordable(Vm, Um);
    }

    private double _h;

    public Izhikevich(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared) { }

    public override bool SupportsCheckpoint => true;

    public override void Prepare(SimulationContext context) => _h = context.Time.Resolution;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        var ring = context.Ring;
        var spikes = context.SpikesOfVp[thread];
        double h = _h;
        double[] v = this[Vm], u = this[Um], current = this[Current];
        double[] a = this[A], b = this[B], c = this[C], d = this[D], ie = this[Ie], vTh = this[VTh], vMin = this[VMin];
        double[] consistent = this[ConsistentIntegration];
        int n = end - start;

        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            Span<double> spikeIn = ring.Row(step, ChannelOf(Inputs.Spikes) + start, n);
            Span<double> currentIn = ring.Row(step, ChannelOf(Inputs.Currents) + start, n);
            for (int k = 0; k < n; k++)
            {
                int i = start + k;
                if (consistent[i] != 0.0)
                {
                    double vOld = v[i], uOld = u[i];
                    v[i] += h * (0.04 * vOld * vOld + 5.0 * vOld + 140.0 - uOld + current[i] + ie[i]) + spikeIn[k];
                    u[i] += h * a[i] * (b[i] * vOld - uOld);
                }
                else
                {
                    double synaptic = spikeIn[k];
                    v[i] += h * 0.5 * (0.04 * v[i] * v[i] + 5.0 * v[i] + 140.0 - u[i] + current[i] + ie[i] + synaptic);
                    v[i] += h * 0.5 * (0.04 * v[i] * v[i] + 5.0 * v[i] + 140.0 - u[i] + current[i] + ie[i] + synaptic);
                    u[i] += h * a[i] * (b[i] * v[i] - u[i]);
                }

                if (v[i] < vMin[i]) v[i] = vMin[i];

                if (v[i] >= vTh[i])
                {
                    v[i] = c[i];
                    u[i] += d[i];
                    spikes.Add(lag, IdOf(i));
                }

                current[i] = currentIn[k];
            }
            spikeIn.Clear();
            currentIn.Clear();
            RecordSamples(thread, step);
        }
    }
}
