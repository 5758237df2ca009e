using NestSharp.Numerics;

namespace NestSharp.Tests.Models;

/// <summary>
/// The adaptive Runge-Kutta-Fehlberg 4(5) integrator behind aeif_psc_delta_clopath, on ODEs with known solutions: one
/// step equals the Fehlberg fifth-order formula, integration over an interval stays within its tolerance, steps that
/// are too large are rejected and retried, the end time is hit exactly, and no call allocates.
/// </summary>
public sealed class AeifPscDeltaClopathIntegratorTests
{
    /// <summary>dy/dt = rate · y.</summary>
    private struct Exponential(double rate) : IOdeSystem
    {
        public int Evaluations;

        public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            Evaluations++;
            dydt[0] = rate * y[0];
        }
    }

    /// <summary>The harmonic oscillator x'' = -ω²x as (x, v).</summary>
    private readonly struct Oscillator(double omega) : IOdeSystem
    {
        public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt)
        {
            dydt[0] = y[1];
            dydt[1] = -omega * omega * y[0];
        }
    }

    /// <summary>dy/dt = cos(t): checks that stage times are passed on.</summary>
    private readonly struct Forced : IOdeSystem
    {
        public void Derivatives(double t, ReadOnlySpan<double> y, Span<double> dydt) => dydt[0] = Math.Cos(t);
    }

    /// <summary>Integrates from <paramref name="t0"/> to <paramref name="t1"/> as a neuron model's update does; returns the calls made.</summary>
    private static int Integrate<T>(Rkf45Integrator integrator, ref T system, ErrorControl control, double t0, double t1, ref double h,
        Span<double> y) where T : struct, IOdeSystem
    {
        double t = t0;
        int calls = 0;
        while (t < t1)
        {
            integrator.Evolve(ref system, control, ref t, t1, ref h, y);
            calls++;
            Assert.True(t <= t1);
        }
        Assert.Equal(t1, t);
        return calls;
    }

    [Fact]
    public void OneAcceptedStep_IsFehlbergsFifthOrderSolution()
    {
        // For dy/dt = λy one RKF45 step multiplies y by R(z) = 1 + z + z²/2 + z³/6 + z⁴/24 + z⁵/120 + z⁶/2080, z = λh,
        // and estimates the error as (z⁶/2080 - z⁵/780)·y.
        const double lambda = -1.3, h = 0.1;
        var integrator = new Rkf45Integrator(1);
        var system = new Exponential(lambda);
        Span<double> y = [2.0];
        double t = 0.0, step = h;
        integrator.Evolve(ref system, ErrorControl.OnDerivatives(1e-6, 1e-6), ref t, h, ref step, y);

        double z = lambda * h;
        double r = 1 + z + z * z / 2 + Math.Pow(z, 3) / 6 + Math.Pow(z, 4) / 24 + Math.Pow(z, 5) / 120 + Math.Pow(z, 6) / 2080;
        Assert.Equal(h, t);
        Assert.Equal(2.0 * r, y[0], 1e-15);
        Assert.Equal(7, system.Evaluations); // f at the start, five further stages, f at the end for the error control
        Assert.Equal(0, integrator.StepsRejected);

        // The error was small, so the next step grows by 0.9·E^(-1/6), E = |err| / (eps_abs + eps_rel·|h·f(y_new)|), at most 5x.
        double error = Math.Abs((Math.Pow(z, 6) / 2080 - Math.Pow(z, 5) / 780) * 2.0);
        double admissible = 1e-6 * Math.Abs(h * lambda * y[0]) + 1e-6;
        double expected = h * Math.Min(5.0, Math.Max(1.0, 0.9 * Math.Pow(error / admissible, -1.0 / 6.0)));
        Assert.Equal(expected, step, 1e-12);
    }

    [Fact]
    public void ExponentialDecay_StaysWithinTolerance()
    {
        var integrator = new Rkf45Integrator(1);
        var system = new Exponential(-2.0);
        Span<double> y = [1.0];
        double h = 0.01;
        int calls = Integrate(integrator, ref system, ErrorControl.OnValues(1e-10, 0.0), 0.0, 5.0, ref h, y);
        Assert.True(Math.Abs(y[0] - Math.Exp(-10.0)) < 1e-8, $"y(5) = {y[0]:R}, exact {Math.Exp(-10.0):R}");
        Assert.True(calls > 10, "adaptive steps should be needed at this tolerance");
    }

    [Fact]
    public void HarmonicOscillator_ReturnsAfterOnePeriod()
    {
        var integrator = new Rkf45Integrator(2);
        var system = new Oscillator(3.0);
        Span<double> y = [1.0, 0.0];
        double h = 0.1, period = 2 * Math.PI / 3.0;
        Integrate(integrator, ref system, ErrorControl.OnValues(1e-11, 1e-11), 0.0, period, ref h, y);
        Assert.True(Math.Abs(y[0] - 1.0) < 1e-8 && Math.Abs(y[1]) < 3e-8, $"after one period x = {y[0]:R}, v = {y[1]:R}");
    }

    [Fact]
    public void StageTimes_ArePassedToTheSystem()
    {
        var integrator = new Rkf45Integrator(1);
        var system = new Forced();
        Span<double> y = [0.0];
        double h = 0.5;
        Integrate(integrator, ref system, ErrorControl.OnValues(1e-10, 0.0), 0.0, 3.0, ref h, y);
        Assert.True(Math.Abs(y[0] - Math.Sin(3.0)) < 1e-8, $"y(3) = {y[0]:R}, sin 3 = {Math.Sin(3.0):R}");
    }

    [Fact]
    public void TooLargeAStep_IsRejectedAndRetriedSmaller()
    {
        var integrator = new Rkf45Integrator(1);
        var system = new Exponential(-50.0);
        Span<double> y = [1.0];
        double t = 0.0, h = 1.0;
        integrator.Evolve(ref system, ErrorControl.OnValues(1e-8, 0.0), ref t, 1.0, ref h, y);
        Assert.True(integrator.StepsRejected > 0);
        Assert.True(t > 0 && t < 1.0, $"an accepted step must be shorter than the interval, got t = {t}");
        Assert.True(Math.Abs(y[0] - Math.Exp(-50.0 * t)) < 1e-7, $"y({t}) = {y[0]:R}, exact {Math.Exp(-50.0 * t):R}");
    }

    [Fact]
    public void Evolve_DoesNotAllocate()
    {
        var integrator = new Rkf45Integrator(2);
        var system = new Oscillator(1.0);
        Span<double> y = [1.0, 0.0];
        double h = 0.1;
        Integrate(integrator, ref system, ErrorControl.OnDerivatives(1e-6, 1e-6), 0.0, 1.0, ref h, y);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int k = 0; k < 1000; k++)
        {
            double t = 0.0;
            while (t < 0.1) integrator.Evolve(ref system, ErrorControl.OnDerivatives(1e-6, 1e-6), ref t, 0.1, ref h, y);
        }
        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void Evolve_RejectsBackwardIntervals()
    {
        var integrator = new Rkf45Integrator(1);
        var system = new Exponential(1.0);
        double t = 1.0, h = 0.1;
        double[] y = [1.0];
        Assert.Throws<ArgumentOutOfRangeException>(() => integrator.Evolve(ref system, ErrorControl.OnValues(1e-6, 0), ref t, 0.5, ref h, y));
    }
}
