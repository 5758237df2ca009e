namespace NestSharp.Plasticity.Structural;

/// <summary>
/// How the number z of a neuron's synaptic elements grows with its calcium concentration Ca (Butz &amp; van Ooyen 2013):
/// dz/dt = growth_rate · g(Ca), integrated from the last update (t_minus, Ca_minus, z_minus) to t while Ca decays with
/// tau_Ca, and clipped at 0.
/// <list type="bullet">
/// <item>gaussian: g = 2·exp(-((Ca - xi)/zeta)²) - 1, xi = (eta + eps)/2, zeta = (eps - eta)/(2·sqrt(ln 2)): elements grow
/// for eta &lt; Ca &lt; eps and retract outside; integrated with forward Euler on the time grid, as NEST does.</item>
/// <item>linear: g = 1 - Ca/eps, integrated exactly.</item>
/// <item>sigmoid: g = 2/(1 + exp((Ca - eps)/psi)) - 1, forward Euler on the time grid.</item>
/// </list>
/// Reference: Butz M, van Ooyen A (2013) PLoS Comput Biol 9(10):e1003259. NEST's growth curves.
/// </summary>
internal abstract class GrowthCurve
{
    /// <summary>The curve's name (its catalog name: gaussian, linear, sigmoid).</summary>
    public string Name => Catalog.NameOf(this);

    public abstract IReadOnlyList<string> Keys { get; }

    public abstract GrowthCurve Clone();

    /// <summary>Applies one key (the caller checked it is one of <see cref="Keys"/>).</summary>
    public abstract void Set(string key, double value);

    public abstract void Write(Dictionary<string, object> status);

    /// <summary>z at <paramref name="t"/> (ms), from the state at <paramref name="tMinus"/>.</summary>
    public abstract double Update(double t, double tMinus, double caMinus, double zMinus, double tauCa, double growthRate, double h);

}

[GrowthCurveName("linear")]
internal sealed class LinearGrowthCurve : GrowthCurve
{
    private double _eps = 0.7;

    public override IReadOnlyList<string> Keys => ["eps"];
    public override GrowthCurve Clone() => (GrowthCurve)MemberwiseClone();
    public override void Set(string key, double value) => _eps = value;

    public override void Write(Dictionary<string, object> status)
    {
        status["growth_curve"] = Name;
        status["eps"] = _eps;
    }

    public override double Update(double t, double tMinus, double caMinus, double zMinus, double tauCa, double growthRate, double h)
    {
        double ca = caMinus * Math.Exp((tMinus - t) / tauCa);
        double z = growthRate * tauCa * (ca - caMinus) / _eps + growthRate * (t - tMinus) + zMinus;
        return Math.Max(z, 0.0);
    }
}

[GrowthCurveName("gaussian")]
internal sealed class GaussianGrowthCurve : GrowthCurve
{
    private const double SqrtLogTwo = 0.83255461115769775635;
    private double _eta = 0.1, _eps = 0.7, _inverseZeta, _xi;

    public GaussianGrowthCurve() => Derive();

    public override IReadOnlyList<string> Keys => ["eta", "eps"];
    public override GrowthCurve Clone() => (GrowthCurve)MemberwiseClone();

    public override void Set(string key, double value)
    {
        if (key == "eta") _eta = value;
        else _eps = value;
        Derive();
    }

    private void Derive()
    {
        _inverseZeta = 2.0 * SqrtLogTwo / (_eta - _eps);
        _xi = (_eta + _eps) * 0.5;
    }

    public override void Write(Dictionary<string, object> status)
    {
        status["growth_curve"] = Name;
        status["eta"] = _eta;
        status["eps"] = _eps;
    }

    public override double Update(double t, double tMinus, double caMinus, double zMinus, double tauCa, double growthRate, double h)
    {
        double inverseTauCa = 1.0 / tauCa;
        double z = zMinus, ca = caMinus;
        for (double lag = tMinus; lag < t - h * 0.5; lag += h)
        {
            ca -= ca * inverseTauCa * h;
            double x = (ca - _xi) * _inverseZeta;
            z += h * growthRate * (2.0 * Math.Exp(-(x * x)) - 1.0);
        }
        return Math.Max(z, 0.0);
    }
}

[GrowthCurveName("sigmoid")]
internal sealed class SigmoidGrowthCurve : GrowthCurve
{
    private double _eps = 0.7, _psi = 0.1;

    public override IReadOnlyList<string> Keys => ["eps", "psi"];
    public override GrowthCurve Clone() => (GrowthCurve)MemberwiseClone();

    public override void Set(string key, double value)
    {
        if (key == "eps")
        {
            _eps = value;
        }
        else
        {
            if (!(value > 0)) throw new BadPropertyException("psi", value, "psi must be positive");
            _psi = value;
        }
    }

    public override void Write(Dictionary<string, object> status)
    {
        status["growth_curve"] = Name;
        status["eps"] = _eps;
        status["psi"] = _psi;
    }

    public override double Update(double t, double tMinus, double caMinus, double zMinus, double tauCa, double growthRate, double h)
    {
        double z = zMinus, ca = caMinus;
        for (double lag = tMinus; lag < t - h / 2.0; lag += h)
        {
            ca -= ca / tauCa * h;
            z += h * growthRate * (2.0 / (1.0 + Math.Exp((ca - _eps) / _psi)) - 1.0);
        }
        return Math.Max(z, 0.0);
    }
}
