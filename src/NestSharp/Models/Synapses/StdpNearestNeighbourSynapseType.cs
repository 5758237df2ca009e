namespace NestSharp.Models.Synapses;

/// <summary>
/// A nearest-neighbour pairing scheme of STDP (Morrison et al. 2008, fig. 7): which pre/post pairs of a pre-synaptic
/// spike change the weight, with stdp_synapse's soft-bound functions (<see cref="StdpSoftBoundRule"/>).
/// </summary>
internal interface INearestNeighbourPairing
{
    /// <summary>Whether the synapse keeps a pre-synaptic trace Kplus (a per-connection parameter, not negative).</summary>
    static abstract bool KeepsKplus { get; }

    /// <summary>
    /// The weight after a pre-synaptic spike at <paramref name="tSpike"/> that follows one at <paramref name="tLast"/>,
    /// through a connection with <paramref name="dendriticDelay"/> onto a target with <paramref name="history"/>: reads
    /// the history (marking the entries read), applies the scheme's potentiations and depression, and advances
    /// <paramref name="kplus"/> where the scheme keeps it.
    /// </summary>
    static abstract double Update(NeuronHistory history, double weight, double tLast, double tSpike, double dendriticDelay,
        ref double kplus, ReadOnlySpan<double> p);
}

/// <summary>
/// Base of the nearest-neighbour STDP synapses (stdp_nn_symm_synapse, stdp_nn_pre_centered_synapse,
/// stdp_nn_restr_synapse, with their _hpc and _lbl names): stdp_synapse's parameters per connection (tau_plus, lambda,
/// alpha, mu_plus, mu_minus, Wmax, <see cref="StdpSoftBoundRule"/>) and its soft-bound potentiation and depression,
/// with pairs chosen by <typeparamref name="TPairing"/>. The target supplies its spike history and the
/// nearest-neighbour trace exp(-(t - t_post)/tau_minus) of its latest spike before t
/// (<see cref="NeuronHistory.NearestNeighbourKValue"/>), which does not change its post_trace. Each synapse keeps the
/// time of its last spike (t_lastspike, 0 at first, not in the status) and, for the pre-centred scheme, Kplus.
/// </summary>
internal abstract class StdpNearestNeighbourSynapseType<TPairing>(string name) : HistoryReadingSynapseType(name)
    where TPairing : struct, INearestNeighbourPairing
{
    public override bool SupportsCheckpoint => true;

    private static readonly SynapseSchema Declared = new();

    /// <summary>The per-synapse column of the rule's first parameter (the others follow it).</summary>
    private static readonly int RuleColumns = DeclareRule();

    /// <summary>Kplus's column, -1 for the schemes that keep no pre-synaptic trace.</summary>
    private static readonly int KplusColumn = TPairing.KeepsKplus
        ? Declared.Parameter("Kplus", 0.0, Requirement.NonNegative("Kplus must be non-negative")).Index
        : -1;

    private static readonly SynapseColumn LastSpike = Declared.State("t_lastspike", 0.0);

    /// <summary>Wmax's position among the per-connection values <see cref="SynapseType.CheckStatus"/> receives.</summary>
    protected static readonly int WmaxIndex = Declared.IndexOfPerConnection("Wmax");

    private static int DeclareRule()
    {
        int first = -1;
        foreach (var p in StdpSoftBoundRule.Parameters.Keys)
        {
            var column = Declared.Parameter(p.Key, p.Default, p.Requirement);
            if (first < 0) first = column.Index;
        }
        return first;
    }

    protected sealed override SynapseSchema DeclaredSchema => Declared;

    protected sealed override StoredColumn LastSpikeColumn => LastSpike;

    /// <summary>
    /// NEST's check: weight and Wmax on the same side of 0, 0 counting as positive (stdp_nn_pre_centered_synapse and
    /// stdp_nn_restr_synapse compare with 0; stdp_nn_symm_synapse overrides this with the sign bit).
    /// </summary>
    public override void CheckStatus(double weight, ReadOnlySpan<double> perConnection)
    {
        double wmax = perConnection[WmaxIndex];
        if ((weight >= 0) != (wmax >= 0)) throw SignMismatch(weight, wmax);
    }

    /// <summary>The error of a weight and a Wmax of different signs.</summary>
    protected static BadPropertyException SignMismatch(double weight, double wmax) =>
        new("Wmax", wmax, $"weight ({StatusValue.Format(weight)}) and Wmax must have the same sign");

    public sealed override void Deliver(SynapseBlock block, ReadOnlySpan<Spike> spikes, in DeliveryContext context, SynapseModel model)
    {
        var rule = new PairRule(block, context, stackalloc double[StdpSoftBoundRule.Parameters.Keys.Count]);
        Deliver(rule, block, spikes, context, model);
    }

    /// <summary>The scheme over the columns of one block.</summary>
    private ref struct PairRule(SynapseBlock block, in DeliveryContext context, Span<double> parameters) : IPlasticityRule
    {
        private readonly double[] _lastSpike = block.State[LastSpike.Index];
        private readonly double[]? _kplus = KplusColumn >= 0 ? block.State[KplusColumn] : null;
        private readonly double[][] _state = block.State;
        private readonly Plasticity.SpikeArchive _archive = context.Archive;
        private readonly TimeGrid _time = context.Time;
        private readonly Span<double> _parameters = parameters;

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public double Transmit(int synapse, double weight, int target, double tSpike, int delaySteps)
        {
            for (int c = 0; c < _parameters.Length; c++) _parameters[c] = _state[RuleColumns + c][synapse];
            double kplus = _kplus is null ? 0.0 : _kplus[synapse];
            double w = TPairing.Update(_archive.Of(target)!, weight, _lastSpike[synapse], tSpike, _time.DelayStepsToMs(delaySteps), ref kplus, _parameters);
            if (_kplus is not null) _kplus[synapse] = kplus;
            _lastSpike[synapse] = tSpike;
            return w;
        }
    }
}
