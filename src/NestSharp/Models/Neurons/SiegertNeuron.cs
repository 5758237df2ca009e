using NestSharp.Models.Synapses;

namespace NestSharp.Models.Neurons;

/// <summary>
/// siegert_neuron: a rate model for the mean-field analysis of spiking networks (NEST's, after Hahne et al. 2017): its
/// rate relaxes to the firing rate of a leaky integrate-and-fire neuron with delta or exponentially decaying synaptic
/// currents (Fourcaud &amp; Brunel 2002; Schuecker et al. 2015, Eq. 25) driven by white noise of mean μ and variance σ²,
/// plus a constant input:
/// <code>
/// τ dr/dt = -r + mean + Φ(μ, σ²)
/// μ = Σ drift_factor·r_j,  σ² = Σ diffusion_factor·r_j        (diffusion_connection, without delay)
/// Φ(μ, σ²) = 1e3 / (t_ref + τ_m √π ∫_{y_r}^{y_θ} e^(s²) (1 + erf s) ds)   (1/s, times in ms)
/// y_θ = (θ - μ)/σ + α/2·√(τ_syn/τ_m),  y_r = (V_reset - μ)/σ + α/2·√(τ_syn/τ_m),  α = √2·|ζ(1/2)| = 2.0652531522312172
/// </code>
/// Φ is 0 when θ - μ &gt; 6σ (the rate would be below about 1e-16, Brunel 2000, Eq. 22). Otherwise, as NEST evaluates it,
/// with erfcx(s) = e^(s²) erfc(s) (<see cref="ErrorFunction.Erfcx"/>), Dawson's integral D (<see cref="DawsonFunction"/>)
/// and the integrals taken adaptively with the 21-point Gauss-Kronrod rule to a relative tolerance of 1.49e-8
/// (<see cref="GaussKronrodQuadrature"/>; NEST: GSL's qags, at most 1000 subintervals): y_r &gt; 0: I = 2D(y_θ) -
/// 2e^(y_r² - y_θ²) D(y_r) - e^(-y_θ²) ∫_{y_r}^{y_θ} erfcx, Φ = 1e3 e^(-y_θ²) / (e^(-y_θ²) t_ref + τ_m √π I); y_θ &lt; 0:
/// Φ = 1e3 / (t_ref + τ_m √π ∫_{-y_θ}^{-y_r} erfcx); otherwise I = 2D(y_θ) + e^(-y_θ²) ∫_{y_θ}^{-y_r} erfcx and Φ as
/// for y_r &gt; 0. A negative σ² or σ = 0 with μ ≥ θ gives NaN (NEST's GSL calls fail there).
/// <para>Integration (NEST's pre_run_hook and update, in its order): exponential, P1 = exp(-h/τ), P2 = -expm1(-h/τ).
/// Per step: the rate sent is r; r ← P1·r + P2·(mean + Φ(μ, σ²)) with the step's inputs. The update loop, the waveform
/// relaxation and the rows sent are those of the rate models (<see cref="RateNeuronGroup"/>): with use_wfr the node's
/// slice is iterated until the rates change by at most wfr_tol; without it the targets receive its final rate of a slice
/// in the next.</para>
/// <para>Parameters: tau (ms, &gt; 0, default 1), mean (1/s, constant input, default 0), tau_m (ms, &gt; 0, default 5),
/// tau_syn (ms, ≥ 0, default 0), t_ref (ms, ≥ 0, default 2), theta (mV relative to the resting potential, default 15),
/// V_reset (mV relative to the resting potential, &lt; theta, default 0). State: rate (1/s, default 0). Recordables:
/// rate. Sends and takes diffusion events only (NEST's DiffusionConnectionEvent, receptor 0 or 1, through
/// diffusion_connection): no spikes, currents or rate connections.</para>
/// <para>References: Hahne J, Dahmen D, Schuecker J, Frommer A, Bolten M, Helias M, Diesmann M (2017). Integration of
/// continuous-time dynamics in a spiking neural network simulator. Front. Neuroinform. 11:34. Fourcaud N, Brunel N
/// (2002). Dynamics of the firing probability of noisy integrate-and-fire neurons. Neural Comput. 14(9):2057-2110.
/// Schuecker J, Diesmann M, Helias M (2015). Modulated escape from a metastable state driven by colored noise. Phys.
/// Rev. E 92:052119. Hahne J, Helias M, Kunkel S, Igarashi J, Bolten M, Frommer A, Diesmann M (2015). A unified
/// framework for spiking and gap-junction interactions in distributed neuronal network simulations. Front.
/// Neuroinform. 9:22.</para>
/// </summary>
[NodeModelName("siegert_neuron")]
internal sealed class SiegertNeuron : RateNeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForNeuron();
    private static readonly SiegertColumns C = new(Declared);

    /// <summary>NEST's limit of subintervals of one integration.</summary>
    private const int MaxSubintervals = 1000;

    private QuadratureWorkspace?[] _workspaces = [];

    public SiegertNeuron(NodeModel model, int firstId, int count)
        : base(model, firstId, count, Declared, C.Drift, C.Diffusion, [C.Rate], DiffusionEvents.Diffusion, delayedKind: null) { }

    protected override unsafe delegate*<in RateGainParameters, double, double> InputFunction => null;

    /// <summary>NEST's checks, in its order.</summary>
    protected override void Validate(in StatusRow row)
    {
        row.Require(row[C.VReset] < row[C.Theta], C.VReset, $"Reset potential must be smaller than threshold theta ({row[C.Theta]})");
        row.Require(row[C.TRef] >= 0.0, C.TRef, "Refractory time must not be negative");
        row.Require(row[C.Tau] > 0.0, C.Tau, "time constant must be > 0");
        row.Require(row[C.TauM] > 0.0, C.TauM, "Membrane time constant must be > 0");
        row.Require(row[C.TauSyn] >= 0.0, C.TauSyn, "Synaptic time constant must not be negative");
    }

    /// <summary>Enters, for each node's drift input (ring channel), its diffusion input (for diffusion_connection's delivery).</summary>
    public void FillDiffusionChannels(int[] diffusionOfDrift)
    {
        int drift = ChannelOf(C.Drift), diffusion = ChannelOf(C.Diffusion);
        for (int i = 0; i < Count; i++) diffusionOfDrift[drift + i] = diffusion + i;
    }

    protected override void PrepareRate(SimulationContext context)
    {
        double h = context.Time.Resolution;
        double[] tau = this[C.Tau], p1 = this[C.P1], p2 = this[C.P2];
        for (int i = 0; i < Count; i++)
        {
            p1[i] = Math.Exp(-h / tau[i]);
            p2[i] = -NumericsHelper.ExpM1(-h / tau[i]);
        }
        var layout = context.Layout;
        if (_workspaces.Length != layout.Count) _workspaces = new QuadratureWorkspace?[layout.Count];
        for (int slot = layout.FirstLocal; slot < layout.FirstLocal + layout.ThreadsPerRank; slot++)
            _workspaces[slot] ??= new QuadratureWorkspace(MaxSubintervals);
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        Run(context, thread, sliceStart, from, to, iteration: false, 0.0, new SiegertStep(this, _workspaces[thread]!));

    public override bool WaveformRelaxationUpdate(SimulationContext context, int thread, long sliceStart, int from, int to, double tolerance) =>
        Run(context, thread, sliceStart, from, to, iteration: true, tolerance, new SiegertStep(this, _workspaces[thread]!));

    /// <summary>The parameters of Φ for one node.</summary>
    internal readonly record struct GainParameters(double Theta, double VReset, double TauM, double TauSyn, double TRef);

    /// <summary>erfcx as the integrand.</summary>
    private readonly struct ScaledErfc : IIntegrand
    {
        public double At(double x) => ErrorFunction.Erfcx(x);
    }

    /// <summary>Φ(μ, σ²) (1/s) for a node of parameters <paramref name="p"/> (see the class summary).</summary>
    internal static double Siegert(in GainParameters p, double mu, double sigmaSquare, QuadratureWorkspace workspace)
    {
        const double ErrAbs = 0.0, ErrRel = 1.49e-8; // NEST's tolerances (about the precision of single floats, 2^-26)
        // The shift of threshold and reset by colored noise: α/2·√(τ_syn/τ_m), α = √2·|ζ(1/2)| (Fourcaud & Brunel 2002).
        const double Alpha = 2.0652531522312172;
        double sigma = Math.Sqrt(sigmaSquare);
        if (p.Theta - mu > 6.0 * sigma) return 0.0;
        double shift = Alpha / 2.0 * Math.Sqrt(p.TauSyn / p.TauM);
        double yTh = (p.Theta - mu) / sigma + shift;
        double yR = (p.VReset - mu) / sigma + shift;
        double sqrtPi = Math.Sqrt(Math.PI);
        var f = default(ScaledErfc);
        if (yR > 0.0)
        {
            double result = GaussKronrodQuadrature.Integrate(f, yR, yTh, ErrAbs, ErrRel, workspace);
            double integral = 2.0 * DawsonFunction.Of(yTh) - 2.0 * Math.Exp(yR * yR - yTh * yTh) * DawsonFunction.Of(yR)
                - Math.Exp(-yTh * yTh) * result;
            return 1e3 * Math.Exp(-yTh * yTh) / (Math.Exp(-yTh * yTh) * p.TRef + p.TauM * sqrtPi * integral);
        }
        if (yTh < 0.0)
        {
            double integral = GaussKronrodQuadrature.Integrate(f, -yTh, -yR, ErrAbs, ErrRel, workspace);
            return 1e3 * 1.0 / (p.TRef + p.TauM * sqrtPi * integral);
        }
        {
            double result = GaussKronrodQuadrature.Integrate(f, yTh, -yR, ErrAbs, ErrRel, workspace);
            double integral = 2.0 * DawsonFunction.Of(yTh) + Math.Exp(-yTh * yTh) * result;
            return 1e3 * Math.Exp(-yTh * yTh) / (Math.Exp(-yTh * yTh) * p.TRef + p.TauM * sqrtPi * integral);
        }
    }

    private readonly struct SiegertStep(SiegertNeuron group, QuadratureWorkspace workspace) : IRateStep
    {
        private readonly double[] _rate = group[C.Rate], _mean = group[C.Mean], _theta = group[C.Theta], _vReset = group[C.VReset],
            _tauM = group[C.TauM], _tauSyn = group[C.TauSyn], _tRef = group[C.TRef], _p1 = group[C.P1], _p2 = group[C.P2];

        public double Step(int i, long step, double delayedEx, double instantEx, double delayedIn, double instantIn, out double rate)
        {
            double old = _rate[i];
            // Only instantaneous input arrives (nothing writes into the delayed inputs): μ and σ² are the drift and diffusion sums.
            double drive = Siegert(new GainParameters(_theta[i], _vReset[i], _tauM[i], _tauSyn[i], _tRef[i]),
                delayedEx + instantEx, delayedIn + instantIn, workspace);
            double x = _p1[i] * old + _p2[i] * (_mean[i] + drive);
            _rate[i] = x;
            rate = x;
            return old;
        }

        public double Proxy(int i) => _rate[i];
    }
}

