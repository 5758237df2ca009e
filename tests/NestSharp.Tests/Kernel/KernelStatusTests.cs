namespace NestSharp.Tests.Kernel;

public sealed class KernelStatusTests
{
    [Fact]
    public void Defaults_AreNests()
    {
        var status = new Simulator().GetKernelStatus();
        Assert.Equal(0.1, status["resolution"]);
        Assert.Equal(1000.0, status["tics_per_ms"]);
        Assert.Equal(100L, status["tics_per_step"]);
        Assert.Equal(143202461L, status["rng_seed"]);
        Assert.Equal(1L, status["local_num_threads"]);
        Assert.Equal(0.0, status["biological_time"]);
        Assert.Equal(false, status["print_time"]);
        Assert.Equal(false, status["overwrite_files"]);
        Assert.Equal(true, status["dict_miss_is_error"]);
        Assert.Equal(0L, status["network_size"]);
        Assert.Equal(0L, status["num_connections"]);
        Assert.Equal("", status["data_path"]);
    }

    [Fact]
    public void Keys_AreNests()
    {
        // NEST 3.10's GetKernelStatus() (Reference/defaults/kernel.json). NestSharp sizes its spike exchange itself, so
        // it lacks NEST's tuning keys of its MPI buffers; verbosity is kept by the Python front end (the kernel logs nothing).
        string[] notHere =
        [
            "adaptive_target_buffers", "buffer_size_spike_data", "buffer_size_target_data", "growth_factor_buffer_spike_data",
            "growth_factor_buffer_target_data", "max_buffer_size_target_data", "recv_buffer_size_secondary_events",
            "send_buffer_size_secondary_events", "spike_buffer_grow_extra", "spike_buffer_shrink_limit", "spike_buffer_shrink_spare",
            "verbosity",
        ];
        var nests = Reference.NestDefaults.Of("kernel").Keys.ToHashSet();
        var ours = new Simulator().GetKernelStatus().Keys.ToHashSet();
        Assert.Empty(ours.Except(nests).Order());
        Assert.Equal(notHere.Order(), nests.Except(ours).Order());
    }

    [Fact]
    public void TimeLimits_AreNests()
    {
        // NEST 3.10 Time::compute_max: an eighth of the tic range, whole steps; Simulate must leave the clock below it.
        var nests = Reference.NestDefaults.Of("kernel");
        var nest = new Simulator();
        var status = nest.GetKernelStatus();
        Assert.Equal(nests["T_max"].GetDouble(), status["T_max"]);
        Assert.Equal(nests["T_min"].GetDouble(), status["T_min"]);
        var e = Assert.Throws<BadParameterException>(() => nest.Simulate(1.2e15));
        Assert.Contains("'t'", e.Message);
        Assert.Equal(0.0, nest.GetKernelStatus()["biological_time"]);
        nest.SetKernelStatus(new() { ["resolution"] = 1.0 });
        Assert.Equal(1152921504606846.0, nest.GetKernelStatus()["T_max"]);
    }

