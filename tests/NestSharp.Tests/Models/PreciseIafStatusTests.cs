namespace NestSharp.Tests.Models;

/// <summary>
/// The status of iaf_psc_alpha_ps and iaf_psc_delta_ps as NEST 3.10 has it (checked with the installed NEST): only
/// V_m of the state is settable (the synaptic state of the alpha model, is_refractory and the delta model's
/// refractory_input are read-only: UnaccessedDictionaryEntry), the parameter checks give NEST's messages, and a failing
/// Set changes nothing.
/// </summary>
public sealed class PreciseIafStatusTests
{
    [Theory]
    [InlineData("iaf_psc_alpha_ps", "I_syn_ex")]
    [InlineData("iaf_psc_alpha_ps", "I_syn_in")]
    [InlineData("iaf_psc_alpha_ps", "dI_syn_ex")]
    [InlineData("iaf_psc_alpha_ps", "dI_syn_in")]
    [InlineData("iaf_psc_alpha_ps", "is_refractory")]
    [InlineData("iaf_psc_delta_ps", "refractory_input")]
    [InlineData("iaf_psc_delta_ps", "is_refractory")]
    [InlineData("iaf_psc_delta_ps", "tau_syn_ex")]
    public void ReadOnlyAndUnknownKeys_AreRefused(string model, string key)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model);
        Assert.Throws<UnaccessedDictionaryEntryException>(() => neuron.Set(key, key.StartsWith('i') || key.StartsWith('r') ? true : 5.0));
    }

    [Fact]
    public void Status_ShowsTheReadOnlyState()
    {
        var nest = new Simulator();
        var alpha = nest.Create("iaf_psc_alpha_ps").GetStatus()[0];
        foreach (string key in new[] { "I_syn_ex", "I_syn_in", "dI_syn_ex", "dI_syn_in" }) Assert.Equal(0.0, (double)alpha[key]);
        Assert.Equal(false, alpha["is_refractory"]);
        var delta = nest.Create("iaf_psc_delta_ps").GetStatus()[0];
        Assert.Equal(false, delta["refractory_input"]);
        Assert.Equal(double.MinValue, (double)delta["V_min"]);
        Assert.Equal(double.NegativeInfinity, (double)alpha["V_min"]);
    }

    [Theory]
    [InlineData("iaf_psc_alpha_ps", "C_m", 0.0, "Capacitance must be strictly positive.")]
    [InlineData("iaf_psc_alpha_ps", "tau_m", 0.0, "All time constants must be strictly positive.")]
    [InlineData("iaf_psc_alpha_ps", "tau_syn_ex", -1.0, "All time constants must be strictly positive.")]
    [InlineData("iaf_psc_alpha_ps", "tau_syn_in", 0.0, "All time constants must be strictly positive.")]
    [InlineData("iaf_psc_alpha_ps", "V_reset", -50.0, "Reset potential must be smaller than threshold.")]
    [InlineData("iaf_psc_alpha_ps", "V_min", -60.0, "Reset potential must be greater equal minimum potential.")]
    [InlineData("iaf_psc_alpha_ps", "t_ref", 0.0, "Refractory time must be at least one time step.")]
    [InlineData("iaf_psc_delta_ps", "C_m", -1.0, "Capacitance must be strictly positive.")]
    [InlineData("iaf_psc_delta_ps", "tau_m", 0.0, "All time constants must be strictly positive.")]
    [InlineData("iaf_psc_delta_ps", "V_reset", -55.0, "Reset potential must be smaller than threshold.")]
    [InlineData("iaf_psc_delta_ps", "V_min", -60.0, "Reset potential must be greater equal minimum potential.")]
    [InlineData("iaf_psc_delta_ps", "t_ref", 0.0, "Refractory time must be at least one time step.")]
    public void BadParameters_GiveNestsMessage_AndChangeNothing(string model, string key, double value, string message)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model);
        var before = neuron.GetStatus()[0];
        var error = Assert.Throws<BadPropertyException>(() => neuron.Set(new Dictionary<string, object> { [key] = value, ["I_e"] = 12.0 }));
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain("..", error.Message);
        var after = neuron.GetStatus()[0];
        Assert.Equal(before[key], after[key]);
        Assert.Equal(before["I_e"], after["I_e"]);
    }

    [Theory]
    [InlineData("iaf_psc_alpha_ps")]
    [InlineData("iaf_psc_delta_ps")]
    public void ChangingEL_KeepsTheAbsolutePotentials(string model)
    {
        var nest = new Simulator();
        var neuron = nest.Create(model, 1, new() { ["V_m"] = -60.0 });
        neuron.Set("E_L", -65.0);
        Assert.Equal(-60.0, neuron.Get<double>("V_m"));
        Assert.Equal(-55.0, neuron.Get<double>("V_th"));
        Assert.Equal(-70.0, neuron.Get<double>("V_reset"));
    }
}
