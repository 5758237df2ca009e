namespace NestSharp.Models.Neurons;

/// <summary>
/// ignore_and_fire: fires at a fixed <c>rate</c> with a constant inter-spike interval, whatever its input. Spikes and
/// currents can be connected to it (receptor 0) but have no effect; the model exists so that network size and
/// connectivity can be scaled for benchmarks without changing the spike statistics.
/// <para>The firing is a count-down on the time grid (h = resolution):</para>
/// <code>
/// period = steps(1000 / rate)            (ms, Time(ms).get_steps(): tics rounded to nearest, then up to whole steps)
/// c      = steps(1000 · phase / rate)    (steps to the first spike)
/// each step (t, t+h]:  c == 0 ? (spike stamped t + h; c = period - 1) : c = c - 1
/// </code>
/// So with phase = 1 the first spike is stamped <c>(steps(1000/rate) + 1)·h</c> and later ones follow every
/// <c>period</c> steps; rate 10/s, phase 0.3, h = 0.1 ms gives spikes at 30.1, 130.1, 230.1, ... ms.
/// The count-down is (re)started from <c>phase</c> and <c>rate</c> when a node is created and whenever its status is
/// set (any key, as NEST recomputes it in set_status); it is not restarted by a further Simulate call, so a network
/// simulated in several pieces fires as if simulated in one. <c>phase</c> stays the parameter set by the user; it is not
/// a running state variable.
/// <para>Parameters (units): phase (dimensionless, 0 &lt; phase ≤ 1: time to the next spike as a fraction of the
/// period), rate (spikes/s, &gt; 0); the archiving-node entries tau_minus, tau_minus_triplet, tau_Ca (ms), beta_Ca, Ca.
/// No recordables.</para>
/// <para>Reference: NEST model documentation, ignore_and_fire (NEST 3.10).</para>
/// </summary>
[NodeModelName("ignore_and_fire")]
internal sealed class IgnoreAndFire : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column Phase = Declared.Parameter("phase", 1.0, "", new Requirement(static v => v > 0 && v <= 1, "must be > 0 and <= 1"));
    private static readonly Column Rate = Declared.Parameter("rate", 10.0, "1/s", Requirement.Positive("firing rate must be > 0"));

    private static readonly SpikeAndCurrentInputs Inputs = new(Declared);

    /// <summary>Tics beyond which a duration counts as infinite (NEST clamps such times to +inf: the neuron never fires).</summary>
    private const double InfiniteTics = 4.0e18;

    /// <summary>A step count no simulation reaches, used for an infinite firing period or phase.</summary>
    private const long NeverSteps = long.MaxValue / 4;

    private readonly long[] _stepsToSpike;
    private readonly long[] _periodSteps;

    /// <summary>Nodes whose count-down must be restarted from phase and rate before the next run.</summary>
    private readonly bool[] _restart;

    public IgnoreAndFire(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _stepsToSpike = new long[count];
        _periodSteps = new long[count];
        _restart = new bool[count];
        Array.Fill(_restart, true);
    }

    public override bool SupportsCheckpoint => true;

    protected override void SaveModelState(CheckpointWriter writer)
    {
        WriteInIdOrder(writer, _stepsToSpike);
        WriteInIdOrder(writer, _periodSteps);
        WriteInIdOrder(writer, _restart);
    }

    protected override void RestoreModelState(CheckpointReader reader, RestoreContext context)
    {
        ReadInIdOrder(reader, _stepsToSpike);
        ReadInIdOrder(reader, _periodSteps);
        ReadInIdOrder(reader, _restart);
    }

    protected override void OnStatusSet(int position) => _restart[position] = true;

    public override void Prepare(SimulationContext context)
    {
        var time = context.Time;
        double[] phase = this[Phase], rate = this[Rate];
        for (int i = 0; i < Count; i++)
        {
            if (!_restart[i]) continue;
            _periodSteps[i] = StepsOf(1.0 / rate[i] * 1000.0, time);
            _stepsToSpike[i] = StepsOf(phase[i] / rate[i] * 1000.0, time);
            _restart[i] = false;
        }
    }

    /// <summary>A duration in ms as whole steps the way NEST's Time(ms).get_steps() counts it; huge durations never end.</summary>
    private static long StepsOf(double ms, TimeGrid time) =>
        ms * time.TicsPerMs < InfiniteTics ? time.MsToStepsCeil(ms) : NeverSteps;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to)
    {
        var (start, end) = Chunk(thread);
        if (start >= end) return;
        int n = end - start;
        var ring = context.Ring;
        var spikes = context.SpikesOfVp[thread];
        long[] countdown = _stepsToSpike, period = _periodSteps;
        for (int lag = from; lag < to; lag++)
        {
            long step = sliceStart + lag;
            for (int i = start; i < end; i++)
            {
                if (countdown[i] == 0)
                {
                    countdown[i] = period[i] - 1;
                    spikes.Add(lag, IdOf(i));
                }
                else
                {
                    countdown[i]--;
                }
            }
            ring.Row(step, ChannelOf(Inputs.Spikes) + start, n).Clear();
            ring.Row(step, ChannelOf(Inputs.Currents) + start, n).Clear();
            RecordSamples(thread, step);
        }
    }
}
