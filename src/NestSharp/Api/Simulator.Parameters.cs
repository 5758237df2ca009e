using NestSharp.Kernel;
using NestSharp.Random;

namespace NestSharp;

// Parameters: PyNEST's nest.CreateParameter and Parameter.GetValue (nest.random is the Random property).
public sealed partial class Simulator
{
    /// <summary>Names the GetValue draws among the kernel's random streams.</summary>
    private const ulong GetValueStreamKind = 0x6E7_0A1E;

    private ValueDraws? _valueDraws;

    /// <summary>
    /// A parameter of NEST's type <paramref name="type"/> with the values of <paramref name="specs"/>, as PyNEST's
    /// <c>nest.CreateParameter</c>: <c>constant</c> {value}, <c>uniform</c> {min = 0, max = 1}, <c>uniform_int</c>
    /// {max = 1}, <c>normal</c> {mean = 0, std = 1}, <c>lognormal</c> {mean = 0, std = 1}, <c>exponential</c> {beta = 1}.
    /// An unknown type is NEST's UndefinedName (NEST's spatial types are NotImplemented: NestSharp has no positions), a
    /// key the type does not have UnaccessedDictionaryEntry, a value of the wrong kind TypeMismatch, a value out of
    /// range BadProperty.
    /// </summary>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
        Justification = "Called through the kernel, nest.CreateParameter(...), as in PyNEST.")]
    public Parameter CreateParameter(string type, Dictionary<string, object>? specs = null) => ParameterTypes.Create(type, specs);

    /// <summary>
    /// One value of <paramref name="parameter"/>, as PyNEST's <c>p.GetValue()</c>. Each call draws from its own stream,
    /// keyed by the kernel's seed and the number of GetValue draws made since the kernel was reset or reseeded, so a
    /// sequence of calls gives the same values for a given rng_seed, whatever the threads and processes. A draw that
    /// fails (a redraw that finds no value) raises NEST's error and does not count.
    /// </summary>
    public double GetValue(Parameter parameter)
    {
        if (parameter is null) throw new TypeMismatchException("parameter", null, "a Parameter");
        ulong seedKey = _kernel.Random.SeedKey;
        var draws = _valueDraws is { } current && ReferenceEquals(current.Kernel, _kernel) && current.SeedKey == seedKey
            ? current
            : new ValueDraws(_kernel, seedKey);
        var stream = new RandomStream(RandomStream.Derive(seedKey, GetValueStreamKind, (ulong)draws.Count));
        double value = parameter.Draw(ref stream);
        draws.Count++;
        _valueDraws = draws;
        return value;
    }

    /// <summary>The GetValue draws made in one kernel with one seed.</summary>
    private sealed class ValueDraws(KernelManager kernel, ulong seedKey)
    {
        public KernelManager Kernel { get; } = kernel;
        public ulong SeedKey { get; } = seedKey;
        public long Count { get; set; }
    }
}
