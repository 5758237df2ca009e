using System.Globalization;
using System.Text;
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
    /// Writes the table to <paramref name="writer"/>. It is drawn into a string first, on an output of fixed width: drawn
    /// on the console itself, the table would have the console reset its colours, and asking the console for its width
    /// initialises the terminal; both write escape codes on a (pseudo-)terminal, such as the one mpirun gives.
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
            Out = new TextOutput(text),
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

    /// <summary>A Spectre console output into a string, as wide as a classic terminal, never asking the console.</summary>
    private sealed class TextOutput(TextWriter writer) : IAnsiConsoleOutput
    {
        public TextWriter Writer => writer;
        public bool IsTerminal => false;
        public int Width => 80;
        public int Height => 24;
        public void SetEncoding(Encoding encoding) { }
    }
}
