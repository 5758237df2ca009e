namespace NestSharp.Tests.Connections;

/// <summary>The kernel keys keep_source_table and use_compressed_spikes: reported, settable, checked as NEST checks them.</summary>
public sealed class SourceTableKeysTests
{
    private static Simulator WithStructuralSynapses()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new()
        {
            ["structural_plasticity_synapses"] = new Dictionary<string, object>
            {
                ["syn"] = new Dictionary<string, object>
                {
                    ["synapse_model"] = "static_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den",
                },
            },
        });
        return nest;
    }

    [Fact]
    public void Defaults_AreTrue_AndBothAreSettable_AlsoAfterConnections()
    {
        var nest = new Simulator();
        Assert.True((bool)nest.GetKernelStatus("keep_source_table"));
        Assert.True((bool)nest.GetKernelStatus("use_compressed_spikes"));
        var n = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(n, n);

        nest.SetKernelStatus(new() { ["keep_source_table"] = false, ["use_compressed_spikes"] = false });

        Assert.False((bool)nest.GetKernelStatus("keep_source_table"));
        Assert.False((bool)nest.GetKernelStatus("use_compressed_spikes"));
        nest.Simulate(2.0);
        Assert.Equal(4, nest.GetConnections().Count);
        nest.ResetKernel();
        Assert.True((bool)nest.GetKernelStatus("keep_source_table"));
    }

    [Fact]
    public void KeepSourceTable_MustBeABoolean()
    {
        var nest = new Simulator();

        Assert.Throws<TypeMismatchException>(() => nest.SetKernelStatus(new() { ["keep_source_table"] = 1L }));

        Assert.True((bool)nest.GetKernelStatus("keep_source_table"));
    }

    [Fact]
    public void KeepSourceTable_CannotBeFalse_WhileStructuralPlasticityIsEnabled()
    {
        var nest = WithStructuralSynapses();
        nest.EnableStructuralPlasticity();

        var e = Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["keep_source_table"] = false }));

        Assert.Contains("keep_source_table", e.Message);
        Assert.True((bool)nest.GetKernelStatus("keep_source_table"));
    }

    [Theory]
    [InlineData("keep_source_table")]
    [InlineData("use_compressed_spikes")]
    public void StructuralPlasticity_CannotBeEnabled_AfterEitherKeyWasSetToFalse(string key)
    {
        var nest = WithStructuralSynapses();
        nest.SetKernelStatus(new() { [key] = false });

        var e = Assert.Throws<KernelException>(nest.EnableStructuralPlasticity);

        Assert.Contains(key, e.Message);
        Assert.False(nest.StructuralPlasticityEnabled);
    }
}
