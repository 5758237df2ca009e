namespace NestSharp;

/// <summary>A parameter that is always <see cref="Value"/> (NEST's <c>constant</c> parameter).</summary>
public sealed class ConstantParameter : Parameter
{
    /// <summary>A constant parameter with <paramref name="value"/>.</summary>
    public ConstantParameter(double value) => Value = value;

    /// <summary>The value every draw gives.</summary>
    public double Value { get; }

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => Value;

    // NEST: a constant returns only integers when its value has no fractional part.
    internal override bool ReturnsIntegersOnly => Value % 1.0 == 0.0;

    /// <inheritdoc/>
    public override string ToString() => StatusValue.Format(Value);
}

internal enum ArithmeticOperation { Add, Subtract, Multiply, Divide }

/// <summary>The sum, difference, product or quotient of two parameters, left drawn before right.</summary>
internal sealed class ArithmeticParameter(Parameter left, Parameter right, ArithmeticOperation operation) : Parameter
{
    public override bool IsSpatial => left.IsSpatial || right.IsSpatial;

    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        double a = left.Draw(ref stream, site);
        double b = right.Draw(ref stream, site);
        return operation switch
        {
            ArithmeticOperation.Add => a + b,
            ArithmeticOperation.Subtract => a - b,
            ArithmeticOperation.Multiply => a * b,
            _ => a / b,
        };
    }

    // NEST's rule for all four operations, the quotient included.
    internal override bool ReturnsIntegersOnly => left.ReturnsIntegersOnly && right.ReturnsIntegersOnly;

    public override string ToString()
    {
        string symbol = operation switch
        {
            ArithmeticOperation.Add => "+",
            ArithmeticOperation.Subtract => "-",
            ArithmeticOperation.Multiply => "*",
            _ => "/",
        };
        return $"({left} {symbol} {right})";
    }
}

/// <summary>NEST's comparators, numbered as NEST numbers them (0 ... 5).</summary>
internal enum Comparison { Less, LessOrEqual, Equal, NotEqual, GreaterOrEqual, Greater }

/// <summary>1 where the comparison of a draw of left with a draw of right holds, else 0 (NEST's comparing parameter).</summary>
internal sealed class ComparisonParameter(Parameter left, Parameter right, Comparison comparison) : Parameter
{
    public override bool IsSpatial => left.IsSpatial || right.IsSpatial;

    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        double a = left.Draw(ref stream, site);
        double b = right.Draw(ref stream, site);
        bool holds = comparison switch
        {
            Comparison.Less => a < b,
            Comparison.LessOrEqual => a <= b,
            Comparison.Equal => a == b,
            Comparison.NotEqual => a != b,
            Comparison.GreaterOrEqual => a >= b,
            _ => a > b,
        };
        return holds ? 1.0 : 0.0;
    }

    internal override bool ReturnsIntegersOnly => true;

    public override string ToString()
    {
        string symbol = comparison switch
        {
            Comparison.Less => "<",
            Comparison.LessOrEqual => "<=",
            Comparison.Equal => "==",
            Comparison.NotEqual => "!=",
            Comparison.GreaterOrEqual => ">=",
            _ => ">",
        };
        return $"({left} {symbol} {right})";
    }
}

/// <summary>
/// A draw of ifTrue where a draw of the condition is non-zero (NaN counts as non-zero, as in NEST), else a draw of
/// ifFalse; the branch not taken does not draw.
/// </summary>
internal sealed class ConditionalParameter(Parameter condition, Parameter ifTrue, Parameter ifFalse) : Parameter
{
    public override bool IsSpatial => condition.IsSpatial || ifTrue.IsSpatial || ifFalse.IsSpatial;

    internal override double Draw(ref RandomStream stream, in ParameterSite site) =>
        condition.Draw(ref stream, site) != 0.0 ? ifTrue.Draw(ref stream, site) : ifFalse.Draw(ref stream, site);

    internal override bool ReturnsIntegersOnly => ifTrue.ReturnsIntegersOnly && ifFalse.ReturnsIntegersOnly;

