namespace NestSharp.Models.Neurons;

/// <summary>
/// What NEST's generalized leaky integrate-and-fire models of the Allen Institute (Teeter et al. 2018: glif_psc,
/// glif_psc_double_alpha, glif_cond) share, declared into a model's schema once: the membrane (E_L, V_th, the membrane
/// conductance, C_m, t_ref, V_reset), the three mechanism flags that select the GLIF level, their parameters, the
/// after-spike current arrays (asc_init, asc_decay, asc_amps, asc_r), the state V_m, threshold_spike and
/// threshold_voltage, and what the update keeps per node (the total threshold, the mean after-spike current of the step,
/// the current input, the refractory count). The after-spike currents themselves (ASCurrents, one per element of the
/// arrays) are kept by <see cref="AfterSpikeCurrents"/>; each model adds its synapses.
/// <para>The five levels (spike_dependent_threshold, after_spike_currents, adapting_threshold): GLIF1 LIF (none), GLIF2
/// LIF_R (spike_dependent_threshold), GLIF3 LIF_ASC (after_spike_currents), GLIF4 LIF_R_ASC (both), GLIF5 LIF_R_ASC_A
/// (all three); other combinations are refused.</para>
/// </summary>
internal sealed class GlifMechanisms
{
    public readonly Column EL, VTh, Cm, TRef, VReset;
    public readonly Column ThSpikeAdd, ThSpikeDecay, VoltageResetFraction, VoltageResetAdd, ThVoltageIndex, ThVoltageDecay;
    public readonly Column SpikeDependentThreshold, AfterSpikeCurrents, AdaptingThreshold;

    /// <summary>The column of the membrane conductance (g or g_m, nS), which each model names with a handle of its own.</summary>
    public Column G => new(_conductance);

    private readonly int _conductance;

    /// <summary>
    /// The state: V_m (stored relative to E_L, NEST's U_), the spike and voltage components of the threshold (mV; kept
    /// outside the status by glif_cond, which shows neither, see <see cref="AfterSpikeCurrents"/>).
    /// </summary>
    public readonly Column Vm, ThresholdSpike, ThresholdVoltage;

    /// <summary>
    /// Kept by the update: the total threshold relative to E_L (recorded as threshold + E_L), the mean after-spike current
    /// of the step (ASCurrents_sum, pA), the current input of the step before (I, pA), the refractory steps left.
    /// </summary>
    public readonly Column Threshold, ASCurrentsSum, Current, RefractorySteps;

    public readonly ArrayColumn AscInit, AscDecay, AscAmps, AscR;

    /// <param name="schema">The model's schema.</param>
    /// <param name="conductanceKey">The key of the membrane conductance: g (glif_psc, glif_psc_double_alpha) or g_m (glif_cond).</param>
    /// <param name="thresholdComponentsInStatus">Whether the status shows threshold_spike and threshold_voltage (not glif_cond's).</param>
    public GlifMechanisms(NeuronSchema schema, string conductanceKey, bool thresholdComponentsInStatus)
    {
        EL = schema.Parameter("E_L", -78.85, "mV");
        VTh = schema.ParameterRelativeTo(EL, "V_th", -51.68, "mV");
        _conductance = schema.Parameter(conductanceKey, 9.43, "nS").Index;
        Cm = schema.Parameter("C_m", 58.72, "pF");
        TRef = schema.Parameter("t_ref", 3.75, "ms");
        VReset = schema.ParameterRelativeTo(EL, "V_reset", -78.85, "mV");
        ThSpikeAdd = schema.Parameter("th_spike_add", 0.37, "mV");
        ThSpikeDecay = schema.Parameter("th_spike_decay", 0.009, "1/ms");
        VoltageResetFraction = schema.Parameter("voltage_reset_fraction", 0.20, "");
        VoltageResetAdd = schema.Parameter("voltage_reset_add", 18.51, "mV");
        ThVoltageIndex = schema.Parameter("th_voltage_index", 0.005, "1/ms");
        ThVoltageDecay = schema.Parameter("th_voltage_decay", 0.09, "1/ms");
        SpikeDependentThreshold = schema.Flag("spike_dependent_threshold", false);
        AfterSpikeCurrents = schema.Flag("after_spike_currents", false);
        AdaptingThreshold = schema.Flag("adapting_threshold", false);
        AscInit = schema.ArrayParameter("asc_init", [0.0, 0.0], "pA");
        AscDecay = schema.ArrayParameter("asc_decay", [0.003, 0.1], "1/ms");
        AscAmps = schema.ArrayParameter("asc_amps", [-9.18, -198.94], "pA");
        AscR = schema.ArrayParameter("asc_r", [1.0, 1.0], "");
        Vm = schema.StateRelativeTo(EL, "V_m", -78.85, "mV");
        ThresholdSpike = thresholdComponentsInStatus ? schema.State("threshold_spike", 0.0, "mV") : schema.Internal("threshold_spike");
        ThresholdVoltage = thresholdComponentsInStatus ? schema.State("threshold_voltage", 0.0, "mV") : schema.Internal("threshold_voltage");
        Threshold = schema.Internal("threshold", -51.68 - -78.85);
        ASCurrentsSum = schema.Internal("ASCurrents_sum");
        Current = schema.Internal("current");
        RefractorySteps = schema.Internal("refractory_steps");
    }

