namespace NestSharp.Models.Neurons;

/// <summary>
/// gif_pop_psc_exp: a population of N generalized integrate-and-fire neurons (escape noise, spike-frequency adaptation,
/// exponential post-synaptic currents) simulated at the mesoscopic level: one node produces the population's spike
/// count per step, without representing single neurons (Schwalger, Deger &amp; Gerstner 2017, the algorithm of their
/// Figs. 11 and 12). A single neuron of the population is a gif_psc_exp neuron with g_L = C_m/tau_m, no spike-triggered
/// current and the threshold kernel below.
/// <code>
/// hazard   h(t) = lambda_0·exp((V(t) - E_sfa(t))/Delta_V)                          (lambda_0 in 1/s)
/// membrane tau_m·dV/dt = -(V - E_L) + R·(I_e + I_stim + I_syn_ex + I_syn_in),  R = tau_m/C_m;  V = V_reset after a spike
/// currents dI_syn_x/dt = -I_syn_x/tau_syn_x + (spike input of the step)
/// E_sfa(t) = V_T_star + sum over past spikes s of theta(t - s),   theta(t) = sum_j q_sfa_j·exp(-t/tau_sfa_j)
/// </code>
/// The neurons are grouped by the age of their last spike into len_kernel bins of one step (a rotating history); per
/// bin the model keeps the expected number of surviving neurons m, its variance v, the membrane potential u and the
/// hazard; neurons that last fired longer ago than the history are kept together (x, z) with the "free" membrane
/// potential V_m and threshold E_sfa. Per step h, in NEST's order: the free membrane and the synaptic currents advance
/// exactly (the input current of the previous step, the spike input of this step, weights &gt; 0 excitatory, the
/// others inhibitory), then the adaptation variables, the hazards and survival probabilities of every bin beyond the
/// refractory ones, the expected spike count <c>mean</c> of the step, and from it the step's spike count
/// <c>n_events</c>: binomial B(N, mean/N) with BinoRand, else Poisson of that mean (N for a mean above N, a Bernoulli
/// draw when a Poisson draw could only give 0 or 1, clipped to [0, N]). The count is sent as one spike of that
/// multiplicity, which reaches targets as that many spikes. Every draw comes from the node's keyed random stream for
/// the step, so results do not depend on the number of threads or processes.
/// <para>len_kernel &lt; 1 (the default) lets the first run choose it: the shortest history, from 20 s down to 5 tau_m,
/// after which the adaptation kernel is below Delta_V/10, and longer than t_ref; the status then shows the chosen
/// value. Any Set of a node's status makes its next run start the population afresh (all neurons free, history
/// cleared), keeping V_m and the synaptic currents, as NEST does.</para>
/// <para>Parameters (units): N (neurons), C_m (pF), tau_m, t_ref, tau_syn_ex, tau_syn_in (ms), E_L, V_reset, V_T_star,
/// Delta_V (mV), lambda_0 (1/s), I_e (pA), len_kernel (steps), BinoRand (boolean), arrays tau_sfa (ms) and q_sfa (mV) of
/// equal length, not empty at a run; state V_m, I_syn_ex, I_syn_in; read only E_sfa (mV), mean, n_events. Recordables:
/// V_m, n_events, E_sfa, mean, I_syn_ex, I_syn_in. The model is NEST's plain Node: no archiving entries, no calcium or
/// synaptic elements, no STDP synapses onto it.</para>
/// <para>References: Schwalger T, Deger M, Gerstner W (2017) Towards a theory of cortical columns: From spiking neurons
/// to interacting neural populations of finite size. PLoS Comput Biol 13(4):e1005507. NEST model documentation,
/// gif_pop_psc_exp.</para>
/// </summary>
[NodeModelName("gif_pop_psc_exp")]
internal sealed class GifPopPscExp : NeuronGroup
{
    private static readonly NeuronSchema Declared = NeuronSchema.ForPlainNode();

