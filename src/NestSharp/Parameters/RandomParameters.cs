using NestSharp.Random;

namespace NestSharp;

/// <summary>Uniform on [<see cref="Lower"/>, <see cref="Upper"/>) (NEST's <c>uniform</c> parameter, keys min and max).</summary>
public sealed class UniformParameter : Parameter
{
    internal UniformParameter(double lower, double upper)
    {
        RandomParameters.RequireFinite("uniform", "min", lower);
        RandomParameters.RequireFinite("uniform", "max", upper);
        if (!(lower < upper)) throw new BadPropertyException("max", upper, $"uniform needs min < max, and min is {StatusValue.Format(lower)}");
        Lower = lower;
        Upper = upper;
    }

    /// <summary>The lowest value (included), NEST's min.</summary>
    public double Lower { get; }

    /// <summary>The bound above every value (excluded), NEST's max.</summary>
    public double Upper { get; }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => Lower + (Upper - Lower) * stream.NextDouble();

    internal override bool ReturnsIntegersOnly => false;

    /// <inheritdoc/>
    public override string ToString() => $"uniform(min={StatusValue.Format(Lower)}, max={StatusValue.Format(Upper)})";
}

/// <summary>A whole number uniform in 0 ... <see cref="Limit"/> - 1 (NEST's <c>uniform_int</c> parameter, key max).</summary>
public sealed class UniformIntParameter : Parameter
{
    internal UniformIntParameter(long limit)
    {
        if (limit < 1) throw new BadPropertyException("max", limit, "uniform_int needs max > 0 (values are drawn from 0 ... max - 1)");
        Limit = limit;
    }

    /// <summary>The bound above every value (excluded), NEST's max.</summary>
    public long Limit { get; }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => stream.NextBelow((ulong)Limit);

    internal override bool ReturnsIntegersOnly => true;

    /// <inheritdoc/>
    public override string ToString() => $"uniform_int(max={Limit})";
}

/// <summary>Normal with <see cref="Mean"/> and standard deviation <see cref="Std"/> (NEST's <c>normal</c> parameter).</summary>
public sealed class NormalParameter : Parameter
{
    internal NormalParameter(double mean, double std)
    {
        RandomParameters.RequireFinite("normal", "mean", mean);
        RandomParameters.RequirePositive("normal", "std", std);
        Mean = mean;
        Std = std;
    }

    /// <summary>The mean.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation (&gt; 0).</summary>
    public double Std { get; }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => Mean + Std * stream.NextNormal();

    internal override bool ReturnsIntegersOnly => false;

    /// <inheritdoc/>
    public override string ToString() => $"normal(mean={StatusValue.Format(Mean)}, std={StatusValue.Format(Std)})";
}

/// <summary>
/// exp of a normal with <see cref="Mean"/> and standard deviation <see cref="Std"/>: the parameters are those of the
/// underlying normal, as NEST's <c>lognormal</c> parameter.
/// </summary>
public sealed class LognormalParameter : Parameter
{
    internal LognormalParameter(double mean, double std)
    {
        RandomParameters.RequireFinite("lognormal", "mean", mean);
        RandomParameters.RequirePositive("lognormal", "std", std);
        Mean = mean;
        Std = std;
    }

    /// <summary>The mean of the logarithm.</summary>
    public double Mean { get; }

    /// <summary>The standard deviation of the logarithm (&gt; 0).</summary>
    public double Std { get; }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => Math.Exp(Mean + Std * stream.NextNormal());

    internal override bool ReturnsIntegersOnly => false;

    /// <inheritdoc/>
    public override string ToString() => $"lognormal(mean={StatusValue.Format(Mean)}, std={StatusValue.Format(Std)})";
}

/// <summary>Exponential with scale <see cref="Beta"/> (mean Beta), as NEST's <c>exponential</c> parameter.</summary>
public sealed class ExponentialParameter : Parameter
{
    internal ExponentialParameter(double beta)
    {
        RandomParameters.RequirePositive("exponential", "beta", beta);
        Beta = beta;
    }

    /// <summary>The scale, the mean of the distribution (&gt; 0).</summary>
    public double Beta { get; }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => Beta * stream.NextExponential();

    internal override bool ReturnsIntegersOnly => false;

    /// <inheritdoc/>
    public override string ToString() => $"exponential(beta={StatusValue.Format(Beta)})";
}

/// <summary>The factory behind <c>nest.Random</c>: the counterpart of PyNEST's <c>nest.random</c> module.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "Called through an instance, nest.Random.Normal(...), as PyNEST's nest.random.normal(...).")]
public sealed class RandomParameters
{
    internal RandomParameters() { }

    /// <summary>
    /// Uniform on [<paramref name="min"/>, <paramref name="max"/>), as <c>nest.random.uniform</c>; min must be below max
    /// (else BadProperty, as NEST).
    /// </summary>
    public Parameter Uniform(double min = 0.0, double max = 1.0) => new UniformParameter(min, max);

    /// <summary>
    /// A whole number uniform in 0 ... <paramref name="max"/> - 1, as <c>nest.random.uniform_int</c>; max must be at
    /// least 1 (else BadProperty, as NEST).
    /// </summary>
    public Parameter UniformInt(long max) => new UniformIntParameter(max);

    /// <summary>
    /// Normal with <paramref name="mean"/> and standard deviation <paramref name="std"/>, as <c>nest.random.normal</c>;
    /// std must be positive (else BadProperty, as NEST).
    /// </summary>
    public Parameter Normal(double mean = 0.0, double std = 1.0) => new NormalParameter(mean, std);

    /// <summary>
    /// exp of a normal with <paramref name="mean"/> and standard deviation <paramref name="std"/> (the parameters of the
    /// underlying normal), as <c>nest.random.lognormal</c>; std must be positive (else BadProperty, as NEST).
    /// </summary>
    public Parameter Lognormal(double mean = 0.0, double std = 1.0) => new LognormalParameter(mean, std);

    /// <summary>
    /// Exponential with scale (mean) <paramref name="beta"/>, as <c>nest.random.exponential</c>; beta must be positive
    /// (BadProperty otherwise: NEST 3.10 does not check, and gives 0 or negative values for beta &lt;= 0).
    /// </summary>
    public Parameter Exponential(double beta = 1.0) => new ExponentialParameter(beta);

    internal static void RequireFinite(string type, string key, double value)
    {
        if (!double.IsFinite(value)) throw new BadPropertyException(key, value, $"{type} needs a finite {key}");
    }

    internal static void RequirePositive(string type, string key, double value)
    {
        if (!(value > 0) || double.IsPositiveInfinity(value)) throw new BadPropertyException(key, value, $"{type} needs a finite {key} > 0");
    }
}