    [Fact]
    public void Stopwatches_MeasureCreateConnectPrepareAndTheLastSimulate()
    {
        // NEST 3.10: time_construction_create/_connect add up until ResetKernel; time_simulate counts the Run calls since
        // the last Prepare; time_communicate_prepare has one entry per thread.
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["local_num_threads"] = 2 });
        var status = nest.GetKernelStatus();
        foreach (string key in new[] { "time_construction_create", "time_construction_connect", "time_simulate" })
        {
            Assert.Equal(0.0, status[key]);
            Assert.Equal(0.0, status[key + "_cpu"]);
        }
        Assert.Equal(new[] { 0.0, 0.0 }, status["time_communicate_prepare"]);
        Assert.Equal(new[] { 0.0, 0.0 }, status["time_communicate_prepare_cpu"]);

        var neurons = nest.Create("iaf_psc_alpha", 2000, new() { ["I_e"] = 400.0 });
        nest.Connect(neurons, neurons, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 50 });
        nest.Simulate(50.0);
        status = nest.GetKernelStatus();
        foreach (string key in new[] { "time_construction_create", "time_construction_connect", "time_simulate" })
        {
            Assert.True((double)status[key] > 0.0, key);
            Assert.True((double)status[key + "_cpu"] > 0.0, key + "_cpu");
        }
        var prepare = (double[])status["time_communicate_prepare"];
        Assert.Equal(2, prepare.Length);
        Assert.True(prepare[0] > 0.0 && prepare[1] == prepare[0]);
        Assert.True(((double[])status["time_communicate_prepare_cpu"])[0] > 0.0);

        double created = (double)status["time_construction_create"];
        nest.Prepare();
        status = nest.GetKernelStatus();
        Assert.Equal(0.0, status["time_simulate"]);
        Assert.Equal(created, status["time_construction_create"]);
        nest.Run(10.0);
        nest.Cleanup();
        Assert.True((double)nest.GetKernelStatus()["time_simulate"] > 0.0);

        nest.ResetKernel();
        status = nest.GetKernelStatus();
        Assert.Equal(0.0, status["time_construction_create"]);
        Assert.Equal(0.0, status["time_construction_connect"]);
        Assert.Equal(0.0, status["time_simulate"]);
    }

    [Fact]
    public void EpropSettings_HaveNestsDefaultsAndChecks()
    {
        // NEST 3.10 SimulationManager: eprop_update_interval and eprop_learning_window > 0, the window no longer than
        // the interval (the interval of the same call counts), eprop_reset_neurons_on_update a boolean.
        var nest = new Simulator();
        var status = nest.GetKernelStatus();
        Assert.Equal(1000.0, status["eprop_update_interval"]);
        Assert.Equal(1000.0, status["eprop_learning_window"]);
        Assert.Equal(true, status["eprop_reset_neurons_on_update"]);
        nest.SetKernelStatus(new() { ["eprop_update_interval"] = 30.0, ["eprop_learning_window"] = 20.0, ["eprop_reset_neurons_on_update"] = false });
        status = nest.GetKernelStatus();
        Assert.Equal(30.0, status["eprop_update_interval"]);
        Assert.Equal(20.0, status["eprop_learning_window"]);
        Assert.Equal(false, status["eprop_reset_neurons_on_update"]);
        var e = Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["eprop_learning_window"] = 40.0, ["print_time"] = true }));
        Assert.Contains("eprop_learning_window", e.Message);
        Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["eprop_update_interval"] = 0.0 }));
        Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["eprop_learning_window"] = -1.0 }));
        status = nest.GetKernelStatus();
        Assert.Equal(30.0, status["eprop_update_interval"]);
        Assert.Equal(20.0, status["eprop_learning_window"]);
        Assert.Equal(false, status["print_time"]);
        nest.SetKernelStatus(new() { ["eprop_learning_window"] = 40.0, ["eprop_update_interval"] = 50.0 });
        Assert.Equal(40.0, nest.GetKernelStatus()["eprop_learning_window"]);
    }

    [Fact]
    public void Resolution_CanBeSetBeforeNodesExist()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.25 });
        Assert.Equal(0.25, nest.Resolution);
    }

    [Fact]
    public void Resolution_CannotChangeAfterNodesExist()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha");
        var e = Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["resolution"] = 0.2 }));
        Assert.Contains("resolution", e.Message);
        Assert.Equal(0.1, nest.Resolution);
    }

    [Fact]
    public void Threads_CannotChangeAfterNodesExist()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha");
        Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["local_num_threads"] = 2 }));
        Assert.Equal(1, nest.LocalNumThreads);
    }

    [Fact]
    public void ResolutionOffTheTicGrid_IsRejected()
    {
        var nest = new Simulator();
        Assert.Throws<KernelException>(() => nest.SetKernelStatus(new() { ["resolution"] = 0.0001 }));
        Assert.Equal(0.1, nest.Resolution);
    }

    [Fact]
    public void UnknownKernelKey_NamesTheKeyAndListsValidOnes()
    {
        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() => new Simulator().SetKernelStatus(new() { ["resolutoin"] = 0.1 }));
        Assert.Contains("resolutoin", e.Message);
        Assert.Contains("resolution", e.Message);
    }

    [Fact]
    public void FailedKernelUpdate_ChangesNothing()
    {
        var nest = new Simulator();
        Assert.Throws<BadPropertyException>(() => nest.SetKernelStatus(new() { ["print_time"] = true, ["rng_seed"] = -3L }));
        Assert.Equal(false, nest.GetKernelStatus("print_time"));
        Assert.Equal(143202461L, nest.RngSeed);
    }

    [Fact]
    public void ReadOnlyKernelKey_IsRejected()
    {
        var e = Assert.Throws<BadPropertyException>(() => new Simulator().SetKernelStatus(new() { ["network_size"] = 5L }));
        Assert.Contains("read-only", e.Message);
    }

    [Fact]
    public void DataPath_MustExist()
    {
        var e = Assert.Throws<BadPropertyException>(() => new Simulator().SetKernelStatus(new() { ["data_path"] = "/no/such/dir/here" }));
        Assert.Contains("data_path", e.Message);
    }

    [Fact]
    public void MinAndMaxDelay_FollowTheConnections()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 2);
        nest.Connect(a[..1], a[1..], syn: new Dictionary<string, object> { ["delay"] = 1.5 });
        nest.Connect(a[1..], a[..1], syn: new Dictionary<string, object> { ["delay"] = 0.7 });
        Assert.Equal(0.7, (double)nest.GetKernelStatus("min_delay"), 12);
        Assert.Equal(1.5, (double)nest.GetKernelStatus("max_delay"), 12);
    }

    [Fact]
    public void NetworkSizeAndConnections_AreCounted()
    {
        var nest = new Simulator();
        var a = nest.Create("iaf_psc_alpha", 3);
        nest.Create("spike_recorder");
        nest.Connect(a, a);
        Assert.Equal(4L, nest.GetKernelStatus("network_size"));
        Assert.Equal(9L, nest.GetKernelStatus("num_connections"));
    }

    [Fact]
    public void BiologicalTime_AdvancesWithSimulate()
    {
        var nest = new Simulator();
        nest.Create("iaf_psc_alpha");
        nest.Simulate(12.3);
        nest.Simulate(7.7);
        Assert.Equal(20.0, nest.BiologicalTime, 12);
    }

    [Fact]
    public void SimulateOffTheGrid_IsRejected()
    {
        var nest = new Simulator();
        Assert.Throws<BadParameterException>(() => nest.Simulate(1.05));
        Assert.Equal(0.0, nest.BiologicalTime);
    }

    [Fact]
    public void ResetKernel_ForgetsNodesModelsAndSettings()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.2 });
        var old = nest.Create("iaf_psc_alpha", 3);
        nest.CopyModel("static_synapse", "mine");
        nest.ResetKernel();
        Assert.Equal(0.1, nest.Resolution);
        Assert.Equal(0, nest.NetworkSize);
        Assert.DoesNotContain("mine", nest.Models());
        Assert.Throws<KernelException>(() => old.Get("V_m"));
    }

    [Fact]
    public void PrepareRunCleanup_EqualsSimulate()
    {
        static double[] Run(bool split)
        {
            var nest = new Simulator();
            var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 500.0 });
            var sr = nest.Create("spike_recorder");
            nest.Connect(n, sr);
            if (split)
            {
                nest.Prepare();
                for (int i = 0; i < 10; i++) nest.Run(10.0);
                nest.Cleanup();
            }
            else
            {
                nest.Simulate(100.0);
            }

            return (double[])((Dictionary<string, object>)sr.Get("events"))["times"];
        }
        var whole = Run(false);
        Assert.NotEmpty(whole);
        Assert.Equal(whole, Run(true));
    }

    [Fact]
    public void CreateBetweenPrepareAndCleanup_IsRejected()
    {
        var nest = new Simulator();
        nest.Prepare();
        Assert.Throws<KernelException>(() => nest.Create("iaf_psc_alpha"));
        nest.Cleanup();
        nest.Create("iaf_psc_alpha");
    }
}