    private static readonly Column N = Declared.IntegerParameter("N", 100, "", Requirement.Positive("the number of neurons must be positive"));
    private static readonly Column TauM = Declared.Parameter("tau_m", 20.0, "ms", Requirement.Positive("the membrane time constant must be strictly positive"));
    private static readonly Column Cm = Declared.Parameter("C_m", 250.0, "pF", Requirement.Positive("capacitance must be strictly positive"));
    private static readonly Column Lambda0 = Declared.Parameter("lambda_0", 10.0, "1/s", Requirement.NonNegative("lambda_0 must not be negative"));
    private static readonly Column DeltaV = Declared.Parameter("Delta_V", 2.0, "mV", Requirement.Positive("Delta_V must be strictly positive"));

    /// <summary>The history length in steps; below 1 the first run chooses it (and stores it here, as NEST).</summary>
    private static readonly Column LenKernel = Declared.IntegerParameter("len_kernel", -1, "");

    private static readonly Column Ie = Declared.Parameter("I_e", 0.0, "pA");
    private static readonly Column VReset = Declared.Parameter("V_reset", 0.0, "mV");
    private static readonly Column VTStar = Declared.Parameter("V_T_star", 15.0, "mV");
    private static readonly Column EL = Declared.Parameter("E_L", 0.0, "mV");
    private static readonly Column TRef = Declared.Parameter("t_ref", 4.0, "ms", Requirement.NonNegative("the absolute refractory period cannot be negative"));
    private static readonly Column TauSynEx = Declared.Parameter("tau_syn_ex", 3.0, "ms", Requirement.Positive("the synaptic time constants must be strictly positive"));
    private static readonly Column TauSynIn = Declared.Parameter("tau_syn_in", 6.0, "ms", Requirement.Positive("the synaptic time constants must be strictly positive"));
    private static readonly Column BinoRand = Declared.Flag("BinoRand", true);

    private static readonly Column Vm = Declared.State("V_m", 0.0, "mV");
    private static readonly Column ISynEx = Declared.State("I_syn_ex", 0.0, "pA");
    private static readonly Column ISynIn = Declared.State("I_syn_in", 0.0, "pA");

    // read only in the status (shown by GifPopulations): the step's spike count, free threshold and expected count
    private static readonly Column NEvents = Declared.Internal("n_events");
    private static readonly Column ESfa = Declared.Internal("E_sfa");
    private static readonly Column Mean = Declared.Internal("mean");

    /// <summary>The current input of the previous step (NEST's y0), used in this step.</summary>
    private static readonly Column Current = Declared.Internal("current");

    private static readonly InputChannel SpikesEx = Declared.Input("spikes_ex");
    private static readonly InputChannel SpikesIn = Declared.Input("spikes_in");
    private static readonly InputChannel Currents = Declared.CurrentInput("currents", 0);

    static GifPopPscExp()
    {
        // NEST: weight · multiplicity > 0 to the excitatory buffer, everything else (0 too) to the inhibitory one
        Declared.SignedSpikeReceptor(0, SpikesEx, SpikesIn, SpikeRouting.BySignZeroInhibitory);
        Declared.Recordable(Vm, NEvents, ESfa, Mean, ISynEx, ISynIn);
    }

    /// <summary>The constants of one node for a run (NEST's Variables_ outside the population).</summary>
    private struct Constants
    {
        public double P20, P22, P11Ex, P11In, Ie, EL, Cm, TauM, TauSynEx, TauSynIn;
        public PopulationConstants Population;
    }

    private readonly GifPopulations _populations;
    private Constants[] _constants = [];
    private double _h;

    public GifPopPscExp(NodeModel model, int firstId, int count) : base(model, firstId, count, Declared)
    {
        _populations = KeepOutsideColumns(new GifPopulations(count, this[NEvents], this[ESfa], this[Mean]));
    }

    public override bool SupportsCheckpoint => true;

    /// <summary>Any change of a node's status makes its next run start the population afresh (NEST's initialized_ = false).</summary>
    protected override void OnStatusSet(int position) => _populations.Forget(position);

    /// <summary>NEST's checks at the start of a run (pre_run_hook): neither adaptation array may be empty.</summary>
    public override void CheckBeforeRun()
    {
        for (int i = 0; i < Count; i++) _populations.CheckArrays(i);
    }

