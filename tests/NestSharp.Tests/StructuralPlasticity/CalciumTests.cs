namespace NestSharp.Tests.StructuralPlasticity;

/// <summary>
/// The calcium trace of a neuron: Ca decays with tau_Ca and jumps by beta_Ca at each spike, so between spikes
/// Ca(t) = sum over spikes t_k &lt;= t of beta_Ca · exp(-(t - t_k)/tau_Ca). As in NEST, every run ends by bringing Ca
/// up to the end time, so the status shows Ca(now). The neuron fires at known times: driven
/// by a spike_generator through a parrot_neuron, or by strong input to an iaf_psc_alpha; its spikes are recorded.
/// </summary>
public sealed class CalciumTests
{
    private const double TauCa = 50.0; // ms
    private const double BetaCa = 0.1;
    private static readonly double[] DriveTimes = [10.0, 30.0, 35.0, 80.0, 81.0, 150.0];

    /// <summary>A neuron of <paramref name="model"/> made to fire once per drive spike; returns the kernel, the neuron and its recorder.</summary>
    private static (Simulator Nest, NodeCollection Neuron, NodeCollection Recorder) FiringNeuron(string model, double? updateInterval = null)
    {
        var nest = new Simulator();
        if (updateInterval is { } interval)
        {
            nest.SetKernelStatus(new() { ["structural_plasticity_update_interval"] = interval });
            nest.SetKernelStatus(new()
            {
                ["structural_plasticity_synapses"] = new Dictionary<string, object>
                {
                    ["syn"] = new Dictionary<string, object>
                    {
                        ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den",
                    },
                },
            });
        }
        var drive = nest.Create("spike_generator", 1, new() { ["spike_times"] = DriveTimes });
        var neuron = nest.Create(model, 1, new() { ["tau_Ca"] = TauCa, ["beta_Ca"] = BetaCa });
        var recorder = nest.Create("spike_recorder");
        // 1500 pA makes iaf_psc_alpha (defaults) fire once per drive spike, 3 to 5 ms later; parrots ignore the weight.
        nest.Connect(drive, neuron, syn: new Dictionary<string, object> { ["weight"] = 1500.0, ["delay"] = 1.0 });
        nest.Connect(neuron, recorder);
        if (updateInterval is not null) nest.EnableStructuralPlasticity();
        return (nest, neuron, recorder);
    }

    private static double[] SpikeTimes(NodeCollection recorder) => (double[])((Dictionary<string, object>)recorder.Get("events"))["times"];

    private static double ClosedForm(IEnumerable<double> spikes, double t) =>
        spikes.Where(tk => tk <= t).Sum(tk => BetaCa * Math.Exp(-(t - tk) / TauCa));

    [Theory]
    [InlineData("parrot_neuron")]
    [InlineData("iaf_psc_alpha")]
    public void Ca_IsSumOfDecayedIncrements_AtTheEndOfTheRun(string model)
    {
        var (nest, neuron, recorder) = FiringNeuron(model);

        nest.Simulate(200.0);

        double[] spikes = SpikeTimes(recorder);
        Assert.Equal(DriveTimes.Length, spikes.Length);
        Assert.Equal(ClosedForm(spikes, 200.0), neuron.Get<double>("Ca"), 1e-14);
    }

    [Fact]
    public void Ca_OfParrot_JumpsAtTheDriveSpikesPlusDelay()
    {
        var (nest, neuron, recorder) = FiringNeuron("parrot_neuron");

        nest.Simulate(100.0);

        // Spikes at 11, 31, 36, 81, 82: Ca as of 100 ms.
        Assert.Equal(new[] { 11.0, 31.0, 36.0, 81.0, 82.0 }, SpikeTimes(recorder));
        Assert.Equal(ClosedForm([11.0, 31.0, 36.0, 81.0, 82.0], 100.0), neuron.Get<double>("Ca"), 1e-14);
    }

    [Theory]
    [InlineData("parrot_neuron")]
    [InlineData("iaf_psc_alpha")]
    public void Ca_BetweenSpikes_DecaysExponentially_AsSeenAtEachStructuralUpdate(string model)
    {
        // An update every 20 ms brings Ca up to the update time t, the run's end to t + 0.1 (no spike falls in that step).
        var (nest, neuron, recorder) = FiringNeuron(model, updateInterval: 20.0);
        var expected = new List<double>();
        var actual = new List<double>();
        for (int k = 1; k <= 10; k++)
        {
            double t = 20.0 * k;
            nest.Simulate(k == 1 ? 20.1 : 20.0);
            double[] spikes = SpikeTimes(recorder);
            Assert.DoesNotContain(spikes, tk => tk > t);
            expected.Add(ClosedForm(spikes, t + 0.1));
            actual.Add(neuron.Get<double>("Ca"));
        }

        for (int i = 0; i < expected.Count; i++) Assert.Equal(expected[i], actual[i], 1e-14);
        Assert.Contains(actual, ca => ca > 0 && ca < BetaCa); // some updates fall long after the spikes
    }
}
