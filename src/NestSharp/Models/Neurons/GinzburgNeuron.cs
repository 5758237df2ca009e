namespace NestSharp.Models.Neurons;

/// <summary>
/// ginzburg_neuron: a binary stochastic neuron with a sigmoidal gain function, updated at exponentially distributed
/// intervals of mean tau_m (<see cref="BinaryNeuronGroup"/>: updates, encoding and decoding of state changes). At an
/// update with summed input h the new state is 1 with probability
/// <code>
/// g(h) = c_1·h + c_2·(1 + tanh(c_3·(h - theta)))/2      (compared with a uniform number on [0, 1))
/// </code>
/// which allows affine-linear (c_1 ≠ 0, c_2 ≠ 0, c_3 = 0) or sigmoidal (c_1 = 0, c_2 = 1, c_3 ≠ 0) gains; c_1 = 0,
/// c_2 = 1, c_3 = β/2 is Glauber dynamics 1/(1 + exp(-β(h - theta))).
/// <para>Parameters: tau_m (ms, mean interval between updates, &gt; 0, default 10), theta (mV, default 0), c_1 (1/mV,
/// default 0), c_2 (default 1), c_3 (1/mV, default 1). State: S (0 or 1), h (mV). Recordables: S, h.</para>
/// <para>References: Ginzburg I, Sompolinsky H (1994) Theory of correlations in stochastic neural networks. PRE
/// 50(4):3171. Hertz J, Krogh A, Palmer R (1991) Introduction to the theory of neural computation. Addison-Wesley.
/// Morrison A, Diesmann M (2007) Maintaining causality in discrete time neuronal simulations. In: Lectures in
/// Supercomputational Neuroscience, p. 267. Springer. NEST model documentation, ginzburg_neuron.</para>
/// </summary>
[NodeModelName("ginzburg_neuron")]
internal sealed class GinzburgNeuron : BinaryNeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly BinaryNeuronState State = new(Declared);
    private static readonly Column Theta = Declared.Parameter("theta", 0.0, "mV");
    private static readonly Column C1 = Declared.Parameter("c_1", 0.0, "1/mV");
    private static readonly Column C2 = Declared.Parameter("c_2", 1.0, "");
    private static readonly Column C3 = Declared.Parameter("c_3", 1.0, "1/mV");

    public GinzburgNeuron(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, State) { }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Advance(context, thread, sliceStart, from, to, new Gain(this[Theta], this[C1], this[C2], this[C3]));

    /// <summary>NEST's gainfunction_ginzburg.</summary>
    private readonly struct Gain(double[] theta, double[] c1, double[] c2, double[] c3) : IBinaryGain
    {
        public bool Decide(int position, double h, ref RandomStream stream) =>
            stream.NextDouble() < c1[position] * h + c2[position] * 0.5 * (1.0 + Math.Tanh(c3[position] * (h - theta[position])));
    }
}