    public override void Prepare(SimulationContext context)
    {
        double h = context.Time.Resolution;
        _h = h;
        _populations.PrepareKeys(context, this);
        var constants = new Constants[Count];
        double[] lenKernel = this[LenKernel];
        for (int i = 0; i < Count; i++)
        {
            double tauM = this[TauM][i], cm = this[Cm][i], p22 = Math.Exp(-h / tauM);
            var population = new PopulationConstants
            {
                N = (long)this[N][i],
                Lambda0 = this[Lambda0][i],
                DeltaV = this[DeltaV][i],
                VReset = this[VReset][i],
                VTStar = this[VTStar][i],
                EL = this[EL][i],
                P22 = p22,
                BinoRand = this[BinoRand][i] != 0.0,
            };
            if (!_populations.IsInitialized(i))
            {
                if (lenKernel[i] < 1) lenKernel[i] = _populations.HistorySize(i, h, tauM, population.DeltaV, this[TRef][i]);
                _populations.Initialize(i, (int)lenKernel[i], (int)context.Time.MsToStepsCeil(this[TRef][i]), population, h);
            }
            constants[i] = new Constants
            {
                P22 = p22,
                P20 = tauM / cm * (1 - p22),
                P11Ex = Math.Exp(-h / this[TauSynEx][i]),
                P11In = Math.Exp(-h / this[TauSynIn][i]),
                Ie = this[Ie][i],
                EL = population.EL,
                Cm = cm,
                TauM = tauM,
                TauSynEx = this[TauSynEx][i],
                TauSynIn = this[TauSynIn][i],
                Population = population,
            };
        }
        _constants = constants;
    }

    public override void Update(SimulationContext context, int thread, long sliceStart, int from, int to) =>
        AdvanceChunk(context, thread, sliceStart, from, to, new Stepper(this, context.SpikesOfVp[thread]));

    /// <summary>Calls <see cref="Advance"/> for each step (a struct, so that the step loop is compiled for this model).</summary>
    private readonly struct Stepper(GifPopPscExp group, SpikeBuffer spikes) : IChunkStepper
    {
        public void Advance(in ChunkStep step) => group.Advance(step, spikes);
    }

    /// <summary>One step of the nodes of a chunk, in NEST's order of operations (Fig. 11 of Schwalger et al. 2017).</summary>
    private void Advance(in ChunkStep s, SpikeBuffer spikes)
    {
        double h = _h;
        double[] vm = this[Vm], iEx = this[ISynEx], iIn = this[ISynIn], current = this[Current];
        Span<double> exIn = s.Input(SpikesEx), inIn = s.Input(SpikesIn), currentIn = s.Input(Currents);
        for (int i = s.Start; i < s.End; i++)
        {
            int k = i - s.Start;
            ref readonly Constants c = ref _constants[i];
            double hTot = (c.Ie + current[i]) * c.P20 + c.EL;

            // the spike input as the paper's J·N·A (weights summed, per ms), on its voltage scale
            double jnaEx = exIn[k] / h, jnaIn = inIn[k] / h;
            jnaEx *= c.TauSynEx / c.Cm;
            jnaIn *= c.TauSynIn / c.Cm;
            double jnyEx = iEx[i] / c.Cm, jnyIn = iIn[i] / c.Cm;

            // the membrane's response to the synaptic currents over the step
            double hExPart = c.TauSynEx * c.P11Ex * (jnyEx - jnaEx) - c.P22 * (c.TauSynEx * jnyEx - c.TauM * jnaEx);
            double hInPart = c.TauSynIn * c.P11In * (jnyIn - jnaIn) - c.P22 * (c.TauSynIn * jnyIn - c.TauM * jnaIn);
            double hEx = c.TauM * (jnaEx + hExPart / (c.TauSynEx - c.TauM));
            double hIn = c.TauM * (jnaIn + hInPart / (c.TauSynIn - c.TauM));
            hTot += hEx + hIn;

            jnyEx = jnaEx + (jnyEx - jnaEx) * c.P11Ex;
            jnyIn = jnaIn + (jnyIn - jnaIn) * c.P11In;
            iEx[i] = jnyEx * c.Cm;
            iIn[i] = jnyIn * c.Cm;

            current[i] = currentIn[k];

            long count = _populations.Step(i, ref vm[i], hTot, c.Population, h, s.Step);
            if (count > 0) spikes.Add(s.Lag, IdOf(i), (int)count);
        }
    }
}

