namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// Structural plasticity draws from streams keyed by the seed and the update: the synapses created and deleted do not
/// depend on the run or on the number of threads, and do depend on the seed.
/// </summary>
[Trait("Category", "Slow")]
public sealed class DeterminismTests
{
    private const int Seconds = 12; // through the growth and the first deletions

    private static ((long, long)[] Excitatory, (long, long)[] Inhibitory, double[] Ca) Run(int threads, long seed)
    {
        var network = new SmallStructuralNetwork(threads, seed);
        network.Nest.Simulate(Seconds * SmallStructuralNetwork.UpdateIntervalMs);
        return (network.Connections("synapse_ex"), network.Connections("synapse_in"), network.Neurons.GetValues<double>("Ca"));
    }

    [Fact]
    public void SameSeed_GivesIdenticalConnections()
    {
        var a = Run(threads: 2, seed: 12345);
        var b = Run(threads: 2, seed: 12345);

        Assert.NotEmpty(a.Excitatory);
        Assert.NotEmpty(a.Inhibitory);
        Assert.Equal(a.Excitatory, b.Excitatory);
        Assert.Equal(a.Inhibitory, b.Inhibitory);
        Assert.Equal(a.Ca, b.Ca);
    }

    [Fact]
    public void OneAndTwoThreads_GiveIdenticalConnectionsAndCalcium()
    {
        var one = Run(threads: 1, seed: 12345);
        var two = Run(threads: 2, seed: 12345);

        Assert.Equal(one.Excitatory, two.Excitatory);
        Assert.Equal(one.Inhibitory, two.Inhibitory);
        Assert.Equal(one.Ca, two.Ca);
    }

    [Fact]
    public void DifferentSeeds_GiveDifferentConnections()
    {
        var a = Run(threads: 2, seed: 12345);
        var b = Run(threads: 2, seed: 54321);

        Assert.NotEqual(a.Excitatory, b.Excitatory);
    }
}
