namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// One structural update on a few silent parrot neurons whose elements do not grow (growth rate 0), so that their
/// numbers are what the test sets: synapses are created between vacant pre- and post-synaptic elements (as many as
/// the smaller of the two counts, a neuron once per vacant element); a neuron with fewer elements than bound ones loses
/// synapses, whichever side it is on, one per missing element; and unbinding follows NEST's SynapticElement::connect,
/// which lifts z while the element is still over-bound.
/// </summary>
public sealed class StructuralUpdateTests
{
    private const double Interval = 100.0; // ms between updates, the first at 0

    private static Simulator Kernel(bool allowAutapses = true)
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["structural_plasticity_update_interval"] = Interval });
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["syn"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den",
                    ["allow_autapses"] = allowAutapses,
                },
            },
        });
        return nest;
    }

    private static Dictionary<string, object> Fixed(double z) => new() { ["growth_curve"] = "linear", ["growth_rate"] = 0.0, ["z"] = z };

    private static NodeCollection Neuron(Simulator nest, double? axon = null, double? den = null)
    {
        var elements = new Dictionary<string, object>();
        if (axon is { } a) elements["Axon"] = Fixed(a);
        if (den is { } d) elements["Den"] = Fixed(d);
        return nest.Create("parrot_neuron", 1, new() { ["synaptic_elements"] = elements });
    }

    private static void SetZ(NodeCollection neuron, string element, double z) =>
        neuron.Set("synaptic_elements_param", new Dictionary<string, object> { [element] = new Dictionary<string, object> { ["z"] = z } });

    private static long Bound(NodeCollection neuron, string element) =>
        (long)((Dictionary<string, object>)neuron.Get<Dictionary<string, object>>("synaptic_elements")[element])["z_connected"];

    private static (long Source, long Target)[] Synapses(Simulator nest)
    {
        var c = nest.GetConnections(synapseModel: "static_synapse");
        return [.. c.Source.Zip(c.Target)];
    }

    [Fact]
    public void Creation_PairsVacantElements_AsManyAsTheScarcerSide()
    {
        // Vacant: axons 2 (a1) + 1 (a2), dendrites 1 (b1) + 0 (b2): one synapse, onto b1.
        var nest = Kernel();
        var a1 = Neuron(nest, axon: 2.5);
        var a2 = Neuron(nest, axon: 1.2);
        var b1 = Neuron(nest, den: 1.7);
        var b2 = Neuron(nest, den: 0.3);
        nest.EnableStructuralPlasticity();

        nest.Simulate(50.0);

        var synapse = Assert.Single(Synapses(nest));
        Assert.Equal(b1.Ids[0], synapse.Target);
        Assert.Contains(synapse.Source, new long[] { a1.Ids[0], a2.Ids[0] });
        Assert.Equal(1L, Bound(b1, "Den"));
        Assert.Equal(0L, Bound(b2, "Den"));
        Assert.Equal(1L, Bound(a1, "Axon") + Bound(a2, "Axon"));
    }

    [Fact]
    public void Creation_JoinsTwoNeuronsOncePerVacantElementPair()
    {
        // Two vacant axons on a, two vacant dendrites on b: two synapses a -> b.
        var nest = Kernel();
        var a = Neuron(nest, axon: 2.5);
        var b = Neuron(nest, den: 2.5);
        nest.EnableStructuralPlasticity();

        nest.Simulate(50.0);

        Assert.Equal([(a.Ids[0], b.Ids[0]), (a.Ids[0], b.Ids[0])], Synapses(nest));
        Assert.Equal(2L, Bound(a, "Axon"));
        Assert.Equal(2L, Bound(b, "Den"));
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void Autapses_AreCreatedOnlyWhenAllowed(bool allowAutapses, int expected)
    {
        var nest = Kernel(allowAutapses);
        var n = Neuron(nest, axon: 1.5, den: 1.5);
        nest.EnableStructuralPlasticity();

        nest.Simulate(50.0);

        Assert.Equal(expected, Synapses(nest).Length);
        Assert.Equal(expected, Bound(n, "Axon"));
        Assert.Equal(expected, Bound(n, "Den"));
    }

    [Fact]
    public void LostPostSynapticElement_DeletesTheSynapse_AndFreesThePartnersAxon()
    {
        var nest = Kernel();
        var a = Neuron(nest, axon: 1.5);
        var b = Neuron(nest, den: 1.5);
        nest.EnableStructuralPlasticity();
        nest.Simulate(50.0); // update at 0: a -> b
        Assert.Single(Synapses(nest));

        SetZ(b, "Den", 0.5); // one bound, none left
        nest.Simulate(100.0); // update at 100

        Assert.Empty(Synapses(nest));
        Assert.Equal(0L, Bound(a, "Axon"));
        Assert.Equal(0L, Bound(b, "Den"));
    }

    [Fact]
    public void LostPreSynapticElement_DeletesOneOfItsSynapses()
    {
        var nest = Kernel();
        var a = Neuron(nest, axon: 3.5);
        var targets = new[] { Neuron(nest, den: 1.5), Neuron(nest, den: 1.5), Neuron(nest, den: 1.5) };
        nest.EnableStructuralPlasticity();
        nest.Simulate(50.0); // update at 0: a -> each target
        Assert.Equal(3, Synapses(nest).Length);

        SetZ(a, "Axon", 2.5); // three bound, two left
        nest.Simulate(100.0);

        var remaining = Synapses(nest);
        Assert.Equal(2, remaining.Length);
        Assert.All(remaining, synapse => Assert.Equal(a.Ids[0], synapse.Source));
        Assert.Equal(2L, Bound(a, "Axon"));
        Assert.Equal([0L, 1L, 1L], targets.Select(t => Bound(t, "Den")).Order());
        Assert.Equal(0L, Bound(targets.Single(t => remaining.All(r => r.Target != t.Ids[0])), "Den")); // the freed one
    }

    [Fact]
    public void UnbindingWhileStillOverBound_RaisesZ_AsNestDoes()
    {
        // NEST's SynapticElement::connect(n): after z_connected += n, if z_connected > floor(z) then
        // z = z_connected + frac(z). Deleting two of three synapses of an axon with z = 1.5: the first deletion leaves
        // two bound and lifts z to 2.5, the second leaves one bound; the axon then has a vacant element again, which the
        // creation step of the same update pairs with one of the freed dendrites.
        var nest = Kernel();
        var a = Neuron(nest, axon: 3.5);
        var targets = new[] { Neuron(nest, den: 1.5), Neuron(nest, den: 1.5), Neuron(nest, den: 1.5) };
        nest.EnableStructuralPlasticity();
        nest.Simulate(50.0);

        SetZ(a, "Axon", 1.5);
        nest.Simulate(100.0);

        var axon = (Dictionary<string, object>)a.Get<Dictionary<string, object>>("synaptic_elements")["Axon"];
        Assert.Equal(2.5, (double)axon["z"], 1e-12);
        Assert.Equal(2L, axon["z_connected"]);
        Assert.Equal(2, Synapses(nest).Length);
        Assert.Equal(2L, targets.Sum(t => Bound(t, "Den")));
    }

    [Fact]
    public void NoUpdate_HappensBetweenTheIntervals()
    {
        // Elements made vacant after the update at 0 are paired only at the update at 100 ms.
        var nest = Kernel();
        var a = Neuron(nest, axon: 0.5);
        var b = Neuron(nest, den: 1.5);
        nest.EnableStructuralPlasticity();
        nest.Simulate(50.0);
        SetZ(a, "Axon", 1.5);

        nest.Simulate(49.9); // up to 99.9 ms
        Assert.Empty(Synapses(nest));
        nest.Simulate(0.2); // through the update at 100 ms
        Assert.Single(Synapses(nest));
        Assert.Equal(1L, Bound(b, "Den"));
    }
}
