namespace NestSharp.Models.Neurons;

/// <summary>
/// erfc_neuron: a binary stochastic neuron with the complementary error function as gain function, updated at
/// exponentially distributed intervals of mean tau_m (<see cref="BinaryNeuronGroup"/>: updates, encoding and decoding of
/// state changes). At an update with summed input h the new state is 1 with probability
/// <code>
/// g(h) = erfc(-(h - theta)/(√2·sigma))/2      (compared with a uniform number on [0, 1))
/// </code>
/// a McCulloch-Pitts neuron whose input carries Gaussian noise of mean 0 and standard deviation sigma.
/// <para>Parameters: tau_m (ms, mean interval between updates, &gt; 0, default 10), theta (mV, default 0), sigma (mV,
/// 1/√(2π) times the inverse of the largest slope, default 1). State: S (0 or 1), h (mV). Recordables: S, h.</para>
/// <para>References: Ginzburg I, Sompolinsky H (1994) Theory of correlations in stochastic neural networks. PRE
/// 50(4):3171. McCulloch W, Pitts W (1943) A logical calculus of the ideas immanent in nervous activity. Bull Math
/// Biophys 5:115-133. Morrison A, Diesmann M (2007) Maintaining causality in discrete time neuronal simulations. In:
/// Lectures in Supercomputational Neuroscience, p. 267. Springer. NEST model documentation, erfc_neuron.</para>
/// </summary>
[NodeModelName("erfc_neuron")]
internal sealed class ErfcNeuron : BinaryNeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly BinaryNeuronState State = new(Declared);
    private static readonly Column Theta = Declared.Parameter("theta", 0.0, "mV");
    private static readonly Column Sigma = Declared.Parameter("sigma", 1.0, "mV");

    public ErfcNeuron(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, State) { }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Advance(context, thread, sliceStart, from, to, new Gain(this[Theta], this[Sigma]));

    /// <summary>NEST's gainfunction_erfc.</summary>
    private readonly struct Gain(double[] theta, double[] sigma) : IBinaryGain
    {
        public bool Decide(int position, double h, ref RandomStream stream) =>
            stream.NextDouble() < 0.5 * ErrorFunction.Erfc(-(h - theta[position]) / (Math.Sqrt(2.0) * sigma[position]));
    }
}
