using Spectre.Console;

namespace NestSharp.Cli.Output;

/// <summary>
/// A two-column table of an experiment's results. Drawn with rounded box characters on a terminal and with plain
/// ASCII (no colours, no escape codes) when the output is a file or a pipe.
/// </summary>
public sealed class SummaryTable(string title)
{
    private readonly List<(string Quantity, string Value)> _rows = [];

    public SummaryTable Add(string quantity, string value)
    {
        _rows.Add((quantity, value));
        return this;
    }

    public void Write(TextWriter writer)
    {
        bool terminal = ReferenceEquals(writer, Console.Out) && !Console.IsOutputRedirected;
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        var table = new Table()
            .Border(terminal ? TableBorder.Rounded : TableBorder.Ascii)
            .Title(new TableTitle(title))
            .AddColumn(new TableColumn("Quantity"))
            .AddColumn(new TableColumn("Value").RightAligned());
        foreach (var (quantity, value) in _rows) table.AddRow(new Text(quantity), new Text(value));
        console.Write(table);
    }
}
