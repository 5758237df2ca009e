namespace NestSharp.Tests.NestSuite.Neurons;

/// <summary>
/// The parameter checks of each neuron model, as NEST 3.10's models make them (models/*.cpp, checked against a NEST
/// 3.10 build): a value NEST refuses is a BadProperty naming the key, and changes nothing; a boundary value NEST
/// accepts is accepted. NaN, which NEST lets through unchecked, is refused naming the key given.
/// </summary>
public sealed class NeuronParameterChecksTests
{
    public static TheoryData<string, string, double> Refused => new()
    {
        { "iaf_psc_alpha", "C_m", 0.0 },
        { "iaf_psc_alpha", "tau_m", 0.0 },
        { "iaf_psc_alpha", "tau_syn_ex", 0.0 },
        { "iaf_psc_alpha", "tau_syn_in", -1.0 },
        { "iaf_psc_alpha", "t_ref", -0.1 },
        { "iaf_psc_alpha", "V_reset", -55.0 },
        { "iaf_psc_exp", "C_m", 0.0 },
        { "iaf_psc_exp", "tau_m", 0.0 },
        { "iaf_psc_exp", "tau_syn_ex", 0.0 },
        { "iaf_psc_exp", "tau_syn_in", 0.0 },
        { "iaf_psc_exp", "t_ref", -0.1 },
        { "iaf_psc_exp", "V_reset", -55.0 },
        { "iaf_psc_exp", "rho", -0.1 },
        { "iaf_psc_exp", "delta", -0.1 },
        { "aeif_psc_delta_clopath", "V_reset", 33.0 },
        { "aeif_psc_delta_clopath", "Delta_T", -0.1 },
        { "aeif_psc_delta_clopath", "Delta_T", 0.01 }, // overflow of the exponential at spike time
        { "aeif_psc_delta_clopath", "V_th_max", -60.0 },
        { "aeif_psc_delta_clopath", "C_m", 0.0 },
        { "aeif_psc_delta_clopath", "t_ref", -1.0 },
        { "aeif_psc_delta_clopath", "t_clamp", -1.0 },
        { "aeif_psc_delta_clopath", "tau_w", 0.0 },
        { "aeif_psc_delta_clopath", "tau_V_th", 0.0 },
        { "aeif_psc_delta_clopath", "tau_z", 0.0 },
        { "aeif_psc_delta_clopath", "tau_u_bar_plus", 0.0 },
        { "aeif_psc_delta_clopath", "tau_u_bar_minus", 0.0 },
        { "aeif_psc_delta_clopath", "tau_u_bar_bar", 0.0 },
        { "aeif_psc_delta_clopath", "gsl_error_tol", 0.0 },
        { "aeif_psc_delta_clopath", "u_ref_squared", 0.0 },
        { "pp_cond_exp_mc_urbanczik", "t_ref", -1.0 },
        { "pp_cond_exp_mc_urbanczik", "phi_max", -1.0 },
        { "pp_cond_exp_mc_urbanczik", "rate_slope", -1.0 },
        { "ignore_and_fire", "phase", 0.0 },
        { "ignore_and_fire", "phase", 1.5 },
        { "ignore_and_fire", "rate", 0.0 },
        { "parrot_neuron", "flush_event_send_interval", 0.0 },
    };

    public static TheoryData<string, string, double> Accepted => new()
    {
        { "iaf_psc_alpha", "t_ref", 0.0 },
        { "iaf_psc_exp", "rho", 0.0 },
        { "iaf_psc_exp", "delta", 0.0 },
        { "aeif_psc_delta_clopath", "Delta_T", 0.0 },
        { "aeif_psc_delta_clopath", "t_clamp", 0.0 },
        { "ignore_and_fire", "phase", 1.0 },
    };

    [Theory]
    [MemberData(nameof(Refused))]
    public void AValueNestRefuses_IsABadProperty_AndCreatesNothing(string model, string key, double value)
    {
        var nest = new Simulator();

        Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, new() { [key] = value }));

        Assert.Equal(0L, nest.GetKernelStatus("network_size"));
    }

    [Theory]
    [MemberData(nameof(Refused))]
    public void AValueNestRefuses_InSet_ChangesNothing(string model, string key, double value)
    {
        var nest = new Simulator();
        var node = nest.Create(model);
        double before = node.Get<double>(key);

        Assert.Throws<BadPropertyException>(() => node.Set(key, value));

        Assert.Equal(before, node.Get<double>(key));
    }

    [Theory]
    [MemberData(nameof(Accepted))]
    public void ABoundaryValueNestAccepts_IsAccepted(string model, string key, double value)
    {
        var nest = new Simulator();

        var node = nest.Create(model, 1, new() { [key] = value });

        Assert.Equal(value, node.Get<double>(key));
    }

    [Theory]
    [InlineData("pp_cond_exp_mc_urbanczik", "soma", "C_m")]
    [InlineData("pp_cond_exp_mc_urbanczik", "dendritic", "tau_syn_ex")]
    [InlineData("pp_cond_exp_mc_urbanczik", "soma", "tau_syn_in")]
    public void ACompartmentValueNestRefuses_IsABadProperty_NamingTheCompartmentKey(string model, string compartment, string key)
    {
        var nest = new Simulator();

        var e = Assert.Throws<BadPropertyException>(() =>
            nest.Create(model, 1, new() { [compartment] = new Dictionary<string, object> { [key] = 0.0 } }));

        Assert.Contains(key, e.Message);
        Assert.Contains(compartment, e.Message);
    }

    [Theory]
    [InlineData("iaf_psc_alpha")]
    [InlineData("iaf_psc_exp")]
    public void VThresholdNaN_IsRefused_NamingVth(string model)
    {
        var nest = new Simulator();

        var e = Assert.Throws<BadPropertyException>(() => nest.Create(model, 1, new() { ["V_th"] = double.NaN }));

        Assert.StartsWith("'V_th'", e.Message);
        Assert.DoesNotContain("V_reset", e.Message);
    }

    [Theory]
    [InlineData("iaf_psc_alpha", "V_reset")]
    [InlineData("iaf_psc_exp", "C_m")]
    [InlineData("aeif_psc_delta_clopath", "V_peak")]
    [InlineData("ignore_and_fire", "rate")]
    public void NaN_IsRefused_NamingTheKeyGiven(string model, string key)
    {
        var nest = new Simulator();
        var node = nest.Create(model);

        var e = Assert.Throws<BadPropertyException>(() => node.Set(key, double.NaN));

        Assert.StartsWith($"'{key}'", e.Message);
    }
}
