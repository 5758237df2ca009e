namespace NestSharp.Models.Neurons;

/// <summary>
/// The linear gain of the lin_rate models (NEST's nonlinearities_lin_rate): input(h) = g·h; multiplicative coupling
/// H_ex(X) = g_ex·(theta_ex - X), H_in(X) = g_in·(theta_in + X).
/// <para>Parameters: g (default 1), g_ex (default 1), g_in (default 1), theta_ex (default 0), theta_in (default 0).</para>
/// </summary>
internal readonly struct LinRateGain : IRateGain
{
    public static double Input(in RateGainParameters p, double h) => p.G * h;

    public static double MultCouplingEx(in RateGainParameters p, double rate) => p.A * (p.C - rate);

    public static double MultCouplingIn(in RateGainParameters p, double rate) => p.B * (p.D + rate);
}

/// <summary>The columns of <see cref="LinRateGain"/>'s parameters in a model's schema.</summary>
internal sealed class LinRateColumns
{
    public readonly Column G, GEx, GIn, ThetaEx, ThetaIn;

    /// <param name="schema">The model's schema.</param>
    public LinRateColumns(NeuronSchema schema)
    {
        G = schema.Parameter("g", 1.0, "");
        GEx = schema.Parameter("g_ex", 1.0, "");
        GIn = schema.Parameter("g_in", 1.0, "");
        ThetaEx = schema.Parameter("theta_ex", 0.0, "");
        ThetaIn = schema.Parameter("theta_in", 0.0, "");
    }

    /// <summary>In the order of <see cref="RateGainParameters"/>.</summary>
    public RateGainColumns Parameters => new(G, GEx, GIn, ThetaEx, ThetaIn);
}

/// <summary>
/// lin_rate_ipn: a rate neuron with input noise and a linear gain, input(h) = g·h (<see cref="RateNeuronIpn{TGain}"/>
/// for the dynamics and parameters; <see cref="LinRateGain"/> for the gain's parameters, which include multiplicative
/// coupling). Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("lin_rate_ipn")]
internal sealed class LinRateIpn : RateNeuronIpn<LinRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateIpnColumns Rate = new(Declared);
    private static readonly LinRateColumns Gain = new(Declared);

    public LinRateIpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// lin_rate_opn: a rate neuron with output noise and a linear gain, input(h) = g·h (<see cref="RateNeuronOpn{TGain}"/>,
/// <see cref="LinRateGain"/>). Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("lin_rate_opn")]
internal sealed class LinRateOpn : RateNeuronOpn<LinRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateOpnColumns Rate = new(Declared);
    private static readonly LinRateColumns Gain = new(Declared);

    public LinRateOpn(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}

/// <summary>
/// rate_transformer_lin: the rate is g times the input (<see cref="RateTransformerNode{TGain}"/>, <see cref="LinRateGain"/>).
/// Reference: Hahne et al. (2017) Front. Neuroinform. 11:34.
/// </summary>
[NodeModelName("rate_transformer_lin")]
internal sealed class RateTransformerLin : RateTransformerNode<LinRateGain>
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly RateTransformerColumns Rate = new(Declared);
    private static readonly LinRateColumns Gain = new(Declared);

    public RateTransformerLin(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, Rate, Gain.Parameters) { }
}
