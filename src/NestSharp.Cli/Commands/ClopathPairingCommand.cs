using System.CommandLine;
using System.Globalization;
using NestSharp.Cli.Experiments;
using NestSharp.Cli.Output;

namespace NestSharp.Cli.Commands;

/// <summary><c>nestsharp clopath-pairing</c>: runs <see cref="ClopathPairingExperiment"/> at the frequencies given and prints the curves.</summary>
public static class ClopathPairingCommand
{
    /// <summary>The command with its options.</summary>
    public static Command Create()
    {
        var defaults = new ClopathPairingParameters();
        var frequencies = new Option<string>("--frequencies")
        {
            Description = FormattableString.Invariant(
                $"Pairing frequencies in Hz, comma-separated, each above 0 and at most {ClopathPairingExperiment.MaximumFrequencyHz}; by default those of NEST's example (10 to 50 Hz) and 0.1 Hz, the lowest of Clopath et al. (2010) fig. 2b"),
            HelpName = "F1,F2,...",
            DefaultValueFactory = _ => Format(defaults.FrequenciesHz),
        };
        frequencies.Validators.Add(result =>
        {
            if (result.Tokens.Count == 1 && !TryParseFrequencies(result.Tokens[0].Value, out _, out string? problem))
                result.AddError($"--frequencies {problem}; got '{result.Tokens[0].Value}'.");
        });
        var outputDirectory = CommonOptions.OutputDirectoryOption(
            defaults.OutputDirectory, "Directory for the curves (CSV) and the figure (created if missing)");
        var checkpoints = CommonOptions.CheckpointOptionsOf("clopath-pairing.nscp", ClopathPairingExperiment.Resolution);

        return new ExperimentCommand<ClopathPairingParameters, ClopathPairingResult>
        {
            Name = "clopath-pairing",
            Description = "Weight change of a Clopath synapse against the frequency of pre-post and post-pre spike pairs (Clopath et al. 2010, fig. 2b), as NEST's clopath_synapse_spike_pairing.py",
            Options = [frequencies, outputDirectory, .. checkpoints.All],
            ReadParameters = parsed =>
            {
                // The validator above has accepted the text, so the parse succeeds.
                _ = TryParseFrequencies(parsed.GetValue(frequencies)!, out var values, out _);
                return new ClopathPairingParameters
                {
                    FrequenciesHz = values,
                    OutputDirectory = parsed.GetValue(outputDirectory)!,
                    Checkpointing = checkpoints.Read(parsed, parsed.GetValue(outputDirectory)!),
                };
            },
            Run = ClopathPairingExperiment.Run,
            Summarize = (_, result) => Summary(result),
            FilesWritten = result => new WrittenFiles().Add(result.CsvFile).Add(result.Figure),
        }.Create();
    }

    /// <summary>Reads a comma-separated list of pairing frequencies (Hz); false with the problem when one is malformed or out of range.</summary>
    public static bool TryParseFrequencies(string text, out double[] frequencies, out string? problem)
    {
        var values = new List<double>();
        foreach (string field in text.Split(','))
        {
            if (!double.TryParse(field.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out double value))
            {
                frequencies = [];
                problem = "must be a comma-separated list of numbers";
                return false;
            }
            if (!ClopathPairingExperiment.IsValidFrequency(value))
            {
                frequencies = [];
                problem = FormattableString.Invariant($"must each be above 0 and at most {ClopathPairingExperiment.MaximumFrequencyHz} Hz");
                return false;
            }
            if (values.Contains(value))
            {
                frequencies = [];
                problem = "must not repeat a frequency";
                return false;
            }
            values.Add(value);
        }
        frequencies = [.. values];
        problem = null;
        return true;
    }

    private static string Format(IEnumerable<double> values) => string.Join(",", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    private static SummaryTable Summary(ClopathPairingResult result)
    {
        var table = new SummaryTable("Clopath spike pairing (C#)")
            .Add("Normalized weight", FormattableString.Invariant($"100 + 1500 (w - w0)/w0, w0 = {ClopathPairingExperiment.InitialWeight}"));
        for (int i = 0; i < result.PrePost.Count; i++)
        {
            table.Add(
                FormattableString.Invariant($"rho = {result.PrePost[i].FrequencyHz:0.###} Hz: pre-post / post-pre"),
                FormattableString.Invariant($"{result.PrePost[i].NormalizedWeight:F2} / {result.PostPre[i].NormalizedWeight:F2}"));
        }

        return table;
    }
}
