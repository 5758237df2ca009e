namespace NestSharp.Tests.NestSuite.Other;

/// <summary>The waveform-relaxation kernel settings, as NEST's other/test_wfr_settings.py checks them.</summary>
public sealed class WfrSettingsTests
{
    // NEST: other/test_wfr_settings.py::test_set_wfr
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void UseWfr_CanBeSet(bool useWfr)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("use_wfr", useWfr);
        Assert.Equal(useWfr, nest.GetKernelStatus("use_wfr"));
    }

    // NEST: other/test_wfr_settings.py::test_set_wfr_after_node_creation_raises
    [Fact]
    public void UseWfr_CannotBeSetAfterNodesExist()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha");
        Assert.Throws<KernelException>(() => nest.SetKernelStatus("use_wfr", true));
    }

    // NEST: other/test_wfr_settings.py::test_wfr_comm_interval_lower_than_resolution_raises
    [Fact]
    public void CommInterval_BelowTheResolution_Fails()
    {
        var nest = new Simulator();
        Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["wfr_comm_interval"] = 0.05 }));
    }

    // NEST: other/test_wfr_settings.py::test_wfr_comm_interval_cannot_be_set_when_use_wfr_false
    [Fact]
    public void CommInterval_CannotBeSetWithoutWfr()
    {
        var nest = new Simulator();
        Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["use_wfr"] = false, ["wfr_comm_interval"] = 0.5 }));
    }

    // NEST: other/test_wfr_settings.py::test_wfr_comm_interval_set_to_resolution_after_disabling_use_wfr
    [Fact]
    public void CommInterval_FollowsTheResolution_OnceWfrIsDisabled()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["use_wfr"] = true, ["wfr_comm_interval"] = 0.5 });
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["use_wfr"] = false });
        Assert.Equal(0.1, nest.Resolution);
        Assert.Equal(nest.Resolution, (double)nest.GetKernelStatus("wfr_comm_interval"));
        nest.SetKernelStatus("resolution", 0.2);
        Assert.Equal(0.2, nest.Resolution);
        Assert.Equal(nest.Resolution, (double)nest.GetKernelStatus("wfr_comm_interval"));
    }

    // NEST: other/test_wfr_settings.py::test_wfr_comm_interval_not_updated_with_resolution_when_use_wfr_true
    [Fact]
    public void CommInterval_StaysWhileWfrIsUsed()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["use_wfr"] = true, ["wfr_comm_interval"] = 2.0 });
        nest.SetKernelStatus("resolution", 0.1);
        Assert.Equal(2.0, (double)nest.GetKernelStatus("wfr_comm_interval"));
    }
    // NEST: other/test_wfr_settings.py::test_use_wfr_set_correctly_in_created_node
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void CreatedNode_UsesWfrAsSetBeforeItsCreation(bool useWfr)
    {
        var nest = new Simulator();
        nest.SetKernelStatus("use_wfr", useWfr);
        var nrnGap = nest.Create("hh_psc_alpha_gap");
        nest.Simulate(5.0);
        Assert.Equal(useWfr, nrnGap.Get("node_uses_wfr"));
    }
}
