using NestSharp.Plotting;

namespace NestSharp.Cli.Output;

/// <summary>
/// The files a run wrote, in the order written, and why PNGs are missing (each reason once): what a command lists
/// after its summary, "Files written:", a line per file, then a line "No PNG: reason" per reason.
/// </summary>
public sealed class WrittenFiles
{
    private readonly List<string> _files = [];
    private readonly List<string> _pngProblems = [];

    /// <summary>The files, in the order they were added.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Why PNGs are missing, each reason once; empty when every PNG asked for was made.</summary>
    public IReadOnlyList<string> PngProblems => _pngProblems;

    /// <summary>Adds data files.</summary>
    public WrittenFiles Add(params IEnumerable<string> files)
    {
        _files.AddRange(files);
        return this;
    }

    /// <summary>Adds a figure: its SVG and its PNG, or the SVG and why the PNG is missing.</summary>
    public WrittenFiles Add(SaveResult figure)
    {
        _files.Add(figure.SvgPath);
        if (figure.PngPath is not null) _files.Add(figure.PngPath);
        else if (figure.Error is not null && !_pngProblems.Contains(figure.Error)) _pngProblems.Add(figure.Error);
        return this;
    }

    /// <summary>Writes the list: "Files written:", each file indented on its own line, then "No PNG: reason" lines.</summary>
    public void Write(TextWriter output)
    {
        output.WriteLine("Files written:");
        foreach (string file in _files) output.WriteLine($"  {file}");
        foreach (string problem in _pngProblems) output.WriteLine($"No PNG: {problem}");
    }
}
