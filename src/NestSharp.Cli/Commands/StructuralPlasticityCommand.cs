using System.CommandLine;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary>
/// <c>nestsharp structural-plasticity</c>: runs <see cref="StructuralPlasticityExperiment"/> with the options given,
/// shows its progress (the latest mean Ca and connection counts at every recorded second) and prints its summary.
/// </summary>
public static class StructuralPlasticityCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new StructuralPlasticityParameters();
        var simTime = CommonOptions.SimulatedTimeOption(
            "--simtime",
            defaults.SimTimeMs,
            "Simulated time in ms, a positive multiple of the recording interval (1000 ms); the first synapses appear between 18 and 24 s of model time, so a shorter run ends without connections",
            IsWholeSeconds,
            "a positive multiple of 1000 ms (the recording interval)");
        var run = RunOptions.Of(
            defaults,
            "Directory for the series (CSV) and the figure (created if missing)",
            CommonOptions.CheckpointOptionsOf(
                "structural-plasticity.nscp",
                StructuralPlasticityExperiment.RecordIntervalMs,
                "the recording interval, since every stop of Simulate brings the calcium up to date (as in NEST), which changes its last bits"));

        return new ExperimentCommand<StructuralPlasticityParameters, StructuralPlasticityResult>
        {
            Name = "structural-plasticity",
            Description = "Two populations without connections grow synapses until their calcium reaches its set point (Butz & van Ooyen 2013), as NEST's structural_plasticity.py",
            Options = [simTime, .. run.All],
            ReadParameters = parsed => run.Read<StructuralPlasticityParameters>(parsed) with
            {
                SimTimeMs = parsed.GetValue(simTime),
            },
            Run = (parameters, output) => RunProgress.Show(output, parameters.SimTimeMs, (log, report) =>
            {
                var result = StructuralPlasticityExperiment.Run(parameters, log, s => report(
                    s.TimeS * 1000.0,
                    RunProgress.ModelTime(s.TimeS * 1000.0) + FormattableString.Invariant(
                        $", Ca E {s.MeanCaE:F4} I {s.MeanCaI:F4}, connections E {s.ConnectionsE} I {s.ConnectionsI}")));
                if (result.Final.ConnectionsE + result.Final.ConnectionsI == 0) log.WriteLine(NoSynapsesYet(result.Final.TimeS));
                return result;
            }),
            Summarize = (_, result) => Summary(result),
            FilesWritten = result => new WrittenFiles().Add(result.SeriesFile).Add(result.Figure),
        }.Create();
    }

    /// <summary>
    /// What a run that ended before the first synapses formed says, so that the empty connections panel of its figure is
    /// not taken for a failure.
    /// </summary>
    internal static string NoSynapsesYet(double simulatedSeconds) => FormattableString.Invariant(
        $"No synapses after {simulatedSeconds:0.###} s: the first ones form between 18 and 24 s of model time, so the connections panel is empty; run with --simtime 25000 or more to see them grow.");

    private static bool IsWholeSeconds(double ms)
    {
        double seconds = ms / StructuralPlasticityExperiment.RecordIntervalMs;
        return seconds >= 1 && seconds <= int.MaxValue && Math.Abs(seconds - Math.Round(seconds)) <= 1e-9 * seconds;
    }

    private static SummaryTable Summary(StructuralPlasticityResult result)
    {
        var final = result.Final;
        return new SummaryTable("Structural plasticity simulation (C#)")
            .Add("Neurons", FormattableString.Invariant($"{result.ExcitatoryNeurons + result.InhibitoryNeurons} ({result.ExcitatoryNeurons} E, {result.InhibitoryNeurons} I)"))
            .Add("Simulated time", FormattableString.Invariant($"{final.TimeS:0.###} s"))
            .Add("Final mean Ca, excitatory", FormattableString.Invariant($"{final.MeanCaE:F4} (target {result.TargetCaE:0.###})"))
            .Add("Final mean Ca, inhibitory", FormattableString.Invariant($"{final.MeanCaI:F4} (target {result.TargetCaI:0.###})"))
            .Add("Excitatory connections", final.ConnectionsE)
            .Add("Inhibitory connections", final.ConnectionsI)
            .AddRunTimes(result.BuildTime, result.SimulationTime)
            .Add("Peak memory", SummaryFormat.Mebibytes(result.PeakMemoryBytes))
            .Add("Threads", result.Threads);
    }
}