/// <summary>What the population update of one node needs of its parameters for a run.</summary>
internal struct PopulationConstants
{
    public long N;
    public double Lambda0, DeltaV, VReset, VTStar, EL, P22;
    public bool BinoRand;
}

/// <summary>
/// Per node of a gif_pop_psc_exp group: the adaptation arrays tau_sfa and q_sfa (NEST's array parameters) and the
/// population's state over its history of age bins (NEST's Variables_: the survivors m, their variance v, the membrane
/// potentials u and hazards lambda per bin, the spike counts n, the adaptation kernels, the free neurons x, z and the
/// rotating index), made at a node's first run and again after any Set of its status. Kept outside the group's columns
/// (<see cref="NeuronGroup.KeepOutsideColumns{TState}"/>), it also shows the read-only E_sfa, mean and n_events.
/// </summary>
internal sealed class GifPopulations : IStateOutsideColumns
{
    /// <summary>The key the spike-count streams are derived with (from the run's seed, then by node id).</summary>
    private const ulong SpikeCountKey = 0x6_1F_909_C0DE;

    /// <summary>The longest history the first run chooses (ms), NEST's tmax of GetHistoryLength.</summary>
    private const double LongestHistory = 20000.0;

    private readonly double[][] _tau, _q;
    private readonly Population?[] _state;
    private readonly double[] _nEvents, _threshold, _mean;
    private ulong[] _nodeKeys = [];

    /// <summary>The population of one node: the history buffers and the state of the free neurons.</summary>
    private sealed class Population
    {
        public int LenKernel, RefractorySteps, K0;
        public double X, Z, LambdaFree;
        public double[] N = [], M = [], V = [], U = [], Lambda = [], Theta = [], ThetaTilde = [];
        public double[] G = [], Q30 = [], Q30K = [];
    }

    /// <param name="count">The number of nodes of the group.</param>
    /// <param name="nEvents">The group's n_events column, one value per storage position.</param>
    /// <param name="threshold">The group's E_sfa column (mV).</param>
    /// <param name="mean">The group's mean column (the expected spike count of the last step).</param>
    public GifPopulations(int count, double[] nEvents, double[] threshold, double[] mean)
    {
        _tau = new double[count][];
        _q = new double[count][];
        Array.Fill(_tau, [300.0]);
        Array.Fill(_q, [0.5]);
        _state = new Population?[count];
        _nEvents = nEvents;
        _threshold = threshold;
        _mean = mean;
    }

    public IReadOnlyList<string> Keys => ["tau_sfa", "q_sfa"];

    public bool Owns(string key) => key is "tau_sfa" or "q_sfa";

    /// <summary>Writes n_events, E_sfa, mean and the arrays of the node at <paramref name="position"/>.</summary>
    public void WriteStatus(int position, Dictionary<string, object> status)
    {
        status["n_events"] = (long)_nEvents[position];
        status["E_sfa"] = _threshold[position];
        status["mean"] = _mean[position];
        status["tau_sfa"] = (double[])_tau[position].Clone();
        status["q_sfa"] = (double[])_q[position].Clone();
    }

    /// <summary>Checks new tau_sfa and q_sfa (with the node's current ones) as NEST does, and returns their commit.</summary>
    public Action Stage(int position, IReadOnlyDictionary<string, object> values)
    {
        double[] tau = values.TryGetValue("tau_sfa", out var tauValue) ? StatusValue.ToDoubleArray("tau_sfa", tauValue) : _tau[position];
        double[] q = values.TryGetValue("q_sfa", out var qValue) ? StatusValue.ToDoubleArray("q_sfa", qValue) : _q[position];
        if (tau.Length != q.Length)
        {
            throw new BadPropertyException("tau_sfa", tau,
                $"'tau_sfa' and 'q_sfa' need to have the same dimension (size of tau_sfa: {tau.Length}, size of q_sfa: {q.Length})");
        }
        foreach (double t in tau)
        {
            if (!(t > 0)) throw new BadPropertyException("tau_sfa", tau, "all time constants must be strictly positive");
        }
        return () =>
        {
            _tau[position] = tau;
            _q[position] = q;
        };
    }

