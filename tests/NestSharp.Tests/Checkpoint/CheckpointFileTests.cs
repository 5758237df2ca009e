using System.Buffers.Binary;
using System.IO.Hashing;

namespace NestSharp.Tests.Checkpoint;

/// <summary>
/// A file that is not a complete checkpoint of this format (truncated anywhere, a flipped byte anywhere, another
/// format version, another program's file, no file) raises BadCheckpoint and leaves the simulator that tried to load it
/// exactly as it was.
/// </summary>
public sealed class CheckpointFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("nestsharp-checkpoint-file-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string SavedCheckpoint()
    {
        var nest = new Simulator();
        CheckpointSplitRunTests.BuildBrunel(nest, "iaf_psc_exp");
        nest.Simulate(25.0);
        string path = Path.Combine(_folder, "good.nscp");
        nest.SaveCheckpoint(path);
        return path;
    }

    /// <summary>A simulator that has run 10 ms of another network, and what it shows.</summary>
    private static (Simulator Nest, string Before) Bystander()
    {
        var nest = new Simulator();
        nest.SetKernelStatus("local_num_threads", 2);
        CheckpointSplitRunTests.BuildBrunel(nest, "iaf_psc_alpha");
        nest.Simulate(10.0);
        return (nest, CheckpointSplitRunTests.Observe(nest));
    }

    private void AssertRefusedAndUnchanged(byte[] content, string name, string? messagePart = null)
    {
        string path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, content);
        var (nest, before) = Bystander();
        var e = Assert.Throws<BadCheckpointException>(() => nest.LoadCheckpoint(path));
        Assert.Equal("BadCheckpoint", e.NestName);
        Assert.Contains(path, e.Message);
        if (messagePart is not null) Assert.Contains(messagePart, e.Message);
        Assert.Equal(before, CheckpointSplitRunTests.Observe(nest));
        Assert.Equal(10.0, nest.BiologicalTime);
        Assert.Equal(2, nest.LocalNumThreads);
        // and it simulates on as if nothing had happened
        var (reference, _) = Bystander();
        nest.Simulate(5.0);
        reference.Simulate(5.0);
        Assert.Equal(CheckpointSplitRunTests.Observe(reference), CheckpointSplitRunTests.Observe(nest));
    }

    [Fact]
    public void GoodFile_Loads()
    {
        var nest = new Simulator();
        nest.LoadCheckpoint(SavedCheckpoint());
        Assert.Equal(25.0, nest.BiologicalTime);
        Assert.Equal(102, nest.NetworkSize);
    }

    [Fact]
    public void TruncatedFile_IsRefused_WhereverItEnds()
    {
        byte[] good = File.ReadAllBytes(SavedCheckpoint());
        var random = new System.Random(20261201);
        var cuts = new List<int> { 0, 5, 30, good.Length - 1, good.Length - 9 };
        for (int i = 0; i < 6; i++) cuts.Add(random.Next(1, good.Length - 1));
        foreach (int cut in cuts) AssertRefusedAndUnchanged(good[..cut], $"truncated-{cut}.nscp");
    }

    [Fact]
    public void FlippedByte_IsRefused_WhereverItIs()
    {
        byte[] good = File.ReadAllBytes(SavedCheckpoint());
        var random = new System.Random(1755);
        var positions = new List<int> { 0, 22, 40, good.Length - 1 };
        for (int i = 0; i < 8; i++) positions.Add(random.Next(good.Length));
        foreach (int position in positions)
        {
            byte[] bad = (byte[])good.Clone();
            bad[position] ^= (byte)(1 << random.Next(8));
            AssertRefusedAndUnchanged(bad, $"flipped-{position}.nscp");
        }
    }

    [Fact]
    public void OtherFormatVersion_IsRefused_NamingBothVersions()
    {
        byte[] bad = File.ReadAllBytes(SavedCheckpoint());
        int magic = "NestSharp checkpoint\n"u8.Length;
        BinaryPrimitives.WriteInt32LittleEndian(bad.AsSpan(magic), 99);
        // a consistent header (its checksum recomputed), so that only the version is wrong
        int nameLength = BinaryPrimitives.ReadInt32LittleEndian(bad.AsSpan(magic + 4));
        int headerLength = magic + 8 + nameLength;
        BinaryPrimitives.WriteUInt64LittleEndian(bad.AsSpan(headerLength), XxHash3.HashToUInt64(bad.AsSpan(0, headerLength)));
        AssertRefusedAndUnchanged(bad, "version-99.nscp", "format version 99");
    }

    [Fact]
    public void AnotherProgramsFile_IsRefused()
    {
        AssertRefusedAndUnchanged("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>"u8.ToArray(), "figure.svg", "not a NestSharp checkpoint");
        AssertRefusedAndUnchanged([], "empty.nscp", "not a NestSharp checkpoint");
    }

    [Fact]
    public void MissingFile_IsRefused()
    {
        var (nest, before) = Bystander();
        string path = Path.Combine(_folder, "absent.nscp");
        Assert.Throws<BadCheckpointException>(() => nest.LoadCheckpoint(path));
        Assert.Equal(before, CheckpointSplitRunTests.Observe(nest));
    }

    [Fact]
    public void SavingOverACheckpoint_ReplacesItWhole_AndLeavesNoTemporaryFile()
    {
        string path = SavedCheckpoint();
        var nest = new Simulator();
        nest.LoadCheckpoint(path);
        nest.Simulate(5.0);
        nest.SaveCheckpoint(path);
        Assert.Equal([path], Directory.GetFiles(_folder));
        var again = new Simulator();
        again.LoadCheckpoint(path);
        Assert.Equal(30.0, again.BiologicalTime);
    }
}
