namespace NestSharp.Tests.NestSuite.StructuralPlasticity;

/// <summary>
/// Ca and the number of synaptic elements of Poisson-driven neurons, sampled every 100 ms for 10 s, against
/// integrators of the growth curves written independently (an exact solution for the linear curve, numerical
/// quadrature for all), and against values NEST 3.10 gave (rtol 0.5).
/// </summary>
public sealed class GrowthCurvesTests
{
    private const double Rtol = 5e-1;
    private const double SimTime = 10000.0;
    private const double SimStep = 100.0;

    /// <summary>How the number of synaptic elements follows Ca (NEST pytest's SynapticElementIntegrator).</summary>
    private abstract class SynapticElementIntegrator(double tauCa, double betaCa)
    {
        protected readonly double TauCa = tauCa;
        private readonly double _betaCa = betaCa;
        protected double TMinus;
        protected double CaMinus;
        protected double SeMinus;

        public void Reset() => (TMinus, CaMinus, SeMinus) = (0.0, 0.0, 0.0);

        /// <summary>A spike at <paramref name="t"/>: elements up to t, then Ca += beta_Ca.</summary>
        public void HandleSpike(double t)
        {
            Assert.True(t >= TMinus);
            SeMinus = GetSe(t);
            CaMinus = GetCa(t) + _betaCa;
            TMinus = t;
        }

        public double GetCa(double t)
        {
            Assert.True(t >= TMinus);
            double ca = CaMinus * Math.Exp((TMinus - t) / TauCa);
            return ca > 0 ? ca : 0;
        }

        public abstract double GetSe(double t);
    }

    /// <summary>Integrates dz/dt = growth_curve(Ca(t)) numerically (scipy's quad in the pytest).</summary>
    private abstract class NumericSei(double tauCa, double betaCa) : SynapticElementIntegrator(tauCa, betaCa)
    {
        public override double GetSe(double t)
        {
            Assert.True(t >= TMinus);
            // adaptive Gauss-Kronrod, as scipy's quad: the integrand is evaluated inside the interval only
            double se = SeMinus + (t > TMinus
                ? MathNet.Numerics.Integration.GaussKronrodRule.Integrate(GrowthCurve, TMinus, t, out _, out _, 1.49e-8)
                : 0.0);
            return se > 0 ? se : 0;
        }

        protected abstract double GrowthCurve(double t);
    }

    /// <summary>Linear growth curve dz/dt = nu·(1 - Ca/eps), exact solution.</summary>
    private sealed class LinearExactSei(double eps, double growthRate, double tauCa, double betaCa) : SynapticElementIntegrator(tauCa, betaCa)
    {
        public override double GetSe(double t)
        {
            Assert.True(t >= TMinus);
            double se = 1 / eps * (growthRate * TauCa * (GetCa(t) - CaMinus) + growthRate * eps * (t - TMinus)) + SeMinus;
            return se > 0 ? se : 0;
        }
    }

    private sealed class LinearNumericSei(double eps, double growthRate, double tauCa, double betaCa) : NumericSei(tauCa, betaCa)
    {
        protected override double GrowthCurve(double t) => growthRate * (1.0 - GetCa(t) / eps);
    }

    /// <summary>Gaussian: nu·(2·exp(-((Ca - xi)/zeta)²) - 1), xi = (eta + eps)/2, zeta = (eta - eps)/(2·sqrt(ln 2)).</summary>
    private sealed class GaussianNumericSei(double eta, double eps, double growthRate, double tauCa, double betaCa) : NumericSei(tauCa, betaCa)
    {
        private readonly double _zeta = (eta - eps) / (2.0 * Math.Sqrt(Math.Log(2.0)));
        private readonly double _xi = (eta + eps) / 2.0;

        protected override double GrowthCurve(double t) => growthRate * (2 * Math.Exp(-Math.Pow((GetCa(t) - _xi) / _zeta, 2)) - 1);
    }

