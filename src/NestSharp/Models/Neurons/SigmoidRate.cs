namespace NestSharp.Models.Neurons;

/// <summary>
/// The sigmoidal gain of the sigmoid_rate models (NEST's nonlinearities_sigmoid_rate):
/// input(h) = g / (1 + exp(-beta·(h - theta))); no multiplicative coupling (its factors are 1).
/// <para>Parameters: g (gain, default 1), beta (slope, default 1), theta (inflection point, default 0).</para>
/// </summary>
internal readonly struct SigmoidRateGain : IRateGain
{
    public static double Input(in RateGainParameters p, double h) => p.G / (1.0 + Math.Exp(-p.A * (h - p.B)));

    public static double MultCouplingEx(in RateGainParameters p, double rate) => 1.0;

    public static double MultCouplingIn(in RateGainParameters p, double rate) => 1.0;
}

/// <summary>The columns of <see cref="SigmoidRateGain"/>'s parameters in a model's schema.</summary>
internal sealed class SigmoidRateColumns
{
    public readonly Column G, Beta, Theta;

    /// <param name="schema">The model's schema.</param>
    public SigmoidRateColumns(NeuronSchema schema)
    {
        G = schema.Parameter("g", 1.0, "");
        Beta = schema.Parameter("beta", 1.0, "");
        Theta = schema.Parameter("theta", 0.0, "");
    }

    /// <summary>In the order of <see cref="RateGainParameters"/>.</summary>
    public RateGainColumns Parameters => new(G, Beta, Theta);
}

/// <summary>
/// sigmoid_rate_ipn: a rate neuron with input noise and the gain g / (1 + exp(-beta·(h - theta)))
/// (<see cref="RateNeuronIpn{TGain}"/>, <see cref="SigmoidRateGain"/>). Reference: Hahne et al. (2017) Front.
/// Neuroinform. 11:34.
/// </summary>
[NodeModelName("sigmoid_rate_ipn")]
internal sealed class SigmoidRateIpn : RateNeuronIpn<SigmoidRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateIpnColumns Rate = new(Declared);
    private static readonly SigmoidRateColumns Gain = new(Declared);

    public SigmoidRateIpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// rate_transformer_sigmoid: the rate is g / (1 + exp(-beta·(h - theta))) of the input
/// (<see cref="RateTransformerNode{TGain}"/>, <see cref="SigmoidRateGain"/>). Reference: Hahne et al. (2017) Front.
/// Neuroinform. 11:34.
/// </summary>
[NodeModelName("rate_transformer_sigmoid")]
internal sealed class RateTransformerSigmoid : RateTransformerNode<SigmoidRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateTransformerColumns Rate = new(Declared);
    private static readonly SigmoidRateColumns Gain = new(Declared);

    public RateTransformerSigmoid(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}
