using System.Globalization;

namespace NestSharp.Tests.Models;

/// <summary>
/// The RKF45 neuron update after its speed work gives the same state, bit for bit, as the update before it: networks
/// of RKF45 models (all nodes sharing their parameters, or each with its own C_m), simulated with 1 and 2 threads, end
/// in the final state whose hash the straightforward implementation (commit 5949d24) produced.
/// </summary>
public sealed class Rkf45BitwiseTests
{
    public static TheoryData<string, bool, int, string> Networks()
    {
        var rows = new TheoryData<string, bool, int, string>();
        // Final-state hashes from the implementation before the speed work (identical for 1 and 2 threads).
        (string Model, bool Mixed, string Hash)[] expected =
        [
            ("aeif_cond_exp", false, "C880E37AA61FA235"),
            ("iaf_cond_exp", false, "52CD79B704BAAA77"),
            ("hh_psc_alpha", false, "68CE1E1BFA73FE2A"),
            ("aeif_cond_exp", true, "0C033DFA12977740"),
            ("iaf_cond_exp", true, "47609F9F6B931931"),
            ("hh_psc_alpha", true, "8449EA9C0237FBA7"),
        ];
        foreach (int threads in (int[])[1, 2])
            foreach (var (model, mixed, hash) in expected) rows.Add(model, mixed, threads, hash);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void FinalState_IsBitwiseThatOfTheScalarReference(string model, bool mixed, int threads, string expectedHash)
    {
        (double weight, double lo, double hi, string[] keys) = model switch
        {
            "aeif_cond_exp" => (0.5, -70.6, -50.4, new[] { "V_m", "g_ex", "g_in", "w" }),
            "iaf_cond_exp" => (0.3, -70.0, -55.0, new[] { "V_m", "g_ex", "g_in" }),
            _ => (50.0, -70.0, -60.0, new[] { "V_m", "Act_m", "Inact_h", "Act_n" }),
        };
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.1, ["local_num_threads"] = threads, ["rng_seed"] = 42L, ["print_time"] = false });
        var parameters = model == "hh_psc_alpha" ? new Dictionary<string, object>() : new Dictionary<string, object> { ["tau_syn_ex"] = 2.0, ["tau_syn_in"] = 2.0 };
        var nodes = nest.Create(model, 200, parameters);
        nodes.Set("V_m", nest.Random.Uniform(lo, hi));
        if (mixed) nodes.Set("C_m", nest.Random.Uniform(200.0, 300.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = model.StartsWith("aeif", StringComparison.Ordinal) ? 15000.0 : 12000.0 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(noise, nodes, syn: new Dictionary<string, object> { ["weight"] = weight, ["delay"] = 1.5 });
        nest.Connect(nodes, nodes, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 20 },
            new Dictionary<string, object> { ["weight"] = -2 * weight, ["delay"] = 1.5 });
        nest.Connect(nodes, recorder);
        nest.Simulate(50.0);

        Assert.True(recorder.Get<long>("n_events") > 0);
        Assert.Equal(expectedHash, FinalStateHash(nodes, keys));
    }

    /// <summary>The FNV-1a hash (hexadecimal) of the bits of every node's values of <paramref name="keys"/>, key by key.</summary>
    internal static string FinalStateHash(NodeCollection nodes, IEnumerable<string> keys)
    {
        ulong hash = 1469598103934665603UL;
        foreach (var key in keys)
        {
            foreach (double value in nodes.GetValues<double>(key))
            {
                hash ^= (ulong)BitConverter.DoubleToInt64Bits(value);
                hash *= 1099511628211UL;
            }
        }
        return hash.ToString("X16", CultureInfo.InvariantCulture);
    }
}
