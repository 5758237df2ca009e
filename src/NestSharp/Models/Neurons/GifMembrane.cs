namespace NestSharp.Models.Neurons;

/// <summary>
/// The membrane and escape noise of NEST's generalized integrate-and-fire models (gif_psc_exp, gif_cond_exp), declared
/// into a model's schema once: I_e (pA), E_L, V_reset, Delta_V, V_T_star (mV), g_L (nS), C_m (pF), lambda_0 (1/s),
/// t_ref (ms) with NEST's defaults and checks, the state V_m (mV, absolute), the read-only E_sfa (mV) and I_stc (pA) of
/// the last step, and the remaining refractory steps. A model adds its synaptic parameters and state itself; the
/// spike-triggered elements and the random numbers of each node are kept by <see cref="GifAdaptation"/>.
/// </summary>
internal sealed class GifMembrane
{
    public readonly Column Ie, EL, GL, Cm, VReset, DeltaV, VTStar, Lambda0, TRef, Vm;

    /// <summary>The moving threshold and the summed spike-triggered current of the last step (read only in the status).</summary>
    public readonly Column ESfa, IStc;

    /// <summary>Refractory steps remaining, a column so that frozen nodes keep it.</summary>
    public readonly Column RefractorySteps;

    public GifMembrane(NeuronSchema schema)
    {
        Ie = schema.Parameter("I_e", 0.0, "pA");
        EL = schema.Parameter("E_L", -70.0, "mV");
        GL = schema.Parameter("g_L", 4.0, "nS", Requirement.Positive("the membrane conductance must be strictly positive"));
        Cm = schema.Parameter("C_m", 80.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
        VReset = schema.Parameter("V_reset", -55.0, "mV");
        DeltaV = schema.Parameter("Delta_V", 0.5, "mV", Requirement.Positive("must be strictly positive"));
        VTStar = schema.Parameter("V_T_star", -35.0, "mV");
        Lambda0 = schema.Parameter("lambda_0", 1.0, "1/s", Requirement.NonNegative("must not be negative"));
        TRef = schema.Parameter("t_ref", 4.0, "ms", Requirement.NonNegative("refractory time cannot be negative"));
        Vm = schema.State("V_m", -70.0, "mV");
        ESfa = schema.Internal("E_sfa");
        IStc = schema.Internal("I_stc");
        RefractorySteps = schema.Internal("refractory_steps");
    }

    /// <summary>The membrane's constants of the node at storage position <paramref name="i"/> for a run.</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    /// <param name="time">The run's time grid (t_ref in steps: NEST's Time(ms).get_steps()).</param>
    public Constants ConstantsOf(double[][] columns, int i, TimeGrid time) => new()
    {
        Ie = columns[Ie.Index][i],
        EL = columns[EL.Index][i],
        GL = columns[GL.Index][i],
        Cm = columns[Cm.Index][i],
        VReset = columns[VReset.Index][i],
        VTStar = columns[VTStar.Index][i],
        DeltaV = columns[DeltaV.Index][i],
        Lambda0PerMs = columns[Lambda0.Index][i] / 1000.0,
        RefractorySteps = (int)time.MsToStepsCeil(columns[TRef.Index][i]),
    };

    /// <summary>What the membrane and the escape noise need of one parameter row.</summary>
    internal struct Constants
    {
        public double Ie, EL, GL, Cm, VReset, VTStar, DeltaV;

        /// <summary>lambda_0 in 1/ms, as NEST keeps it.</summary>
        public double Lambda0PerMs;

        public int RefractorySteps;
    }
}

/// <summary>
/// Per node of a generalized integrate-and-fire group: the spike-triggered current (tau_stc/q_stc) and threshold
/// movement (tau_sfa/q_sfa) elements, NEST's array parameters of these models, and the escape noise. The escape noise
/// of a node draws one uniform number in each step it is not refractory and its rate is positive, from the node's own
/// keyed stream at the step's index, so that spikes do not depend on the number of threads. Kept outside the group's
/// columns (<see cref="NeuronGroup.KeepOutsideColumns{TState}"/>), it also shows the E_sfa and I_stc it formed last, read
/// only, before its arrays.
/// </summary>
internal sealed class GifAdaptation : IStateOutsideColumns
{
    /// <summary>The key the escape noise streams are derived with (from the run's seed, then by node id).</summary>
    private const ulong EscapeNoiseKey = 0x61F_E5C0;

    private readonly SpikeTriggeredElements _stc, _sfa;
    private readonly double[] _threshold, _current;
    private ulong[] _nodeKeys = [];

