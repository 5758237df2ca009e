namespace NestSharp.Models.Neurons;

/// <summary>
/// The threshold-linear gain of the threshold_lin_rate models (NEST's nonlinearities_threshold_lin_rate):
/// input(h) = min(max(g·(h - theta), 0), alpha); no multiplicative coupling (its factors are 1).
/// <para>Parameters: g (gain, default 1), theta (threshold, default 0), alpha (second threshold, default +∞).</para>
/// </summary>
internal readonly struct ThresholdLinRateGain : IRateGain
{
    public static double Input(in RateGainParameters p, double h) => Math.Min(Math.Max(p.G * (h - p.A), 0.0), p.B);

    public static double MultCouplingEx(in RateGainParameters p, double rate) => 1.0;

    public static double MultCouplingIn(in RateGainParameters p, double rate) => 1.0;
}

/// <summary>The columns of <see cref="ThresholdLinRateGain"/>'s parameters in a model's schema.</summary>
internal sealed class ThresholdLinRateColumns
{
    public readonly Column G, Theta, Alpha;

    /// <param name="schema">The model's schema.</param>
    public ThresholdLinRateColumns(NeuronSchema schema)
    {
        G = schema.Parameter("g", 1.0, "");
        Theta = schema.Parameter("theta", 0.0, "");
        Alpha = schema.Parameter("alpha", double.PositiveInfinity, "");
    }

    /// <summary>In the order of <see cref="RateGainParameters"/>.</summary>
    public RateGainColumns Parameters => new(G, Theta, Alpha);
}

/// <summary>
/// threshold_lin_rate_ipn: a rate neuron with input noise and the gain min(max(g·(h - theta), 0), alpha)
/// (<see cref="RateNeuronIpn{TGain}"/>, <see cref="ThresholdLinRateGain"/>). Reference: Hahne et al. (2017) Front.
/// Neuroinform. 11:34.
/// </summary>
[NodeModelName("threshold_lin_rate_ipn")]
internal sealed class ThresholdLinRateIpn : RateNeuronIpn<ThresholdLinRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateIpnColumns Rate = new(Declared);
    private static readonly ThresholdLinRateColumns Gain = new(Declared);

    public ThresholdLinRateIpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// threshold_lin_rate_opn: a rate neuron with output noise and the gain min(max(g·(h - theta), 0), alpha)
/// (<see cref="RateNeuronOpn{TGain}"/>, <see cref="ThresholdLinRateGain"/>). Reference: Hahne et al. (2017) Front.
/// Neuroinform. 11:34.
/// </summary>
[NodeModelName("threshold_lin_rate_opn")]
internal sealed class ThresholdLinRateOpn : RateNeuronOpn<ThresholdLinRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateOpnColumns Rate = new(Declared);
    private static readonly ThresholdLinRateColumns Gain = new(Declared);

    public ThresholdLinRateOpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// rate_transformer_threshold_lin: the rate is min(max(g·(h - theta), 0), alpha) of the input
/// (<see cref="RateTransformerNode{TGain}"/>, <see cref="ThresholdLinRateGain"/>). Reference: Hahne et al. (2017) Front.
/// Neuroinform. 11:34.
/// </summary>
[NodeModelName("rate_transformer_threshold_lin")]
internal sealed class RateTransformerThresholdLin : RateTransformerNode<ThresholdLinRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateTransformerColumns Rate = new(Declared);
    private static readonly ThresholdLinRateColumns Gain = new(Declared);

    public RateTransformerThresholdLin(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}
