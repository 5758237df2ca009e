using System.Globalization;
using Spectre.Console;

namespace NestSharp.Cli.Output;

/// <summary>
/// A two-column table of an experiment's results, drawn the same way wherever it goes (a terminal, a file, a pipe, a
/// process under mpirun): plain ASCII borders, no colours, no escape codes.
/// </summary>
/// <param name="title">The title above the table.</param>
public sealed class SummaryTable(string title)
{
    private readonly List<(string Quantity, string Value)> _rows = [];

    /// <summary>Adds a row: the quantity and its value as written.</summary>
    public SummaryTable Add(string quantity, string value)
    {
        _rows.Add((quantity, value));
        return this;
    }

    /// <summary>Adds a row with a whole number (a count), written in the invariant culture.</summary>
    public SummaryTable Add(string quantity, long value) => Add(quantity, value.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// Writes the table to <paramref name="writer"/>. It is drawn into a string first: drawn on the console itself,
    /// the table would have the console reset its colours, which writes escape codes on a (pseudo-)terminal.
    /// </summary>
    public void Write(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(text),
        });
        var table = new Table()
            .Border(TableBorder.Ascii)
            .Title(new TableTitle(title))
            .AddColumn(new TableColumn("Quantity"))
            .AddColumn(new TableColumn("Value").RightAligned());
        foreach (var (quantity, value) in _rows) table.AddRow(new Text(quantity), new Text(value));
        console.Write(table);
        writer.Write(text.ToString());
    }
}
