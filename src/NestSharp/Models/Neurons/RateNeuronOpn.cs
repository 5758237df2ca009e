namespace NestSharp.Models.Neurons;

/// <summary>
/// NEST's rate_neuron_opn template: a rate model with output noise (the _opn models: lin_rate_opn, tanh_rate_opn,
/// threshold_lin_rate_opn; the gain function φ/ψ is <typeparamref name="TGain"/>):
/// <code>
/// τ dX = [-X + μ + φ(Σ w·ψ(X_j(t - d) + √(τ/h) σ ξ_j))] dt
/// </code>
/// the rate a node sends being its noisy rate X + √(τ/h)·σ·ξ (ξ standard normal, drawn per step). With mult_coupling
/// the excitatory and inhibitory inputs are weighted by H_ex and H_in of the noisy rate.
/// <para>Integration (NEST's pre_run_hook and update, in its order): P1 = exp(-h/τ), P2 = -expm1(-h/τ), output noise
/// factor √(τ/h). Per step: noise = σ·ξ; noisy_rate = X + factor·noise (the rate sent); X ← P1·X + P2·μ; then the
/// input (delayed + instantaneous) is added times P2 as in the _ipn models.</para>
/// <para>Parameters: tau (ms, &gt; 0, default 10), sigma (≥ 0, default 1; old name std), mu (default 0; old name mean),
/// linear_summation (default true), mult_coupling (default false), and the gain's. State: rate (settable), noise,
/// noisy_rate (read-only). Recordables: rate, noise, noisy_rate.</para>
/// <para>Reference: Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M, Helias M, Diesmann M (2017). Integration of
/// continuous-time dynamics in a spiking neural network simulator. Front. Neuroinform. 11:34.</para>
/// </summary>
internal abstract class RateNeuronOpn<TGain> : RateNeuronGroup where TGain : struct, IRateGain
{
    private readonly RateOpnColumns _c;

    protected RateNeuronOpn(NodeModel model, int firstId, int count, NeuronSchema schema, RateOpnColumns columns, RateGainColumns gain)
        : base(model, firstId, count, schema, gain, columns.DelayedEx, columns.DelayedIn, columns.LinearSummation, [columns.Rate, columns.Noise, columns.NoisyRate]) =>
        _c = columns;

    protected override unsafe delegate*<in RateGainParameters, double, double> InputFunction => &TGain.Input;

    protected override (string Old, string New)[] OldNames => [("mean", "mu"), ("std", "sigma")];

    protected override void PrepareRate(SimulationContext context)
    {
        double h = context.Time.Resolution;
        double[] tau = this[_c.Tau], p1 = this[_c.P1], p2 = this[_c.P2], factor = this[_c.OutputNoiseFactor];
        for (int i = 0; i < Count; i++)
        {
            p1[i] = Math.Exp(-h / tau[i]);
            p2[i] = -NumericsHelper.ExpM1(-h / tau[i]);
            factor[i] = Math.Sqrt(tau[i] / h);
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Run(context, thread, sliceStart, from, to, iteration: false, 0.0, Stepper());

    public override bool WaveformRelaxationUpdate(SimulationContext context, int thread, long sliceStart, int from, int to, double tolerance) =>
        Run(context, thread, sliceStart, from, to, iteration: true, tolerance, Stepper());

    private OpnStep Stepper() => new(this, _c, Gains());

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        int position = PositionOf(local);
        status["noise"] = this[_c.Noise][position];
        status["noisy_rate"] = this[_c.NoisyRate][position];
        status["std"] = this[_c.Sigma][position];
        status["mean"] = this[_c.Mu][position];
    }

    private readonly struct OpnStep(RateNeuronOpn<TGain> group, RateOpnColumns c, RateGains gains) : IRateStep
    {
        private readonly double[] _rate = group[c.Rate], _noise = group[c.Noise], _noisy = group[c.NoisyRate], _sigma = group[c.Sigma],
            _mu = group[c.Mu], _p1 = group[c.P1], _p2 = group[c.P2], _factor = group[c.OutputNoiseFactor], _linear = group[c.LinearSummation],
            _mult = group[c.MultCoupling];

        public double Step(int i, long step, double delayedEx, double instantEx, double delayedIn, double instantIn, out double rate)
        {
            double noise = _sigma[i] * group.NormalOf(i, step);
            double noisy = _rate[i] + _factor[i] * noise;
            double p2 = _p2[i];
            double x = _p1[i] * _rate[i] + p2 * _mu[i];
            x = RateInput.Add<TGain>(x, gains.At(i), p2, _mult[i] != 0.0, _linear[i] != 0.0, noisy, delayedEx, instantEx, delayedIn, instantIn);
            _rate[i] = x;
            _noise[i] = noise;
            _noisy[i] = noisy;
            rate = x;
            return noisy;
        }

        public double Proxy(int i) => _noisy[i];
    }
}

/// <summary>The columns and inputs of the _opn models (NEST's rate_neuron_opn Parameters_, State_, Variables_, Buffers_).</summary>
internal sealed class RateOpnColumns
{
    public readonly Column Tau, Sigma, Mu, LinearSummation, MultCoupling, Rate, Noise, NoisyRate, P1, P2, OutputNoiseFactor;
    public readonly InputChannel DelayedEx, DelayedIn;

    /// <param name="schema">The model's schema.</param>
    public RateOpnColumns(NeuronSchema schema)
    {
        Tau = schema.Parameter("tau", 10.0, "ms", Requirement.Positive("Time constant must be > 0"));
        Sigma = schema.Parameter("sigma", 1.0, "", Requirement.NonNegative("Noise parameter must not be negative"));
        Mu = schema.Parameter("mu", 0.0, "");
        LinearSummation = schema.Flag("linear_summation", true);
        MultCoupling = schema.Flag("mult_coupling", false);
        Rate = schema.State("rate", 0.0, "");
        Noise = schema.Internal("noise");
        NoisyRate = schema.Internal("noisy_rate");
        P1 = schema.Internal("P1");
        P2 = schema.Internal("P2");
        OutputNoiseFactor = schema.Internal("output_noise_factor");
        DelayedEx = schema.Input("delayed_rates_ex");
        DelayedIn = schema.Input("delayed_rates_in");
        schema.SignedSpikeReceptor(0, DelayedEx, DelayedIn, SpikeRouting.BySignZeroExcitatory);
        schema.Recordable(Rate);
        schema.Recordable(Noise, "noise");
        schema.Recordable(NoisyRate, "noisy_rate");
    }
}
