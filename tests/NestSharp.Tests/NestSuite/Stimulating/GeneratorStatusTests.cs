namespace NestSharp.Tests.NestSuite.Stimulating;

/// <summary>
/// Status keys NestSharp's generators share with NEST 3.10's (each expected value is what NEST 3.10 gave for the same
/// call): <c>stimulus_source</c> on every stimulating device, and dc_generator's <c>recordables</c>.
/// </summary>
public sealed class GeneratorStatusTests
{
    public static TheoryData<string> Generators() => ["dc_generator", "poisson_generator", "spike_generator"];

    [Theory]
    [MemberData(nameof(Generators))]
    public void StimulusSource_IsEmpty_InDefaultsAndInstances(string model)
    {
        var nest = new Simulator();
        Assert.Equal("", nest.GetDefaults(model)["stimulus_source"]);
        Assert.Equal("", nest.Create(model).Get<string>("stimulus_source"));
    }

    [Theory]
    [MemberData(nameof(Generators))]
    public void StimulusSource_AnyValue_IsBadProperty_AsNestWithoutStimulationBackends(string model)
    {
        var nest = new Simulator();
        var g = nest.Create(model);
        foreach (var source in new[] { "foo", "mpi", "" })
        {
            var e = Assert.Throws<BadPropertyException>(() => g.Set("stimulus_source", source));
            Assert.Contains("stimulus_source", e.Message, StringComparison.Ordinal);
            Assert.Throws<BadPropertyException>(() => nest.SetDefaults(model, new() { ["stimulus_source"] = source }));
        }
        Assert.Equal("", g.Get<string>("stimulus_source"));
        Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, new() { ["stimulus_source"] = "foo" }));
        Assert.Equal(1, nest.NetworkSize);
    }

    [Fact]
    public void DcGenerator_RecordablesAreI_AndReadOnly()
    {
        var nest = new Simulator();
        Assert.Equal(["I"], (string[])nest.GetDefaults("dc_generator")["recordables"]);
        var dc = nest.Create("dc_generator");
        Assert.Equal(["I"], dc.Get<string[]>("recordables"));
        Assert.ThrowsAny<NestException>(() => dc.Set("recordables", new[] { "V_m" }));
        Assert.Equal(["I"], dc.Get<string[]>("recordables"));
    }

    [Theory]
    [InlineData("poisson_generator")]
    [InlineData("spike_generator")]
    public void SpikingGenerators_HaveNoRecordables(string model) =>
        Assert.False(new Simulator().GetDefaults(model).ContainsKey("recordables"));
}
