using NestSharp.Plasticity.Structural;

namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// The growth curves dz/dt = growth_rate · g(Ca(t)), Ca(t) = Ca0 · exp(-(t - t0)/tau_Ca), against their formulas:
/// linear (g = 1 - Ca/eps) exactly against its closed-form integral; gaussian (g = 2·exp(-((Ca - xi)/zeta)²) - 1,
/// xi = (eta + eps)/2, zeta = (eps - eta)/(2·sqrt(ln 2))) and sigmoid (g = 2/(1 + exp((Ca - eps)/psi)) - 1) against
/// an independent forward-Euler sum on the time grid (Ca first decays by one step, then z grows with g of the new Ca,
/// as NEST integrates) and against the exact integral within the Euler error; z is clipped at 0.
/// </summary>
public sealed class GrowthCurveTests
{
    private const double H = 0.1; // ms, the time grid
    private const double TauCa = 10000.0; // ms

    private static GrowthCurve Curve(string name, params (string Key, double Value)[] parameters)
    {
        var curve = NestSharp.Kernel.Catalog.CreateGrowthCurve(name);
        foreach (var (key, value) in parameters) curve.Set(key, value);
        return curve;
    }

    private static double Gaussian(double ca, double eta, double eps)
    {
        double xi = (eta + eps) / 2.0;
        double zeta = (eps - eta) / (2.0 * Math.Sqrt(Math.Log(2.0)));
        return 2.0 * Math.Exp(-Math.Pow((ca - xi) / zeta, 2)) - 1.0;
    }

    private static double Sigmoid(double ca, double eps, double psi) => 2.0 / (1.0 + Math.Exp((ca - eps) / psi)) - 1.0;

    /// <summary>
    /// Forward Euler over the n = (t1 - t0)/h steps of the system dCa/dt = -Ca/tau, dz/dt = rate · g(Ca), with z's step
    /// taken on the Ca of the end of the step: Ca_k = Ca_(k-1) - h · Ca_(k-1)/tau, z_k = z_(k-1) + h · rate · g(Ca_k).
    /// </summary>
    private static double EulerSum(Func<double, double> g, double t0, double t1, double ca0, double z0, double rate)
    {
        long n = (long)Math.Round((t1 - t0) / H);
        double z = z0, ca = ca0;
        for (long k = 1; k <= n; k++)
        {
            ca += H * (-ca / TauCa);
            z += H * rate * g(ca);
        }
        return z;
    }

    /// <summary>z0 + rate · ∫ g(Ca0 · exp(-s/tau)) ds over [0, t1 - t0], by composite Simpson on a grid 100 times finer than h.</summary>
    private static double ExactIntegral(Func<double, double> g, double t0, double t1, double ca0, double z0, double rate)
    {
        long n = 2 * (long)Math.Round((t1 - t0) / H * 50);
        double dt = (t1 - t0) / n;
        double GrowthAtStep(long i) => g(ca0 * Math.Exp(-i * dt / TauCa));
        double sum = GrowthAtStep(0) + GrowthAtStep(n);
        for (long i = 1; i < n; i++) sum += (i % 2 == 1 ? 4.0 : 2.0) * GrowthAtStep(i);
        return z0 + rate * sum * dt / 3.0;
    }

    [Theory]
    [InlineData(0.0, 1000.0, 0.2, 3.0, 0.001, 0.7)]
    [InlineData(500.0, 20500.0, 0.05, 0.0, 0.0001, 0.05)]
    [InlineData(0.0, 7.3, 1.5, 10.0, 0.01, 0.3)]
    public void Linear_EqualsClosedFormIntegral(double t0, double t1, double ca0, double z0, double rate, double eps)
    {
        // ∫ (1 - Ca0·exp(-s/tau)/eps) ds over [0, T] = T - Ca0·tau·(1 - exp(-T/tau))/eps
        double T = t1 - t0;
        double expected = z0 + rate * (T - ca0 * TauCa * (1.0 - Math.Exp(-T / TauCa)) / eps);

        double z = Curve("linear", ("eps", eps)).Update(t1, t0, ca0, z0, TauCa, rate, H);

        Assert.Equal(expected, z, 1e-12 * Math.Max(1.0, Math.Abs(expected)));
    }

    [Fact]
    public void Linear_IsExactForIntervalsOffTheTimeGrid()
    {
        // The linear curve is integrated in closed form: an interval that is not a multiple of h is no problem.
        var curve = Curve("linear", ("eps", 0.5));
        double whole = curve.Update(1000.05, 0.0, 0.3, 2.0, TauCa, 0.001, H);
        double caMid = 0.3 * Math.Exp(-400.02 / TauCa);
        double split = curve.Update(1000.05, 400.02, caMid, curve.Update(400.02, 0.0, 0.3, 2.0, TauCa, 0.001, H), TauCa, 0.001, H);

        Assert.Equal(whole, split, 1e-12);
    }

    [Fact]
    public void Linear_ClipsAtZero()
    {
        // Ca far above eps: g < 0 throughout, and z would go negative.
        Assert.Equal(0.0, Curve("linear", ("eps", 0.05)).Update(1000.0, 0.0, 1.0, 0.5, TauCa, 0.001, H));
    }