    public override string ToString() => $"conditional({condition}, {ifTrue}, {ifFalse})";
}

internal enum MathFunction { Exp, Sin, Cos }

/// <summary>exp, sin or cos of a draw (NEST's <c>nest.math.exp/sin/cos</c>).</summary>
internal sealed class FunctionParameter(Parameter inner, MathFunction function) : Parameter
{
    public override bool IsSpatial => inner.IsSpatial;

    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        double x = inner.Draw(ref stream, site);
        return function switch
        {
            MathFunction.Exp => Math.Exp(x),
            MathFunction.Sin => Math.Sin(x),
            _ => Math.Cos(x),
        };
    }

    internal override bool ReturnsIntegersOnly => false;

    public override string ToString() => $"{function.ToString().ToLowerInvariant()}({inner})";
}

/// <summary>The smaller (upper bound) or larger (lower bound) of a draw and a number (NEST's <c>nest.math.min/max</c>).</summary>
internal sealed class BoundParameter(Parameter inner, double bound, bool upper) : Parameter
{
    public override bool IsSpatial => inner.IsSpatial;

    // As std::min(x, bound) and std::max(x, bound) in NEST: the draw is kept unless the bound is strictly beyond it,
    // so a NaN draw stays NaN and a NaN bound changes nothing.
    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        double x = inner.Draw(ref stream, site);
        return upper ? (bound < x ? bound : x) : (x < bound ? bound : x);
    }

    internal override bool ReturnsIntegersOnly => inner.ReturnsIntegersOnly && bound % 1.0 == 0.0;

    public override string ToString() => $"{(upper ? "min" : "max")}({inner}, {StatusValue.Format(bound)})";
}

/// <summary>A draw raised to a fixed exponent (PyNEST's <c>p ** exponent</c>).</summary>
internal sealed class PowParameter(Parameter inner, double exponent) : Parameter
{
    public override bool IsSpatial => inner.IsSpatial;

    internal override double Draw(ref RandomStream stream, in ParameterSite site) => Math.Pow(inner.Draw(ref stream, site), exponent);

    // NEST's rule: a power of an integer-only parameter counts as integer-only, whatever the exponent.
    internal override bool ReturnsIntegersOnly => inner.ReturnsIntegersOnly;

    public override string ToString() => $"({inner} ** {StatusValue.Format(exponent)})";
}

/// <summary>
/// A draw of the inner parameter, repeated until it lies in [min, max] (both included); after 1000 draws outside the
/// limits the draw fails with a KernelException, as NEST's redraw parameter.
/// </summary>
internal sealed class RedrawParameter : Parameter
{
    /// <summary>NEST's limit on the draws of one redraw.</summary>
    public const int MaxRedraws = 1000;

    private readonly Parameter _inner;
    private readonly double _min;
    private readonly double _max;

    public RedrawParameter(Parameter inner, double min, double max)
    {
        if (double.IsNaN(min)) throw new BadParameterValueException("min", min, "redraw needs a number as lower limit");
        if (double.IsNaN(max)) throw new BadParameterValueException("max", max, "redraw needs a number as upper limit");
        if (min > max) throw new BadParameterValueException("min", min, $"redraw needs min <= max, and max is {StatusValue.Format(max)}");
        _inner = inner;
        _min = min;
        _max = max;
    }

    internal override double Draw(ref RandomStream stream, in ParameterSite site)
    {
        for (int i = 0; i < MaxRedraws; i++)
        {
            double value = _inner.Draw(ref stream, site);
            if (value >= _min && value <= _max) return value;
        }
        throw new KernelException(
            $"Number of redraws exceeded limit of {MaxRedraws}: no draw of {_inner} fell in [{StatusValue.Format(_min)}, {StatusValue.Format(_max)}].");
    }

    internal override bool ReturnsIntegersOnly => false;

    public override bool IsSpatial => _inner.IsSpatial;

    public override string ToString() => $"redraw({_inner}, {StatusValue.Format(_min)}, {StatusValue.Format(_max)})";
}
