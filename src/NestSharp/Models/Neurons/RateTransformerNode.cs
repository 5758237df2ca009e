namespace NestSharp.Models.Neurons;

/// <summary>
/// NEST's rate_transformer_node template: a node whose rate is the gain function of its input, without dynamics of
/// its own (the rate_transformer_* models; the gain is <typeparamref name="TGain"/>):
/// <code>
/// X_i(t) = φ(Σ w·ψ(X_j(t - d)))
/// </code>
/// With linear_summation (default) the gain applies to the summed input (φ), without it to each input (ψ). Used to
/// apply a nonlinearity to the output of a rate neuron or to transform the rates of several sources.
/// <para>Per step (NEST's update): the rate sent is X; X ← 0 + φ(delayed + instantaneous input) (or the input as it is
/// without linear_summation).</para>
/// <para>Parameters: linear_summation (default true) and the gain's. State: rate (settable). Recordables: rate.</para>
/// <para>Reference: Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M, Helias M, Diesmann M (2017). Integration of
/// continuous-time dynamics in a spiking neural network simulator. Front. Neuroinform. 11:34.</para>
/// </summary>
internal abstract class RateTransformerNode<TGain> : RateNeuronGroup where TGain : struct, IRateGain
{
    private readonly RateTransformerColumns _c;

    protected RateTransformerNode(NodeModel model, int firstId, int count, NeuronSchema schema, RateTransformerColumns columns, RateGainColumns gain)
        : base(model, firstId, count, schema, gain, columns.Delayed, null, columns.LinearSummation, [columns.Rate]) =>
        _c = columns;

    protected override unsafe delegate*<in RateGainParameters, double, double> InputFunction => &TGain.Input;

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Run(context, thread, sliceStart, from, to, iteration: false, 0.0, new TransformerStep(this[_c.Rate], this[_c.LinearSummation], Gains()));

    public override bool WaveformRelaxationUpdate(SimulationContext context, int thread, long sliceStart, int from, int to, double tolerance) =>
        Run(context, thread, sliceStart, from, to, iteration: true, tolerance, new TransformerStep(this[_c.Rate], this[_c.LinearSummation], Gains()));

    private readonly struct TransformerStep(double[] rates, double[] linear, RateGains gains) : IRateStep
    {
        public double Step(int i, long step, double delayedEx, double instantEx, double delayedIn, double instantIn, out double rate)
        {
            double old = rates[i];
            double x = 0.0;
            x += linear[i] != 0.0 ? TGain.Input(gains.At(i), delayedEx + instantEx) : delayedEx + instantEx;
            rates[i] = x;
            rate = x;
            return old;
        }

        public double Proxy(int i) => rates[i];
    }
}

/// <summary>The columns and input of the rate_transformer models (NEST's rate_transformer_node Parameters_, State_, Buffers_).</summary>
internal sealed class RateTransformerColumns
{
    public readonly Column LinearSummation, Rate;
    public readonly InputChannel Delayed;

    /// <param name="schema">The model's schema.</param>
    public RateTransformerColumns(NeuronSchema schema)
    {
        LinearSummation = schema.Flag("linear_summation", true);
        Rate = schema.State("rate", 0.0, "");
        Delayed = schema.Input("delayed_rates");
        schema.SpikeReceptor(0, Delayed);
        schema.Recordable(Rate);
    }
}
