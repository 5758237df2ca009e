namespace NestSharp.Plasticity;

/// <summary>The weight optimizers of the e-prop synapses (NEST's weight_optimizer: gradient_descent and adam).</summary>
internal enum WeightOptimizerKind
{
    /// <summary>W ← W - η g.</summary>
    GradientDescent,

    /// <summary>Adam (Kingma and Ba 2015) as TensorFlow implements it (ε̂ = ε √(1 - β₂ᵗ) constant).</summary>
    Adam,
}

/// <summary>
/// The optimizer parameters an e-prop synapse model shares (NEST's WeightOptimizerCommonProperties and its
/// gradient-descent and Adam subclasses), shown and set as the model's common dictionary <c>optimizer</c>:
/// type ("gradient_descent" or "adam", only while the model has no connections), batch_size (&gt; 0), eta (≥ 0; the
/// first change is remembered, see <see cref="EtaFirstChange"/>), Wmin ≤ Wmax (pA), optimize_each_step and, for Adam,
/// beta_1, beta_2 (in [0, 1)) and epsilon (≥ 0). Immutable: <see cref="Staged"/> checks a change and returns the new
/// settings, so bad input changes nothing.
/// <para>Defaults: batch_size 1, eta 1e-4, Wmin -100, Wmax 100, optimize_each_step true, beta_1 0.9, beta_2 0.999,
/// epsilon 1e-7.</para>
/// <para>References: Huh D, Sejnowski TJ (2018). Gradient descent for spiking neural networks. NeurIPS 31:1433-1443.
/// Kingma DP, Ba JL (2015). Adam: A method for stochastic optimization. ICLR.</para>
/// </summary>
internal sealed record WeightOptimizerSettings : ICommonDictionaryProperty
{
    string ICommonDictionaryProperty.Key => Key;

    ICommonDictionaryProperty ICommonDictionaryProperty.Staged(object value, long numConnections) => Staged(value, numConnections);

    /// <summary>The history of eta that the status does not show: the first change and the number of changes.</summary>
    public void SaveCheckpoint(CheckpointWriter writer)
    {
        writer.Write(EtaFirstChange);
        writer.Write(EtaChangeCount);
    }

    ICommonDictionaryProperty ICommonDictionaryProperty.RestoreCheckpoint(CheckpointReader reader) =>
        this with { EtaFirstChange = reader.ReadDouble(), EtaChangeCount = reader.ReadLong() };

    /// <summary>The key of the common dictionary.</summary>
    public const string Key = "optimizer";

    public WeightOptimizerKind Kind { get; private init; } = WeightOptimizerKind.GradientDescent;
    public long BatchSize { get; private init; } = 1;
    public double Eta { get; private init; } = 1e-4;

    /// <summary>
    /// NEST's eta_first_change_: the first learning rate set after the defaults, which a synapse's first optimisation
    /// uses (so a phase with another rate set before the first update keeps the rate it was set up with).
    /// </summary>
    public double EtaFirstChange { get; private init; } = 1e-4;

    /// <summary>How often eta was changed (NEST's eta_change_count_).</summary>
    public long EtaChangeCount { get; private init; }

    public double Wmin { get; private init; } = -100.0;
    public double Wmax { get; private init; } = 100.0;
    public bool OptimizeEachStep { get; private init; } = true;
    public double Beta1 { get; private init; } = 0.9;
    public double Beta2 { get; private init; } = 0.999;
    public double Epsilon { get; private init; } = 1e-7;

    /// <summary>NEST's optimizer name.</summary>
    public string Name => Kind == WeightOptimizerKind.Adam ? "adam" : "gradient_descent";

    private static readonly string[] CommonKeys = ["type", "batch_size", "eta", "Wmin", "Wmax", "optimize_each_step"];
    private static readonly string[] AdamKeys = ["beta_1", "beta_2", "epsilon"];

