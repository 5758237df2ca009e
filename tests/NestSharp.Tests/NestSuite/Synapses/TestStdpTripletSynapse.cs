namespace NestSharp.Tests.NestSuite.Synapses;

/// <summary>
/// NEST's testsuite/pytests/synapses/test_stdp_triplet_synapse.py: an stdp_triplet_synapse between two parrot neurons
/// (receptor 1 on the post parrot, which archives spikes without repeating them) driven by spike generators; traces and
/// weight against the rule applied by hand (7 decimal places). STDPTripletSynapseTestCase runs with a positive weight
/// and Wmax (<see cref="TestStdpTripletSynapse"/>), STDPTripletInhTestCase with negative ones
/// (<see cref="TestStdpTripletInhSynapse"/>).
/// </summary>
public abstract class StdpTripletSynapseCase
{
    private const double DendriticDelay = 1.0, DecayDuration = 5.0;
    private const double TauPlus = 16.8, TauPlusTriplet = 101.0, Aplus = 0.1, Aminus = 0.1, AplusTriplet = 0.1, AminusTriplet = 0.1;
    private const double TauMinus = 33.7, TauMinusTriplet = 125.0;
    private const string SynapseModel = "stdp_triplet_synapse";

    private readonly Simulator _nest = new();
    private readonly NodeCollection _pre, _post;
    private readonly double _weight, _wmax;

    protected StdpTripletSynapseCase(double weight, double wmax)
    {
        (_weight, _wmax) = (weight, wmax);
        _pre = _nest.Create("parrot_neuron");
        _post = _nest.Create("parrot_neuron", 1, new() { ["tau_minus"] = TauMinus, ["tau_minus_triplet"] = TauMinusTriplet });
        _nest.Connect(_pre, _post, syn: SynSpec());
    }

    private Dictionary<string, object> SynSpec() => new()
    {
        ["synapse_model"] = SynapseModel, ["delay"] = DendriticDelay, ["receptor_type"] = 1, ["weight"] = _weight,
        ["tau_plus"] = TauPlus, ["tau_plus_triplet"] = TauPlusTriplet, ["Aplus"] = Aplus, ["Aminus"] = Aminus,
        ["Aplus_triplet"] = AplusTriplet, ["Aminus_triplet"] = AminusTriplet, ["Kplus"] = 0.0, ["Kplus_triplet"] = 0.0,
        ["Wmax"] = _wmax,
    };

    private void GenerateSpikes(NodeCollection neuron, params double[] times)
    {
        var gen = _nest.Create("spike_generator", 1, new() { ["spike_times"] = times.Select(t => t - 1.0).ToArray() });
        _nest.Connect(gen, neuron, syn: new Dictionary<string, object> { ["delay"] = 1.0 });
    }

    private double Status(string key) => _nest.GetConnections(_pre, synapseModel: SynapseModel).GetValues<double>(key)[0];

    private static (double Kplus, double KplusTriplet, double Kminus, double KminusTriplet) Decay(
        double time, double kplus, double kplusTriplet, double kminus, double kminusTriplet) =>
        (kplus * Math.Exp(-time / TauPlus), kplusTriplet * Math.Exp(-time / TauPlusTriplet),
         kminus * Math.Exp(-time / TauMinus), kminusTriplet * Math.Exp(-time / TauMinusTriplet));

    private double Facilitate(double w, double kplus, double kminusTriplet) =>
        Math.Sign(Status("Wmax")) * (Math.Abs(w) + kplus * (Aplus + AplusTriplet * kminusTriplet));

    private double Depress(double w, double kminus, double kplusTriplet) =>
        Math.Sign(Status("Wmax")) * (Math.Abs(w) - kminus * (Aminus + AminusTriplet * kplusTriplet));

