using NestSharp.Plotting;

namespace NestSharp.Cli.Output;

/// <summary>
/// The files a run wrote, in the order written: what a command lists after its summary, "Files written:" and a line
/// per file.
/// </summary>
public sealed class WrittenFiles
{
    private readonly List<string> _files = [];

    /// <summary>The files, in the order they were added.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>Adds data files.</summary>
    public WrittenFiles Add(params IEnumerable<string> files)
    {
        _files.AddRange(files);
        return this;
    }

    /// <summary>Adds a figure: its SVG and, when one was written, its PNG.</summary>
    public WrittenFiles Add(SaveResult figure)
    {
        _files.Add(figure.SvgPath);
        if (figure.PngPath is not null) _files.Add(figure.PngPath);
        return this;
    }

    /// <summary>Writes the list: "Files written:", then each file indented on its own line.</summary>
    public void Write(TextWriter output)
    {
        output.WriteLine("Files written:");
        foreach (string file in _files) output.WriteLine($"  {file}");
    }
}
