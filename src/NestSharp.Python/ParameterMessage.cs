using System.Text.Json;

namespace NestSharp.Python;

/// <summary>
/// Parameters as Python's <c>nest.random</c>, <c>nest.math</c>, <c>nest.logic</c> and parameter arithmetic build them:
/// a tree of <c>{"__param__": kind, ...}</c> objects whose leaves are numbers or NEST's parameter types.
/// </summary>
/// <remarks>
/// Kinds: a parameter type of <c>CreateParameter</c> (<c>normal</c>, <c>uniform</c>, ...) with <c>specs</c>;
/// <c>add</c>, <c>sub</c>, <c>mul</c>, <c>div</c>, <c>lt</c>, <c>le</c>, <c>eq</c>, <c>ne</c>, <c>ge</c>, <c>gt</c>
/// with <c>left</c> and <c>right</c>; <c>pow</c> with <c>base</c> and the number <c>exponent</c>; <c>exp</c>,
/// <c>sin</c>, <c>cos</c> with <c>of</c>; <c>min</c>, <c>max</c> with <c>of</c> and the number <c>value</c>;
/// <c>redraw</c> with <c>of</c>, <c>min</c> and <c>max</c>; <c>conditional</c> with <c>condition</c>, <c>if_true</c>
/// and <c>if_false</c>.
/// </remarks>
internal static class ParameterMessage
{
    /// <summary>The parameter that <paramref name="element"/> describes.</summary>
    public static Parameter Read(JsonElement element, Session session)
    {
        string kind = element.GetProperty("__param__").GetString()!;
        Parameter Part(string name) => Operand(element.GetProperty(name), session, name);
        double Number(string name) => StatusValue(element.GetProperty(name), session, name);
        return kind switch
        {
            "add" => Part("left") + Part("right"),
            "sub" => Part("left") - Part("right"),
            "mul" => Part("left") * Part("right"),
            "div" => Part("left") / Part("right"),
            "lt" => Part("left").LessThan(Part("right")),
            "le" => Part("left").LessOrEqual(Part("right")),
            "eq" => Part("left").Equal(Part("right")),
            "ne" => Part("left").NotEqual(Part("right")),
            "ge" => Part("left").GreaterOrEqual(Part("right")),
            "gt" => Part("left").GreaterThan(Part("right")),
            "pow" => Parameter.Pow(Part("base"), Number("exponent")),
            "exp" => Parameter.Exp(Part("of")),
            "sin" => Parameter.Sin(Part("of")),
            "cos" => Parameter.Cos(Part("of")),
            "min" => Parameter.Min(Part("of"), Number("value")),
            "max" => Parameter.Max(Part("of"), Number("value")),
            "redraw" => Parameter.Redraw(Part("of"), Number("min"), Number("max")),
            "conditional" => Parameter.Conditional(Part("condition"), Part("if_true"), Part("if_false")),
            _ => CreateParameter(kind, element, session),
        };
    }

    private static Parameter CreateParameter(string type, JsonElement element, Session session)
    {
        var specs = element.TryGetProperty("specs", out var given)
            ? Message.ReadDictionary(given, session, "specs")
            : [];
        return session.Kernel.CreateParameter(type, specs);
    }

    private static Parameter Operand(JsonElement element, Session session, string name) =>
        Message.Read(element, session) switch
        {
            Parameter parameter => parameter,
            long l => Parameter.FromDouble(l),
            double d => Parameter.FromDouble(d),
            var other => throw new TypeMismatchException(name, other, "a Parameter or a number"),
        };

    private static double StatusValue(JsonElement element, Session session, string name) =>
        Message.Read(element, session) switch
        {
            long l => l,
            double d => d,
            var other => throw new TypeMismatchException(name, other, "a number"),
        };
}
