namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>iaf_psc_exp driven by a DC current: charge, spike, refractoriness and recovery on the grid.</summary>
public sealed class IafPscExpTests
{
    // NEST: neurons/test_iaf_psc_exp.py::test_iaf_psc_exp_dc_input
    // NEST's voltmeter is a multimeter recording V_m; NestSharp has the multimeter, so the test uses one.
    [Fact]
    public void IafPscExpDcInput()
    {
        const double dt = 0.1;
        const double dcAmp = 1000.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt, ["local_num_threads"] = 1 });
        var dcGen = nest.Create("dc_generator", 1, new() { ["amplitude"] = dcAmp });
        var nrn = nest.Create("iaf_psc_exp", 1);
        var vm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        var synSpec = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = dt };
        nest.Connect(dcGen, nrn, syn: synSpec);
        nest.Connect(vm, nrn, syn: synSpec);

        nest.Simulate(8.0);

        var events = (Dictionary<string, object>)vm.Get("events");
        double[] times = ((double[])events["times"]).Select(t => t - dt).ToArray(); // account for delay to multimeter
        double[] recorded = (double[])events["V_m"];
        double tauM = nrn.Get<double>("tau_m"), r = tauM / nrn.Get<double>("C_m"), eL = nrn.Get<double>("E_L");
        double vTh = nrn.Get<double>("V_th"), vReset = nrn.Get<double>("V_reset"), tRef = nrn.Get<double>("t_ref");

        var analytical = new double[times.Length];
        Array.Fill(analytical, eL);
        const int startIndex = 1; // first index for which the DC current is received by the neuron
        double[] vmSoln = times.Select(t => eL + (1 - Math.Exp(-t / tauM)) * r * dcAmp).ToArray();
        Array.Copy(vmSoln, 0, analytical, startIndex, vmSoln.Length - startIndex);
        int crossing = Array.FindIndex(analytical, v => v > vTh);
        int numRef = (int)(tRef / dt);
        for (int i = crossing; i < crossing + numRef; i++) analytical[i] = vReset;
        int numInds = times.Length - crossing - numRef;
        Array.Copy(vmSoln, 0, analytical, crossing + numRef, numInds);

        // assert_array_almost_equal: 6 decimals
        Assert.Equal(analytical.Length, recorded.Length);
        for (int i = 0; i < analytical.Length; i++) Assert.True(Math.Abs(analytical[i] - recorded[i]) < 1.5e-6, $"index {i}: {analytical[i]} vs {recorded[i]}");
    }
}
