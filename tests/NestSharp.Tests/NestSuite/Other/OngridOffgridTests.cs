namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/other/test_ongrid_offgrid.py</c>: plain and precise parrots exchange spikes,
/// also with multiplicity (two spikes at 1 ms from one spike_generator).
/// </summary>
public sealed class OngridOffgridTests
{
    /// <summary>NEST's build_base: a spike_generator sending two spikes at 1 ms to a plain and a precise pre-synaptic parrot.</summary>
    private static (Simulator Nest, Dictionary<string, NodeCollection> Pre, Dictionary<string, NodeCollection> Post) BuildBase()
    {
        var nest = new Simulator();
        var g = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0, 1.0 } });
        var pre = new Dictionary<string, NodeCollection> { ["plain"] = nest.Create("parrot_neuron"), ["precise"] = nest.Create("parrot_neuron_ps") };
        var post = new Dictionary<string, NodeCollection> { ["plain"] = nest.Create("parrot_neuron"), ["precise"] = nest.Create("parrot_neuron_ps") };
        foreach (var neuron in pre.Values) nest.Connect(g, neuron);
        return (nest, pre, post);
    }

    // NEST: testsuite/pytests/other/test_ongrid_offgrid.py::TestOngridOffgrid::test_ongrid_offgrid
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("plain", "precise")]
    [InlineData("precise", "plain")]
    [InlineData("precise", "precise")]
    public void OngridOffgrid(string preType, string postType)
    {
        var (nest, pre, post) = BuildBase();
        nest.Connect(pre[preType], post[postType]);
        nest.Simulate(5);
        Assert.True(post[postType].Get<double>("t_spike") > 0);
    }

    // NEST: testsuite/pytests/other/test_ongrid_offgrid.py::TestOngridOffgrid::test_ongrid_offgrid_both
    [Fact]
    public void OngridOffgridBoth()
    {
        var (nest, pre, post) = BuildBase();
        foreach (string type in pre.Keys)
            nest.Connect(pre[type], post[type], syn: new Dictionary<string, object> { ["synapse_model"] = "stdp_synapse" });
        nest.Simulate(5);
        Assert.True(post["plain"].Get<double>("t_spike") > 0 && post["precise"].Get<double>("t_spike") > 0);
    }
}