/// <summary>The columns and inputs of siegert_neuron (NEST's Parameters_, State_, Variables_ and Buffers_).</summary>
internal sealed class SiegertColumns
{
    public readonly Column Mean, Theta, VReset, Tau, TauM, TauSyn, TRef, Rate, P1, P2;
    public readonly InputChannel Drift, Diffusion;

    /// <param name="schema">The model's schema.</param>
    public SiegertColumns(NeuronSchema schema)
    {
        Mean = schema.Parameter("mean", 0.0, "1/s");
        Theta = schema.Parameter("theta", 15.0, "mV");
        VReset = schema.Parameter("V_reset", 0.0, "mV");
        Tau = schema.Parameter("tau", 1.0, "ms");
        TauM = schema.Parameter("tau_m", 5.0, "ms");
        TauSyn = schema.Parameter("tau_syn", 0.0, "ms");
        TRef = schema.Parameter("t_ref", 2.0, "ms");
        Rate = schema.State("rate", 0.0, "1/s");
        P1 = schema.Internal("P1");
        P2 = schema.Internal("P2");
        Drift = schema.Input("drift_input");
        Diffusion = schema.Input("diffusion_input");
        // NEST's handles_test_event(DiffusionConnectionEvent): receptors 0 and 1, both into the same inputs.
        schema.SpikeReceptor(0, Drift);
        schema.SpikeReceptor(1, Drift);
        schema.Recordable(Rate);
    }
}
