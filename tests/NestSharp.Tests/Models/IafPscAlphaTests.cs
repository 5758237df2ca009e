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

    [Fact]
    public void V_min_BoundsThePotentialFromBelow()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = -2000.0, ["V_min"] = -75.0 });
        nest.Simulate(100.0);
        Assert.Equal(-75.0, n.Get<double>("V_m"));
    }
}
