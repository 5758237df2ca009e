using System.Globalization;

namespace NestSharp.Cli.Output;

/// <summary>The values the summary tables share, written the same way in every command (invariant culture).</summary>
internal static class SummaryFormat
{
    /// <summary>A wall-clock duration in seconds with two decimals: "12.34 s".</summary>
    public static string Seconds(TimeSpan duration) => duration.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture) + " s";

    /// <summary>A firing rate with two decimals: "8.21 Hz".</summary>
    public static string Hertz(double rate) => rate.ToString("F2", CultureInfo.InvariantCulture) + " Hz";

    /// <summary>A memory size in whole MiB, or "n/a" when it is not known: "512 MiB".</summary>
    public static string Mebibytes(long? bytes) =>
        bytes is { } b ? (b / (1024.0 * 1024.0)).ToString("F0", CultureInfo.InvariantCulture) + " MiB" : "n/a";

    /// <summary>The rows "Excitatory rate" and "Inhibitory rate" of a network of an excitatory and an inhibitory population.</summary>
    public static SummaryTable AddPopulationRates(this SummaryTable table, double excitatoryHz, double inhibitoryHz) =>
        table.Add("Excitatory rate", Hertz(excitatoryHz)).Add("Inhibitory rate", Hertz(inhibitoryHz));

    /// <summary>The rows "Building time" and "Simulation time": the wall-clock times of building the network and of simulating it.</summary>
    public static SummaryTable AddRunTimes(this SummaryTable table, TimeSpan building, TimeSpan simulation) =>
        table.Add("Building time", Seconds(building)).Add("Simulation time", Seconds(simulation));

    /// <summary>
    /// The timer rows of NEST's benchmark scripts: "Presimulation time", "Simulation time" (wall-clock),
    /// "Simulation CPU time" and "Real-time factor" (the simulation's wall-clock time over its model time), the factor
    /// written with the .NET <paramref name="factorFormat"/> ("F1": one decimal).
    /// </summary>
    public static SummaryTable AddSimulationTimes(
        this SummaryTable table, TimeSpan presimulation, TimeSpan simulation, TimeSpan simulationCpu, double realTimeFactor, string factorFormat) =>
        table.Add("Presimulation time", Seconds(presimulation))
            .Add("Simulation time", Seconds(simulation))
            .Add("Simulation CPU time", Seconds(simulationCpu))
            .Add("Real-time factor", realTimeFactor.ToString(factorFormat, CultureInfo.InvariantCulture));
}