    /// <summary>Sigmoid: nu·(2/(1 + exp((Ca - eps)/psi)) - 1).</summary>
    private sealed class SigmoidNumericSei(double eps, double growthRate, double psi, double tauCa, double betaCa) : NumericSei(tauCa, betaCa)
    {
        protected override double GrowthCurve(double t) => growthRate * (2.0 / (1.0 + Math.Exp((GetCa(t) - eps) / psi)) - 1.0);
    }

    private readonly Simulator _nest;
    private readonly NodeCollection _pop;
    private readonly NodeCollection _spikeRecorder;
    private readonly List<SynapticElementIntegrator> _seIntegrator = [];
    private double[,] _seNest = new double[0, 0];

    public GrowthCurvesTests()
    {
        _nest = new Simulator();
        _nest.SetKernelStatus("total_num_virtual_procs", 4);
        _nest.SetKernelStatus("rng_seed", 1L);
        _nest.SetKernelStatus("structural_plasticity_update_interval", SimTime + 1);

        // build
        _pop = _nest.Create("iaf_psc_alpha", 10);
        _spikeRecorder = _nest.Create("spike_recorder");
        _nest.Connect(_pop, _spikeRecorder, "all_to_all");
        var noise = _nest.Create("poisson_generator", 1, new() { ["rate"] = 800000.0 });
        _nest.Connect(noise, _pop, "all_to_all");
    }

    private void Simulate()
    {
        int steps = (int)(SimTime / SimStep);
        var simSteps = Enumerable.Range(0, steps).Select(i => i * SimStep).ToArray();
        var caNest = new double[_pop.Count, steps];
        _seNest = new double[_pop.Count, steps];
        var caPython = new double[_seIntegrator.Count, steps];
        var sePython = new double[_seIntegrator.Count, steps];

        for (int ti = 0; ti < steps; ti++)
        {
            for (int ni = 0; ni < _pop.Count; ni++)
            {
                caNest[ni, ti] = _pop[ni].Get<double>("Ca");
                var synapticElements = _pop[ni].Get<Dictionary<string, object>>("synaptic_elements");
                _seNest[ni, ti] = (double)((Dictionary<string, object>)synapticElements["se"])["z"];
            }
            _nest.Simulate(SimStep);
        }

        var events = _spikeRecorder.Get<Dictionary<string, object>>("events");
        var spikesAll = (double[])events["times"];
        var sendersAll = (long[])events["senders"];
        for (int ni = 0; ni < _pop.Count; ni++)
        {
            long id = _pop[ni].Get<long>("global_id");
            var spikes = spikesAll.Where((_, i) => sendersAll[i] == id).ToArray();
            foreach (var sei in _seIntegrator) sei.Reset();
            int spikeI = 0;
            for (int ti = 0; ti < steps; ti++)
            {
                double t = simSteps[ti];
                while (spikeI < spikes.Length && spikes[spikeI] <= t)
                {
                    foreach (var sei in _seIntegrator) sei.HandleSpike(spikes[spikeI]);
                    spikeI++;
                }
                for (int si = 0; si < _seIntegrator.Count; si++)
                {
                    caPython[si, ti] = _seIntegrator[si].GetCa(t);
                    sePython[si, ti] = _seIntegrator[si].GetSe(t);
                }
            }

            for (int si = 0; si < _seIntegrator.Count; si++)
            {
                for (int ti = 0; ti < steps; ti++)
                {
                    AssertClose(caPython[si, ti], caNest[ni, ti], $"Ca of node {id} at {simSteps[ti]} ms");
                    AssertClose(sePython[si, ti], _seNest[ni, ti], $"z of node {id} at {simSteps[ti]} ms");
                }
            }
        }
    }

    /// <summary>numpy.testing.assert_allclose(actual, desired, rtol): |actual - desired| &lt;= rtol·|desired|.</summary>
    private static void AssertClose(double desired, double actual, string what) =>
        Assert.True(Math.Abs(actual - desired) <= Rtol * Math.Abs(desired), $"{what}: {actual} vs {desired} (rtol {Rtol})");

