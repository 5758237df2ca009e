using System.Diagnostics;

namespace NestSharp.Tests.BadInput;

/// <summary>
/// The bad-input catalogue: every case starts from <see cref="BadInputNetwork"/>, makes one bad call and checks that it
/// fails at once (within a second) with the exception NEST raises, that the message names the key and the value, and
/// that nothing changed: kernel status, every node's status, every connection and every file.
/// </summary>
public sealed class BadInputCatalogTests
{
    public static TheoryData<string> Cases() => [.. BadInputCases.All.Keys];

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_FailsAtOnce_NamesKeyAndValue_AndChangesNothing(string name)
    {
        var badCase = BadInputCases.All[name];
        using var net = new BadInputNetwork();
        badCase.Setup?.Invoke(net);
        string before = net.Snapshot();

        var clock = Stopwatch.StartNew();
        var error = Record.Exception(() => badCase.Act(net));
        clock.Stop();

        Assert.NotNull(error);
        Assert.IsType(badCase.Expected, error);
        foreach (string mention in badCase.Mentions)
            Assert.Contains(mention, error.Message, StringComparison.Ordinal);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed.TotalSeconds:F2} s");
        Assert.Equal(before, net.Snapshot());
    }

    [Fact]
    public void TheCatalogue_HasAtLeast150Cases() => Assert.True(BadInputCases.All.Count >= 150, $"{BadInputCases.All.Count} cases");
}
