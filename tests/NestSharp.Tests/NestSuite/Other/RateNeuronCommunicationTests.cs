namespace NestSharp.Tests.NestSuite.Other;

/// <summary>
/// NEST's test_rate_neuron_communication.py: rate neurons of several gains driven by a constant rate through delayed
/// and instantaneous connections: the delay, the weight, the gain functions (with and without linear_summation,
/// with multiplicative coupling), rectification, and a rate transformer.
/// </summary>
public sealed class RateNeuronCommunicationTests
{
    private const double Drive = 1.5, Delay = 2.0, Weight = 0.5, Simtime = 100.0, Dt = 0.1;

    private sealed record Network(Simulator Nest, NodeCollection N1, NodeCollection N2, NodeCollection N3, NodeCollection N4, NodeCollection N5,
        NodeCollection Parrot, NodeCollection Neurons, NodeCollection Multimeter)
    {
        public double Last(NodeCollection neuron)
        {
            var senders = NestSuiteHelpers.Longs(Multimeter, "senders");
            var rates = NestSuiteHelpers.Doubles(Multimeter, "rate");
            return rates.Where((_, i) => senders[i] == neuron.Ids[0]).Last();
        }

        public double[] Rates(NodeCollection neuron)
        {
            var senders = NestSuiteHelpers.Longs(Multimeter, "senders");
            return NestSuiteHelpers.Doubles(Multimeter, "rate").Where((_, i) => senders[i] == neuron.Ids[0]).ToArray();
        }

        public double[] Times(NodeCollection neuron)
        {
            var senders = NestSuiteHelpers.Longs(Multimeter, "senders");
            return NestSuiteHelpers.Doubles(Multimeter, "times").Where((_, i) => senders[i] == neuron.Ids[0]).ToArray();
        }
    }

