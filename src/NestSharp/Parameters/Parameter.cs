using NestSharp.Random;

namespace NestSharp;

/// <summary>
/// A value drawn per node or per connection, as NEST's <c>nest.random</c> parameters: <c>nest.Random.Normal(-60, 25)</c>
/// gives every node its own draw. Draws come from the keyed stream of what they belong to, so they do not depend on
/// the number of threads.
/// </summary>
public abstract record Parameter
{
    internal abstract double Draw(ref RandomStream stream);

    /// <summary>Draws again until the value lies in [min, max] (NEST's <c>nest.math.redraw</c>).</summary>
    public Parameter Redraw(double min, double max)
    {
        if (!(min < max)) throw new BadPropertyException("redraw", $"[{min}, {max}]", "min must be below max");
        return new RedrawParameter(this, min, max);
    }

    /// <summary>Clips the value to [min, max] (NEST's <c>nest.math.max(nest.math.min(p, max), min)</c>).</summary>
    public Parameter Clip(double min, double max)
    {
        if (!(min <= max)) throw new BadPropertyException("clip", $"[{min}, {max}]", "min must not exceed max");
        return new ClippedParameter(this, min, max);
    }

    /// <summary>Shifts every draw of <paramref name="p"/> by <paramref name="c"/> (<c>p + c</c> in PyNEST).</summary>
    public static Parameter operator +(Parameter p, double c) => new AffineParameter(p, 1.0, c);

    /// <summary>Scales every draw of <paramref name="p"/> by <paramref name="c"/> (<c>p * c</c> in PyNEST).</summary>
    public static Parameter operator *(Parameter p, double c) => new AffineParameter(p, c, 0.0);
}

/// <summary>Uniform on [min, max).</summary>
public sealed record UniformParameter(double Min, double Max) : Parameter
{
    internal override double Draw(ref RandomStream stream) => Min + (Max - Min) * stream.NextDouble();
}

/// <summary>Uniform integer in [0, Max).</summary>
public sealed record UniformIntParameter(long Max) : Parameter
{
    internal override double Draw(ref RandomStream stream) => stream.NextBelow((ulong)Max);
}

/// <summary>Normal with mean and standard deviation.</summary>
public sealed record NormalParameter(double Mean, double Std) : Parameter
{
    internal override double Draw(ref RandomStream stream) => Mean + Std * stream.NextNormal();
}

/// <summary>Log-normal: exp of a normal with the given mean and standard deviation (NEST's convention).</summary>
public sealed record LognormalParameter(double Mean, double Std) : Parameter
{
    internal override double Draw(ref RandomStream stream) => Math.Exp(Mean + Std * stream.NextNormal());
}

/// <summary>Exponential with scale <c>Beta</c> (mean Beta), as NEST's <c>nest.random.exponential(beta)</c>.</summary>
public sealed record ExponentialParameter(double Beta) : Parameter
{
    internal override double Draw(ref RandomStream stream) => Beta * stream.NextExponential();
}

internal sealed record RedrawParameter(Parameter Inner, double Min, double Max) : Parameter
{
    private const int MaxRedraws = 1000;

    internal override double Draw(ref RandomStream stream)
    {
        for (int i = 0; i < MaxRedraws; i++)
        {
            double v = Inner.Draw(ref stream);
            if (v >= Min && v <= Max) return v;
        }
        throw new KernelException($"redraw: no value in [{Min}, {Max}] after {MaxRedraws} draws from {Inner}.");
    }
}

internal sealed record ClippedParameter(Parameter Inner, double Min, double Max) : Parameter
{
    internal override double Draw(ref RandomStream stream) => Math.Clamp(Inner.Draw(ref stream), Min, Max);
}

internal sealed record AffineParameter(Parameter Inner, double Scale, double Offset) : Parameter
{
    internal override double Draw(ref RandomStream stream) => Inner.Draw(ref stream) * Scale + Offset;
}

/// <summary>The factory behind <c>nest.Random</c>: the counterpart of PyNEST's <c>nest.random</c> module.</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "Called through an instance, nest.Random.Normal(...), as PyNEST's nest.random.normal(...).")]
public sealed class RandomParameters
{
    internal RandomParameters() { }

    /// <summary>Uniform on [<paramref name="min"/>, <paramref name="max"/>), as <c>nest.random.uniform</c>; min must be below max.</summary>
    public Parameter Uniform(double min = 0.0, double max = 1.0)
    {
        if (!(min < max)) throw new BadPropertyException("uniform", $"min={min}, max={max}", "min must be below max");
        return new UniformParameter(min, max);
    }

    /// <summary>A whole number uniform in 0 ... <paramref name="max"/> - 1, as <c>nest.random.uniform_int</c>; max must be at least 1.</summary>
    public Parameter UniformInt(long max)
    {
        if (max < 1) throw new BadPropertyException("uniform_int max", max, "must be at least 1");
        return new UniformIntParameter(max);
    }

    /// <summary>Normal with <paramref name="mean"/> and standard deviation <paramref name="std"/> (≥ 0), as <c>nest.random.normal</c>.</summary>
    public Parameter Normal(double mean = 0.0, double std = 1.0)
    {
        if (!(std >= 0)) throw new BadPropertyException("normal std", std, "must be non-negative");
        return new NormalParameter(mean, std);
    }

    /// <summary>
    /// exp of a normal with <paramref name="mean"/> and standard deviation <paramref name="std"/> (≥ 0): the parameters are
    /// those of the underlying normal, as in <c>nest.random.lognormal</c>.
    /// </summary>
    public Parameter Lognormal(double mean = 0.0, double std = 1.0)
    {
        if (!(std >= 0)) throw new BadPropertyException("lognormal std", std, "must be non-negative");
        return new LognormalParameter(mean, std);
    }

    /// <summary>Exponential with scale (mean) <paramref name="beta"/> (> 0), as <c>nest.random.exponential</c>.</summary>
    public Parameter Exponential(double beta = 1.0)
    {
        if (!(beta > 0)) throw new BadPropertyException("exponential beta", beta, "must be positive");
        return new ExponentialParameter(beta);
    }
}
