namespace NestSharp.Models.Neurons;

/// <summary>
/// mcculloch_pitts_neuron: a binary deterministic neuron with a Heaviside gain function, updated at exponentially
/// distributed intervals of mean tau_m (<see cref="BinaryNeuronGroup"/>: updates, encoding and decoding of state
/// changes). At an update with summed input h the new state is 1 if h &gt; theta, else 0 (no random draw; only the
/// update times are random).
/// <para>Parameters: tau_m (ms, mean interval between updates, &gt; 0, default 10), theta (mV, default 0). State: S (0
/// or 1), h (mV). Recordables: S, h.</para>
/// <para>References: McCulloch W, Pitts W (1943) A logical calculus of the ideas immanent in nervous activity. Bull
/// Math Biophys 5:115-133. Hertz J, Krogh A, Palmer R (1991) Introduction to the theory of neural computation.
/// Addison-Wesley. Morrison A, Diesmann M (2007) Maintaining causality in discrete time neuronal simulations. In:
/// Lectures in Supercomputational Neuroscience, p. 267. Springer. NEST model documentation, mcculloch_pitts_neuron.</para>
/// </summary>
[NodeModelName("mcculloch_pitts_neuron")]
internal sealed class MccullochPittsNeuron : BinaryNeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly BinaryNeuronState State = new(Declared);
    private static readonly Column Theta = Declared.Parameter("theta", 0.0, "mV");

    public MccullochPittsNeuron(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared, State) { }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Advance(context, thread, sliceStart, from, to, new Gain(this[Theta]));

    /// <summary>NEST's gainfunction_mcculloch_pitts.</summary>
    private readonly struct Gain(double[] theta) : IBinaryGain
    {
        public bool Decide(int position, double h, ref RandomStream stream) => h > theta[position];
    }
}