    private static Network SetUp()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = Dt, ["use_wfr"] = true });
        Dictionary<string, object> Params(params (string, object)[] extra)
        {
            var p = new Dictionary<string, object> { ["tau"] = 5.0, ["sigma"] = 0.0 };
            foreach (var (k, v) in extra) p[k] = v;
            return p;
        }
        var drive = nest.Create("lin_rate_ipn", 1, new() { ["rate"] = Drive, ["mu"] = Drive, ["sigma"] = 0.0 });
        var negativeDrive = nest.Create("lin_rate_ipn", 1, new() { ["rate"] = -Drive, ["mu"] = -Drive, ["sigma"] = 0.0 });
        var n1 = nest.Create("lin_rate_ipn", 1, Params());
        var n2 = nest.Create("tanh_rate_ipn", 1, Params());
        var n3 = nest.Create("threshold_lin_rate_ipn", 1, Params());
        var n4 = nest.Create("lin_rate_ipn", 1, Params(("mult_coupling", true)));
        var n5 = nest.Create("lin_rate_ipn", 1, Params(("rectify_output", true), ("rate", 1.0)));
        var parrot = nest.Create("rate_transformer_sigmoid_gg_1998");
        var multimeter = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "rate" }, ["interval"] = Dt });
        var neurons = n1 + n2 + n3 + n4 + n5;
        var meterSyn = new Dictionary<string, object> { ["delay"] = 10.0 };
        nest.Connect(multimeter, neurons, "all_to_all", meterSyn);
        nest.Connect(multimeter, parrot, "all_to_all", meterSyn);
        Dictionary<string, object> Instantaneous() => new() { ["synapse_model"] = "rate_connection_instantaneous", ["weight"] = Weight };
        nest.Connect(drive, n1, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "rate_connection_delayed", ["delay"] = Delay, ["weight"] = Weight });
        nest.Connect(drive, n2, "all_to_all", Instantaneous());
        nest.Connect(drive, n3, "all_to_all", Instantaneous());
        nest.Connect(drive, n4, "all_to_all", Instantaneous());
        nest.Connect(negativeDrive, n5, "all_to_all", Instantaneous());
        nest.Connect(drive, parrot, "all_to_all", Instantaneous());
        return new Network(nest, n1, n2, n3, n4, n5, parrot, neurons, multimeter);
    }

    private static bool IsClose(double a, double b) => Math.Abs(a - b) <= 1e-8 + 1e-5 * Math.Abs(b);

    private static double H(double x) => 0.5 * (Math.Sign(x) + 1.0);

    // NEST: testsuite/pytests/other/test_rate_neuron_communication.py::RateNeuronCommunicationTestCase::test_RateNeuronDelay
    [Fact]
    public void DelayedConnection_ArrivesAfterItsDelay()
    {
        var net = SetUp();
        net.Nest.Simulate(Simtime);
        var times = net.Times(net.N1);
        var rate1 = net.Rates(net.N1);
        double first = times[Array.FindIndex(rate1, r => r > 0)];
        Assert.True(IsClose(first, Delay + Dt), $"first positive rate at {first}");
        Assert.True(net.Rates(net.N2)[0] > 0.0);
    }

    // NEST: testsuite/pytests/other/test_rate_neuron_communication.py::RateNeuronCommunicationTestCase::test_RateNeuronWeight
    [Fact]
    public void Rate_IsDriveTimesWeight()
    {
        var net = SetUp();
        net.Nest.Simulate(Simtime);
        Assert.True(IsClose(net.Last(net.N1), Drive * Weight), $"{net.Last(net.N1)}");
    }

    // NEST: testsuite/pytests/other/test_rate_neuron_communication.py::RateNeuronCommunicationTestCase::test_RateNeuronNL
    [Fact]
    public void GainFunctions_ShapeTheRates()
    {
        var net = SetUp();
        foreach (var (g, ls) in new[] { (1.0, true), (2.0, false) })
        {
            net.Neurons.Set(new Dictionary<string, object> { ["g"] = g, ["linear_summation"] = ls });
            net.Nest.Simulate(Simtime);
            double[] rates = [net.Last(net.N1), net.Last(net.N2), net.Last(net.N3), net.Last(net.N4)];
            double a = g * Drive * Weight * net.N4.Get<double>("g_ex");
            double theta = net.N4.Get<double>("theta_ex");
            double[] expected = ls
                ? [g * Drive * Weight, Math.Tanh(g * Drive * Weight), g * Drive * Weight * H(Drive * Weight), a * theta / (1 + a)]
                : [g * Drive * Weight, Weight * Math.Tanh(g * Drive), Weight * Drive * g * H(Drive), a * theta / (1 + a)];
            for (int i = 0; i < 4; i++) Assert.True(IsClose(rates[i], expected[i]), $"g {g}, linear_summation {ls}: neuron {i + 1} {rates[i]}, expected {expected[i]}");
        }
    }

    // NEST: testsuite/pytests/other/test_rate_neuron_communication.py::RateNeuronCommunicationTestCase::test_RectifyOutput
    [Fact]
    public void RectifiedOutput_StaysAtZero()
    {
        var net = SetUp();
        net.Nest.Simulate(Simtime);
        Assert.True(IsClose(net.Last(net.N5), 0.0), $"{net.Last(net.N5)}");
    }

    // NEST: testsuite/pytests/other/test_rate_neuron_communication.py::RateNeuronCommunicationTestCase::test_ParrotRateNeuron
    [Fact]
    public void RateTransformer_AppliesTheSigmoid()
    {
        var net = SetUp();
        net.Parrot.Set("g", 0.1);
        net.Nest.Simulate(Simtime);
        double g = net.Parrot.Get<double>("g");
        double expected = Math.Pow(g * Weight * Drive, 4) / (Math.Pow(0.1, 4) + Math.Pow(g * Weight * Drive, 4));
        Assert.True(IsClose(net.Last(net.Parrot), expected), $"{net.Last(net.Parrot)}, expected {expected}");
    }
}
