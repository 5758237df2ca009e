using System.Diagnostics;

namespace NestSharp.Tests.Recording;

/// <summary>
/// Debian's Python (<c>/usr/bin/python3</c>) with pandas, for reading the csv and parquet backends' files as an
/// analyst would. pandas reads Parquet only through pyarrow or fastparquet, which Debian 12 does not package.
/// </summary>
internal static class Pandas
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Why a test that reads CSV with pandas is skipped here, or null.</summary>
    public static string? CsvSkipReason { get; } = SkipReason("import pandas", "pandas (Debian package python3-pandas)");

    /// <summary>Why a test that reads Parquet with pandas is skipped here, or null.</summary>
    public static string? ParquetSkipReason { get; } = CsvSkipReason ?? SkipReason(
        "import pandas; pandas.io.parquet.get_engine('auto')",
        "a Parquet engine for pandas (pyarrow or fastparquet; Debian 12 packages neither)");

    private static string? SkipReason(string check, string what)
    {
        if (!File.Exists(Python)) return $"{Python} is missing: install python3 and python3-pandas to run this test.";
        var (exitCode, _, error) = Run(["-c", check]);
        return exitCode == 0 ? null : $"{Python} cannot use {what}: {error.Trim().Split('\n')[^1]}";
    }

    /// <summary>Runs <c>python3</c> with <paramref name="arguments"/>; returns its exit code, output and error output.</summary>
    public static (int ExitCode, string Output, string Error) Run(IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output, error.Result);
    }

    /// <summary>
    /// Reads <paramref name="path"/> with <c>pandas.read_parquet</c> or <c>pandas.read_csv</c> (doubles parsed to
    /// round trip), checks that every column is int64 or float64, and writes it as CSV (Python's shortest round-trip
    /// floats) to <paramref name="output"/>.
    /// </summary>
    public static void Convert(string path, string output)
    {
        const string script = """
            import sys
            import pandas as pd
            path, output = sys.argv[1], sys.argv[2]
            if path.endswith(".parquet"):
                frame = pd.read_parquet(path)
            else:
                frame = pd.read_csv(path, float_precision="round_trip")
            bad = [f"{name}: {dtype}" for name, dtype in frame.dtypes.items() if str(dtype) not in ("int64", "float64")]
            if bad:
                sys.exit("columns of unexpected types: " + ", ".join(bad))
            frame.to_csv(output, index=False)
            """;
        var (exitCode, _, error) = Run(["-c", script, path, output]);
        Assert.True(exitCode == 0, $"pandas could not read {path}: {error}");
    }
}

/// <summary>A fact that reads a CSV file with pandas: skipped, with the reason, where pandas is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPandasFactAttribute : FactAttribute
{
    public RequiresPandasFactAttribute() => Skip = Pandas.CsvSkipReason;
}

/// <summary>A fact that reads a Parquet file with pandas: skipped, with the reason, where pandas has no Parquet engine.</summary>
[AttributeUsage(AttributeTargets.Method)]
internal sealed class RequiresPandasParquetFactAttribute : FactAttribute
{
    public RequiresPandasParquetFactAttribute() => Skip = Pandas.ParquetSkipReason;
}
