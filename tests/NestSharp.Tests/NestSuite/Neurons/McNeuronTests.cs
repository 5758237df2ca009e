namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// NEST's testsuite/pytests/neurons/test_mc_neuron.py (TestMCNeuron): iaf_cond_alpha_mc with its defaults changed
/// through per-compartment sub-dictionaries, DC input to each compartment at different times and excitatory and
/// inhibitory spikes to each compartment, then an I_e set on the soma; the recorded V_m and g_ex of every compartment at
/// samples 5000..5019 are NEST's (np.allclose: rtol 1e-5, atol 1e-8).
/// </summary>
public sealed class McNeuronTests
{
    // neuron parameters
    private const double VTh = -60.0; // threshold potential
    private const double VReset = -65.0; // reset potential
    private const double TRef = 10.0; // refractory period
    private const double GSp = 5.0; // somato-proximal coupling conductance
    private static Dictionary<string, object> SomaParams => new() { ["g_L"] = 12.0 }; // somatic leak conductance
    private const double TauSynEx = 1.0; // proximal excitatory synaptic time constants
    private const double TauSynIn = 5.0; // proximal inhibitory synaptic time constants
    private static Dictionary<string, object> ProximalParams => new() { ["tau_syn_ex"] = TauSynEx, ["tau_syn_in"] = TauSynIn };
    private static Dictionary<string, object> DistalParams => new() { ["C_m"] = 90.0 }; // distal capacitance

    // parameters of the stimulation of the compartments
    private static Dictionary<string, object> RecDicDcSoma => new() { ["start"] = 250.0, ["stop"] = 300.0, ["amplitude"] = 50.0 };
    private static Dictionary<string, object> RecDicDcProximal => new() { ["start"] = 150.0, ["stop"] = 200.0, ["amplitude"] = -50.0 };
    private static Dictionary<string, object> RecDicDcDistal => new() { ["start"] = 50.0, ["stop"] = 100.0, ["amplitude"] = 100.0 };
    private static readonly double[] RecSpSomaEx = [600.0, 620.0]; // soma excitatory
    private static readonly double[] RecSpSomaIn = [610.0, 630.0]; // soma inhibitory
    private static readonly double[] RecSpProxEx = [500.0, 520.0]; // proximal excitatory
    private static readonly double[] RecSpProxIn = [510.0, 530.0]; // proximal inhibitory
    private static readonly double[] RecSpDistEx = [400.0, 420.0]; // distal excitatory
    private static readonly double[] RecSpDistIn = [410.0, 430.0]; // distal inhibitory

    // simulation time
    private const double T0 = 700; // simulation time of initial simulation
    private const double TStim = 300; // simulation time with stimulation of soma

    // strength of intrinsic current in soma
    private const double Ie = 150.0;

    // test data
    private static readonly double[] VmSomaTest =
    [
        -70.00033871, -70.00033626, -70.00033383, -70.00033141, -70.00032901, -70.00032662, -70.00032426, -70.00032191,
        -70.00031957, -70.00031725, -70.00030162, -70.00021189, -69.99998874, -69.99958683, -69.99897263, -69.99812256,
        -69.99702137, -69.99566068, -69.99403779, -69.99215463,
    ];

    private static readonly double[] VmProxTest =
    [
        -70.00041394, -70.00041065, -70.00040738, -70.00040414, -70.00040093, -70.00039774, -70.00039457, -70.00039143,
        -70.00038832, -70.00038523, -69.98857137, -69.95638129, -69.90815375, -69.84758846, -69.77782368, -69.70150641,
        -69.62085572, -69.53771917, -69.45362308, -69.36981694,
    ];

    private static readonly double[] VmDistTest =
    [
        -70.0003797, -70.00037554, -70.00037143, -70.00036737, -70.00036335, -70.00035938, -70.00035545, -70.00035157,
        -70.00034773, -70.00034393, -70.00033573, -70.00030289, -70.00022565, -70.00008895, -69.99988167, -69.99959601,
        -69.99922696, -69.9987718, -69.9982297, -69.99760137,
    ];

    private static readonly double[] GexSomaTest = new double[20];

