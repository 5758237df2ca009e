namespace NestSharp;

/// <summary>
/// A value drawn per node or per connection, as NEST's <c>Parameter</c>: a constant, a random distribution
/// (<c>nest.Random.Normal(-60, 25)</c> gives every node its own draw), or an expression built from them with
/// <c>+ - * /</c>, <see cref="Pow"/>, comparisons, <see cref="Exp"/>, <see cref="Sin"/>, <see cref="Cos"/>,
/// <see cref="Min"/>, <see cref="Max"/>, <see cref="Redraw(double, double)"/> and <see cref="Conditional"/>
/// (PyNEST's parameter arithmetic, <c>nest.math</c> and <c>nest.logic</c>). A number converts to a constant
/// parameter, so <c>3.0 + p</c> and <c>p / 2</c> work as in PyNEST. <c>Simulator.GetValue</c> draws one value.
/// </summary>
/// <remarks>
/// Draws come from the keyed stream of what they belong to (the node, the connection, the kernel's GetValue counter),
/// so they do not depend on the number of threads. An expression draws its parts in a fixed order from the one stream
/// it is given: left operand before right, the condition before the branch it picks (only that branch draws), the inner
/// parameter again and again for <see cref="Redraw(double, double)"/>.
/// <para>
/// <c>==</c> and <c>!=</c> compare references, as for any class; NEST's element-wise comparisons are
/// <see cref="Equal"/> and <see cref="NotEqual"/> (and <see cref="LessThan"/> ... , also as <c>&lt;</c>, <c>&gt;</c>,
/// <c>&lt;=</c>, <c>&gt;=</c>), each a parameter giving 1 where the comparison holds and 0 where it does not.
/// NEST has no <c>%</c> and refuses a parameter as exponent (<c>p ** q</c>, <c>2 ** p</c>): NestSharp does not offer them.
/// </para>
/// </remarks>
public abstract class Parameter
{
    private protected Parameter() { }

    /// <summary>
    /// One value, drawn from <paramref name="stream"/> (an expression draws its parts in a fixed order), where
    /// <paramref name="site"/> says which positions the spatial parameters (nest.spatial) read.
    /// </summary>
    internal abstract double Draw(ref RandomStream stream, in ParameterSite site);

    /// <summary>One value without positions: a spatial parameter fails (BadParameterValue, as NEST).</summary>
    internal double Draw(ref RandomStream stream) => Draw(ref stream, ParameterSite.None);

    /// <summary>Whether the parameter reads positions (NEST's <c>is_spatial</c>): a spatial parameter or an expression with one.</summary>
    public virtual bool IsSpatial => false;

    /// <summary>
    /// Whether every value is a whole number, as NEST's <c>returns_int_only</c>: true for <c>uniform_int</c> and
    /// whole-number constants, and for sums, differences, products, quotients, powers, min and max of such parameters
    /// (NEST's rule, which a connection rule reads to accept a parameter as in- or out-degree); false otherwise.
    /// </summary>
    internal abstract bool ReturnsIntegersOnly { get; }

    // ---------------------------------------------------------------- constants

    /// <summary>A parameter that is always <paramref name="value"/> (PyNEST's <c>nest.CreateParameter("constant", {"value": v})</c>).</summary>
    public static Parameter Constant(double value) => new ConstantParameter(value);

    /// <summary>A number as a constant parameter, so that <c>3.0 + p</c>, <c>p * 2</c> and <c>p.LessThan(0.5)</c> work.</summary>
    public static implicit operator Parameter(double value) => new ConstantParameter(value);

    /// <summary>The named alternative of the implicit conversion: <see cref="Constant"/>.</summary>
    public static Parameter FromDouble(double value) => new ConstantParameter(value);

    // ---------------------------------------------------------------- arithmetic

    /// <summary>The sum of a draw of <paramref name="left"/> and a draw of <paramref name="right"/> (drawn in that order).</summary>
    public static Parameter operator +(Parameter left, Parameter right) => Add(left, right);

    /// <summary>The difference of a draw of <paramref name="left"/> and a draw of <paramref name="right"/> (drawn in that order).</summary>
    public static Parameter operator -(Parameter left, Parameter right) => Subtract(left, right);

