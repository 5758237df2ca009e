namespace NestSharp.Models.Neurons;

/// <summary>
/// The hyperbolic-tangent gain of the tanh_rate models (NEST's nonlinearities_tanh_rate): input(h) = tanh(g·(h - theta));
/// no multiplicative coupling (its factors are 1).
/// <para>Parameters: g (gain, default 1), theta (inflection point, default 0).</para>
/// </summary>
internal readonly struct TanhRateGain : IRateGain
{
    public static double Input(in RateGainParameters p, double h) => Math.Tanh(p.G * (h - p.A));

    public static double MultCouplingEx(in RateGainParameters p, double rate) => 1.0;

    public static double MultCouplingIn(in RateGainParameters p, double rate) => 1.0;
}

/// <summary>The columns of <see cref="TanhRateGain"/>'s parameters in a model's schema.</summary>
internal sealed class TanhRateColumns
{
    public readonly Column G, Theta;

    /// <param name="schema">The model's schema.</param>
    public TanhRateColumns(NeuronSchema schema)
    {
        G = schema.Parameter("g", 1.0, "");
        Theta = schema.Parameter("theta", 0.0, "");
    }

    /// <summary>In the order of <see cref="RateGainParameters"/>.</summary>
    public RateGainColumns Parameters => new(G, Theta);
}

/// <summary>
/// tanh_rate_ipn: a rate neuron with input noise and the gain tanh(g·(h - theta)) (<see cref="RateNeuronIpn{TGain}"/>,
/// <see cref="TanhRateGain"/>). Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("tanh_rate_ipn")]
internal sealed class TanhRateIpn : RateNeuronIpn<TanhRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateIpnColumns Rate = new(Declared);
    private static readonly TanhRateColumns Gain = new(Declared);

    public TanhRateIpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// tanh_rate_opn: a rate neuron with output noise and the gain tanh(g·(h - theta)) (<see cref="RateNeuronOpn{TGain}"/>,
/// <see cref="TanhRateGain"/>). Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("tanh_rate_opn")]
internal sealed class TanhRateOpn : RateNeuronOpn<TanhRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateOpnColumns Rate = new(Declared);
    private static readonly TanhRateColumns Gain = new(Declared);

    public TanhRateOpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// rate_transformer_tanh: the rate is tanh(g·(h - theta)) of the input (<see cref="RateTransformerNode{TGain}"/>,
/// <see cref="TanhRateGain"/>). Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("rate_transformer_tanh")]
internal sealed class RateTransformerTanh : RateTransformerNode<TanhRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateTransformerColumns Rate = new(Declared);
    private static readonly TanhRateColumns Gain = new(Declared);

    public RateTransformerTanh(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}