    /// <summary>
    /// NEST's checks of the shared parameters, in its order: the mechanism combination, the after-spike current arrays
    /// (with after_spike_currents; glif_cond checks them after the membrane), V_reset &lt; V_th, C_m, the conductance and
    /// t_ref positive, the voltage and spike components' parameters (with their mechanisms).
    /// </summary>
    /// <param name="row">The node's new values.</param>
    /// <param name="conductanceOrder">glif_cond's order: membrane, spike component, after-spike currents, voltage component.</param>
    public void Validate(in StatusRow row, bool conductanceOrder)
    {
        bool spike = row[SpikeDependentThreshold] != 0.0, asc = row[AfterSpikeCurrents] != 0.0, voltage = row[AdaptingThreshold] != 0.0;
        if (voltage && !(spike && asc))
        {
            throw new BadPropertyException("adapting_threshold", true,
                "Incorrect model mechanism combination setting. The mechanisms spike_dependent_threshold, after_spike_currents and adapting_threshold "
                + "combine as GLIF1 (none), GLIF2 (spike_dependent_threshold), GLIF3 (after_spike_currents), GLIF4 (both) or GLIF5 (all three): "
                + $"adapting_threshold needs the other two, here spike_dependent_threshold = {(spike ? "true" : "false")} and after_spike_currents = {(asc ? "true" : "false")}");
        }
        if (!conductanceOrder && asc) ValidateAfterSpikeCurrents(row);
        row.Require(row[VReset] < row[VTh], VReset, $"Reset potential must be smaller than threshold. V_th = {row[VTh]}");
        row.Require(row[Cm] > 0.0, Cm, "Capacitance must be strictly positive");
        row.Require(row[G] > 0.0, G, "Membrane conductance must be strictly positive");
        row.Require(row[TRef] > 0.0, TRef, "Refractory time constant must be strictly positive");
        if (conductanceOrder)
        {
            if (spike) ValidateSpikeComponent(row);
            if (asc) ValidateAfterSpikeCurrents(row);
            if (voltage) ValidateVoltageComponent(row);
        }
        else
        {
            if (voltage) ValidateVoltageComponent(row);
            if (spike) ValidateSpikeComponent(row);
        }
    }

    private void ValidateAfterSpikeCurrents(in StatusRow row)
    {
        ReadOnlySpan<double> decay = row.Array(AscDecay), init = row.Array(AscInit), amps = row.Array(AscAmps), r = row.Array(AscR);
        var named = init.Length != decay.Length ? AscInit : amps.Length != decay.Length ? AscAmps : AscR;
        row.Require(init.Length == decay.Length && amps.Length == decay.Length && r.Length == decay.Length, named,
            $"All after spike current parameters (asc_init, asc_decay, asc_amps, asc_r) must have the same size; they have {init.Length}, {decay.Length}, {amps.Length} and {r.Length} elements");
        for (int a = 0; a < decay.Length; a++)
        {
            row.Require(decay[a] > 0.0, AscDecay, $"After-spike current time constant must be strictly positive; element {a + 1} is {decay[a]}");
            row.Require(r[a] >= 0.0 && r[a] <= 1.0, AscR,
                $"After spike current fraction following spike coefficients r must be within [0.0, 1.0]; element {a + 1} is {r[a]}");
        }
    }

    private void ValidateVoltageComponent(in StatusRow row) =>
        row.Require(row[ThVoltageDecay] > 0.0, ThVoltageDecay, "Voltage-induced threshold time constant must be strictly positive");

    private void ValidateSpikeComponent(in StatusRow row)
    {
        row.Require(row[ThSpikeDecay] > 0.0, ThSpikeDecay, "Spike induced threshold time constant must be strictly positive");
        double fraction = row[VoltageResetFraction];
        row.Require(fraction >= 0.0 && fraction <= 1.0, VoltageResetFraction, "Voltage fraction coefficient following spike must be within [0.0, 1.0]");
    }