    private static void AssertAlmostEqual(double expected, double given) =>
        Assert.True(Math.Round(given - expected, 7) == 0, $"expected {expected:R}, was {given:R}");

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_badPropertiesSetupsThrowExceptions (and STDPTripletInhTestCase)
    [Theory]
    [InlineData("Kplus")]
    [InlineData("Kplus_triplet")]
    public void Test_badPropertiesSetupsThrowExceptions(string key)
    {
        var bad = SynSpec();
        bad[key] = -1.0;
        var e = Assert.ThrowsAny<NestException>(() => _nest.Connect(_pre, _post, syn: bad));
        Assert.Matches(key, e.Message);
    }

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_varsZeroAtStart (and STDPTripletInhTestCase)
    [Fact]
    public void Test_varsZeroAtStart()
    {
        AssertAlmostEqual(0.0, Status("Kplus"));
        AssertAlmostEqual(0.0, Status("Kplus_triplet"));
    }

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_preVarsIncreaseWithPreSpike (and STDPTripletInhTestCase)
    [Fact]
    public void Test_preVarsIncreaseWithPreSpike()
    {
        GenerateSpikes(_pre, 2.0);
        double kplus = Status("Kplus"), kplusTriplet = Status("Kplus_triplet");
        _nest.Simulate(20.0);
        AssertAlmostEqual(kplus + 1.0, Status("Kplus"));
        AssertAlmostEqual(kplusTriplet + 1.0, Status("Kplus_triplet"));
    }

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_preVarsDecayAfterPreSpike (and STDPTripletInhTestCase)
    [Fact]
    public void Test_preVarsDecayAfterPreSpike()
    {
        GenerateSpikes(_pre, 2.0);
        GenerateSpikes(_pre, 2.0 + DecayDuration); // trigger computation
        var (kplus, kplusTriplet, _, _) = Decay(DecayDuration, 1.0, 1.0, 0.0, 0.0);
        _nest.Simulate(20.0);
        AssertAlmostEqual(kplus + 1.0, Status("Kplus"));
        AssertAlmostEqual(kplusTriplet + 1.0, Status("Kplus_triplet"));
    }

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_preVarsDecayAfterPostSpike (and STDPTripletInhTestCase)
    [Fact]
    public void Test_preVarsDecayAfterPostSpike()
    {
        GenerateSpikes(_pre, 2.0);
        GenerateSpikes(_post, 3.0, 4.0);
        GenerateSpikes(_pre, 2.0 + DecayDuration); // trigger computation
        var (kplus, kplusTriplet, _, _) = Decay(DecayDuration, 1.0, 1.0, 0.0, 0.0);
        _nest.Simulate(20.0);
        AssertAlmostEqual(kplus + 1.0, Status("Kplus"));
        AssertAlmostEqual(kplusTriplet + 1.0, Status("Kplus_triplet"));
    }

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_weightChangeWhenPrePostSpikes (and STDPTripletInhTestCase)
    [Fact]
    public void Test_weightChangeWhenPrePostSpikes()
    {
        GenerateSpikes(_pre, 2.0);
        GenerateSpikes(_post, 4.0);
        GenerateSpikes(_pre, 6.0); // trigger computation

        double kplus = Status("Kplus"), kplusTriplet = Status("Kplus_triplet"), kminus = 0.0, kminusTriplet = 0.0;
        double weight = Status("weight");

        (kplus, kplusTriplet, kminus, kminusTriplet) = Decay(2.0, kplus, kplusTriplet, kminus, kminusTriplet);
        weight = Depress(weight, kminus, kplusTriplet);
        kplus += 1.0;
        kplusTriplet += 1.0;

        (kplus, kplusTriplet, kminus, kminusTriplet) = Decay(2.0 + DendriticDelay, kplus, kplusTriplet, kminus, kminusTriplet);
        weight = Facilitate(weight, kplus, kminusTriplet);
        kminus += 1.0;
        kminusTriplet += 1.0;

        (kplus, kplusTriplet, kminus, kminusTriplet) = Decay(2.0 - DendriticDelay, kplus, kplusTriplet, kminus, kminusTriplet);
        weight = Depress(weight, kminus, kplusTriplet);

        _nest.Simulate(20.0);
        AssertAlmostEqual(weight, Status("weight"));
    }

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_weightChangeWhenPrePostPreSpikes (and STDPTripletInhTestCase)
    [Fact]
    public void Test_weightChangeWhenPrePostPreSpikes()
    {
        GenerateSpikes(_pre, 2.0, 6.0);
        GenerateSpikes(_post, 4.0);
        GenerateSpikes(_pre, 8.0); // trigger computation

        double kplus = Status("Kplus"), kplusTriplet = Status("Kplus_triplet"), kminus = 0.0, kminusTriplet = 0.0;
        double weight = Status("weight");

        (kplus, kplusTriplet, kminus, kminusTriplet) = Decay(2.0, kplus, kplusTriplet, kminus, kminusTriplet);
        weight = Depress(weight, kminus, kplusTriplet);
        kplus += 1.0;
        kplusTriplet += 1.0;

        (kplus, kplusTriplet, kminus, kminusTriplet) = Decay(2.0 + DendriticDelay, kplus, kplusTriplet, kminus, kminusTriplet);
        weight = Facilitate(weight, kplus, kminusTriplet);
        kminus += 1.0;
        kminusTriplet += 1.0;

        (kplus, kplusTriplet, kminus, kminusTriplet) = Decay(2.0 - DendriticDelay, kplus, kplusTriplet, kminus, kminusTriplet);
        weight = Depress(weight, kminus, kplusTriplet);
        kplus += 1.0;
        kplusTriplet += 1.0;

        (kplus, kplusTriplet, kminus, kminusTriplet) = Decay(2.0, kplus, kplusTriplet, kminus, kminusTriplet);
        weight = Depress(weight, kminus, kplusTriplet);

        _nest.Simulate(20.0);
        AssertAlmostEqual(weight, Status("weight"));
    }

    // NEST: testsuite/pytests/synapses/test_stdp_triplet_synapse.py::STDPTripletSynapseTestCase::test_maxWeightStaturatesWeight (and STDPTripletInhTestCase)
    [Fact]
    public void Test_maxWeightStaturatesWeight()
    {
        double limitedWeight = Status("weight") + 1e-10;
        var limited = SynSpec();
        limited["Wmax"] = limitedWeight;
        _nest.Connect(_pre, _post, syn: limited);

        GenerateSpikes(_pre, 2.0);
        GenerateSpikes(_pre, 3.0); // trigger computation

        _nest.Simulate(20.0);
        AssertAlmostEqual(limitedWeight, Status("weight"));
    }
}

/// <summary>STDPTripletSynapseTestCase: weight 5, Wmax 100.</summary>
public sealed class TestStdpTripletSynapse() : StdpTripletSynapseCase(5.0, 100.0);

/// <summary>STDPTripletInhTestCase: weight -5, Wmax -100.</summary>
public sealed class TestStdpTripletInhSynapse() : StdpTripletSynapseCase(-5.0, -100.0);
