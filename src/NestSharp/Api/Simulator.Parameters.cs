namespace NestSharp;

// Parameters: PyNEST's nest.CreateParameter and Parameter.GetValue (nest.random is the Random property).
public sealed partial class Simulator
{
    /// <summary>
    /// A parameter of NEST's type <paramref name="type"/> with the values of <paramref name="specs"/>, as PyNEST's
    /// <c>nest.CreateParameter</c>: <c>constant</c> {value}, <c>uniform</c> {min = 0, max = 1}, <c>uniform_int</c>
    /// {max = 1}, <c>normal</c> {mean = 0, std = 1}, <c>lognormal</c> {mean = 0, std = 1}, <c>exponential</c> {beta = 1},
    /// and NEST's spatial types (position, distance, exp_distribution, gaussian, gaussian2d, gamma, gabor; see
    /// <see cref="Spatial"/>). An unknown type is NEST's UndefinedName, a
    /// key the type does not have UnaccessedDictionaryEntry, a value of the wrong kind TypeMismatch, a value out of
    /// range BadProperty.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Called through the kernel, nest.CreateParameter(...), as in PyNEST.")]
    public Parameter CreateParameter(string type, Dictionary<string, object>? specs = null) => ParameterTypes.Create(type, specs);

    /// <summary>
    /// One value of <paramref name="parameter"/>, as PyNEST's <c>p.GetValue()</c>. Each call draws from its own stream,
    /// keyed by the kernel's seed and the number of GetValue draws made since the kernel was reset or seeded, so a
    /// sequence of calls gives the same values for a given rng_seed, whatever the threads and processes, and does not
    /// shift the draws of Set or Connect. A draw that fails (a redraw that finds no value) raises NEST's error and does
    /// not count.
    /// </summary>
    public double GetValue(Parameter parameter)
    {
        if (parameter is null) throw new TypeMismatchException("parameter", null, "a Parameter");
        var stream = new RandomStream(_kernel.Random.ValueDrawKey);
        double value = parameter.Draw(ref stream);
        _kernel.Random.CountValueDraw();
        return value;
    }
}
