namespace NestSharp.Tests.Kernel;

/// <summary>Bad input fails with a typed error that names the key, the value and what is allowed, and changes nothing.</summary>
public sealed class ErrorTests
{
    [Fact]
    public void UnknownModel_ListsKnownModels()
    {
        var nest = new Simulator();
        var e = Assert.Throws<UnknownModelNameException>(() => nest.Create("iaf_psc_alfa"));
        Assert.Contains("iaf_psc_alfa", e.Message);
        Assert.Contains("iaf_psc_alpha", e.Message);
        Assert.Equal(0, nest.NetworkSize);
    }

    [Fact]
    public void UnknownParameter_ListsValidKeysAndCreatesNothing()
    {
        var nest = new Simulator();
        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() => nest.Create("iaf_psc_alpha", 5, new() { ["tau_mem"] = 10.0 }));
        Assert.Contains("tau_mem", e.Message);
        Assert.Contains("tau_m", e.Message);
        Assert.Equal(0, nest.NetworkSize);
    }

    [Fact]
    public void WrongType_NamesKeyAndExpectedType()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var e = Assert.Throws<TypeMismatchException>(() => n.Set("C_m", "big"));
        Assert.Contains("C_m", e.Message);
        Assert.Contains("number", e.Message);
    }

    [Fact]
    public void ConnectionsAsConnSpec_FailsWithTypeMismatchInsteadOfRecursing()
    {
        // A one-connection SynapseCollection enumerates as collections of itself; the message shows it to a bounded
        // depth (it once overflowed the stack, ending the Python process that passed it).
        var nest = new Simulator();
        var pre = nest.Create("iaf_psc_alpha");
        var post = nest.Create("iaf_psc_alpha");
        nest.Connect(pre, post);
        var connections = nest.GetConnections();
        var e = Assert.Throws<TypeMismatchException>(() => nest.Connect(pre, post, connections));
        Assert.Contains("[...]", e.Message);
        Assert.Single(nest.GetConnections());
    }

    [Theory]
    [InlineData("C_m", 0.0)]
    [InlineData("C_m", -1.0)]
    [InlineData("tau_m", 0.0)]
    [InlineData("tau_syn_ex", -2.0)]
    [InlineData("tau_syn_in", 0.0)]
    [InlineData("t_ref", -0.1)]
    [InlineData("V_reset", -50.0)]
    public void InvalidNeuronParameter_IsRejectedAndChangesNothing(string key, double value)
    {
        foreach (var model in new[] { "iaf_psc_alpha", "iaf_psc_exp" })
        {
            var nest = new Simulator();
            var n = nest.Create(model, 3);
            var before = n.GetValues<double>(key);
            var e = Assert.Throws<BadPropertyException>(() => n.Set(new Dictionary<string, object> { ["I_e"] = 100.0, [key] = value }));
            Assert.Contains(key, e.Message);
            Assert.Equal(before, n.GetValues<double>(key));
            Assert.Equal(new[] { 0.0, 0.0, 0.0 }, n.GetValues<double>("I_e"));
        }
    }

    [Fact]
    public void InvalidValueForOneNode_ChangesNoNode()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 3);
        Assert.Throws<BadPropertyException>(() => n.Set("C_m", new[] { 100.0, 200.0, -1.0 }));
        Assert.Equal(new[] { 250.0, 250.0, 250.0 }, n.GetValues<double>("C_m"));
    }

    [Fact]
    public void NegativeRate_IsRejected()
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.Create("poisson_generator", 1, new() { ["rate"] = -5.0 }));
        Assert.Contains("rate", e.Message);
        Assert.Equal(0, nest.NetworkSize);
    }

    [Fact]
    public void DelayBelowResolution_IsRejectedAndConnectsNothing()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        var e = Assert.Throws<BadDelayException>(() => nest.Connect(n, n, syn: new Dictionary<string, object> { ["delay"] = 0.04 }));
        Assert.Contains("delay", e.Message);
        Assert.Equal(0L, nest.NumConnections);
    }

    [Fact]
    public void SynapseModelDelayBelowResolution_IsRejected()
    {
        var nest = new Simulator();
        Assert.Throws<BadDelayException>(() => nest.SetDefaults("static_synapse", new() { ["delay"] = 0.01 }));
        Assert.Equal(1.0, nest.GetDefaults("static_synapse")["delay"]);
    }

    [Fact]
    public void RecorderAsSource_IsIllegal()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var sr = nest.Create("spike_recorder");
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(sr, n));
        Assert.Contains("spike_recorder", e.Message);
        Assert.Equal(0L, nest.NumConnections);
    }

    [Fact]
    public void GeneratorAsTarget_IsIllegal()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var pg = nest.Create("poisson_generator");
        Assert.Throws<IllegalConnectionException>(() => nest.Connect(n, pg));
    }

    [Fact]
    public void MultimeterWithUnknownRecordable_IsIllegal()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha");
        var mm = nest.Create("multimeter", 1, new() { ["record_from"] = new[] { "g_ex" } });
        var e = Assert.Throws<IllegalConnectionException>(() => nest.Connect(mm, n));
        Assert.Contains("g_ex", e.Message);
        Assert.Contains("V_m", e.Message);
    }

    [Fact]
    public void InvalidReceptor_IsIllegal()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        Assert.Throws<UnknownReceptorTypeException>(() => nest.Connect(n, n, syn: new Dictionary<string, object> { ["receptor_type"] = 3 }));
        Assert.Equal(0L, nest.NumConnections);
    }

    [Fact]
    public void ExistingAsciiFile_WithoutOverwrite_IsAnError()
    {
        string dir = Directory.CreateTempSubdirectory("nestsharp-ascii").FullName;
        try
        {
            for (int run = 0; run < 2; run++)
            {
                var nest = new Simulator();
                nest.SetKernelStatus(new() { ["data_path"] = dir });
                var n = nest.Create("iaf_psc_alpha", 1, new() { ["I_e"] = 500.0 });
                var sr = nest.Create("spike_recorder", 1, new() { ["record_to"] = "ascii", ["label"] = "spikes" });
                nest.Connect(n, sr);
                if (run == 0)
                {
                    nest.Simulate(50.0);
                }
                else
                {
                    var e = Assert.Throws<IOErrorException>(() => nest.Simulate(50.0));
                    Assert.Contains("overwrite_files", e.Message);
                    Assert.Equal(0.0, nest.BiologicalTime);
                }
            }
        }
        finally
        {
            Directory.Delete(dir, true);
        }
    }

    [Fact]
    public void ReadOnlyNodeKey_IsLeftUnaccessed_AsNestDoes()
    {
        var n = new Simulator().Create("iaf_psc_alpha");
        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() => n.Set("global_id", 7L));
        Assert.Contains("read-only", e.Message);
        Assert.Equal(1L, n.Get<long>("global_id"));
    }

    [Fact]
    public void DictMissIsErrorFalse_IgnoresUnknownKeys()
    {
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["dict_miss_is_error"] = false });
        var n = nest.Create("iaf_psc_alpha", 1, new() { ["no_such_key"] = 1.0, ["I_e"] = 3.0 });
        Assert.Equal(3.0, n.Get<double>("I_e"));
    }

    [Fact]
    public void CopyModelToExistingName_IsRejected()
    {
        var nest = new Simulator();
        Assert.Throws<NewModelNameExistsException>(() => nest.CopyModel("static_synapse", "iaf_psc_alpha"));
    }

    [Fact]
    public void UnknownConnSpecKey_IsRejected()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            nest.Connect(n, n, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indgree"] = 1 }));
        Assert.Contains("indgree", e.Message);
        Assert.Contains("indegree", e.Message);
    }

    [Fact]
    public void UnknownSynSpecKey_IsRejected()
    {
        var nest = new Simulator();
        var n = nest.Create("iaf_psc_alpha", 2);
        var e = Assert.Throws<UnaccessedDictionaryEntryException>(() =>
            nest.Connect(n, n, syn: new Dictionary<string, object> { ["wieght"] = 1.0 }));
        Assert.Contains("wieght", e.Message);
    }

    [Fact]
    public void SpikeTimesOffGrid_AreRejectedUnlessAllowed()
    {
        var nest = new Simulator();
        var e = Assert.Throws<BadPropertyException>(() => nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.05 } }));
        Assert.Contains("spike_times", e.Message);
        var sg = nest.Create("spike_generator", 1, new() { ["spike_times"] = new[] { 1.05 }, ["allow_offgrid_times"] = true });
        Assert.Equal(new[] { 1.1 }, (double[])sg.Get("spike_times"), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void UnsortedSpikeTimes_AreRejected()
    {
        var e = Assert.Throws<BadPropertyException>(() => new Simulator().Create("spike_generator", 1, new() { ["spike_times"] = new[] { 2.0, 1.0 } }));
        Assert.Contains("sorted", e.Message);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
