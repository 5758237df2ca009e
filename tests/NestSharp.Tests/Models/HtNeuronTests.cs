using NestSharp.Tests.Checkpoint;
using static NestSharp.Tests.NestSuite.NestSuiteHelpers;

namespace NestSharp.Tests.Models;

/// <summary>
/// ht_neuron against NEST 3.10's model (models/ht_neuron.{h,cpp}): its defaults, its equations (against an
/// independent fine-step integration of the right-hand side written out again from NEST's source), the beta-shaped
/// conductances peaking at weight · g_peak, the voltage clamp, the spike with its reset of V_m and theta to E_Na, the
/// equilibrate key, its receptors, its checks (BadParameter, changing nothing), and results that depend neither on the
/// number of threads nor on a checkpoint in between.
/// </summary>
public sealed class HtNeuronTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-ht-neuron-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static readonly string[] AllRecordables = ["V_m", "theta", "g_AMPA", "g_NMDA", "g_GABA_A", "g_GABA_B", "I_NaP", "I_KNa", "I_T", "I_h"];

    [Fact]
    public void Defaults_AreNests()
    {
        var d = new Simulator().GetDefaults("ht_neuron");
        Assert.Equal(-70.0, (double)d["V_m"], 1e-12); // (g_NaL E_Na + g_KL E_K) / (g_NaL + g_KL)
        Assert.Equal(-51.0, d["theta"]);
        Assert.Equal(30.0, d["E_Na"]);
        Assert.Equal(0.0132, d["g_peak_GABA_B"]);
        Assert.Equal(1250.0, d["tau_D_KNa"]);
        Assert.Equal(false, d["instant_unblock_NMDA"]);
        Assert.Equal(false, d["voltage_clamp"]);
        Assert.Equal(new Dictionary<string, int> { ["AMPA"] = 1, ["NMDA"] = 2, ["GABA_A"] = 3, ["GABA_B"] = 4 }, d["receptor_types"]);
        Assert.Equal(AllRecordables.Order(StringComparer.Ordinal), (string[])d["recordables"]);
        Assert.False(d.ContainsKey("equilibrate"));
        Assert.False(d.ContainsKey("g_AMPA"));
    }

    // ------------------------------------------------------------------ the equations

    /// <summary>Spike arrivals of the equation test: receptor, arrival time (ms), weight.</summary>
    private static readonly (int Receptor, double Arrival, double Weight)[] Arrivals =
        [(1, 6.0, 1.0), (2, 21.0, 2.0), (3, 41.0, 1.0), (4, 61.0, 5.0), (1, 80.0, 0.5), (2, 80.0, 0.5)];

    /// <summary>One ht_neuron with default parameters receiving <see cref="Arrivals"/> (delay 1 ms), recorded at every step.</summary>
    private static (Dictionary<string, double[]> Recorded, int Spikes) RunWithArrivals(double simTime)
    {
        var nest = new Simulator();
        var neuron = nest.Create("ht_neuron");
        foreach (var (receptor, arrival, weight) in Arrivals)
        {
            var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { arrival - 1.0 } });
            nest.Connect(generator, neuron, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.0, ["receptor_type"] = (long)receptor });
        }
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = AllRecordables, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        var spikes = nest.Create("spike_recorder");
        nest.Connect(neuron, spikes);
        nest.Simulate(simTime);
        var recorded = AllRecordables.Append("times").ToDictionary(key => key, key => Doubles(meter, key));
        return (recorded, Doubles(spikes, "times").Length);
    }

    /// <summary>
    /// The right-hand side of ht_neuron with its default parameters (no spike, no clamp), written out from NEST's
    /// ht_neuron_dynamics independently of the model's code; also the intrinsic currents and m_NMDA of a state.
    /// </summary>
    private static class Reference
    {
        public const int V = 0, Theta = 1, DAmpa = 2, Ampa = 3, DNmda = 4, Nmda = 5, DGabaA = 6, GabaA = 7, DGabaB = 8, GabaB = 9,
            MFast = 10, MSlow = 11, MH = 12, D = 13, MT = 14, HT = 15, Size = 16;

        public static double MEqNmda(double v) => 1 / (1 + Math.Exp(-0.081 * (v + 25.57)));

        public static double MNmda(double v, double fast, double slow)
        {
            double a1 = 0.51 - 0.0028 * v;
            return a1 * fast + (1 - a1) * slow;
        }

        public static double DEq(double v) => 1250.0 * 0.025 / (1 + Math.Exp(-(v + 10.0) / 5.0)) + 0.001;

        public static double MEqT(double v) => 1 / (1 + Math.Exp(-(v + 59.0) / 6.2));

        public static double HEqT(double v) => 1 / (1 + Math.Exp((v + 83.0) / 4.0));

        public static double MEqH(double v) => 1 / (1 + Math.Exp((v + 75.0) / 5.5));

        public static (double NaP, double KNa, double T, double H) Intrinsic(double[] y)
        {
            double v = y[V];
            double mNaP = 1 / (1 + Math.Exp(-(v + 55.7) / 7.7));
            return (
                1.0 * Math.Pow(mNaP, 3.0) * (30.0 - v),
                1.0 / (1 + Math.Pow(0.25 / y[D], 3.5)) * (-90.0 - v),
                1.0 * y[MT] * y[MT] * y[HT] * (0.0 - v),
                1.0 * y[MH] * (-40.0 - v));
        }

        public static double[] Rest()
        {
            var y = new double[Size];
            y[V] = -70.0;
            y[Theta] = -51.0;
            y[MFast] = y[MSlow] = MEqNmda(-70.0);
            y[MH] = MEqH(-70.0);
            y[D] = DEq(-70.0);
            y[MT] = MEqT(-70.0);
            y[HT] = HEqT(-70.0);
            return y;
        }

        public static void Derivatives(double[] y, double[] f)
        {
            double v = y[V];
            double mEq = MEqNmda(v);
            double fast = Math.Min(mEq, y[MFast]), slow = Math.Min(mEq, y[MSlow]);
            double synaptic = y[Ampa] * (0.0 - v) + y[Nmda] * MNmda(v, fast, slow) * (0.0 - v) + y[GabaA] * (-70.0 - v) + y[GabaB] * (-90.0 - v);
            double leak = 0.2 * (30.0 - v) + 1.0 * (-90.0 - v);
            var (nap, kna, t, h) = Intrinsic(y);
            f[V] = (leak + synaptic + nap + kna + t + h) / 16.0;
            f[Theta] = (-51.0 - y[Theta]) / 2.0;
            (f[DAmpa], f[Ampa]) = (-y[DAmpa] / 0.5, y[DAmpa] - y[Ampa] / 2.4);
            (f[DNmda], f[Nmda]) = (-y[DNmda] / 4.0, y[DNmda] - y[Nmda] / 40.0);
            (f[DGabaA], f[GabaA]) = (-y[DGabaA] / 1.0, y[DGabaA] - y[GabaA] / 7.0);
            (f[DGabaB], f[GabaB]) = (-y[DGabaB] / 60.0, y[DGabaB] - y[GabaB] / 200.0);
            f[MFast] = (mEq - fast) / 0.68;
            f[MSlow] = (mEq - slow) / 22.7;
            f[D] = (DEq(v) - y[D]) / 1250.0;
            double tauMT = 0.13 + 0.22 / (Math.Exp(-(v + 132.0) / 16.7) + Math.Exp((v + 16.8) / 18.2));
            double tauHT = 8.2 + (56.6 + 0.27 * Math.Exp((v + 115.2) / 5.0)) / (1 + Math.Exp((v + 86.0) / 3.2));
            f[MT] = (MEqT(v) - y[MT]) / tauMT;
            f[HT] = (HEqT(v) - y[HT]) / tauHT;
            double tauMH = 1 / (Math.Exp(-14.59 - 0.086 * v) + Math.Exp(-1.87 + 0.0701 * v));
            f[MH] = (MEqH(v) - y[MH]) / tauMH;
        }

        /// <summary>The peak of exp(-t/tau_decay) - exp(-t/tau_rise) after a jump of dg by 1 (rate 1/tau_rise - 1/tau_decay).</summary>
        public static double Normalisation(double tauRise, double tauDecay)
        {
            double tPeak = tauDecay * tauRise * Math.Log(tauDecay / tauRise) / (tauDecay - tauRise);
            return (1 / tauRise - 1 / tauDecay) / (Math.Exp(-tPeak / tauDecay) - Math.Exp(-tPeak / tauRise));
        }

        /// <summary>Classical Runge-Kutta over one step <paramref name="dt"/>, the NMDA unblocking bounded after it as NEST does.</summary>
        public static void Step(double[] y, double dt)
        {
            double[] k1 = new double[Size], k2 = new double[Size], k3 = new double[Size], k4 = new double[Size], s = new double[Size];
            Derivatives(y, k1);
            for (int i = 0; i < Size; i++) s[i] = y[i] + 0.5 * dt * k1[i];
            Derivatives(s, k2);
            for (int i = 0; i < Size; i++) s[i] = y[i] + 0.5 * dt * k2[i];
            Derivatives(s, k3);
            for (int i = 0; i < Size; i++) s[i] = y[i] + dt * k3[i];
            Derivatives(s, k4);
            for (int i = 0; i < Size; i++) y[i] += dt / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
            double mEq = MEqNmda(y[V]);
            y[MFast] = Math.Min(mEq, y[MFast]);
            y[MSlow] = Math.Min(mEq, y[MSlow]);
        }
    }

    [Fact]
    public void SubthresholdTrace_AgreesWithAnIndependentIntegrationOfNestsEquations()
    {
        const double simTime = 100.0, h = 0.1;
        const int substeps = 50;
        var (recorded, spikes) = RunWithArrivals(simTime);
        Assert.Equal(0, spikes);
        double[] times = recorded["times"];
        Assert.True(times.Length > 900, $"{times.Length} samples");

        var y = Reference.Rest();
        double[] peaks = [Reference.Normalisation(0.5, 2.4) * 0.1, Reference.Normalisation(4.0, 40.0) * 0.075,
            Reference.Normalisation(1.0, 7.0) * 0.33, Reference.Normalisation(60.0, 200.0) * 0.0132];
        var worst = new Dictionary<string, double>();
        for (int step = 1; step <= times.Length; step++)
        {
            for (int k = 0; k < substeps; k++) Reference.Step(y, h / substeps);
            double t = step * h;
            foreach (var (receptor, arrival, weight) in Arrivals)
                if (Math.Abs(arrival - t) < 1e-9) y[2 * receptor] += weight * peaks[receptor - 1];

            var (nap, kna, it, ih) = Reference.Intrinsic(y);
            var expected = new Dictionary<string, double>
            {
                ["V_m"] = y[Reference.V], ["theta"] = y[Reference.Theta], ["g_AMPA"] = y[Reference.Ampa],
                ["g_NMDA"] = y[Reference.Nmda] * Reference.MNmda(y[Reference.V], y[Reference.MFast], y[Reference.MSlow]),
                ["g_GABA_A"] = y[Reference.GabaA], ["g_GABA_B"] = y[Reference.GabaB], ["I_NaP"] = nap, ["I_KNa"] = kna, ["I_T"] = it, ["I_h"] = ih,
            };
            Assert.Equal(t, times[step - 1], 1e-9);
            foreach (var (key, value) in expected)
                worst[key] = Math.Max(worst.GetValueOrDefault(key), Math.Abs(recorded[key][step - 1] - value));
        }
        // The model's error control admits 1e-3 per component and inner step; the trace stays far within that (the
        // largest deviation, of V_m, is about 1.5e-7 mV): an error in a term of the equations would show here.
        foreach (var (key, error) in worst) Assert.True(error < 2e-6, $"{key}: largest deviation {error:E3}");
        // the inputs had their effect: the conductances moved and V_m with them
        Assert.True(recorded["g_AMPA"].Max() > 0.09 && recorded["g_GABA_B"].Max() > 0.04 && recorded["g_NMDA"].Max() > 0.001,
            $"peaks {recorded["g_AMPA"].Max()}, {recorded["g_GABA_B"].Max()}, {recorded["g_NMDA"].Max()}");
        Assert.True(recorded["V_m"].Max() - recorded["V_m"].Min() > 1.0, $"V_m from {recorded["V_m"].Min()} to {recorded["V_m"].Max()}");
    }

    [Fact]
    public void Conductances_PeakAtWeightTimesGPeak()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("resolution", 0.01);
        var neuron = nest.Create("ht_neuron", 1, new() { ["voltage_clamp"] = true, ["g_peak_GABA_A"] = 0.2, ["tau_rise_GABA_A"] = 0.5 });
        double[] weights = [2.0, 3.0, 0.5, 10.0];
        for (int receptor = 1; receptor <= 4; receptor++)
        {
            var generator = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
            nest.Connect(generator, neuron, syn: new Dictionary<string, object> { ["weight"] = weights[receptor - 1], ["receptor_type"] = (long)receptor });
        }
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "g_AMPA", "g_GABA_A", "g_GABA_B", "V_m" }, ["interval"] = 0.01 });
        nest.Connect(meter, neuron);
        nest.Simulate(400.0);
        Assert.Equal(2.0 * 0.1, Doubles(meter, "g_AMPA").Max(), 1e-4 * 0.2);
        Assert.Equal(0.5 * 0.2, Doubles(meter, "g_GABA_A").Max(), 1e-4 * 0.1);
        Assert.Equal(10.0 * 0.0132, Doubles(meter, "g_GABA_B").Max(), 1e-4 * 0.132);
        // clamped: V_m does not move
        Assert.All(Doubles(meter, "V_m"), v => Assert.Equal(-70.0, v, 1e-12));
    }

    [Fact]
    public void VoltageClamp_HoldsVmAtItsValueWhenTheRunStarts()
    {
        var nest = new Simulator();
        var neuron = nest.Create("ht_neuron", 1, new() { ["voltage_clamp"] = true, ["V_m"] = -62.5 });
        var drive = nest.Create("poisson_generator", 1, new() { ["rate"] = 2000.0 });
        nest.Connect(drive, neuron, syn: new Dictionary<string, object> { ["weight"] = 5.0, ["receptor_type"] = 1L });
        nest.Simulate(50.0);
        Assert.Equal(-62.5, neuron.Get<double>("V_m"));
        neuron.Set("V_m", -55.0);
        nest.Simulate(20.0);
        Assert.Equal(-55.0, neuron.Get<double>("V_m"));
    }

    [Fact]
    public void Spike_ResetsVmAndThetaToENa_AndRepolarises()
    {
        var nest = new Simulator();
        var neuron = nest.Create("ht_neuron");
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 30.0 });
        nest.Connect(dc, neuron);
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "V_m", "theta" }, ["interval"] = 0.1 });
        nest.Connect(meter, neuron);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neuron, recorder);
        nest.Simulate(40.0);

        double[] spikes = Doubles(recorder, "times"), times = Doubles(meter, "times"), vm = Doubles(meter, "V_m"), theta = Doubles(meter, "theta");
        Assert.True(spikes.Length >= 2, $"{spikes.Length} spikes");
        Assert.Equal(spikes[^1], neuron.Get<double>("t_spike"), 1e-12);
        int at = Array.FindIndex(times, t => Math.Abs(t - spikes[0]) < 1e-9);
        // before the spike V_m was below the threshold; at its step both were set to E_Na = 30 mV and moved from there
        Assert.True(vm[at - 1] < theta[at - 1]);
        Assert.True(theta[at] > 25.0 && theta[at] <= 30.0, $"theta {theta[at]}");
        Assert.True(vm[at] > 0.0 && vm[at] <= 30.0, $"V_m {vm[at]}");
        // theta relaxes to theta_eq with tau_theta = 2 ms: one step later by exp(-0.1/2)
        Assert.Equal(-51.0 + (theta[at] + 51.0) * Math.Exp(-0.1 / 2.0), theta[at + 1], 1e-6);
        // the repolarising current brings V_m down within t_ref
        Assert.True(vm[at + 20] < vm[at] - 20.0, $"V_m {vm[at]} then {vm[at + 20]}");
    }

    [Fact]
    public void Equilibrate_PutsTheGatesAtTheirEquilibriumForTheNewVm()
    {
        static (double Ih, double It, double IKNa) OneClampedStep(bool equilibrate)
        {
            var nest = new Simulator();
            var neuron = nest.Create("ht_neuron", 1, new() { ["voltage_clamp"] = true });
            var values = new Dictionary<string, object> { ["V_m"] = -60.0 };
            if (equilibrate) values["equilibrate"] = true;
            neuron.Set(values);
            Assert.False(neuron.GetStatus()[0].ContainsKey("equilibrate"));
            var meter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "I_h", "I_T", "I_KNa" }, ["interval"] = 0.1 });
            nest.Connect(meter, neuron);
            nest.Simulate(5.0);
            Assert.Equal(-60.0, neuron.Get<double>("V_m"));
            return (Doubles(meter, "I_h")[^1], Doubles(meter, "I_T")[^1], Doubles(meter, "I_KNa")[^1]);
        }

        var (ih, it, ikna) = OneClampedStep(equilibrate: true);
        // at equilibrium the gates do not move: the currents are those of the equilibrium values at -60 mV
        Assert.Equal(-1.0 * Reference.MEqH(-60.0) * (-60.0 + 40.0), ih, 1e-12);
        Assert.Equal(-1.0 * Math.Pow(Reference.MEqT(-60.0), 2.0) * Reference.HEqT(-60.0) * -60.0, it, 1e-12);
        Assert.Equal(-1.0 / (1.0 + Math.Pow(0.25 / Reference.DEq(-60.0), 3.5)) * (-60.0 + 90.0), ikna, 1e-12);

        var (ihAtRest, _, _) = OneClampedStep(equilibrate: false);
        Assert.True(Math.Abs(ihAtRest - ih) > 1e-3, $"without equilibrate I_h {ihAtRest}, with {ih}");
    }

    [Fact]
    public void Receptors_AreNests_AndOthersAreUnknown()
    {
        var nest = new Simulator();
        var source = nest.Create("parrot_neuron");
        var neuron = nest.Create("ht_neuron");
        var dc = nest.Create("dc_generator");
        for (long receptor = 1; receptor <= 4; receptor++)
            nest.Connect(source, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = receptor });
        var e0 = Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(source, neuron));
        Assert.Contains("receptor_type 0", e0.Message, StringComparison.Ordinal);
        Assert.Contains("1 (AMPA)", e0.Message, StringComparison.Ordinal);
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(source, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = 5L }));
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(dc, neuron, syn: new Dictionary<string, object> { ["receptor_type"] = 1L }));
        nest.Connect(dc, neuron);
        Assert.Equal(5, nest.NumConnections);
        // the connections report NEST's rport: receptor_type - 1
        Assert.Equal(new long[] { 0, 0, 1, 2, 3 }, nest.GetConnections(target: neuron).Receptor.Order().ToArray());
    }

    public static TheoryData<string, double, string> BadValues() => new()
    {
        { "g_peak_AMPA", -0.1, "g_peak_AMPA >= 0 required" },
        { "g_peak_NMDA", -1.0, "g_peak_NMDA >= 0 required" },
        { "g_peak_GABA_A", -1.0, "g_peak_GABA_A >= 0 required" },
        { "g_peak_GABA_B", -1.0, "g_peak_GABA_B >= 0 required" },
        { "g_peak_KNa", -1.0, "g_peak_KNa >= 0 required" },
        { "g_peak_T", -1.0, "g_peak_T >= 0 required" },
        { "g_peak_h", -1.0, "g_peak_h >= 0 required" },
        { "g_peak_NaP", -1.0, "g_peak_NaP >= 0 required" },
        { "S_act_NMDA", -0.01, "S_act_NMDA >= 0 required" },
        { "g_KL", -1.0, "g_KL >= 0 required" },
        { "g_NaL", -1.0, "g_NaL >= 0 required" },
        { "t_ref", -0.5, "t_ref >= 0 required" },
        { "tau_rise_AMPA", 0.0, "tau_rise_AMPA > 0 required" },
        { "tau_decay_GABA_A", -7.0, "tau_decay_GABA_A > 0 required" },
        { "tau_Mg_fast_NMDA", 0.0, "tau_Mg_fast_NMDA > 0 required" },
        { "tau_spike", 0.0, "tau_spike > 0 required" },
        { "tau_theta", -2.0, "tau_theta > 0 required" },
        { "tau_m", 0.0, "tau_m > 0 required" },
        { "tau_D_KNa", 0.0, "tau_D_KNa > 0 required" },
        { "tau_rise_AMPA", 2.4, "tau_rise_AMPA < tau_decay_AMPA required" },
        { "tau_decay_GABA_A", 1.0, "tau_rise_GABA_A < tau_decay_GABA_A required" },
        { "tau_rise_GABA_B", 300.0, "tau_rise_GABA_B < tau_decay_GABA_B required" },
        { "tau_decay_NMDA", 3.0, "tau_rise_NMDA < tau_decay_NMDA required" },
        { "tau_Mg_slow_NMDA", 0.5, "tau_Mg_fast_NMDA < tau_Mg_slow_NMDA required" },
    };

    [Theory]
    [MemberData(nameof(BadValues))]
    public void BadValues_FailWithNestsBadParameter_AndChangeNothing(string key, double value, string message)
    {
        var nest = new Simulator();
        var neuron = nest.Create("ht_neuron");
        var before = neuron.GetStatus()[0];

        var e = Assert.Throws<BadParameterException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["V_m"] = -60.0, ["equilibrate"] = true }));
        Assert.Contains(message, e.Message, StringComparison.Ordinal);
        Assert.Equal(before, neuron.GetStatus()[0]);

        Assert.Throws<BadParameterException>(() => nest.SetDefaults("ht_neuron", new() { [key] = value }));
        Assert.Equal(new Simulator().GetDefaults("ht_neuron")[key], nest.GetDefaults("ht_neuron")[key]);
        Assert.Throws<BadParameterException>(() => nest.Create("ht_neuron", 2, new() { [key] = value }));
        Assert.Equal(1, nest.NetworkSize);
    }

    [Fact]
    public void UnknownAndReadOnlyKeys_AreRefused()
    {
        var nest = new Simulator();
        var neuron = nest.Create("ht_neuron");
        Assert.Throws<UnaccessedDictionaryEntryException>(() => neuron.Set("g_AMPA", 1.0));
        Assert.Throws<UnaccessedDictionaryEntryException>(() => neuron.Set("I_NaP", 1.0));
        Assert.Throws<TypeMismatchException>(() => neuron.Set("equilibrate", "yes"));
    }

    // ------------------------------------------------------------------ threads and checkpoints

    /// <summary>
    /// A recurrent network of ht_neurons through ht_synapse on all four receptors, driven by Poisson input on AMPA and
    /// GABA_A, with a current generator: its spikes and every recordable, in a canonical order.
    /// </summary>
    private static void Build(Simulator nest)
    {
        nest.SetKernelStatus(new() { ["rng_seed"] = 77L });
        var neurons = nest.Create("ht_neuron", 17, new() { ["t_ref"] = 2.5 });
        neurons.Set("V_m", nest.Random.Uniform(-75.0, -60.0));
        neurons[..3].Set(new Dictionary<string, object> { ["instant_unblock_NMDA"] = true, ["g_peak_NaP"] = 0.5 });
        var excitation = nest.Create("poisson_generator", 1, new() { ["rate"] = 3000.0 });
        var inhibition = nest.Create("poisson_generator", 1, new() { ["rate"] = 1000.0 });
        nest.Connect(excitation, neurons, syn: new Dictionary<string, object> { ["weight"] = 1.5, ["receptor_type"] = 1L });
        nest.Connect(inhibition, neurons, syn: new Dictionary<string, object> { ["weight"] = 1.0, ["receptor_type"] = 3L });
        var dc = nest.Create("dc_generator", 1, new() { ["amplitude"] = 2.0, ["start"] = 20.0 });
        nest.Connect(dc, neurons[5..9]);
        for (long receptor = 1; receptor <= 4; receptor++)
        {
            nest.Connect(neurons, neurons, Rule.FixedIndegree(3), new Dictionary<string, object>
            {
                ["synapse_model"] = "ht_synapse", ["weight"] = receptor == 4 ? 20.0 : 2.0, ["delay"] = 0.5 + 0.3 * receptor, ["receptor_type"] = receptor,
            });
        }
        var meter = nest.Create("multimeter", 1, new() { ["record_from"] = AllRecordables, ["interval"] = 0.5 });
        nest.Connect(meter, neurons);
        var recorder = nest.Create("spike_recorder");
        nest.Connect(neurons, recorder);
    }

    private static string Run(int threads, double simTime)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", threads);
        Build(nest);
        nest.Simulate(simTime);
        return Observe(nest);
    }

    /// <summary>Every node's status and connection (CheckpointSplitRunTests.Observe) and the pools P of the ht_synapses.</summary>
    private static string Observe(Simulator nest)
    {
        var conns = nest.GetConnections(synapseModel: "ht_synapse");
        long[] sources = conns.Source, targets = conns.Target, receptors = conns.Receptor;
        double[] pools = conns.GetValues<double>("P");
        var rows = Enumerable.Range(0, pools.Length).Select(i => $"{sources[i]}>{targets[i]}@{receptors[i]}:{pools[i]:R}").Order(StringComparer.Ordinal);
        return CheckpointSplitRunTests.Observe(nest) + string.Join(";", rows);
    }

    [Fact]
    public void Network_IsTheSameOnOneTwoAndFourThreads()
    {
        string one = Run(1, 150.0);
        Assert.Equal(one, Run(2, 150.0));
        Assert.Equal(one, Run(4, 150.0));
    }

    [Fact]
    public void Network_FiresThroughAllReceptors()
    {
        var nest = new Simulator();
        Build(nest);
        nest.Simulate(150.0);
        var recorder = nest.Nodes(nest.NetworkSize);
        Assert.True(recorder.Get<long>("n_events") > 30, $"{recorder.Get<long>("n_events")} spikes");
        var pools = nest.GetConnections(synapseModel: "ht_synapse").GetValues<double>("P");
        Assert.Contains(pools, p => p < 0.9); // the synapses were depleted by the spikes
    }

    [Fact]
    public void SplitRun_ContinuesBitwiseAfterACheckpoint()
    {
        var reference = new Simulator();
        Build(reference);
        reference.Simulate(37.3);
        reference.Simulate(60.0);
        string expected = Observe(reference);
        string path = Path.Combine(_folder, "ht.nscp");
        foreach (var (before, after) in new[] { (1, 1), (2, 4), (4, 1) })
        {
            var resumed = CheckpointSplitRunTests.Restored(Build, path, 37.3, before, after);
            resumed.Simulate(60.0);
            Assert.Equal(expected, Observe(resumed));
        }
    }
}
