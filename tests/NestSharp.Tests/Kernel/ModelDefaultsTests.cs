using NestSharp.Tests.Reference;

namespace NestSharp.Tests.Kernel;

/// <summary>GetDefaults gives NEST's parameter names and default values (shared/reference/defaults, NEST 3.10).</summary>
public sealed class ModelDefaultsTests
{
    [Theory]
    [InlineData("iaf_psc_alpha", new[] { "C_m", "E_L", "I_e", "V_m", "V_min", "V_reset", "V_th", "t_ref", "tau_m", "tau_syn_ex", "tau_syn_in", "tau_minus", "tau_minus_triplet", "tau_Ca", "beta_Ca", "Ca" })]
    [InlineData("iaf_psc_exp", new[] { "C_m", "E_L", "I_e", "V_m", "V_reset", "V_th", "t_ref", "tau_m", "tau_syn_ex", "tau_syn_in", "delta", "rho", "tau_minus", "tau_minus_triplet", "tau_Ca", "beta_Ca" })]
    [InlineData("parrot_neuron", new[] { "tau_minus", "tau_minus_triplet", "tau_Ca", "beta_Ca", "Ca" })]
    [InlineData("poisson_generator", new[] { "rate", "start", "stop", "origin" })]
    [InlineData("spike_recorder", new[] { "start", "stop", "origin", "n_events" })]
    [InlineData("multimeter", new[] { "interval", "offset", "start", "stop", "origin", "n_events" })]
    [InlineData("static_synapse", new[] { "weight", "delay", "receptor_type", "num_connections" })]
    [InlineData("static_synapse_hpc", new[] { "weight", "delay", "receptor_type", "num_connections" })]
    public void NumericDefaults_EqualNest(string model, string[] keys)
    {
        var nest = new Simulator();
        var ours = nest.GetDefaults(model);
        var theirs = NestDefaults.Of(model);
        foreach (string key in keys)
        {
            Assert.True(ours.ContainsKey(key), $"{model} lacks '{key}'");
            Assert.Equal(NestDefaults.Number(theirs[key]), Convert.ToDouble(ours[key]));
        }
    }

    [Theory]
    [InlineData("iaf_psc_alpha")]
    [InlineData("iaf_psc_exp")]
    public void Recordables_EqualNest(string model)
    {
        var nest = new Simulator();
        var expected = NestDefaults.Of(model)["recordables"].EnumerateArray().Select(e => e.GetString()!).ToArray();
        Assert.Equal(expected, (string[])nest.GetDefaults(model)["recordables"]);
    }

    [Theory]
    [InlineData("iaf_psc_alpha", "neuron")]
    [InlineData("poisson_generator", "stimulator")]
    [InlineData("spike_recorder", "recorder")]
    [InlineData("multimeter", "recorder")]
    public void ElementType_EqualsNest(string model, string elementType)
    {
        Assert.Equal(elementType, new Simulator().GetDefaults(model)["element_type"]);
        Assert.Equal(elementType, NestDefaults.Of(model)["element_type"].GetString());
    }

    [Fact]
    public void SpikeRecorder_RecordsToMemoryByDefault()
    {
        Assert.Equal("memory", new Simulator().GetDefaults("spike_recorder")["record_to"]);
    }

    [Fact]
    public void Models_ListsNeuronDeviceAndSynapseModels()
    {
        var models = new Simulator().Models();
        foreach (var m in new[] { "iaf_psc_alpha", "iaf_psc_exp", "parrot_neuron", "poisson_generator", "spike_generator", "dc_generator", "spike_recorder", "multimeter", "static_synapse", "static_synapse_hpc" })
            Assert.Contains(m, models);
    }
}
