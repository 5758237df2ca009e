using System.ComponentModel;
using System.Diagnostics;

namespace NestSharp.Plotting;

/// <summary>Converts SVG files to PNG with the external rsvg-convert tool (Debian/Ubuntu package librsvg2-bin).</summary>
public static class PngExport
{
    /// <summary>Name of the converter looked up on PATH when no explicit path is given.</summary>
    public const string ConverterName = "rsvg-convert";

    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>
    /// Converts <paramref name="svgPath"/> to <paramref name="pngPath"/>. Never throws: returns false with a
    /// description in <paramref name="error"/> when the converter is missing or fails.
    /// </summary>
    /// <param name="svgPath">The SVG file to convert.</param>
    /// <param name="pngPath">The PNG file the converter writes.</param>
    /// <param name="error">Null on success; otherwise why no PNG was written.</param>
    /// <param name="converterPath">Converter executable; null looks up rsvg-convert on PATH.</param>
    public static bool TryConvert(string svgPath, string pngPath, out string? error, string? converterPath = null)
    {
        if (!File.Exists(svgPath))
        {
            error = $"SVG file '{svgPath}' does not exist.";
            return false;
        }

        string? converter = converterPath ?? FindOnPath(ConverterName);
        if (converter is null)
        {
            error = $"{ConverterName} was not found on PATH; install librsvg2-bin to export PNG. The SVG is at '{svgPath}'.";
            return false;
        }

        try
        {
            var startInfo = new ProcessStartInfo(converter)
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            };
            startInfo.ArgumentList.Add("--format=png");
            startInfo.ArgumentList.Add("--output=" + pngPath);
            startInfo.ArgumentList.Add(svgPath);
            using Process process = Process.Start(startInfo)
                ?? throw new InvalidOperationException($"Could not start '{converter}'.");
            Task<string> standardError = process.StandardError.ReadToEndAsync();
            Task<string> standardOutput = process.StandardOutput.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                error = $"'{converter}' did not finish within {Timeout.TotalSeconds:0} s.";
                return false;
            }

            Task.WaitAll(standardError, standardOutput);
            if (process.ExitCode != 0 || !File.Exists(pngPath))
            {
                error = $"'{converter}' failed with exit code {process.ExitCode}: {standardError.Result.Trim()}";
                return false;
            }
        }
        catch (Exception exception) when (exception is Win32Exception or IOException or InvalidOperationException or UnauthorizedAccessException)
        {
            error = $"Could not run '{converter}': {exception.Message}";
            return false;
        }

        error = null;
        return true;
    }

    private static string? FindOnPath(string executable)
    {
        string[] names = OperatingSystem.IsWindows() ? [executable + ".exe", executable] : [executable];
        string[] directories = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        foreach (string directory in directories)
        {
            foreach (string name in names)
            {
                string candidate = Path.Combine(directory, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        return null;
    }
}
