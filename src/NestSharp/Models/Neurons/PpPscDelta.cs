namespace NestSharp.Models.Neurons;

/// <summary>
/// pp_psc_delta: point-process neuron with delta-shaped post-synaptic potentials: a leaky membrane drives a firing
/// intensity; spikes are drawn from it (escape noise), followed by a fixed or random dead time, an optional reset and
/// spike-frequency adaptation (a threshold that moves after each spike).
/// <code>
/// dV/dt = -V/tau_m + (I_e + I_stim)/C_m + sum_k w_k δ(t - t_k)      (V relative to rest, in mV)
/// E_sfa = sum_j q_j,   dq_j/dt = -q_j/tau_sfa_j,   on each spike q_j ← q_j + q_sfa_j
/// rate = c_1·(V - E_sfa) + c_2·exp(c_3·(V - E_sfa))   (Hz)
/// </code>
/// Per step h: V ← P30·(I_stim + I_e) + P33·V + (spike input of the step); the adaptation elements decay and E_sfa is
/// their sum; outside the dead time the neuron emits, with rate &gt; 0, one spike with probability 1 - exp(-rate·h)
/// when dead_time &gt; 0, else a Poisson number of spikes of mean rate·h (sent as one event with that multiplicity).
/// After a spike the dead time starts (dead_time, or with <c>dead_time_random</c> a gamma-distributed time of shape
/// dead_time_shape and mean dead_time), every adaptation element jumps by q_sfa times the number of spikes, and with
/// <c>with_reset</c> V is set to 0. A dead time between 0 and h is raised to h. The current input of the step takes
/// effect from the next step. Every draw comes from the neuron's keyed random stream for the step.
/// <para>Parameters (units): C_m (pF), tau_m (ms), dead_time (ms), dead_time_random, dead_time_shape, with_reset,
/// c_1 (Hz/mV), c_2 (Hz), c_3 (1/mV), I_e (pA), t_ref_remaining (ms: dead time left at the first run), tau_sfa (ms) and
/// q_sfa (mV) as arrays of equal length (or as two numbers, which add one element); state V_m, E_sfa (mV). Recordables:
/// V_m, E_sfa.</para>
/// <para>References: Cardanobile S, Rotter S (2010) Multiplicatively interacting point processes and applications to
/// neural modeling. J Comput Neurosci 28:267-284. Jolivet R et al. (2006) Predicting spike timing of neocortical
/// pyramidal neurons by simple threshold models. J Comput Neurosci 21:35-49. NEST model documentation, pp_psc_delta.</para>
/// </summary>
[NodeModelName("pp_psc_delta")]
internal sealed class PpPscDelta : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();

    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column Cm = Declared.Parameter("C_m", 250.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
    private static readonly Column TauM = Declared.Parameter("tau_m", 10.0, "ms", Requirement.Positive("all time constants must be strictly positive"));
    private static readonly Column DeadTime = Declared.Parameter("dead_time", 1.0, "ms", Requirement.NonNegative("the dead time must not be negative"));
    private static readonly Column DeadTimeRandom = Declared.Flag("dead_time_random", false);
    private static readonly Column DeadTimeShape = Declared.IntegerParameter("dead_time_shape", 1, "",
        new Requirement(static v => v >= 1, "the shape of the dead time's gamma distribution must be at least 1"));
    private static readonly Column WithReset = Declared.Flag("with_reset", true);
    private static readonly Column C1 = Declared.Parameter("c_1", 0.0, "Hz/mV");
    private static readonly Column C2 = Declared.Parameter("c_2", 1.238, "Hz");
    private static readonly Column C3 = Declared.Parameter("c_3", 0.25, "1/mV", Requirement.NonNegative("c_3 must not be negative"));
    private static readonly Column TRefRemaining = Declared.Parameter("t_ref_remaining", 0.0, "ms", Requirement.NonNegative("the remaining dead time cannot be negative"));
    private static readonly Column Vm = Declared.State("V_m", 0.0, "mV");
    private static readonly Column ESfa = Declared.State("E_sfa", 0.0, "mV");

    /// <summary>The current input of the previous step (NEST's y0), used in this step.</summary>
    private static readonly Column Current = Declared.Internal("current");

    /// <summary>Remaining dead-time steps.</summary>
    private static readonly Column DeadSteps = Declared.Internal("dead_steps");

    /// <summary>1 once the node has run (t_ref_remaining sets the dead time before the first run only).</summary>
    private static readonly Column HasRun = Declared.Internal("has_run");

    private static readonly SpikeAndCurrentInputs Inputs = new(Declared);

    static PpPscDelta()
    {
        Declared.Recordable(Vm, ESfa);
    }

    private struct Propagators
    {
        public double P30, P33, Ie, C1, C2, C3, DeadTime, DeadTimeRate;
        public int DeadTimeSteps, DeadTimeShape;
        public bool DeadTimeRandom, WithReset;
    }

    private readonly PropagatorSets<Propagators> _propagators = new();
    private readonly SpikeTriggeredElements _sfa;
    private ulong[] _nodeKeys = [];
    private double _h;
    private TimeGrid? _time;

    public PpPscDelta(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _sfa = KeepOutsideColumns(new SpikeTriggeredElements("tau_sfa", "q_sfa", count, acceptsNumbers: true));
    }

    public override bool SupportsCheckpoint => true;

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _h = h;
        _time = context.Time;
        ulong spikeKey = RandomStream.Derive(context.SeedKey, 0x99_95C_DE17A);
        _nodeKeys = new ulong[Count];
        double[] deadTime = this[DeadTime], hasRun = this[HasRun], deadSteps = this[DeadSteps];
        for (int i = 0; i < Count; i++)
        {
            _nodeKeys[i] = RandomStream.Derive(spikeKey, (ulong)IdOf(i));
            // As NEST, a dead time shorter than one step (but not 0) lasts one step, and the status shows it.
            if (deadTime[i] != 0 && deadTime[i] < h) deadTime[i] = h;
            if (hasRun[i] == 0.0)
            {
                deadSteps[i] = context.Time.MsToStepsCeil(this[TRefRemaining][i]);
                hasRun[i] = 1.0;
            }
        }
        _sfa.Prepare(h);
        _propagators.Build(Columns, Schema.ParameterColumns, Count, i =>
        {
            double tauM = this[TauM][i], p33 = Math.Exp(-h / tauM);
            return new Propagators
            {
                P33 = p33,
                P30 = 1 / this[Cm][i] * (1 - p33) * tauM,
                Ie = this[PpPscDelta.Ie][i],
                C1 = this[PpPscDelta.C1][i],
                C2 = this[PpPscDelta.C2][i],
                C3 = this[PpPscDelta.C3][i],
                DeadTime = deadTime[i],
                DeadTimeRate = this[DeadTimeShape][i] / deadTime[i],
                DeadTimeSteps = (int)context.Time.MsToStepsCeil(deadTime[i]),
                DeadTimeShape = (int)this[DeadTimeShape][i],
                DeadTimeRandom = this[PpPscDelta.DeadTimeRandom][i] != 0.0,
                WithReset = this[PpPscDelta.WithReset][i] != 0.0,
            };
        });
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(PpPscDelta group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations.</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        var time = _time!;
        double h = _h;
        double[] v = this[Vm], eSfa = this[ESfa], current = this[Current], deadSteps = this[DeadSteps];
        var propagators = _propagators.Select();
        Span<double> spikeIn = s.Input(Inputs.Spikes), currentIn = s.Input(Inputs.Currents);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Propagators p = ref propagators.Of(i);
            v[i] = p.P30 * (current[i] + p.Ie) + p.P33 * v[i] + spikeIn[k];
            eSfa[i] = _sfa.DecayAndSum(i);

            if (deadSteps[i] == 0.0)
            {
                double effective = v[i] - eSfa[i];
                double rate = p.C1 * effective + p.C2 * Math.Exp(p.C3 * effective);
                if (rate > 0.0)
                {
                    var stream = new RandomStream(RandomStream.Derive(_nodeKeys[i], (ulong)s.Step));
                    int count;
                    if (p.DeadTime > 0.0)
                        count = stream.NextDouble() <= -NumericsHelper.ExpM1(-rate * h * 1e-3) ? 1 : 0;
                    else
                        count = (int)Math.Min(stream.NextPoisson(rate * h * 1e-3), int.MaxValue);
                    if (count > 0)
                    {
                        deadSteps[i] = p.DeadTimeRandom
                            ? time.MsToStepsCeil(ErlangDraw(ref stream, p.DeadTimeShape) / p.DeadTimeRate)
                            : p.DeadTimeSteps;
                        _sfa.Kick(i, count);
                        spikes.Add(s.Lag, IdOf(i), count);
                        if (p.WithReset) v[i] = 0.0;
                    }
                }
            }
            else
            {
                deadSteps[i]--;
            }

            current[i] = currentIn[k];
        }
    }

    /// <summary>A gamma-distributed number of integer shape <paramref name="shape"/> and scale 1 (a sum of exponentials).</summary>
    private static double ErlangDraw(ref RandomStream stream, int shape)
    {
        double sum = 0.0;
        for (int j = 0; j < shape; j++) sum += stream.NextExponential();
        return sum;
    }
}
