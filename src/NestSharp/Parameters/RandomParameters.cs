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

/// <summary>
/// The parameters drawn through a normal with <see cref="Mean"/> and standard deviation <see cref="Std"/>:
/// <see cref="NormalParameter"/> and <see cref="LognormalParameter"/> (the exp of the normal).
/// </summary>
public abstract class NormalBasedParameter : Parameter
{
    private readonly string _type;

    private protected NormalBasedParameter(string type, double mean, double std)
    {
        RandomParameters.RequireFinite(type, "mean", mean);
        RandomParameters.RequirePositive(type, "std", std);
        _type = type;
        Mean = mean;
        Std = std;
    }

    /// <summary>The mean of the normal (of the logarithm, for lognormal).</summary>
    public double Mean { get; }

    /// <summary>The standard deviation of the normal (of the logarithm, for lognormal; &gt; 0).</summary>
    public double Std { get; }

    /// <summary>A draw of the normal: <see cref="Mean"/> + <see cref="Std"/>·N(0, 1).</summary>
    private protected double DrawNormal(ref RandomStream stream) => Mean + Std * stream.NextNormal();

    internal override bool ReturnsIntegersOnly => false;

    /// <inheritdoc/>
    public override string ToString() => $"{_type}(mean={StatusValue.Format(Mean)}, std={StatusValue.Format(Std)})";
}

/// <summary>Normal with <see cref="NormalBasedParameter.Mean"/> and standard deviation <see cref="NormalBasedParameter.Std"/> (NEST's <c>normal</c> parameter).</summary>
public sealed class NormalParameter : NormalBasedParameter
{
    internal NormalParameter(double mean, double std) : base("normal", mean, std) { }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => DrawNormal(ref stream);
}

/// <summary>
/// exp of a normal with <see cref="NormalBasedParameter.Mean"/> and standard deviation
/// <see cref="NormalBasedParameter.Std"/>: the parameters are those of the underlying normal, as NEST's
/// <c>lognormal</c> parameter.
/// </summary>
public sealed class LognormalParameter : NormalBasedParameter
{
    internal LognormalParameter(double mean, double std) : base("lognormal", mean, std) { }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => Math.Exp(DrawNormal(ref stream));
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