    private static readonly double[] GexProxTest =
    [
        0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.24596033, 0.44510821, 0.60412585, 0.72884756, 0.82436068,
        0.89509487, 0.94490122, 0.97712226, 0.99465388, 1.00000005,
    ];

    private static readonly double[] GexDistTest = new double[20];

    // position of test data
    private const int I0 = 5000, I1 = 5020;

    /// <summary>np.allclose with its default tolerances (rtol 1e-5, atol 1e-8).</summary>
    private static void AssertAllClose(double[] actual, double[] desired, string name)
    {
        Assert.Equal(desired.Length, actual.Length);
        for (int i = 0; i < desired.Length; i++)
            Assert.True(Math.Abs(actual[i] - desired[i]) <= 1e-8 + (1e-5 * Math.Abs(desired[i])), $"{name}[{i}]: {actual[i]} vs {desired[i]}");
    }

    // NEST: testsuite/pytests/neurons/test_mc_neuron.py::TestMCNeuron::testNeuron
    [Fact]
    public void TestNeuron()
    {
        // setUp
        var nest = new Simulator();
        nest.SetDefaults("iaf_cond_alpha_mc", new()
        {
            ["V_th"] = VTh,
            ["V_reset"] = VReset,
            ["t_ref"] = TRef,
            ["g_sp"] = GSp,
            ["soma"] = SomaParams,
            ["proximal"] = ProximalParams,
            ["distal"] = DistalParams,
        });

        // setUpNodes
        var n = nest.Create("iaf_cond_alpha_mc");
        var rqs = (string[])nest.GetDefaults("iaf_cond_alpha_mc")["recordables"];
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = rqs, ["interval"] = 0.1 });
        var cgs = nest.Create("dc_generator", 3);
        cgs.Set([RecDicDcSoma, RecDicDcProximal, RecDicDcDistal]);

        var sgs = nest.Create("spike_generator", 6);
        sgs.Set(
        [
            new() { ["spike_times"] = RecSpSomaEx },
            new() { ["spike_times"] = RecSpSomaIn },
            new() { ["spike_times"] = RecSpProxEx },
            new() { ["spike_times"] = RecSpProxIn },
            new() { ["spike_times"] = RecSpDistEx },
            new() { ["spike_times"] = RecSpDistIn },
        ]);

        // setUpNetwork
        var syns = (IReadOnlyDictionary<string, int>)nest.GetDefaults("iaf_cond_alpha_mc")["receptor_types"];
        string[] label = ["soma_curr", "proximal_curr", "distal_curr", "soma_exc", "soma_inh", "proximal_exc", "proximal_inh", "distal_exc", "distal_inh"];
        nest.Connect(mm, n);
        for (int i = 0; i < 3; i++)
            nest.Connect(cgs[i], n, syn: new Dictionary<string, object> { ["receptor_type"] = syns[label[i]] });
        for (int i = 0; i < 6; i++)
            nest.Connect(sgs[i], n, syn: new Dictionary<string, object> { ["receptor_type"] = syns[label[3 + i]] });

        // testNeuron
        nest.Simulate(T0);
        n.Set("soma", new Dictionary<string, object> { ["I_e"] = Ie });
        nest.Simulate(TStim);
        var rec = NestSuiteHelpers.Events(mm);

        double[] Window(string key) => ((double[])rec[key])[I0..I1];

        // test membrane potential recorded in the soma
        AssertAllClose(Window("V_m.s"), VmSomaTest, "V_m.s");
        // test membrane potential in the proximal compartment
        AssertAllClose(Window("V_m.p"), VmProxTest, "V_m.p");
        // test membrane potential in the distal compartment
        AssertAllClose(Window("V_m.d"), VmDistTest, "V_m.d");
        // test conductance recorded in the soma
        AssertAllClose(Window("g_ex.s"), GexSomaTest, "g_ex.s");
        // test conductance in the proximal compartment
        AssertAllClose(Window("g_ex.p"), GexProxTest, "g_ex.p");
        // test conductance in the distal compartment
        AssertAllClose(Window("g_ex.d"), GexDistTest, "g_ex.d");
    }
}
