namespace NestSharp.Tests.Models;

public sealed class IafPscAlphaTests
{
    [Fact]
    public void Refractoriness_HoldsVAtResetForT_ref()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 1000.0, ["t_ref"] = 3.0 });
        var mm = nest.Create("multimeter", 1, new() { ["interval"] = 0.1, ["record_from"] = new[] { "V_m" } });
        var sr = nest.Create("spike_recorder");
        nest.Connect(mm, n);
        nest.Connect(n, sr);
        nest.Simulate(50.0);
        double firstSpike = ((double[])((Dictionary<string, object>)sr.Get("events"))["times"])[0];
        var ev = (Dictionary<string, object>)mm.Get("events");
        var times = (double[])ev["times"];
        var v = (double[])ev["V_m"];
        for (int i = 0; i < times.Length; i++)
        {
            if (times[i] >= firstSpike - 1e-9 && times[i] <= firstSpike + 3.0 + 1e-9) Assert.Equal(-70.0, v[i]);
            if (Math.Abs(times[i] - (firstSpike + 3.1)) < 1e-9) Assert.True(v[i] > -70.0);
        }
    }

    /// <summary>
    /// NEST 3.9's and 3.10's V_m of three neurons driven by I_e = 100, 200, 300 pA, sampled at 1-4 ms (the reference
    /// values of NEST's other/test_getstatus_39_compatibility.py). They need NEST's own expm1 series: the C library's
    /// expm1 gives the third neuron's first sample one unit in the last place lower.
    /// </summary>
    [Fact]
    public void ConstantCurrent_GivesNestsVoltagesToTheLastBit()
    {
        var nest = new Simulator();
        var neurons = nest.Create("iaf_psc_alpha", 3);
        for (int i = 0; i < 3; i++) neurons[i].Set("I_e", 100.0 * (i + 1));
        var meters = nest.Create("multimeter", 3, new() { ["record_from"] = new[] { "V_m", "I_syn_ex" } });
        nest.Connect(meters, neurons, Rule.OneToOne());
        nest.Simulate(5.0);
        double[][] expected =
        [
            [-69.61934967214384, -69.27492301231193, -68.96327288272687, -68.68128018414255],
            [-69.23869934428768, -68.54984602462386, -67.92654576545374, -67.36256036828512],
            [-68.85804901643152, -67.82476903693578, -66.88981864818061, -66.04384055242767],
        ];
        for (int m = 0; m < 3; m++)
        {
            var events = (Dictionary<string, object>)meters[m].Get("events");
            Assert.Equal(expected[m], (double[])events["V_m"]);
        }
    }

    [Fact]
    public void V_min_BoundsThePotentialFromBelow()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = -2000.0, ["V_min"] = -75.0 });
        nest.Simulate(100.0);
        Assert.Equal(-75.0, n.Get<double>("V_m"));
    }
}