    /// <summary>The product of a draw of <paramref name="left"/> and a draw of <paramref name="right"/> (drawn in that order).</summary>
    public static Parameter operator *(Parameter left, Parameter right) => Multiply(left, right);

    /// <summary>The quotient of a draw of <paramref name="left"/> and a draw of <paramref name="right"/> (drawn in that order).</summary>
    public static Parameter operator /(Parameter left, Parameter right) => Divide(left, right);

    /// <summary>The negated draw, <c>-p</c> (PyNEST's <c>p * (-1)</c>).</summary>
    public static Parameter operator -(Parameter operand) => Negate(operand);

    /// <summary>The parameter itself, <c>+p</c>.</summary>
    public static Parameter operator +(Parameter operand) => Plus(operand);

    /// <summary>The named alternative of <c>left + right</c>.</summary>
    public static Parameter Add(Parameter left, Parameter right) =>
        new ArithmeticParameter(Operand(left, nameof(left)), Operand(right, nameof(right)), ArithmeticOperation.Add);

    /// <summary>The named alternative of <c>left - right</c>.</summary>
    public static Parameter Subtract(Parameter left, Parameter right) =>
        new ArithmeticParameter(Operand(left, nameof(left)), Operand(right, nameof(right)), ArithmeticOperation.Subtract);

    /// <summary>The named alternative of <c>left * right</c>.</summary>
    public static Parameter Multiply(Parameter left, Parameter right) =>
        new ArithmeticParameter(Operand(left, nameof(left)), Operand(right, nameof(right)), ArithmeticOperation.Multiply);

    /// <summary>The named alternative of <c>left / right</c>; a zero divisor gives ±infinity or NaN, as in NEST.</summary>
    public static Parameter Divide(Parameter left, Parameter right) =>
        new ArithmeticParameter(Operand(left, nameof(left)), Operand(right, nameof(right)), ArithmeticOperation.Divide);

    /// <summary>The named alternative of <c>-p</c>: the draw times -1, as PyNEST computes it.</summary>
    public static Parameter Negate(Parameter operand) => Multiply(Operand(operand, nameof(operand)), -1.0);

    /// <summary>The named alternative of <c>+p</c>: the parameter itself.</summary>
    public static Parameter Plus(Parameter operand) => Operand(operand, nameof(operand));

    /// <summary>
    /// A draw of <paramref name="parameter"/> raised to <paramref name="exponent"/> (PyNEST's <c>p ** exponent</c>): a
    /// negative base with a non-integer exponent gives NaN, as in NEST. The exponent is a number: NEST refuses a
    /// parameter as exponent.
    /// </summary>
    public static Parameter Pow(Parameter parameter, double exponent) => new PowParameter(Operand(parameter, nameof(parameter)), exponent);

    // ---------------------------------------------------------------- comparisons

    /// <summary>1 where a draw of this parameter is below a draw of <paramref name="other"/>, else 0 (PyNEST's <c>p &lt; q</c>).</summary>
    public Parameter LessThan(Parameter other) => Compare(other, Comparison.Less);

    /// <summary>1 where a draw of this parameter is at most a draw of <paramref name="other"/>, else 0 (PyNEST's <c>p &lt;= q</c>).</summary>
    public Parameter LessOrEqual(Parameter other) => Compare(other, Comparison.LessOrEqual);

    /// <summary>1 where a draw of this parameter equals a draw of <paramref name="other"/>, else 0 (PyNEST's <c>p == q</c>).</summary>
    public Parameter Equal(Parameter other) => Compare(other, Comparison.Equal);

    /// <summary>1 where a draw of this parameter differs from a draw of <paramref name="other"/>, else 0 (PyNEST's <c>p != q</c>).</summary>
    public Parameter NotEqual(Parameter other) => Compare(other, Comparison.NotEqual);

    /// <summary>1 where a draw of this parameter is at least a draw of <paramref name="other"/>, else 0 (PyNEST's <c>p &gt;= q</c>).</summary>
    public Parameter GreaterOrEqual(Parameter other) => Compare(other, Comparison.GreaterOrEqual);

    /// <summary>1 where a draw of this parameter is above a draw of <paramref name="other"/>, else 0 (PyNEST's <c>p &gt; q</c>).</summary>
    public Parameter GreaterThan(Parameter other) => Compare(other, Comparison.Greater);