    [Theory]
    [InlineData(0.0, 0.05, 0.1, 0.0001)] // Ca above eps: retraction, then growth as Ca decays into (eta, eps)
    [InlineData(0.0, 0.05, 0.03, 0.0001)] // Ca between eta and eps: growth
    [InlineData(0.01, 0.2, 0.5, 0.0004)]
    public void Gaussian_EqualsForwardEulerSumOnTheGrid(double eta, double eps, double ca0, double rate)
    {
        const double t0 = 2000.0, t1 = 12000.0, z0 = 3.0;
        double expected = EulerSum(ca => Gaussian(ca, eta, eps), t0, t1, ca0, z0, rate);

        double z = Curve("gaussian", ("eta", eta), ("eps", eps)).Update(t1, t0, ca0, z0, TauCa, rate, H);

        Assert.Equal(expected, z, 1e-11);
    }

    [Theory]
    [InlineData(0.0, 0.05, 0.1, 0.0001)]
    [InlineData(0.0, 0.05, 0.03, 0.0001)]
    [InlineData(0.01, 0.2, 0.5, 0.0004)]
    public void Gaussian_ApproachesExactIntegralWithinEulerError(double eta, double eps, double ca0, double rate)
    {
        const double t0 = 2000.0, t1 = 12000.0, z0 = 3.0;
        double exact = ExactIntegral(ca => Gaussian(ca, eta, eps), t0, t1, ca0, z0, rate);

        double z = Curve("gaussian", ("eta", eta), ("eps", eps)).Update(t1, t0, ca0, z0, TauCa, rate, H);

        // A Riemann sum with step h misses the integral by at most h · rate · (total variation of g ≤ 4).
        Assert.InRange(z, exact - 4 * H * rate, exact + 4 * H * rate);
        Assert.True(Math.Abs(z - z0) > 100 * 4 * H * rate, "the interval should change z by much more than the tolerance");
    }

    [Fact]
    public void Gaussian_GrowsFastestMidwayBetweenEtaAndEpsAndNotAtThem()
    {
        // With tau_Ca huge Ca stays put, so z grows by rate · g(Ca) · T: g(xi) = 1, g(eta) = g(eps) = 0, g(0) < 0 for eta > 0.
        var curve = Curve("gaussian", ("eta", 0.02), ("eps", 0.06));
        double Growth(double ca) => curve.Update(1000.0, 0.0, ca, 5.0, 1e300, 0.001, H) - 5.0;

        Assert.Equal(1.0, Growth(0.04), 1e-9);
        Assert.Equal(0.0, Growth(0.02), 1e-9);
        Assert.Equal(0.0, Growth(0.06), 1e-9);
        Assert.True(Growth(0.0) < 0);
        Assert.True(Growth(0.1) < 0);
    }

    [Fact]
    public void Gaussian_ClipsAtZero()
    {
        // Ca far above eps: g ≈ -1, so z = 0.5 - 0.001 · 1000 would be about -0.5.
        Assert.Equal(0.0, Curve("gaussian", ("eta", 0.0), ("eps", 0.05)).Update(1000.0, 0.0, 5.0, 0.5, TauCa, 0.001, H));
    }

    [Theory]
    [InlineData(0.05, 0.01, 0.1, 0.0001)]
    [InlineData(0.2, 0.05, 0.03, 0.0004)]
    public void Sigmoid_EqualsForwardEulerSumOnTheGrid(double eps, double psi, double ca0, double rate)
    {
        const double t0 = 0.0, t1 = 10000.0, z0 = 3.0;
        double expected = EulerSum(ca => Sigmoid(ca, eps, psi), t0, t1, ca0, z0, rate);

        double z = Curve("sigmoid", ("eps", eps), ("psi", psi)).Update(t1, t0, ca0, z0, TauCa, rate, H);

        Assert.Equal(expected, z, 1e-11);
    }

    [Theory]
    [InlineData(0.05, 0.01, 0.1, 0.0001)]
    [InlineData(0.2, 0.05, 0.03, 0.0004)]
    public void Sigmoid_ApproachesExactIntegralWithinEulerError(double eps, double psi, double ca0, double rate)
    {
        const double t0 = 0.0, t1 = 10000.0, z0 = 3.0;
        double exact = ExactIntegral(ca => Sigmoid(ca, eps, psi), t0, t1, ca0, z0, rate);

        double z = Curve("sigmoid", ("eps", eps), ("psi", psi)).Update(t1, t0, ca0, z0, TauCa, rate, H);

        Assert.InRange(z, exact - 4 * H * rate, exact + 4 * H * rate);
        Assert.True(Math.Abs(z - z0) > 100 * 4 * H * rate, "the interval should change z by much more than the tolerance");
    }

    [Fact]
    public void Sigmoid_ClipsAtZero()
    {
        Assert.Equal(0.0, Curve("sigmoid", ("eps", 0.05), ("psi", 0.01)).Update(1000.0, 0.0, 5.0, 0.5, TauCa, 0.001, H));
    }

    [Fact]
    public void Defaults_AreNests()
    {
        // NEST: linear eps 0.7; gaussian eta 0.1, eps 0.7; sigmoid eps 0.7, psi 0.1.
        static Dictionary<string, object> Status(string name)
        {
            var status = new Dictionary<string, object>();
            NestSharp.Kernel.Catalog.CreateGrowthCurve(name).Write(status);
            return status;
        }
        Assert.Equal(0.7, Status("linear")["eps"]);
        Assert.Equal(0.1, Status("gaussian")["eta"]);
        Assert.Equal(0.7, Status("gaussian")["eps"]);
        Assert.Equal(0.7, Status("sigmoid")["eps"]);
        Assert.Equal(0.1, Status("sigmoid")["psi"]);
    }
}
