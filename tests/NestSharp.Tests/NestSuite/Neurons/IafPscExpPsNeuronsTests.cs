namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// Port of NEST 3.10's <c>testsuite/pytests/neurons/test_iaf_psc_exp_ps_neurons.py</c>: iaf_psc_exp_ps driven by a DC
/// current follows the analytical V_m, with the spike off the grid and the recovery after t_ref starting at the
/// spike's precise time. The rows of iaf_psc_exp_ps_lossless and test_lossless_spike_detection need
/// iaf_psc_exp_ps_lossless, which NestSharp does not have.
/// </summary>
public sealed class IafPscExpPsNeuronsTests
{
    // NEST: neurons/test_iaf_psc_exp_ps_neurons.py::test_iaf_psc_exp_ps_dc_input[iaf_psc_exp_ps]
    // NEST's voltmeter is a multimeter recording V_m; NestSharp has the multimeter, so the test uses one.
    [Fact]
    public void IafPscExpPsDcInput()
    {
        const double dt = 0.1;
        const double dcAmp = 1000.0;
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = dt, ["local_num_threads"] = 1 });
        var dcGen = nest.Create("dc_generator", 1, new() { ["amplitude"] = dcAmp });
        var nrn = nest.Create("iaf_psc_exp_ps", 1);
        var vm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        var synSpec = new Dictionary<string, object> { ["synapse_model"] = "static_synapse", ["weight"] = 1.0, ["delay"] = dt };
        nest.Connect(dcGen, nrn, syn: synSpec);
        nest.Connect(vm, nrn, syn: synSpec);

        nest.Simulate(8.0);

        var events = (Dictionary<string, object>)vm.Get("events");
        double[] times = ((double[])events["times"]).Select(t => t - dt).ToArray(); // account for delay to multimeter
        double[] recorded = (double[])events["V_m"];
        double tauM = nrn.Get<double>("tau_m"), r = tauM / nrn.Get<double>("C_m"), theta = nrn.Get<double>("V_th");
        double eL = nrn.Get<double>("E_L"), vReset = nrn.Get<double>("V_reset"), tRef = nrn.Get<double>("t_ref");

        // NEST's compute_analytical_solution
        var analytical = new double[times.Length];
        Array.Fill(analytical, eL);
        const int startIndex = 1;
        double[] vmSoln = times.Select(t => eL + (1 - Math.Exp(-t / tauM)) * r * dcAmp).ToArray();
        double exactSpiketime = -tauM * Math.Log(1 - (theta - eL) / (r * dcAmp));
        double timeOffset = exactSpiketime - Math.Floor(exactSpiketime / dt) * dt;
        double[] vmSolnOffset = times.Select(t => eL + (1 - Math.Exp(-(t - timeOffset + dt) / tauM)) * r * dcAmp).ToArray();
        Array.Copy(vmSoln, 0, analytical, startIndex, vmSoln.Length - startIndex);
        int crossing = (int)Math.Floor(exactSpiketime / dt + 1) + startIndex;
        int numRef = (int)(tRef / dt);
        for (int i = crossing; i < crossing + numRef; i++) analytical[i] = vReset;
        int numInds = times.Length - crossing - numRef;
        Array.Copy(vmSolnOffset, 0, analytical, crossing + numRef, numInds);

        // assert_array_almost_equal: 6 decimals
        Assert.Equal(analytical.Length, recorded.Length);
        for (int i = 0; i < analytical.Length; i++) Assert.True(Math.Abs(analytical[i] - recorded[i]) < 1.5e-6, $"index {i}: {analytical[i]} vs {recorded[i]}");
    }
}