    public void CopyDefaultsFrom(IStateOutsideColumns prototype)
    {
        var populations = (GifPopulations)prototype;
        Array.Fill(_tau, populations._tau[0]);
        Array.Fill(_q, populations._q[0]);
    }

    /// <summary>The next run of the node at <paramref name="position"/> starts its population afresh.</summary>
    public void Forget(int position) => _state[position] = null;

    public bool IsInitialized(int position) => _state[position] is not null;

    /// <summary>NEST's checks at the start of a run: neither array may be empty.</summary>
    public void CheckArrays(int position)
    {
        if (_tau[position].Length == 0)
            throw new BadPropertyException("tau_sfa", _tau[position], "the time constant array must not be empty at a run");
        if (_q[position].Length == 0)
            throw new BadPropertyException("q_sfa", _q[position], "the adaptation value array must not be empty at a run");
    }

    /// <summary>Before a run: the spike-count stream of each node of <paramref name="group"/>.</summary>
    public void PrepareKeys(SimulationContext context, NeuronGroup group)
    {
        ulong key = RandomStream.Derive(context.SeedKey, SpikeCountKey);
        _nodeKeys = new ulong[group.Count];
        for (int i = 0; i < group.Count; i++) _nodeKeys[i] = RandomStream.Derive(key, (ulong)group.IdOf(i));
    }

    /// <summary>The adaptation kernel theta (mV) at a lag of <paramref name="k"/> steps (no division by tau: q_sfa is in mV).</summary>
    private double Kernel(int position, int k, double h)
    {
        double[] tau = _tau[position], q = _q[position];
        double theta = 0.0;
        for (int j = 0; j < tau.Length; j++) theta += q[j] * Math.Exp(-k * h / tau[j]);
        return theta;
    }

    /// <summary>
    /// NEST's automatic history length (GetHistoryLength, Eq. 86 of the paper): from 20 s down to 5 tau_m, the
    /// shortest history after which the kernel is below Delta_V/10; longer than t_ref.
    /// </summary>
    public int HistorySize(int position, double h, double tauM, double deltaV, double tRef)
    {
        int k = (int)(LongestHistory / h);
        int kMin = (int)(5 * tauM / h);
        while (Kernel(position, k, h) / deltaV < 0.1 && k > kMin) k--;
        if (k * h <= tRef) k = (int)(tRef / h) + 1;
        return k;
    }

    /// <summary>NEST's InitPopulations (Fig. 11 of the paper): every neuron free, no history, adaptation at rest.</summary>
    public void Initialize(int position, int lenKernel, int refractorySteps, in PopulationConstants c, double h)
    {
        double[] tau = _tau[position], q = _q[position];
        var p = new Population
        {
            LenKernel = lenKernel,
            RefractorySteps = refractorySteps,
            N = new double[lenKernel],
            M = new double[lenKernel],
            V = new double[lenKernel],
            U = new double[lenKernel],
            Lambda = new double[lenKernel],
            Theta = new double[lenKernel],
            ThetaTilde = new double[lenKernel],
            G = new double[tau.Length],
            Q30 = new double[tau.Length],
            Q30K = new double[tau.Length],
        };
        for (int k = 0; k < lenKernel; k++)
        {
            double theta = Kernel(position, lenKernel - k, h);
            p.Theta[k] = theta;
            p.ThetaTilde[k] = c.DeltaV * (1.0 - Math.Exp(-theta / c.DeltaV)) / c.N;
        }
        if (lenKernel > 0)
        {
            p.N[lenKernel - 1] = c.N;
            p.M[lenKernel - 1] = c.N;
        }
        for (int j = 0; j < tau.Length; j++)
        {
            // q·tau: the paper's J includes tau
            p.Q30K[j] = q[j] * tau[j] * Math.Exp(-h * lenKernel / tau[j]);
            p.Q30[j] = Math.Exp(-h / tau[j]);
        }
        _state[position] = p;
    }

