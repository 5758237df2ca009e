namespace NestSharp.Tests.NestSuite.Connect;

/// <summary>
/// NEST's testsuite/pytests/connect/test_symmetric_connections.py: make_symmetric, and the synapse models that require
/// symmetric connections (gap_junction between hh_psc_alpha_gap neurons).
/// </summary>
public sealed class TestSymmetricConnections
{
    private readonly Simulator _nest = new();
    private readonly NodeCollection _set1, _set2;

    /// <summary>The fixture setup_nodes: two sets of five neurons.</summary>
    public TestSymmetricConnections()
    {
        _set1 = _nest.Create("iaf_psc_alpha", 5);
        _set2 = _nest.Create("iaf_psc_alpha", 5);
    }

    private void ConnectSymmetric(Dictionary<string, object> connSpec, Dictionary<string, object> synSpec) =>
        _nest.Connect(_set1, _set2, connSpec, synSpec);

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_fails_with_all_to_all
    [Fact]
    public void Test_make_symmetric_fails_with_all_to_all() =>
        Assert.Throws<NestNotImplementedException>(() => ConnectSymmetric(
            new() { ["rule"] = "all_to_all", ["make_symmetric"] = true }, new() { ["synapse_model"] = "static_synapse" }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_fails_with_fixed_indegree
    [Fact]
    public void Test_make_symmetric_fails_with_fixed_indegree() =>
        Assert.Throws<NestNotImplementedException>(() => ConnectSymmetric(
            new() { ["rule"] = "fixed_indegree", ["indegree"] = 3, ["make_symmetric"] = true }, new() { ["synapse_model"] = "static_synapse" }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_fails_with_fixed_outdegree
    [Fact]
    public void Test_make_symmetric_fails_with_fixed_outdegree() =>
        Assert.Throws<NestNotImplementedException>(() => ConnectSymmetric(
            new() { ["rule"] = "fixed_outdegree", ["outdegree"] = 3, ["make_symmetric"] = true }, new() { ["synapse_model"] = "static_synapse" }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_fails_with_fixed_total_number
    [Fact]
    public void Test_make_symmetric_fails_with_fixed_total_number() =>
        Assert.Throws<NestNotImplementedException>(() => ConnectSymmetric(
            new() { ["rule"] = "fixed_total_number", ["N"] = 3, ["make_symmetric"] = true }, new() { ["synapse_model"] = "static_synapse" }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_works_one_to_one
    [Fact]
    public void Test_make_symmetric_works_one_to_one()
    {
        // make_symmetric works properly for basic one_to_one connections.
        ConnectSymmetric(new() { ["rule"] = "one_to_one", ["make_symmetric"] = true }, new() { ["synapse_model"] = "static_synapse" });

        // Get forward and backward connections
        var fwd = _nest.GetConnections(source: _set1);
        var bck = _nest.GetConnections(source: _set2);

        // Check that connection counts match (ensures no extra connections)
        Assert.True(fwd.Count == bck.Count, $"Forward and backward connection counts must match: {fwd.Count} != {bck.Count}");

        AssertSymmetric(fwd, bck, []);
    }

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_fails_with_random_parameters_weight
    [Fact]
    public void Test_make_symmetric_fails_with_random_parameters_weight()
    {
        var e = Assert.ThrowsAny<NestException>(() => ConnectSymmetric(
            new() { ["rule"] = "one_to_one", ["make_symmetric"] = true },
            new() { ["synapse_model"] = "stdp_synapse", ["weight"] = _nest.Random.Uniform() }));
        Assert.True(e is NestNotImplementedException or BadPropertyException, e.GetType().Name);
    }

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_fails_with_random_parameters_alpha
    [Fact]
    public void Test_make_symmetric_fails_with_random_parameters_alpha()
    {
        var e = Assert.ThrowsAny<NestException>(() => ConnectSymmetric(
            new() { ["rule"] = "one_to_one", ["make_symmetric"] = true },
            new() { ["synapse_model"] = "stdp_synapse", ["alpha"] = _nest.Random.Uniform() }));
        Assert.True(e is NestNotImplementedException or BadPropertyException, e.GetType().Name);
    }

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_make_symmetric_works_with_array_parameters
    [Fact]
    public void Test_make_symmetric_works_with_array_parameters()
    {
        ConnectSymmetric(
            new() { ["rule"] = "one_to_one", ["make_symmetric"] = true },
            new()
            {
                ["synapse_model"] = "stdp_synapse",
                ["weight"] = new[] { 1.0, 2.0, 3.0, 4.0, 5.0 },
                ["delay"] = new[] { 1.5, 2.5, 3.5, 4.5, 5.5 },
                ["alpha"] = new[] { 1.2, 2.2, 3.2, 4.2, 5.2 },
            });

        var fwd = _nest.GetConnections(source: _set1);
        var bck = _nest.GetConnections(source: _set2);

        Assert.True(fwd.Count == bck.Count, $"Forward and backward connection counts must match: {fwd.Count} != {bck.Count}");

        AssertSymmetric(fwd, bck, ["alpha"]);
    }

    /// <summary>For each forward connection, there is a matching backward connection with the same weight, delay and <paramref name="more"/>.</summary>
    private static void AssertSymmetric(SynapseCollection fwd, SynapseCollection bck, string[] more)
    {
        var fwdSources = fwd.Source;
        var fwdTargets = fwd.Target;
        var fwdWeights = fwd.Weight;
        var fwdDelays = fwd.Delay;
        var bckSources = bck.Source;
        var bckTargets = bck.Target;
        var bckWeights = bck.Weight;
        var bckDelays = bck.Delay;

        for (int i = 0; i < fwd.Count; i++)
        {
            // Find matching backward connection
            int? matchIdx = null;
            for (int j = 0; j < bck.Count; j++)
            {
                if (bckSources[j] == fwdTargets[i] && bckTargets[j] == fwdSources[i])
                {
                    matchIdx = j;
                    break;
                }
            }

            Assert.True(matchIdx is not null, $"No matching backward connection for forward connection {i}");
            Assert.Equal(fwdWeights[i], bckWeights[matchIdx.Value]);
            Assert.Equal(fwdDelays[i], bckDelays[matchIdx.Value]);
            foreach (string key in more)
                Assert.Equal(fwd.GetValues<double>(key)[i], bck.GetValues<double>(key)[matchIdx.Value]);
        }
    }
    /// <summary>Two sets of two hh_psc_alpha_gap neurons connected by gap_junction (the requires_symmetric tests).</summary>
    private static void ConnectGap(bool sameSets, Dictionary<string, object> connSpec, Dictionary<string, object>? synExtra = null)
    {
        var nest = new Simulator();
        var set1 = nest.Create("hh_psc_alpha_gap", 2);
        var set2 = sameSets ? set1 : nest.Create("hh_psc_alpha_gap", 2);
        var syn = new Dictionary<string, object> { ["synapse_model"] = "gap_junction" };
        foreach (var (k, v) in synExtra ?? []) syn[k] = v;
        nest.Connect(set1, set2, connSpec, syn);
    }

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_fails_without_make_symmetric_one_to_one
    [Fact]
    public void Test_requires_symmetric_fails_without_make_symmetric_one_to_one() =>
        Assert.Throws<BadPropertyException>(() => ConnectGap(false, new() { ["rule"] = "one_to_one", ["make_symmetric"] = false }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_fails_without_make_symmetric_fixed_indegree
    [Fact]
    public void Test_requires_symmetric_fails_without_make_symmetric_fixed_indegree() =>
        Assert.Throws<BadPropertyException>(() => ConnectGap(false, new() { ["rule"] = "fixed_indegree", ["indegree"] = 3, ["make_symmetric"] = false }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_fails_without_make_symmetric_fixed_outdegree
    [Fact]
    public void Test_requires_symmetric_fails_without_make_symmetric_fixed_outdegree() =>
        Assert.Throws<BadPropertyException>(() => ConnectGap(false, new() { ["rule"] = "fixed_outdegree", ["outdegree"] = 3, ["make_symmetric"] = false }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_fails_without_make_symmetric_fixed_total_number
    [Fact]
    public void Test_requires_symmetric_fails_without_make_symmetric_fixed_total_number() =>
        Assert.Throws<BadPropertyException>(() => ConnectGap(false, new() { ["rule"] = "fixed_total_number", ["N"] = 3, ["make_symmetric"] = false }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_fails_all_to_all_different_sources_targets
    [Fact]
    public void Test_requires_symmetric_fails_all_to_all_different_sources_targets() =>
        Assert.Throws<BadPropertyException>(() => ConnectGap(false, new() { ["rule"] = "all_to_all", ["make_symmetric"] = false }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_fails_all_to_all_array_weights
    [Fact]
    public void Test_requires_symmetric_fails_all_to_all_array_weights()
    {
        // NEST accepts BadProperty or TypeError; the symmetric check comes first here: BadProperty.
        var e = Assert.ThrowsAny<Exception>(() => ConnectGap(true, new() { ["rule"] = "all_to_all", ["make_symmetric"] = false },
            new() { ["weight"] = new[] { 1.0, 2.0, 3.0, 4.0 } }));
        Assert.IsType<BadPropertyException>(e);
    }

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_fails_all_to_all_random_weights
    [Fact]
    public void Test_requires_symmetric_fails_all_to_all_random_weights() =>
        Assert.Throws<BadPropertyException>(() => ConnectGap(true, new() { ["rule"] = "all_to_all", ["make_symmetric"] = false },
            new() { ["weight"] = new Simulator().Random.Uniform() }));

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_passes_all_to_all_scalar
    [Fact]
    public void Test_requires_symmetric_passes_all_to_all_scalar() =>
        ConnectGap(true, new() { ["rule"] = "all_to_all", ["make_symmetric"] = false });

    // NEST: testsuite/pytests/connect/test_symmetric_connections.py::test_requires_symmetric_passes_all_to_all_scalar_weight
    [Fact]
    public void Test_requires_symmetric_passes_all_to_all_scalar_weight() =>
        ConnectGap(true, new() { ["rule"] = "all_to_all", ["make_symmetric"] = false }, new() { ["weight"] = 2.0 });
}
