namespace NestSharp.Models.Neurons;

/// <summary>
/// The Gaussian gain of the gauss_rate models (NEST's nonlinearities_gauss_rate):
/// input(h) = g·exp(-(h - mu)² / (2·sigma²)); no multiplicative coupling (its factors are 1).
/// <para>Parameters: g (gain, default 1), mu (mean, default 0), sigma (standard deviation, default 0).</para>
/// </summary>
internal readonly struct GaussRateGain : IRateGain
{
    public static double Input(in RateGainParameters p, double h) => p.G * Math.Exp(-NumericsHelper.Squared(h - p.A) / (2.0 * NumericsHelper.Squared(p.B)));

    public static double MultCouplingEx(in RateGainParameters p, double rate) => 1.0;

    public static double MultCouplingIn(in RateGainParameters p, double rate) => 1.0;
}

/// <summary>
/// The columns of <see cref="GaussRateGain"/>'s parameters in a model's schema: g, and mu and sigma as status keys
/// (rate_transformer_gauss) or, where the neuron's own mu and sigma have those names (gauss_rate_ipn), hidden.
/// </summary>
internal sealed class GaussRateColumns
{
    public readonly Column G, GaussMu, GaussSigma;

    /// <param name="schema">The model's schema.</param>
    /// <param name="hidden">Whether mu and sigma are kept out of the status (the model shows them itself).</param>
    public GaussRateColumns(NeuronSchema schema, bool hidden)
    {
        G = schema.Parameter("g", 1.0, "");
        GaussMu = hidden ? schema.Internal("gauss_mu", 0.0) : schema.Parameter("mu", 0.0, "");
        GaussSigma = hidden ? schema.Internal("gauss_sigma", 0.0) : schema.Parameter("sigma", 0.0, "");
    }

    /// <summary>In the order of <see cref="RateGainParameters"/>.</summary>
    public RateGainColumns Parameters => new(G, GaussMu, GaussSigma);
}

/// <summary>
/// gauss_rate_ipn: a rate neuron with input noise and the gain g·exp(-(h - mu)² / (2·sigma²))
/// (<see cref="RateNeuronIpn{TGain}"/>, <see cref="GaussRateGain"/>). As in NEST, the gain's mu and sigma share their
/// names with the neuron's mean input and noise: the status shows the gain's (defaults 0 and 0), a Set of mu or sigma
/// sets both the gain's and the neuron's (with the neuron's check of sigma), and the old names mean and std show and
/// set the neuron's alone (defaults 0 and 1). Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("gauss_rate_ipn")]
internal sealed class GaussRateIpn : RateNeuronIpn<GaussRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateIpnColumns Rate = new(Declared);
    private static readonly GaussRateColumns Gain = new(Declared, hidden: true);

    public GaussRateIpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        int position = PositionOf(local);
        status["mu"] = this[Gain.GaussMu][position];
        status["sigma"] = this[Gain.GaussSigma][position];
    }

    public override bool TryReadStatusValues(string key, ReadOnlySpan<int> locals, Span<object?> values) =>
        key is not ("mu" or "sigma") && base.TryReadStatusValues(key, locals, values);

    public override Action Stage(int local, IReadOnlyDictionary<string, object> values, StatusContext context)
    {
        var commit = base.Stage(local, values, context);
        double? mu = values.TryGetValue("mu", out var m) ? StatusValue.ToDouble("mu", m) : null;
        double? sigma = values.TryGetValue("sigma", out var s) ? StatusValue.ToDouble("sigma", s) : null;
        int position = PositionOf(local);
        return () =>
        {
            commit();
            if (mu is { } newMu) this[Gain.GaussMu][position] = newMu;
            if (sigma is { } newSigma) this[Gain.GaussSigma][position] = newSigma;
        };
    }
}

/// <summary>
/// rate_transformer_gauss: the rate is g·exp(-(h - mu)² / (2·sigma²)) of the input (<see cref="RateTransformerNode{TGain}"/>,
/// <see cref="GaussRateGain"/>). Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("rate_transformer_gauss")]
internal sealed class RateTransformerGauss : RateTransformerNode<GaussRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateTransformerColumns Rate = new(Declared);
    private static readonly GaussRateColumns Gain = new(Declared, hidden: false);

    public RateTransformerGauss(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}