    /// <param name="count">The number of nodes of the group.</param>
    /// <param name="threshold">The group's E_sfa column (mV), one value per storage position.</param>
    /// <param name="current">The group's I_stc column (pA), one value per storage position.</param>
    public GifAdaptation(int count, double[] threshold, double[] current)
    {
        _stc = new SpikeTriggeredElements("tau_stc", "q_stc", count);
        _sfa = new SpikeTriggeredElements("tau_sfa", "q_sfa", count);
        _threshold = threshold;
        _current = current;
    }

    /// <summary>The array keys (tau_stc, q_stc, tau_sfa, q_sfa).</summary>
    public IReadOnlyList<string> Keys => [.. _stc.Keys, .. _sfa.Keys];

    public bool Owns(string key) => _stc.Owns(key) || _sfa.Owns(key);

    /// <summary>Writes E_sfa, I_stc and the array parameters of the node at <paramref name="position"/>.</summary>
    public void WriteStatus(int position, Dictionary<string, object> status)
    {
        status["E_sfa"] = _threshold[position];
        status["I_stc"] = _current[position];
        _stc.WriteStatus(position, status);
        _sfa.WriteStatus(position, status);
    }

    /// <summary>Checks the array parameters in <paramref name="values"/> for the node at <paramref name="position"/> and returns their commit.</summary>
    public Action Stage(int position, IReadOnlyDictionary<string, object> values)
    {
        var stc = _stc.Stage(position, values);
        var sfa = _sfa.Stage(position, values);
        return () =>
        {
            stc();
            sfa();
        };
    }

    public void CopyDefaultsFrom(IStateOutsideColumns prototype)
    {
        var adaptation = (GifAdaptation)prototype;
        _stc.CopyDefaultsFrom(adaptation._stc);
        _sfa.CopyDefaultsFrom(adaptation._sfa);
    }

    /// <summary>Writes the elements and array parameters of the nodes of <paramref name="group"/> (the noise streams are keyed by step and need nothing).</summary>
    public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup group)
    {
        _stc.SaveCheckpoint(writer, group);
        _sfa.SaveCheckpoint(writer, group);
    }

    /// <summary>Reads what <see cref="SaveCheckpoint"/> wrote.</summary>
    public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup group)
    {
        _stc.RestoreCheckpoint(reader, group);
        _sfa.RestoreCheckpoint(reader, group);
    }

    /// <summary>Before a run: the decay factors per step h and the escape noise stream of each node of <paramref name="group"/>.</summary>
    public void Prepare(SimulationContext context, NeuronGroup group, double h)
    {
        ulong escapeKey = RandomStream.Derive(context.SeedKey, EscapeNoiseKey);
        _nodeKeys = new ulong[group.Count];
        for (int i = 0; i < group.Count; i++) _nodeKeys[i] = RandomStream.Derive(escapeKey, (ulong)group.IdOf(i));
        _stc.Prepare(h);
        _sfa.Prepare(h);
    }

    /// <summary>At the start of a step: I_stc (the sum of the current elements), after which they decay by one step.</summary>
    public double SpikeTriggeredCurrent(int position) => _stc.SumAndDecay(position, 0.0);

    /// <summary>At the start of a step: E_sfa = V_T_star plus the threshold elements, after which they decay by one step.</summary>
    public double Threshold(int position, double vTStar) => _sfa.SumAndDecay(position, vTStar);

    /// <summary>
    /// The escape noise of a step of a node that is not refractory: with lambda = lambda_0·exp((V - E_sfa)/Delta_V), the
    /// node fires with probability 1 - exp(-lambda·h), and on a spike every element jumps by its q.
    /// </summary>
    /// <param name="position">The node's storage position.</param>
    /// <param name="step">The step's index since the start of the simulation.</param>
    /// <param name="v">V_m after the step (mV).</param>
    /// <param name="threshold">E_sfa of the step (mV).</param>
    /// <param name="c">The node's constants.</param>
    /// <param name="h">The step (ms).</param>
    public bool Fires(int position, long step, double v, double threshold, in GifMembrane.Constants c, double h)
    {
        double lambda = c.Lambda0PerMs * Math.Exp((v - threshold) / c.DeltaV);
        if (!(lambda > 0.0)
            || !(RandomStream.ToUnitInterval(RandomStream.At(_nodeKeys[position], (ulong)step)) < -NumericsHelper.ExpM1(-lambda * h)))
        {
            return false;
        }
        _stc.Kick(position);
        _sfa.Kick(position);
        return true;
    }
}
