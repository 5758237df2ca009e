namespace NestSharp.Tests.Models;

/// <summary>
/// The gap-junction models stepped four nodes at a time in SIMD lanes give bit for bit the state the one-node path
/// gave: networks of hh_psc_alpha_gap or hh_cond_beta_gap_traub (all nodes sharing their parameters, or each with its
/// own C_m), gap-coupled, driven by Poisson input and inhibiting one another, with waveform relaxation of each
/// interpolation order and without it, simulated with 1 and 2 threads, end in the final state whose hash the one-node
/// implementation (commit 80e8557) produced.
/// </summary>
public sealed class GapLaneBitwiseTests
{
    public static TheoryData<string, bool, long, int, string> Networks()
    {
        var rows = new TheoryData<string, bool, long, int, string>();
        // Final-state hashes of the one-node implementation (identical for 1 and 2 threads); order -1: no waveform relaxation.
        (string Model, bool Mixed, long Order, string Hash)[] expected =
        [
            ("hh_psc_alpha_gap", false, 3, "E97790BE402B8BD2"),
            ("hh_psc_alpha_gap", true, 3, "97EC4746FCBC2917"),
            ("hh_psc_alpha_gap", true, 1, "2B800968B16D66AA"),
            ("hh_psc_alpha_gap", true, 0, "15E715137907645E"),
            ("hh_psc_alpha_gap", true, -1, "0A4CC08E3D032336"),
            ("hh_cond_beta_gap_traub", false, 3, "556837D3D1AD85B0"),
            ("hh_cond_beta_gap_traub", true, 3, "F71D328D9E307E75"),
            ("hh_cond_beta_gap_traub", true, -1, "6F7452DBE1A5CE44"),
        ];
        foreach (int threads in (int[])[1, 2])
            foreach (var (model, mixed, order, hash) in expected) rows.Add(model, mixed, order, threads, hash);
        return rows;
    }

    [Theory]
    [MemberData(nameof(Networks))]
    public void FinalState_IsBitwiseThatOfTheOneNodePath(string model, bool mixed, long order, int threads, string expectedHash)
    {
        const int N = 30;
        bool traub = model == "hh_cond_beta_gap_traub";
        var nest = new Simulator();
        nest.SetKernelStatus(new() { ["resolution"] = 0.05, ["local_num_threads"] = threads, ["rng_seed"] = 7L, ["use_wfr"] = order >= 0 });
        if (order >= 0) nest.SetKernelStatus(new() { ["wfr_interpolation_order"] = order, ["wfr_comm_interval"] = 1.0, ["wfr_tol"] = 1e-4 });
        var nodes = nest.Create(model, N);
        nodes.Set("V_m", nest.Random.Uniform(-80.0, -40.0));
        if (mixed) nodes.Set("C_m", nest.Random.Uniform(traub ? 80.0 : 30.0, traub ? 120.0 : 50.0));
        var noise = nest.Create("poisson_generator", 1, new() { ["rate"] = 500.0 });
        var recorder = nest.Create("spike_recorder");
        nest.Connect(noise, nodes, syn: new Dictionary<string, object> { ["weight"] = traub ? 20.0 : 300.0, ["delay"] = 1.0 });
        nest.Connect(nodes, nodes, new Dictionary<string, object> { ["rule"] = "fixed_indegree", ["indegree"] = 5, ["allow_autapses"] = false },
            new Dictionary<string, object> { ["weight"] = traub ? -5.0 : -50.0, ["delay"] = 1.0 });
        for (int i = 0; i < N; i++)
        {
            int partner = (7 * i + 3) % N;
            if (partner == i) continue;
            nest.Connect(nodes[i], nodes[partner], new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true },
                new Dictionary<string, object> { ["synapse_model"] = "gap_junction", ["weight"] = 0.3 + 0.05 * (i % 5) });
        }
        nest.Connect(nodes, recorder);
        nest.Simulate(30.0);

        Assert.True(recorder.Get<long>("n_events") > 0);
        string[] keys = traub ? ["V_m", "Act_m", "Inact_h", "Act_n"] : ["V_m", "Act_m", "Inact_h", "Act_n", "Inact_p"];
        Assert.Equal(expectedHash, Rkf45BitwiseTests.FinalStateHash(nodes, keys));
    }
}