    /// <summary>The mechanisms' constants of one node for a run (NEST's pre_run_hook).</summary>
    /// <param name="columns">The group's storage, one array per column of the schema.</param>
    /// <param name="i">The node's storage position.</param>
    /// <param name="ascDecay">The node's asc_decay.</param>
    /// <param name="ascAmps">The node's asc_amps.</param>
    /// <param name="ascR">The node's asc_r.</param>
    /// <param name="time">The run's time grid.</param>
    public GlifConstants ConstantsOf(double[][] columns, int i, double[] ascDecay, double[] ascAmps, double[] ascR, TimeGrid time)
    {
        double h = time.Resolution;
        double g = columns[G.Index][i], c = columns[Cm.Index][i], tRef = columns[TRef.Index][i];
        var k = new GlifConstants
        {
            HasThetaSpike = columns[SpikeDependentThreshold.Index][i] != 0.0,
            HasAsc = columns[AfterSpikeCurrents.Index][i] != 0.0,
            HasThetaVoltage = columns[AdaptingThreshold.Index][i] != 0.0,
            ThInf = columns[VTh.Index][i],
            VReset = columns[VReset.Index][i],
            VoltageResetFraction = columns[VoltageResetFraction.Index][i],
            VoltageResetAdd = columns[VoltageResetAdd.Index][i],
            ThSpikeAdd = columns[ThSpikeAdd.Index][i],
            G = g,
            RefractorySteps = (int)time.MsToStepsCeil(tRef),
            AscDecayRate = [],
            AscStable = [],
            AscRefractoryDecay = [],
            AscAmps = [],
        };
        if (k.HasThetaSpike)
        {
            double decay = columns[ThSpikeDecay.Index][i];
            k.ThetaSpikeDecay = Math.Exp(-decay * h);
            k.ThetaSpikeRefractoryDecay = Math.Exp(-decay * tRef);
        }
        if (k.HasAsc)
        {
            int n = ascDecay.Length;
            k.AscDecayRate = new double[n];
            k.AscStable = new double[n];
            k.AscRefractoryDecay = new double[n];
            k.AscAmps = ascAmps;
            for (int a = 0; a < n; a++)
            {
                k.AscDecayRate[a] = Math.Exp(-ascDecay[a] * h);
                k.AscStable[a] = ((1.0 / ascDecay[a]) / h) * (1.0 - k.AscDecayRate[a]);
                k.AscRefractoryDecay[a] = ascR[a] * Math.Exp(-ascDecay[a] * tRef);
            }
        }
        if (k.HasThetaVoltage)
        {
            double index = columns[ThVoltageIndex.Index][i], decay = columns[ThVoltageDecay.Index][i];
            k.PotentialDecay = Math.Exp(-g * h / c);
            k.ThetaVoltageDecayInverse = 1 / Math.Exp(decay * h);
            k.Phi = index / (decay - g / c);
            k.Abpara = index / decay;
        }
        return k;
    }
}

/// <summary>
/// One node's GLIF mechanisms for a run (NEST's Variables_ of the GLIF models) and the parts of a step the three models
/// share, each in NEST's order of operations. With U the membrane potential relative to E_L and U_old its value at the
/// start of the step, a step of a node that is not refractory is: <see cref="DecayAdaptation"/> (the spike component
/// decays, the after-spike currents give their mean over the step and decay), the model's membrane (and synapses),
/// <see cref="Threshold"/> (the voltage component advances exactly from U_old, the input current and the mean
/// after-spike current; threshold = spike + voltage components + V_th), then a spike when U &gt; threshold
/// (<see cref="Fire"/>). A refractory node counts down and keeps U = U_old.
/// </summary>
internal struct GlifConstants
{
    public bool HasThetaSpike, HasAsc, HasThetaVoltage;

    /// <summary>V_th and V_reset relative to E_L (mV).</summary>
    public double ThInf, VReset;

    public double VoltageResetFraction, VoltageResetAdd, ThSpikeAdd, G;

    /// <summary>exp(-th_spike_decay·h) and exp(-th_spike_decay·t_ref).</summary>
    public double ThetaSpikeDecay, ThetaSpikeRefractoryDecay;

    /// <summary>exp(-g·h/C_m), 1/exp(th_voltage_decay·h), th_voltage_index/(th_voltage_decay - g/C_m), th_voltage_index/th_voltage_decay.</summary>
    public double PotentialDecay, ThetaVoltageDecayInverse, Phi, Abpara;