    /// <summary>
    /// One step of the population of the node at <paramref name="position"/> (Fig. 12 of the paper): advances the free
    /// potential <paramref name="vm"/> and every bin by <paramref name="hTot"/> (the step's drive), forms the expected
    /// spike count, draws the count and shifts the history. Returns the count.
    /// </summary>
    public long Step(int position, ref double vm, double hTot, in PopulationConstants c, double h, long step)
    {
        var p = _state[position]!;
        int len = p.LenKernel, k0 = p.K0;
        double[] n = p.N, m = p.M, v = p.V, u = p.U, lambda = p.Lambda, theta = p.Theta, thetaTilde = p.ThetaTilde;
        double[] g = p.G, q30 = p.Q30, q30K = p.Q30K;
        double w = 0, x = 0, y = 0, z = 0;
        double thetaHat = c.VTStar;

        vm = (vm - c.EL) * c.P22 + hTot;

        // the adaptation of the free neurons
        double nk0 = n[k0];
        for (int j = 0; j < g.Length; j++)
        {
            double gIn = (1.0 - q30[j]) * nk0 / (c.N * h);
            g[j] = g[j] * q30[j] + gIn;
            thetaHat += q30K[j] * g[j];
        }

        double lambdaTilde = c.Lambda0 * Math.Exp((vm - thetaHat) / c.DeltaV);
        double pFree = 1 - Math.Exp(-0.0005 * (p.LambdaFree + lambdaTilde) * h);
        p.LambdaFree = lambdaTilde;
        // NEST subtracts the oldest bin's share by index 0 of the buffer (not the rotating index)
        thetaHat -= n[0] * thetaTilde[0];

        for (int k = 0; k < len; k++) x += m[k];

        double thetaLocal = thetaHat;
        for (int marked = 0; marked < len - p.RefractorySteps; marked++)
        {
            int k = k0 + marked;
            if (k >= len) k -= len;
            double thetaK = theta[marked] + thetaLocal;
            thetaLocal += n[k] * thetaTilde[marked];
            u[k] = (u[k] - c.EL) * c.P22 + hTot;
            lambdaTilde = c.Lambda0 * Math.Exp((u[k] - thetaK) / c.DeltaV);
            double pLambda = 0.0005 * (lambdaTilde + lambda[k]) * h;
            if (pLambda > 0.01) pLambda = 1.0 - Math.Exp(-pLambda);
            lambda[k] = lambdaTilde;
            y += pLambda * v[k];
            z += v[k];
            w += pLambda * m[k];
            double survive = 1.0 - pLambda;
            v[k] = survive * survive * v[k] + pLambda * m[k];
            m[k] = survive * m[k];
        }

        double pLambdaFree = (z + p.Z) > 0.0 ? (y + pFree * p.Z) / (z + p.Z) : 0.0;
        double expected = w + pFree * p.X + pLambdaFree * (c.N - x - p.X);
        var stream = new RandomStream(RandomStream.Derive(_nodeKeys[position], (ulong)step));
        long count = c.BinoRand ? DrawBinomial(ref stream, expected, c.N) : DrawPoisson(ref stream, expected, c.N);

        double notFree = 1 - pFree;
        p.Z = notFree * notFree * p.Z + p.X * pFree + v[k0];
        p.X = p.X * notFree + m[k0];

        n[k0] = count;
        m[k0] = count;
        v[k0] = 0;
        u[k0] = c.VReset;
        lambda[k0] = 0.0;
        p.K0 = (k0 + 1) % len;

        _nEvents[position] = count;
        _threshold[position] = thetaHat;
        _mean[position] = expected;
        return count;
    }