    /// <summary>The status dictionary (NEST's get_status of the common properties): optimizer (its name) and the parameters.</summary>
    public Dictionary<string, object> Status()
    {
        var d = new Dictionary<string, object>
        {
            ["optimizer"] = Name,
            ["batch_size"] = BatchSize,
            ["eta"] = Eta,
            ["Wmin"] = Wmin,
            ["Wmax"] = Wmax,
            ["optimize_each_step"] = OptimizeEachStep,
        };
        if (Kind == WeightOptimizerKind.Adam)
        {
            d["beta_1"] = Beta1;
            d["beta_2"] = Beta2;
            d["epsilon"] = Epsilon;
        }
        return d;
    }

    /// <summary>
    /// The settings after applying the dictionary <paramref name="value"/> (NEST's set_status of the e-prop synapse's
    /// common properties): a new type replaces the settings by that optimizer's defaults first (BadParameter when the
    /// model has connections), then the given parameters are checked with NEST's messages. The key "optimizer" (what
    /// the status shows) is read as NEST ignores it.
    /// </summary>
    public WeightOptimizerSettings Staged(object value, long numConnections)
    {
        if (value is not IReadOnlyDictionary<string, object> d)
        {
            if (value is IDictionary<string, object> m) d = m.AsReadOnly();
            else throw new TypeMismatchException(Key, value, "a dictionary");
        }
        foreach (var key in d.Keys)
        {
            if (key != "optimizer" && !CommonKeys.Contains(key) && !AdamKeys.Contains(key))
                throw new UnaccessedDictionaryEntryException("optimizer", key, [.. CommonKeys, .. AdamKeys]);
        }
        var s = this;
        // The status shows the name as "optimizer"; NEST ignores it in a Set, NestSharp reads it as the type when no
        // type is given, so that the model's defaults survive a checkpoint.
        if (d.TryGetValue("type", out var typeValue) || d.TryGetValue("optimizer", out typeValue))
        {
            string type = StatusValue.ToStringValue("type", typeValue);
            if (type != Name)
            {
                if (numConnections > 0)
                    throw new BadParameterException("optimizer", type, "The optimizer cannot be changed because synapses have been created");
                s = type switch
                {
                    "gradient_descent" => new WeightOptimizerSettings(),
                    "adam" => new WeightOptimizerSettings { Kind = WeightOptimizerKind.Adam },
                    _ => throw new BadPropertyException("type", type, "optimizer from [\"gradient_descent\", \"adam\"] required"),
                };
            }
        }
        long batch = s.BatchSize;
        if (d.TryGetValue("batch_size", out var v)) batch = StatusValue.ToLong("batch_size", v);
        if (batch <= 0) throw new BadPropertyException("batch_size", batch, "Optimization batch_size > 0 required");
        double eta = s.Eta;
        if (d.TryGetValue("eta", out v)) eta = StatusValue.ToDouble("eta", v);
        if (eta < 0) throw new BadPropertyException("eta", eta, "Learning rate eta ≥ 0 required");
        double etaFirst = s.EtaFirstChange;
        long etaChanges = s.EtaChangeCount;
        if (eta != s.Eta)
        {
            if (etaChanges == 0) etaFirst = eta;
            etaChanges++;
        }
        double wmin = s.Wmin, wmax = s.Wmax;
        if (d.TryGetValue("Wmin", out v)) wmin = StatusValue.ToDouble("Wmin", v);
        if (d.TryGetValue("Wmax", out v)) wmax = StatusValue.ToDouble("Wmax", v);
        if (wmin > wmax) throw new BadPropertyException("Wmin", wmin, $"Minimal weight Wmin ≤ maximal weight Wmax ({wmax}) required");
        bool eachStep = s.OptimizeEachStep;
        if (d.TryGetValue("optimize_each_step", out v)) eachStep = StatusValue.ToBool("optimize_each_step", v);
        double beta1 = s.Beta1, beta2 = s.Beta2, epsilon = s.Epsilon;
        if (s.Kind == WeightOptimizerKind.Adam)
        {
            if (d.TryGetValue("beta_1", out v)) beta1 = StatusValue.ToDouble("beta_1", v);
            if (d.TryGetValue("beta_2", out v)) beta2 = StatusValue.ToDouble("beta_2", v);
            if (d.TryGetValue("epsilon", out v)) epsilon = StatusValue.ToDouble("epsilon", v);
            if (beta1 < 0.0 || 1.0 <= beta1) throw new BadPropertyException("beta_1", beta1, "For Adam optimizer, beta_1 from interval [0,1) required");
            if (beta2 < 0.0 || 1.0 <= beta2) throw new BadPropertyException("beta_2", beta2, "For Adam optimizer, beta_2 from interval [0,1) required");
            if (epsilon < 0.0) throw new BadPropertyException("epsilon", epsilon, "For Adam optimizer, epsilon ≥ 0 required");
        }
        else
        {
            foreach (var key in AdamKeys)
            {
                if (d.ContainsKey(key))
                    throw new UnaccessedDictionaryEntryException("optimizer", key, CommonKeys, "it is a parameter of the adam optimizer");
            }
        }
        return s with
        {
            BatchSize = batch,
            Eta = eta,
            EtaFirstChange = etaFirst,
            EtaChangeCount = etaChanges,
            Wmin = wmin,
            Wmax = wmax,
            OptimizeEachStep = eachStep,
            Beta1 = beta1,
            Beta2 = beta2,
            Epsilon = epsilon,
        };
    }
}

