using NestSharp.Cli.Recording;

namespace NestSharp.Tests.Cli;

public sealed class AsciiSpikeFileTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nestsharp-spikes-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public void Read_SkipsCommentsAndHeaderAndJoinsFiles()
    {
        string first = Write("a-3-0.dat", "# NEST version: 3.10.0\n# RecordingBackendASCII version: 2\nsender\ttime_ms\n1\t2.500\n2\t3.100\n");
        string second = Write("a-3-1.dat", "# NEST version: 3.10.0\n# RecordingBackendASCII version: 2\nsender\ttime_ms\n7\t0.100\n");

        var spikes = AsciiSpikeFile.Read([first, second]);

        Assert.Equal([1L, 2L, 7L], spikes.Senders);
        Assert.Equal([2.5, 3.1, 0.1], spikes.TimesMs);
    }

    [Fact]
    public void Read_RejectsMalformedRowWithFileAndLine()
    {
        string path = Write("bad.dat", "# c\n# c\nsender\ttime_ms\n1\t2.5\nx\t3.0\n");

        var error = Assert.Throws<InvalidDataException>(() => AsciiSpikeFile.Read([path]));
        Assert.Contains("bad.dat:5", error.Message);
    }

    [Fact]
    public void Read_RejectsFileWithoutHeader()
    {
        string path = Write("noheader.dat", "1\t2.5\n");

        Assert.Throws<InvalidDataException>(() => AsciiSpikeFile.Read([path]));
    }
}