    public int RefractorySteps;

    /// <summary>Per after-spike current: exp(-k·h), (1/k)/h·(1 - exp(-k·h)) (mean over a step), r·exp(-k·t_ref), the jump.</summary>
    public double[] AscDecayRate, AscStable, AscRefractoryDecay, AscAmps;

    /// <summary>
    /// The start of a step that is not refractory: the spike component of the threshold decays; returns the sum of the
    /// after-spike currents' means over the step, and lets them decay to the step's end.
    /// </summary>
    public readonly double DecayAdaptation(ref double thresholdSpike, double[] asc)
    {
        if (HasThetaSpike) thresholdSpike = thresholdSpike * ThetaSpikeDecay;
        double sum = 0.0;
        if (HasAsc)
        {
            double[] stable = AscStable, decay = AscDecayRate;
            int n = Math.Min(asc.Length, stable.Length);
            for (int a = 0; a < n; a++)
            {
                sum += stable[a] * asc[a];
                asc[a] = asc[a] * decay[a];
            }
        }
        return sum;
    }

    /// <summary>
    /// Advances the voltage component of the threshold (with adapting_threshold) from <paramref name="vOld"/>, the input
    /// current and the mean after-spike current, and returns the total threshold relative to E_L.
    /// </summary>
    public readonly double Threshold(ref double thresholdVoltage, double thresholdSpike, double vOld, double current, double ascSum)
    {
        if (HasThetaVoltage)
        {
            double beta = (current + ascSum) / G;
            thresholdVoltage = Phi * (vOld - beta) * PotentialDecay
                + ThetaVoltageDecayInverse * (thresholdVoltage - Phi * (vOld - beta) - Abpara * beta)
                + Abpara * beta;
        }
        return thresholdSpike + thresholdVoltage + ThInf;
    }

    /// <summary>
    /// A spike: the after-spike currents jump (decayed over t_ref, times r, plus asc_amps); without a spike-dependent
    /// threshold the potential is V_reset, with one it is voltage_reset_fraction·U_old + voltage_reset_add and the spike
    /// component decays over t_ref and adds th_spike_add (the total threshold follows). Returns the new potential.
    /// </summary>
    public readonly double Fire(double vOld, ref double thresholdSpike, double thresholdVoltage, double[] asc, ref double threshold)
    {
        if (HasAsc)
        {
            double[] amps = AscAmps, decay = AscRefractoryDecay;
            int n = Math.Min(asc.Length, amps.Length);
            for (int a = 0; a < n; a++) asc[a] = amps[a] + asc[a] * decay[a];
        }
        if (!HasThetaSpike) return VReset;
        thresholdSpike = thresholdSpike * ThetaSpikeRefractoryDecay + ThSpikeAdd;
        threshold = thresholdSpike + thresholdVoltage + ThInf;
        return VoltageResetFraction * vOld + VoltageResetAdd;
    }
}

/// <summary>
/// The after-spike currents of the nodes of a GLIF group (NEST's ASCurrents_, pA): one array per node, shown and set
/// as ASCurrents. As in NEST they start as the model's asc_init and keep their length when the after-spike current
/// parameters change (NEST's State_ is made once from the prototype's parameters); a Set of ASCurrents needs
/// after_spike_currents and one value per element of asc_decay. Setting threshold_spike or threshold_voltage needs
/// its mechanism, checked here too since only the keys given tell it (glif_cond, whose status shows neither, takes them
/// here). Kept outside the columns
/// (<see cref="NeuronGroup.KeepOutsideColumns{TState}"/>); the update changes a node's array in place (each node owns its
/// array).
/// </summary>
internal sealed class AfterSpikeCurrents : IStateOutsideColumns
{
    private const string Key = "ASCurrents";

    private const string SpikeKey = "threshold_spike", VoltageKey = "threshold_voltage";

    private readonly double[][] _values;
    private readonly Func<int, (bool Spike, bool Asc, bool Voltage, int AscLength)> _mechanismsAt;

    /// <summary>glif_cond's threshold components (settable, not shown), or null where they are status columns.</summary>
    private readonly double[]? _thresholdSpike, _thresholdVoltage;

