namespace NestSharp.Models.Neurons;

/// <summary>
/// NEST's rate_neuron_ipn template: a rate model with input noise (the _ipn models: lin_rate_ipn, tanh_rate_ipn,
/// threshold_lin_rate_ipn, sigmoid_rate_ipn, sigmoid_rate_gg_1998_ipn, gauss_rate_ipn; the gain function φ/ψ is
/// <typeparamref name="TGain"/>):
/// <code>
/// τ dX = [-λ X + μ + φ(Σ w·ψ(X_j(t - d)))] dt + √τ σ dW
/// </code>
/// or, with mult_coupling, [... + H_ex(X) φ(Σ_{w≥0} ...) + H_in(X) φ(Σ_{w&lt;0} ...)] dt. With linear_summation (default)
/// the gain applies to the summed input (φ); without it to each input (ψ) and the sum is taken as it is.
/// <para>Integration (NEST's pre_run_hook and update, in its order): λ &gt; 0: the stochastic exponential Euler method,
/// P1 = exp(-λh/τ), P2 = -expm1(-λh/τ)/λ, noise factor √(-expm1(-2λh/τ)/(2λ)); λ = 0: Euler-Maruyama, P1 = 1,
/// P2 = h/τ, noise factor √(h/τ). Per step: the rate sent is X; noise = σ·ξ (ξ standard normal); X ← P1·X + P2·μ +
/// factor·noise; then the input (delayed + instantaneous, excitatory + inhibitory) is added times P2 as above; with
/// rectify_output a rate below rectify_rate becomes rectify_rate.</para>
/// <para>Parameters: tau (ms, &gt; 0, default 10), lambda (passive decay rate, ≥ 0, default 1), sigma (noise, ≥ 0,
/// default 1; old name std), mu (mean input, default 0; old name mean), rectify_rate (≥ 0, default 0),
/// linear_summation (default true), rectify_output (default false), mult_coupling (default false), and the gain's.
/// State: rate (settable), noise (read-only). Recordables: rate, noise.</para>
/// <para>Reference: Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M, Helias M, Diesmann M (2017). Integration of
/// continuous-time dynamics in a spiking neural network simulator. Front. Neuroinform. 11:34.</para>
/// </summary>
internal abstract class RateNeuronIpn<TGain> : RateNeuronGroup where TGain : struct, IRateGain
{
    private readonly RateIpnColumns _c;

    protected RateNeuronIpn(NodeModel model, int firstId, int count, NeuronSchema schema, RateIpnColumns columns, RateGainColumns gain)
        : base(model, firstId, count, schema, gain, columns.DelayedEx, columns.DelayedIn, columns.LinearSummation, [columns.Rate, columns.Noise]) =>
        _c = columns;

    protected override unsafe delegate*<in RateGainParameters, double, double> InputFunction => &TGain.Input;

    protected override (string Old, string New)[] OldNames => [("mean", "mu"), ("std", "sigma")];