    /// <summary><see cref="LessThan"/> as an operator: a parameter giving 1 or 0, not a bool.</summary>
    public static Parameter operator <(Parameter left, Parameter right) => Operand(left, nameof(left)).LessThan(right);

    /// <summary><see cref="GreaterThan"/> as an operator: a parameter giving 1 or 0, not a bool.</summary>
    public static Parameter operator >(Parameter left, Parameter right) => Operand(left, nameof(left)).GreaterThan(right);

    /// <summary><see cref="LessOrEqual"/> as an operator: a parameter giving 1 or 0, not a bool.</summary>
    public static Parameter operator <=(Parameter left, Parameter right) => Operand(left, nameof(left)).LessOrEqual(right);

    /// <summary><see cref="GreaterOrEqual"/> as an operator: a parameter giving 1 or 0, not a bool.</summary>
    public static Parameter operator >=(Parameter left, Parameter right) => Operand(left, nameof(left)).GreaterOrEqual(right);

    private ComparisonParameter Compare(Parameter other, Comparison comparison) =>
        new(this, Operand(other, nameof(other)), comparison);

    // ---------------------------------------------------------------- nest.math and nest.logic

    /// <summary>e raised to a draw of <paramref name="parameter"/> (NEST's <c>nest.math.exp</c>).</summary>
    public static Parameter Exp(Parameter parameter) => new FunctionParameter(Operand(parameter, nameof(parameter)), MathFunction.Exp);

    /// <summary>The sine of a draw of <paramref name="parameter"/> (NEST's <c>nest.math.sin</c>).</summary>
    public static Parameter Sin(Parameter parameter) => new FunctionParameter(Operand(parameter, nameof(parameter)), MathFunction.Sin);

    /// <summary>The cosine of a draw of <paramref name="parameter"/> (NEST's <c>nest.math.cos</c>).</summary>
    public static Parameter Cos(Parameter parameter) => new FunctionParameter(Operand(parameter, nameof(parameter)), MathFunction.Cos);

    /// <summary>The smaller of a draw of <paramref name="parameter"/> and <paramref name="value"/> (NEST's <c>nest.math.min</c>).</summary>
    public static Parameter Min(Parameter parameter, double value) => new BoundParameter(Operand(parameter, nameof(parameter)), value, upper: true);

    /// <summary>The larger of a draw of <paramref name="parameter"/> and <paramref name="value"/> (NEST's <c>nest.math.max</c>).</summary>
    public static Parameter Max(Parameter parameter, double value) => new BoundParameter(Operand(parameter, nameof(parameter)), value, upper: false);

    /// <summary>
    /// Draws <paramref name="parameter"/> again until the value lies in [<paramref name="min"/>, <paramref name="max"/>]
    /// (both included), as NEST's <c>nest.math.redraw</c>. min must not exceed max (else BadParameterValue, as NEST);
    /// a draw that finds no such value in 1000 tries fails with a KernelException, as NEST's.
    /// </summary>
    public static Parameter Redraw(Parameter parameter, double min, double max) =>
        new RedrawParameter(Operand(parameter, nameof(parameter)), min, max);

    /// <summary>This parameter drawn again until the value lies in [<paramref name="min"/>, <paramref name="max"/>]: see <see cref="Redraw(Parameter, double, double)"/>.</summary>
    public Parameter Redraw(double min, double max) => new RedrawParameter(this, min, max);

    /// <summary>
    /// A draw of <paramref name="ifTrue"/> where a draw of <paramref name="condition"/> is non-zero, else a draw of
    /// <paramref name="ifFalse"/> (NEST's <c>nest.logic.conditional</c>); the condition is drawn first and only the branch
    /// it picks draws. Numbers for the branches become constants, as in PyNEST.
    /// </summary>
    public static Parameter Conditional(Parameter condition, Parameter ifTrue, Parameter ifFalse) =>
        new ConditionalParameter(Operand(condition, nameof(condition)), Operand(ifTrue, nameof(ifTrue)), Operand(ifFalse, nameof(ifFalse)));

    /// <summary>A parameter argument, or a TypeMismatch naming the argument when it is null.</summary>
    private protected static Parameter Operand(Parameter? parameter, string argument) =>
        parameter ?? throw new TypeMismatchException(argument, null, "a Parameter or a number");
}
