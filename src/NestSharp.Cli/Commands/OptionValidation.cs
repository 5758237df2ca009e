using System.CommandLine;
using System.Globalization;

namespace NestSharp.Cli.Commands;

internal static class OptionValidation
{
    /// <summary>
    /// Adds a usage error with <paramref name="problem"/>'s message when the value given is not allowed. A value that
    /// does not parse is left to the parser, which reports it itself.
    /// </summary>
    public static Option<T> Require<T>(this Option<T> option, Func<T, bool> isAllowed, Func<T, string> problem)
        where T : IParsable<T>
    {
        option.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1
                && T.TryParse(result.Tokens[0].Value, CultureInfo.InvariantCulture, out T? value)
                && !isAllowed(value))
                result.AddError(problem(value));
        });
        return option;
    }
}