    /// <param name="count">The number of nodes.</param>
    /// <param name="initial">The currents a node starts with (asc_init of the model's defaults).</param>
    /// <param name="mechanismsAt">The mechanism flags and asc_decay's length of the node at a storage position.</param>
    /// <param name="hiddenThresholds">
    /// glif_cond's threshold_spike and threshold_voltage columns, which its status does not show but a Set takes: this
    /// object then owns the two keys and stores them; null where they are status columns.
    /// </param>
    public AfterSpikeCurrents(int count, double[] initial, Func<int, (bool Spike, bool Asc, bool Voltage, int AscLength)> mechanismsAt,
        (double[] Spike, double[] Voltage)? hiddenThresholds = null)
    {
        _values = new double[count][];
        for (int i = 0; i < count; i++) _values[i] = (double[])initial.Clone();
        _mechanismsAt = mechanismsAt;
        _thresholdSpike = hiddenThresholds?.Spike;
        _thresholdVoltage = hiddenThresholds?.Voltage;
    }

    public IReadOnlyList<string> Keys => _thresholdSpike is null ? [Key] : [Key, SpikeKey, VoltageKey];

    public bool Owns(string key) => key == Key || (_thresholdSpike is not null && key is SpikeKey or VoltageKey);

    /// <summary>The keys whose Set this object checks: the mechanism flags, asc_decay and the threshold components.</summary>
    public bool Checks(string key) =>
        key is "spike_dependent_threshold" or "after_spike_currents" or "adapting_threshold" or "asc_decay" or SpikeKey or VoltageKey;

    /// <summary>The after-spike currents of the node at storage position <paramref name="position"/> (the update changes them in place).</summary>
    public double[] Of(int position) => _values[position];

    public void WriteStatus(int position, Dictionary<string, object> status) => status[Key] = (double[])_values[position].Clone();

    public Action Stage(int position, IReadOnlyDictionary<string, object> values)
    {
        var now = _mechanismsAt(position);
        bool spike = values.TryGetValue("spike_dependent_threshold", out var s) ? StatusValue.ToBool("spike_dependent_threshold", s) : now.Spike;
        bool asc = values.TryGetValue("after_spike_currents", out var a) ? StatusValue.ToBool("after_spike_currents", a) : now.Asc;
        bool voltage = values.TryGetValue("adapting_threshold", out var v) ? StatusValue.ToBool("adapting_threshold", v) : now.Voltage;
        int length = values.TryGetValue("asc_decay", out var d) ? StatusValue.ToDoubleArray("asc_decay", d).Length : now.AscLength;
        double[]? currents = null;
        if (values.TryGetValue(Key, out var given))
        {
            currents = (double[])StatusValue.ToDoubleArray(Key, given).Clone();
            if (!asc)
            {
                throw new BadPropertyException(Key, currents,
                    "After spike currents are not supported or settable in the current model mechanisms: they need after_spike_currents = true (GLIF3, GLIF4, GLIF5)");
            }
            if (currents.Length != length)
            {
                throw new BadPropertyException(Key, currents,
                    $"After spike current values must have the same size ({length}) as their parameters (asc_init, asc_decay, asc_amps, asc_r)");
            }
        }
        double? thresholdSpike = null, thresholdVoltage = null;
        if (values.TryGetValue(SpikeKey, out var ts))
        {
            thresholdSpike = StatusValue.ToDouble(SpikeKey, ts);
            if (!spike)
            {
                throw new BadPropertyException(SpikeKey, ts,
                    "Threshold spike component is not supported or settable in the current model mechanisms: it needs spike_dependent_threshold = true (GLIF2, GLIF4, GLIF5)");
            }
        }
        if (values.TryGetValue(VoltageKey, out var tv))
        {
            thresholdVoltage = StatusValue.ToDouble(VoltageKey, tv);
            if (!voltage)
            {
                throw new BadPropertyException(VoltageKey, tv,
                    "Threshold voltage component is not supported or settable in the current model mechanisms: it needs adapting_threshold = true (GLIF5)");
            }
        }
        return () =>
        {
            if (currents is not null) _values[position] = currents;
            if (_thresholdSpike is null) return;
            if (thresholdSpike is { } s) _thresholdSpike[position] = s;
            if (thresholdVoltage is { } v) _thresholdVoltage![position] = v;
        };
    }

    public void CopyDefaultsFrom(IStateOutsideColumns prototype)
    {
        double[] defaults = ((AfterSpikeCurrents)prototype)._values[0];
        for (int i = 0; i < _values.Length; i++) _values[i] = (double[])defaults.Clone();
    }

    public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup group)
    {
        for (int local = 0; local < group.Count; local++) writer.Write(_values[group.PositionOf(local)]);
    }

    public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup group)
    {
        for (int local = 0; local < group.Count; local++)
        {
            double[] values = reader.ReadDoubles();
            if (group.Restores(local)) _values[group.PositionOf(local)] = values;
        }
    }
}