    /// <summary>NEST's draw_binomial: B(N, expected/N), with N and 0 at the ends.</summary>
    private static long DrawBinomial(ref RandomStream stream, double expected, long n)
    {
        double p = expected / n;
        if (p >= 1.0) return n;
        if (p <= 0.0) return 0;
        return BinomialSampler.Sample(ref stream, n, p);
    }

    /// <summary>
    /// NEST's draw_poisson: N above a mean of N; a Bernoulli draw where a Poisson draw could only give 0 or 1 (the
    /// probability of more than one spike vanishes); the count clipped to [0, N].
    /// </summary>
    private static long DrawPoisson(ref RandomStream stream, double expected, long n)
    {
        if (expected > n) return n;
        if (!(expected > SmallestNormal)) return 0;
        long count = 1.0 - (expected + 1.0) * Math.Exp(-expected) > SmallestNormal
            ? (long)Math.Min(stream.NextPoisson(expected), (ulong)long.MaxValue)
            : stream.NextDouble() < expected ? 1 : 0;
        return Math.Clamp(count, 0, n);
    }

    /// <summary>The smallest positive normal double (C++'s numeric_limits&lt;double&gt;::min()).</summary>
    private const double SmallestNormal = 2.2250738585072014e-308;

    /// <summary>Writes every node's arrays and population, in node-id order.</summary>
    public void SaveCheckpoint(CheckpointWriter writer, NeuronGroup group)
    {
        for (int local = 0; local < group.Count; local++)
        {
            int position = group.PositionOf(local);
            writer.Write(_tau[position]);
            writer.Write(_q[position]);
            var p = _state[position];
            writer.Write(p is not null);
            if (p is null) continue;
            writer.Write(p.LenKernel);
            writer.Write(p.RefractorySteps);
            writer.Write(p.K0);
            writer.Write(p.X);
            writer.Write(p.Z);
            writer.Write(p.LambdaFree);
            foreach (var buffer in new[] { p.N, p.M, p.V, p.U, p.Lambda, p.Theta, p.ThetaTilde, p.G, p.Q30, p.Q30K }) writer.Write(buffer);
        }
    }

    /// <summary>Reads what <see cref="SaveCheckpoint"/> wrote into the layout of <paramref name="group"/>.</summary>
    public void RestoreCheckpoint(CheckpointReader reader, NeuronGroup group)
    {
        for (int local = 0; local < group.Count; local++)
        {
            int position = group.PositionOf(local);
            double[] tau = reader.ReadDoubles(), q = reader.ReadDoubles();
            if (tau.Length != q.Length)
                throw reader.Bad($"{group.Model.Name} node {group.IdOf(position)} has {tau.Length} values of 'tau_sfa' and {q.Length} of 'q_sfa'");
            Population? p = null;
            if (reader.ReadBool())
            {
                p = new Population
                {
                    LenKernel = reader.ReadInt(),
                    RefractorySteps = reader.ReadInt(),
                    K0 = reader.ReadInt(),
                    X = reader.ReadDouble(),
                    Z = reader.ReadDouble(),
                    LambdaFree = reader.ReadDouble(),
                    N = reader.ReadDoubles(),
                    M = reader.ReadDoubles(),
                    V = reader.ReadDoubles(),
                    U = reader.ReadDoubles(),
                    Lambda = reader.ReadDoubles(),
                    Theta = reader.ReadDoubles(),
                    ThetaTilde = reader.ReadDoubles(),
                    G = reader.ReadDoubles(),
                    Q30 = reader.ReadDoubles(),
                    Q30K = reader.ReadDoubles(),
                };
                int len = p.LenKernel;
                if (len < 1 || p.K0 < 0 || p.K0 >= len || p.N.Length != len || p.M.Length != len || p.V.Length != len || p.U.Length != len
                    || p.Lambda.Length != len || p.Theta.Length != len || p.ThetaTilde.Length != len || p.Q30.Length != p.G.Length || p.Q30K.Length != p.G.Length)
                {
                    throw reader.Bad($"{group.Model.Name} node {group.IdOf(position)} has an inconsistent population history");
                }
            }
            if (!group.Restores(local)) continue;
            _tau[position] = tau;
            _q[position] = q;
            _state[position] = p;
        }
    }
}
