namespace NestSharp.Models.Neurons;

/// <summary>
/// The sigmoidal gain of Gancarz and Grossberg (1998) of the sigmoid_rate_gg_1998 models (NEST's
/// nonlinearities_sigmoid_rate_gg_1998): input(h) = (g·h)⁴ / (0.1⁴ + (g·h)⁴); no multiplicative coupling.
/// <para>Parameters: g (gain, default 1).</para>
/// <para>Reference: Gancarz G, Grossberg S (1998). A neural model of the saccade generator in the reticular formation.
/// Neural Networks 11(7):1159-1174.</para>
/// </summary>
internal readonly struct SigmoidRateGg1998Gain : IRateGain
{
    public static double Input(in RateGainParameters p, double h) => Math.Pow(p.G * h, 4.0) / (Math.Pow(0.1, 4.0) + Math.Pow(p.G * h, 4.0));

    public static double MultCouplingEx(in RateGainParameters p, double rate) => 1.0;

    public static double MultCouplingIn(in RateGainParameters p, double rate) => 1.0;
}

/// <summary>The columns of <see cref="SigmoidRateGg1998Gain"/>'s parameters in a model's schema.</summary>
internal sealed class SigmoidRateGg1998Columns
{
    public readonly Column G;

    /// <param name="schema">The model's schema.</param>
    public SigmoidRateGg1998Columns(NeuronSchema schema) => G = schema.Parameter("g", 1.0, "");

    /// <summary>In the order of <see cref="RateGainParameters"/>.</summary>
    public RateGainColumns Parameters => new(G);
}

/// <summary>
/// sigmoid_rate_gg_1998_ipn: a rate neuron with input noise and the gain (g·h)⁴ / (0.1⁴ + (g·h)⁴)
/// (<see cref="RateNeuronIpn{TGain}"/>, <see cref="SigmoidRateGg1998Gain"/>). References: Hahne et al. (2017) Front.
/// Neuroinform. 11:34; Gancarz and Grossberg (1998).
/// </summary>
[NodeModelName("sigmoid_rate_gg_1998_ipn")]
internal sealed class SigmoidRateGg1998Ipn : RateNeuronIpn<SigmoidRateGg1998Gain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateIpnColumns Rate = new(Declared);
    private static readonly SigmoidRateGg1998Columns Gain = new(Declared);

    public SigmoidRateGg1998Ipn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// rate_transformer_sigmoid_gg_1998: the rate is (g·h)⁴ / (0.1⁴ + (g·h)⁴) of the input
/// (<see cref="RateTransformerNode{TGain}"/>, <see cref="SigmoidRateGg1998Gain"/>). References: Hahne et al. (2017)
/// Front. Neuroinform. 11:34; Gancarz and Grossberg (1998).
/// </summary>
[NodeModelName("rate_transformer_sigmoid_gg_1998")]
internal sealed class RateTransformerSigmoidGg1998 : RateTransformerNode<SigmoidRateGg1998Gain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateTransformerColumns Rate = new(Declared);
    private static readonly SigmoidRateGg1998Columns Gain = new(Declared);

    public RateTransformerSigmoidGg1998(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}