    protected override void PrepareRate(SimulationContext context)
    {
        double h = context.Time.Resolution;
        double[] tau = this[_c.Tau], lambda = this[_c.Lambda], p1 = this[_c.P1], p2 = this[_c.P2], factor = this[_c.InputNoiseFactor];
        for (int i = 0; i < Count; i++)
        {
            if (lambda[i] > 0)
            {
                p1[i] = Math.Exp(-lambda[i] * h / tau[i]);
                p2[i] = -1.0 / lambda[i] * NumericsHelper.ExpM1(-lambda[i] * h / tau[i]);
                factor[i] = Math.Sqrt(-0.5 / lambda[i] * NumericsHelper.ExpM1(-2.0 * lambda[i] * h / tau[i]));
            }
            else
            {
                p1[i] = 1.0;
                p2[i] = h / tau[i];
                factor[i] = Math.Sqrt(h / tau[i]);
            }
        }
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Run(context, thread, sliceStart, from, to, iteration: false, 0.0, Stepper());

    public override bool WaveformRelaxationUpdate(SimulationContext context, int thread, long sliceStart, int from, int to, double tolerance) =>
        Run(context, thread, sliceStart, from, to, iteration: true, tolerance, Stepper());

    private IpnStep Stepper() => new(this, _c, Gains());

    public override void WriteStatus(int local, Dictionary<string, object> status)
    {
        base.WriteStatus(local, status);
        int position = PositionOf(local);
        status["noise"] = this[_c.Noise][position];
        status["std"] = this[_c.Sigma][position];
        status["mean"] = this[_c.Mu][position];
    }

    private readonly struct IpnStep(RateNeuronIpn<TGain> group, RateIpnColumns c, RateGains gains) : IRateStep
    {
        private readonly double[] _rate = group[c.Rate], _noise = group[c.Noise], _sigma = group[c.Sigma], _mu = group[c.Mu],
            _p1 = group[c.P1], _p2 = group[c.P2], _factor = group[c.InputNoiseFactor], _linear = group[c.LinearSummation],
            _mult = group[c.MultCoupling], _rectify = group[c.RectifyOutput], _rectifyRate = group[c.RectifyRate];

        public double Step(int i, long step, double delayedEx, double instantEx, double delayedIn, double instantIn, out double rate)
        {
            double old = _rate[i];
            double noise = _sigma[i] * group.NormalOf(i, step);
            double p2 = _p2[i];
            double x = _p1[i] * old + p2 * _mu[i] + _factor[i] * noise;
            x = RateInput.Add<TGain>(x, gains.At(i), p2, _mult[i] != 0.0, _linear[i] != 0.0, old, delayedEx, instantEx, delayedIn, instantIn);
            if (_rectify[i] != 0.0 && x < _rectifyRate[i]) x = _rectifyRate[i];
            _rate[i] = x;
            _noise[i] = noise;
            rate = x;
            return old;
        }

        public double Proxy(int i) => _rate[i];
    }
}

/// <summary>The columns and inputs of the _ipn models (NEST's rate_neuron_ipn Parameters_, State_, Variables_, Buffers_).</summary>
internal sealed class RateIpnColumns
{
    public readonly Column Tau, Lambda, Sigma, Mu, RectifyRate, LinearSummation, RectifyOutput, MultCoupling, Rate, Noise, P1, P2, InputNoiseFactor;
    public readonly InputChannel DelayedEx, DelayedIn;

    /// <param name="schema">The model's schema.</param>
    /// <param name="sigmaAndMuShown">Whether sigma and mu are status keys of the model (false for gauss_rate_ipn, whose gain shows its own).</param>
    public RateIpnColumns(NeuronSchema schema, bool sigmaAndMuShown = true)
    {
        Tau = schema.Parameter("tau", 10.0, "ms", Requirement.Positive("Time constant must be > 0"));
        Lambda = schema.Parameter("lambda", 1.0, "", Requirement.NonNegative("Passive decay rate must be >= 0"));
        Sigma = sigmaAndMuShown
            ? schema.Parameter("sigma", 1.0, "", Requirement.NonNegative("Noise parameter must not be negative"))
            : schema.Internal("sigma_noise", 1.0);
        Mu = sigmaAndMuShown ? schema.Parameter("mu", 0.0, "") : schema.Internal("mu_input", 0.0);
        RectifyRate = schema.Parameter("rectify_rate", 0.0, "", Requirement.NonNegative("Rectifying rate must not be negative"));
        LinearSummation = schema.Flag("linear_summation", true);
        RectifyOutput = schema.Flag("rectify_output", false);
        MultCoupling = schema.Flag("mult_coupling", false);
        Rate = schema.State("rate", 0.0, "");
        Noise = schema.Internal("noise");
        P1 = schema.Internal("P1");
        P2 = schema.Internal("P2");
        InputNoiseFactor = schema.Internal("input_noise_factor");
        DelayedEx = schema.Input("delayed_rates_ex");
        DelayedIn = schema.Input("delayed_rates_in");
        schema.SignedSpikeReceptor(0, DelayedEx, DelayedIn, SpikeRouting.BySignZeroExcitatory);
        schema.Recordable(Rate);
        schema.Recordable(Noise, "noise");
    }
}
