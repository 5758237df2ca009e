namespace NestSharp.Tests.Kernel;

/// <summary>PyNEST's help(model): NestSharp's summary of a model, from the model's declaration and current defaults.</summary>
public sealed class ModelHelpTests
{
    private static string[] Lines(string text) => text.Split('\n');

    [Fact]
    public void NeuronModel_ListsParametersAndStateWithDefaultsAndUnits()
    {
        var lines = Lines(new Simulator().ModelHelp("iaf_psc_alpha"));
        Assert.Equal("iaf_psc_alpha", lines[0]);
        Assert.Contains("Element type: neuron", lines);
        int parameters = Array.IndexOf(lines, "Parameters"), state = Array.IndexOf(lines, "State variables");
        Assert.True(parameters > 0 && state > parameters);
        Assert.Matches(@"^C_m\s+250\s+pF$", lines[parameters + 2]);
        Assert.Contains(lines[(state + 2)..], l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^V_m\s+-70\s+mV$"));
        Assert.Contains("Recordables: I_syn_ex, I_syn_in, V_m", lines);
        Assert.Contains("NEST's documentation of the model: https://nest-simulator.readthedocs.io/en/stable/models/iaf_psc_alpha.html", lines);
    }

    [Fact]
    public void CopiedModel_ShowsItsDefaults_AndNoDocumentationLink()
    {
        var nest = new Simulator();
        nest.CopyModel("iaf_psc_exp_multisynapse", "my_neuron", new() { ["tau_m"] = 33.0, ["tau_syn"] = new[] { 1.0, 4.0 } });
        string text = nest.ModelHelp("my_neuron");
        Assert.Matches(@"\ntau_m\s+33\s+ms\n", text);
        Assert.Matches(@"\ntau_syn\s+\[1, 4\]\s+ms\n", text);
        Assert.DoesNotContain("readthedocs", text);
        Assert.Contains("\nReceptor types: {soma_exc: 1, soma_inh: 2, ", nest.ModelHelp("iaf_cond_alpha_mc"));
    }

    [Fact]
    public void SynapseModelAndUnknownModel()
    {
        var nest = new Simulator();
        Assert.Matches(@"\nElement type: synapse\n[\s\S]*\nWmax\s+100\n", nest.ModelHelp("stdp_synapse"));
        Assert.Throws<UnknownModelNameException>(() => nest.ModelHelp("no_such_model"));
    }
}