    private void CheckAgainstNest(int column, double[] expected)
    {
        for (int i = 0; i < _pop.Count; i++) AssertClose(expected[i], _seNest[i, column], $"z of node {_pop[i].Ids[0]} at sample {column}");
    }

    private void SetPop(double betaCa, double tauCa, Dictionary<string, object> se) => _pop.Set(new Dictionary<string, object>
    {
        ["beta_Ca"] = betaCa, ["tau_Ca"] = tauCa, ["synaptic_elements"] = new Dictionary<string, object> { ["se"] = se },
    });

    // NEST: structural_plasticity/test_growth_curves.py::TestGrowthCurve::test_linear_growth_curve
    [Fact]
    public void LinearGrowthCurve()
    {
        const double betaCa = 0.0001, tauCa = 10000.0, growthRate = 0.0001, eps = 0.10;
        SetPop(betaCa, tauCa, new() { ["growth_curve"] = "linear", ["growth_rate"] = growthRate, ["eps"] = eps, ["z"] = 0.0 });
        _seIntegrator.Add(new LinearExactSei(eps, growthRate, tauCa, betaCa));
        _seIntegrator.Add(new LinearNumericSei(eps, growthRate, tauCa, betaCa));

        Simulate();

        // check that we got the same values from one run to another (NEST 3.10's se_nest[:, 10])
        CheckAgainstNest(10,
        [
            0.08374445370851626, 0.08374622771384878, 0.08372872162085436, 0.08377523830171477, 0.08376377406026522,
            0.08377524732725673, 0.08375919233244447, 0.08371423280222919, 0.083725266553744, 0.08372601193476849,
        ]);
    }

    // NEST: structural_plasticity/test_growth_curves.py::TestGrowthCurve::test_gaussian_growth_curve
    [Fact]
    public void GaussianGrowthCurve()
    {
        const double betaCa = 0.0001, tauCa = 10000.0, growthRate = 0.0001, eta = 0.05, eps = 0.10;
        SetPop(betaCa, tauCa, new() { ["growth_curve"] = "gaussian", ["growth_rate"] = growthRate, ["eta"] = eta, ["eps"] = eps, ["z"] = 0.0 });
        _seIntegrator.Add(new GaussianNumericSei(eta, eps, growthRate, tauCa, betaCa));

        Simulate();

        // NEST 3.10's se_nest[:, 30]
        CheckAgainstNest(30,
        [
            0.10036617553986826, 0.10056553185703253, 0.10040107765414216, 0.10029244040007103, 0.10052276942680986,
            0.10041568803099227, 0.10040451902882779, 0.10052255715855712, 0.1006910528746381, 0.10058568067154924,
        ]);
    }

    // NEST: structural_plasticity/test_growth_curves.py::TestGrowthCurve::test_sigmoid_growth_curve
    [Fact]
    public void SigmoidGrowthCurve()
    {
        const double betaCa = 0.0001, tauCa = 10000.0, growthRate = 0.0001, eps = 0.10, psi = 0.10;
        SetPop(betaCa, tauCa, new() { ["growth_curve"] = "sigmoid", ["growth_rate"] = growthRate, ["eps"] = eps, ["psi"] = 0.1, ["z"] = 0.0 });
        _seIntegrator.Add(new SigmoidNumericSei(eps, growthRate, psi, tauCa, betaCa));

        Simulate();

        // NEST 3.10's se_nest[:, 30] (all nodes are local in one process)
        CheckAgainstNest(30,
        [
            0.07798757689720627, 0.07796809230928879, 0.07796745199672085, 0.07807166878406996, 0.07794925570454732,
            0.0780381869323308, 0.0780054060483019, 0.0779518888224286, 0.07792681014092591, 0.07798540508673037,
        ]);
    }
}