/// <summary>
/// One synapse's optimizer state (NEST's WeightOptimizer and WeightOptimizerAdam): the gradient summed over the current
/// batch, the current optimization step, the learning rate of the next optimisation, the number of optimisations and,
/// for Adam, the moments m, v and the powers of β₁, β₂. Stored in the synapse's columns (<see cref="WeightOptimizerColumns"/>).
/// </summary>
internal struct WeightOptimizerState
{
    public double CumulativeGradient;
    public long OptimizationStep;
    public double EtaCurrent;
    public long OptimizationCount;
    public double M;
    public double V;
    public double Beta1Power;
    public double Beta2Power;

    /// <summary>A new synapse's state.</summary>
    public static WeightOptimizerState Initial => new() { OptimizationStep = 1, EtaCurrent = 1e-4, Beta1Power = 1.0, Beta2Power = 1.0 };

    /// <summary>
    /// NEST's optimized_weight: adds <paramref name="gradient"/> to the batch and, when
    /// <paramref name="currentUpdate"/> starts a new batch, optimises <paramref name="weight"/> with the batch's mean
    /// gradient and clips it to [Wmin, Wmax].
    /// </summary>
    public double OptimizedWeight(WeightOptimizerSettings cp, long currentUpdate, double gradient, double weight)
    {
        if (cp.EtaChangeCount != 0 && OptimizationCount == 0) EtaCurrent = cp.EtaFirstChange;
        CumulativeGradient += gradient;
        if (OptimizationStep == 0) OptimizationStep = currentUpdate;
        long current = 1 + currentUpdate / cp.BatchSize;
        if (OptimizationStep < current)
        {
            CumulativeGradient /= cp.BatchSize;
            weight = Math.Clamp(Optimize(cp, weight, current), cp.Wmin, cp.Wmax);
            EtaCurrent = cp.Eta;
            OptimizationCount++;
            OptimizationStep = current;
        }
        return weight;
    }

