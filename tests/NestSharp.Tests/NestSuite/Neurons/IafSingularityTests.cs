namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>iaf_psc_exp and iaf_psc_alpha stay smooth when tau_syn is equal or close to tau_m (the singular case).</summary>
public sealed class IafSingularityTests
{
    public static TheoryData<string, double> Cases()
    {
        var rows = new TheoryData<string, double>();
        foreach (string model in new[] { "iaf_psc_exp", "iaf_psc_alpha" })
        {
            foreach (double tauM in new[] { 1.0, 10.0, 100.0 }) rows.Add(model, tauM);
        }
        return rows;
    }

    public static TheoryData<string, double> CoarseCases => Cases();

    public static TheoryData<string, double> FineCases => Cases();

    // NEST: neurons/test_iaf_singularity.py::TestIAFSingularity::test_smooth_response (h = 0.1)
    [Theory]
    [MemberData(nameof(CoarseCases))]
    public void SmoothResponse_Resolution0_1(string model, double tauM) => SmoothResponse(model, 0.1, tauM);

    // NEST: neurons/test_iaf_singularity.py::TestIAFSingularity::test_smooth_response (h = 0.001)
    [Theory]
    [Trait("Category", "Slow")]
    [MemberData(nameof(FineCases))]
    public void SmoothResponse_Resolution0_001(string model, double tauM) => SmoothResponse(model, 0.001, tauM);

    /// <summary>
    /// One neuron per tau_syn = tau_m + delta (delta from -1e-1 to 1e-1, and 0), driven by one excitatory and one
    /// inhibitory spike: V_m has no NaN, moves by more than 1 mV, and no step is larger than 3 · range · h.
    /// NEST's voltmeter is a multimeter recording V_m.
    /// </summary>
    private static void SmoothResponse(string model, double h, double tauM)
    {
        var deltaTau = new List<double>();
        for (int i = 0; i < 5; i++) deltaTau.Add(-Math.Pow(10, -10 + i * 9.0 / 4));
        deltaTau.Add(0.0);
        for (int i = 0; i < 5; i++) deltaTau.Add(Math.Pow(10, -10 + i * 9.0 / 4));
        double[] tauSyn = deltaTau.Select(d => tauM + d).ToArray();

        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = h });
        var neurons = nest.Create(model, tauSyn.Length, new()
        {
            ["tau_m"] = tauM, ["tau_syn_ex"] = tauSyn, ["tau_syn_in"] = tauSyn, ["V_th"] = double.PositiveInfinity,
        });
        var spikeGen = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.0 } });
        var vm = nest.Create("multimeter", 1, new() { ["interval"] = h, ["record_from"] = new[] { "V_m" } });
        nest.Connect(spikeGen, neurons, syn: new Dictionary<string, object> { ["weight"] = 1000.0, ["delay"] = 1.0 });
        nest.Connect(spikeGen, neurons, syn: new Dictionary<string, object> { ["weight"] = -1000.0, ["delay"] = 2.0 });
        nest.Connect(vm, neurons);

        nest.Simulate(10 * tauM);

        var events = (Dictionary<string, object>)vm.Get("events");
        double[] vM = (double[])events["V_m"];
        long[] senders = (long[])events["senders"];
        double[] times = (double[])events["times"];
        Assert.DoesNotContain(vM, double.IsNaN);
        double vRange = vM.Max() - vM.Min();
        Assert.True(vRange > 1, "Too small changed in V_m for valid test");

        foreach (var trace in Enumerable.Range(0, vM.Length).GroupBy(i => senders[i]))
        {
            double[] v = trace.OrderBy(i => times[i]).Select(i => vM[i]).ToArray();
            double maxStep = double.NegativeInfinity;
            for (int i = 1; i < v.Length; i++) maxStep = Math.Max(maxStep, v[i] - v[i - 1]);
            Assert.True(Math.Abs(maxStep) < 3 * vRange * h, $"sender {trace.Key}: step {maxStep} for range {vRange}");
        }
    }
}