    private double Optimize(WeightOptimizerSettings cp, double weight, long current)
    {
        if (cp.Kind == WeightOptimizerKind.GradientDescent)
        {
            weight -= EtaCurrent * CumulativeGradient;
            CumulativeGradient = 0.0;
            return weight;
        }
        for (; OptimizationStep < current; ++OptimizationStep)
        {
            Beta1Power *= cp.Beta1;
            Beta2Power *= cp.Beta2;
            double alpha = EtaCurrent * Math.Sqrt(1.0 - Beta2Power) / (1.0 - Beta1Power);
            M = cp.Beta1 * M + (1.0 - cp.Beta1) * CumulativeGradient;
            V = cp.Beta2 * V + (1.0 - cp.Beta2) * CumulativeGradient * CumulativeGradient;
            weight -= alpha * M / (Math.Sqrt(V) + cp.Epsilon);
            // More than one cycle means past batches without gradients.
            CumulativeGradient = 0.0;
        }
        return weight;
    }
}

/// <summary>
/// The per-synapse columns of a <see cref="WeightOptimizerState"/>, declared once into an e-prop synapse model's
/// schema; <see cref="Load"/> and <see cref="Store"/> move a synapse's state in and out of its block. The Adam moments
/// are the columns m and v (NEST shows them in the synapse's <c>optimizer</c> dictionary).
/// </summary>
internal sealed class WeightOptimizerColumns
{
    private readonly SynapseColumn _gradient, _step, _eta, _count, _m, _v, _beta1Power, _beta2Power;

    public WeightOptimizerColumns(SynapseSchema schema)
    {
        _gradient = schema.State("optimizer_gradient");
        _step = schema.State("optimizer_step", 1.0);
        _eta = schema.State("optimizer_eta", 1e-4);
        _count = schema.State("optimizer_count");
        _m = schema.State("optimizer_m");
        _v = schema.State("optimizer_v");
        _beta1Power = schema.State("optimizer_beta1_power", 1.0);
        _beta2Power = schema.State("optimizer_beta2_power", 1.0);
    }

    /// <summary>The state of synapse <paramref name="i"/> of <paramref name="block"/>.</summary>
    public WeightOptimizerState Load(SynapseBlock block, int i)
    {
        var s = block.State;
        return new WeightOptimizerState
        {
            CumulativeGradient = s[_gradient.Index][i],
            OptimizationStep = (long)s[_step.Index][i],
            EtaCurrent = s[_eta.Index][i],
            OptimizationCount = (long)s[_count.Index][i],
            M = s[_m.Index][i],
            V = s[_v.Index][i],
            Beta1Power = s[_beta1Power.Index][i],
            Beta2Power = s[_beta2Power.Index][i],
        };
    }

    /// <summary>Writes <paramref name="state"/> as synapse <paramref name="i"/>'s.</summary>
    public void Store(SynapseBlock block, int i, in WeightOptimizerState state)
    {
        var s = block.State;
        s[_gradient.Index][i] = state.CumulativeGradient;
        s[_step.Index][i] = state.OptimizationStep;
        s[_eta.Index][i] = state.EtaCurrent;
        s[_count.Index][i] = state.OptimizationCount;
        s[_m.Index][i] = state.M;
        s[_v.Index][i] = state.V;
        s[_beta1Power.Index][i] = state.Beta1Power;
        s[_beta2Power.Index][i] = state.Beta2Power;
    }

    /// <summary>
    /// The synapse's <c>optimizer</c> status entry (NEST's get_status and set_status of the synapse's optimizer): m and
    /// v for Adam, nothing for gradient descent.
    /// </summary>
    public NestedConnectionStatus NestedStatus() => new(WeightOptimizerSettings.Key, model =>
        model.CommonDictionary is WeightOptimizerSettings { Kind: WeightOptimizerKind.Adam } ? [("m", _m), ("v", _v)] : []);

    /// <summary>The synapse's <c>optimizer</c> status (NEST: empty for gradient descent, m and v for Adam).</summary>
    public Dictionary<string, object> Status(SynapseBlock block, int i, WeightOptimizerSettings cp) =>
        cp.Kind == WeightOptimizerKind.Adam
            ? new Dictionary<string, object> { ["m"] = block.State[_m.Index][i], ["v"] = block.State[_v.Index][i] }
            : [];
}
