namespace NestSharp.Tests.BadInput;

/// <summary>One bad call: what it does, what it must raise, and the words (key, value) its message must contain.</summary>
/// <param name="Act">The bad call.</param>
/// <param name="Expected">The exception type (NEST's name).</param>
/// <param name="Mentions">Text the message must contain: the key and the value.</param>
/// <param name="Setup">What to do first, before the snapshot (for calls that are bad only in some state).</param>
internal sealed record BadInputCase(Action<BadInputNetwork> Act, Type Expected, string[] Mentions, Action<BadInputNetwork>? Setup = null);

/// <summary>
/// The catalogue of bad calls, by area. The exception each raises is the one NEST 3.10 raises for the same call where
/// NEST raises one; NestSharp is stricter than NEST where NEST accepts a value that cannot mean anything (NaN
/// neuron parameters, a NaN connection probability).
/// </summary>
internal static class BadInputCases
{
    public static readonly Dictionary<string, BadInputCase> All = Build();

    private static Dictionary<string, object> D(string key, object value) => new() { [key] = value };

    private static string Describe(object value) => value switch
    {
        IDictionary<string, object> d => "{" + string.Join(", ", d.Select(e => $"{e.Key}: {Describe(e.Value)}")) + "}",
        string text => text,
        System.Collections.IEnumerable items => "[" + string.Join(", ", items.Cast<object>().Select(Describe)) + "]",
        IFormattable number => number.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    private static Dictionary<string, BadInputCase> Build()
    {
        var cases = new Dictionary<string, BadInputCase>();
        void Add(string name, Action<BadInputNetwork> act, Type expected, params string[] mentions) =>
            cases.Add(name, new BadInputCase(act, expected, mentions));
        void AddAfter(string name, Action<BadInputNetwork> setup, Action<BadInputNetwork> act, Type expected, params string[] mentions) =>
            cases.Add(name, new BadInputCase(act, expected, mentions, setup));

        // ------------------------------------------------------------------ kernel status
        void Kernel(string key, object value, Type expected, params string[] mentions) =>
            Add($"kernel {key} = {Describe(value)}", n => n.Nest.SetKernelStatus(key, value), expected, [key, .. mentions]);
        Kernel("resolution", 0.0, typeof(KernelException));
        Kernel("resolution", -0.1, typeof(KernelException));
        Kernel("resolution", double.NaN, typeof(KernelException));
        Kernel("resolution", 0.2, typeof(KernelException));
        Kernel("tics_per_ms", 0.0, typeof(KernelException));
        Kernel("tics_per_ms", 2500.5, typeof(KernelException));
        Kernel("local_num_threads", 0L, typeof(BadPropertyException), "0");
        Kernel("local_num_threads", -1L, typeof(BadPropertyException), "-1");
        Kernel("local_num_threads", 2L, typeof(KernelException), "2");
        Kernel("total_num_virtual_procs", 0L, typeof(BadPropertyException), "0");
        Kernel("total_num_virtual_procs", 3L, typeof(KernelException), "3");
        Kernel("rng_seed", -1L, typeof(BadPropertyException), "-1");
        Kernel("rng_seed", 4294967296L, typeof(BadPropertyException), "4294967296");
        Kernel("rng_type", "no_such_rng", typeof(BadPropertyException), "no_such_rng");
        Kernel("overwrite_files", "yes", typeof(TypeMismatchException), "yes");
        Kernel("dict_miss_is_error", "yes", typeof(TypeMismatchException), "yes");
        Kernel("no_such_kernel_key", 1.0, typeof(UnaccessedDictionaryEntryException));
        Kernel("network_size", 5L, typeof(BadPropertyException), "5");
        Kernel("num_connections", 5L, typeof(BadPropertyException), "5");
        Kernel("biological_time", 5.0, typeof(BadPropertyException), "5");
        Kernel("wfr_comm_interval", 0.0, typeof(KernelException), "0");
        Kernel("wfr_tol", -1.0, typeof(KernelException), "-1");
        Kernel("wfr_max_iterations", 0L, typeof(KernelException), "0");
        Kernel("wfr_interpolation_order", 4L, typeof(KernelException), "4");
        Kernel("use_wfr", "yes", typeof(TypeMismatchException), "yes");
        Kernel("structural_plasticity_update_interval", "often", typeof(TypeMismatchException), "often");
        Kernel("data_prefix", "a/b", typeof(BadPropertyException), "a/b");
        Kernel("print_time", 3.0, typeof(TypeMismatchException), "3");

        // ------------------------------------------------------------------ Create
        Add("create unknown model", n => n.Nest.Create("no_such_model"), typeof(UnknownModelNameException), "no_such_model");
        Add("create n = 0", n => n.Nest.Create("iaf_psc_alpha", 0), typeof(BadParameterException), "n", "0");
        Add("create n = -1", n => n.Nest.Create("iaf_psc_alpha", -1), typeof(BadParameterException), "n", "-1");
        Add("create n = 1.5e9", n => n.Nest.Create("iaf_psc_alpha", 1_500_000_000), typeof(BadParameterException), "n", "1500000000");
        Add("create n beyond ids", n => n.Nest.Create("iaf_psc_alpha", 5_000_000_000), typeof(BadParameterException), "n", "5000000000");
        Add("create unknown parameter", n => n.Nest.Create("iaf_psc_alpha", 3, D("V_mm", -50.0)), typeof(UnaccessedDictionaryEntryException), "V_mm");
        Add("create array of wrong length", n => n.Nest.Create("iaf_psc_alpha", 3, D("V_m", new[] { -50.0 })), typeof(BadPropertyException), "V_m", "3");
        Add("create C_m = 0", n => n.Nest.Create("iaf_psc_alpha", 2, D("C_m", 0.0)), typeof(BadPropertyException), "C_m", "0");
        Add("create V_m as text", n => n.Nest.Create("iaf_psc_alpha", 2, D("V_m", "abc")), typeof(TypeMismatchException), "V_m", "abc");
        Add("create one bad node of several", n => n.Nest.Create("iaf_psc_alpha", [D("C_m", 100.0), D("C_m", -1.0)]), typeof(BadPropertyException), "C_m", "-1");
        Add("create with an array longer than the nodes", n => n.Nest.Create("iaf_psc_alpha", 2, D("C_m", new[] { 1.0, 2.0, 3.0 })), typeof(BadPropertyException), "C_m", "2");
        Add("create spike_generator unsorted", n => n.Nest.Create("spike_generator", 1, D("spike_times", new[] { 2.0, 1.0 })), typeof(BadPropertyException), "spike_times");

        // ------------------------------------------------------------------ neuron parameters
        void Neuron(string label, Func<BadInputNetwork, NodeCollection> nodes, string key, object value, Type? expected = null, params string[] extra) =>
            Add($"set {label} {key} = {Describe(value)}", n => nodes(n).Set(key, value), expected ?? typeof(BadPropertyException), [key, .. extra]);
        foreach (var (label, nodes) in new (string, Func<BadInputNetwork, NodeCollection>)[] { ("iaf_psc_alpha", n => n.Iaf), ("iaf_psc_exp", n => n.Exp) })
        {
            Neuron(label, nodes, "C_m", 0.0);
            Neuron(label, nodes, "C_m", -1.0, null, "-1");
            Neuron(label, nodes, "C_m", double.NaN, null, "NaN");
            Neuron(label, nodes, "tau_m", 0.0);
            Neuron(label, nodes, "tau_m", -10.0, null, "-10");
            Neuron(label, nodes, "t_ref", -1.0, null, "-1");
            Neuron(label, nodes, "V_reset", -40.0, null, "-40");
            Neuron(label, nodes, "V_th", -80.0, null, "-80");
            Neuron(label, nodes, "V_th", double.NaN, null, "NaN");
            Neuron(label, nodes, "tau_syn_ex", 0.0);
            Neuron(label, nodes, "tau_syn_in", -1.0, null, "-1");
            Neuron(label, nodes, "tau_Ca", 0.0);
            Neuron(label, nodes, "tau_minus", 0.0);
            Neuron(label, nodes, "V_m", "abc", typeof(TypeMismatchException), "abc");
            Neuron(label, nodes, "no_such_key", 1.0, typeof(UnaccessedDictionaryEntryException));
            Neuron(label, nodes, "global_id", 7L, typeof(UnaccessedDictionaryEntryException), "read-only");
            Neuron(label, nodes, "ignore_and_spike_interval", 0.0);
            Neuron(label, nodes, "ignore_and_spike_offset", -1.0, null, "-1");
        }
        Neuron("iaf_psc_exp", n => n.Exp, "rho", -1.0, null, "-1");
        Neuron("iaf_psc_exp", n => n.Exp, "delta", -1.0, null, "-1");
        Add("set iaf_psc_alpha per-node V_m of wrong length", n => n.Iaf.Set("V_m", new[] { 1.0, 2.0 }), typeof(BadPropertyException), "V_m", "4");
        Add("set one bad node of several", n => n.Iaf.Set([D("C_m", 100.0), D("C_m", 100.0), D("C_m", 100.0), D("C_m", 0.0)]), typeof(BadPropertyException), "C_m", "0");
        Add("set frozen on a multimeter", n => n.Multimeter.Set("frozen", true), typeof(BadPropertyException), "frozen");
        Add("set frozen as text", n => n.Iaf.Set("frozen", "yes"), typeof(TypeMismatchException), "frozen", "yes");

        Func<BadInputNetwork, NodeCollection> clopath = n => n.Clopath;
        Neuron("aeif_psc_delta_clopath", clopath, "V_peak", -60.0, null, "-60");
        Neuron("aeif_psc_delta_clopath", clopath, "V_reset", 40.0, null, "40");
        Neuron("aeif_psc_delta_clopath", clopath, "Delta_T", -1.0, null, "-1");
        Neuron("aeif_psc_delta_clopath", clopath, "C_m", 0.0);
        Neuron("aeif_psc_delta_clopath", clopath, "tau_w", 0.0);
        Neuron("aeif_psc_delta_clopath", clopath, "t_ref", -1.0, null, "-1");
        Neuron("aeif_psc_delta_clopath", clopath, "tau_z", 0.0);
        Neuron("aeif_psc_delta_clopath", clopath, "tau_V_th", 0.0);
        Neuron("aeif_psc_delta_clopath", clopath, "tau_u_bar_plus", 0.0);
        Neuron("aeif_psc_delta_clopath", clopath, "tau_u_bar_minus", -2.0, null, "-2");
        Neuron("aeif_psc_delta_clopath", clopath, "tau_u_bar_bar", 0.0);
        Neuron("aeif_psc_delta_clopath", clopath, "gsl_error_tol", 0.0);
        Neuron("aeif_psc_delta_clopath", clopath, "t_clamp", -1.0, null, "-1");
        Neuron("aeif_psc_delta_clopath", clopath, "V_th_max", -60.0, null, "-60");
        Neuron("aeif_psc_delta_clopath", clopath, "g_L", double.NaN, null, "NaN");

        Func<BadInputNetwork, NodeCollection> hhClopath = n => n.HhClopath;
        Neuron("hh_psc_alpha_clopath", hhClopath, "C_m", 0.0);
        Neuron("hh_psc_alpha_clopath", hhClopath, "g_Na", -1.0, null, "-1");
        Neuron("hh_psc_alpha_clopath", hhClopath, "Inact_h", -0.5, null, "-0.5");
        Neuron("hh_psc_alpha_clopath", hhClopath, "tau_u_bar_plus", 0.0);
        Neuron("hh_psc_alpha_clopath", hhClopath, "tau_u_bar_bar", -3.0, null, "-3");
        Neuron("hh_psc_alpha_clopath", hhClopath, "u_ref_squared", 0.0);
        Neuron("hh_psc_alpha_clopath", hhClopath, "delay_u_bars", -1.0, null, "-1");
        Neuron("hh_psc_alpha_clopath", hhClopath, "I_syn_in", 1.0, typeof(UnaccessedDictionaryEntryException));

        Func<BadInputNetwork, NodeCollection> mc = n => n.Mc;
        Neuron("iaf_cond_alpha_mc", mc, "V_reset", -50.0, null, "-50");
        Neuron("iaf_cond_alpha_mc", mc, "t_ref", -1.0, null, "-1");
        Neuron("iaf_cond_alpha_mc", mc, "soma", D("C_m", 0.0), null, "C_m", "soma");
        Neuron("iaf_cond_alpha_mc", mc, "proximal", D("tau_syn_ex", 0.0), null, "tau_syn_ex", "proximal");
        Neuron("iaf_cond_alpha_mc", mc, "distal", D("tau_syn_in", -1.0), null, "tau_syn_in", "distal");
        Neuron("iaf_cond_alpha_mc", mc, "dendritic", D("g_L", 1.0), typeof(UnaccessedDictionaryEntryException));
        Neuron("iaf_cond_alpha_mc", mc, "V_m", -60.0, typeof(UnaccessedDictionaryEntryException));

        Func<BadInputNetwork, NodeCollection> urbanczik = n => n.Urbanczik;
        Neuron("pp_cond_exp_mc_urbanczik", urbanczik, "t_ref", -1.0, null, "-1");
        Neuron("pp_cond_exp_mc_urbanczik", urbanczik, "soma", D("C_m", 0.0), null, "C_m");
        Neuron("pp_cond_exp_mc_urbanczik", urbanczik, "soma", D("tau_syn_ex", 0.0), null, "tau_syn_ex");
        Neuron("pp_cond_exp_mc_urbanczik", urbanczik, "dendritic", D("tau_syn_in", -1.0), null, "tau_syn_in");
        Neuron("pp_cond_exp_mc_urbanczik", urbanczik, "no_such_compartment", D("g_L", 1.0), typeof(UnaccessedDictionaryEntryException));
        Neuron("pp_cond_exp_mc_urbanczik", urbanczik, "phi_max", double.NaN, null, "NaN");

        Func<BadInputNetwork, NodeCollection> condExp = n => n.ConductanceAndHh[0], condAlpha = n => n.ConductanceAndHh[1],
            condBeta = n => n.ConductanceAndHh[2], hhPscAlpha = n => n.ConductanceAndHh[3], hhTraub = n => n.ConductanceAndHh[4];
        Neuron("iaf_cond_exp", condExp, "C_m", 0.0);
        Neuron("iaf_cond_exp", condExp, "t_ref", -1.0, null, "-1");
        Neuron("iaf_cond_exp", condExp, "V_reset", -50.0, null, "-50");
        Neuron("iaf_cond_exp", condExp, "tau_syn_ex", 0.0);
        Neuron("iaf_cond_exp", condExp, "g_ex", "abc", typeof(TypeMismatchException), "abc");
        Neuron("iaf_cond_alpha", condAlpha, "V_th", -70.0, null, "-70");
        Neuron("iaf_cond_alpha", condAlpha, "tau_syn_in", -1.0, null, "-1");
        Neuron("iaf_cond_alpha", condAlpha, "t_ref_remaining", 1.0, typeof(UnaccessedDictionaryEntryException));
        Neuron("iaf_cond_beta", condBeta, "tau_rise_ex", 0.0);
        Neuron("iaf_cond_beta", condBeta, "tau_decay_in", -2.0, null, "-2");
        Neuron("hh_psc_alpha", hhPscAlpha, "g_K", -1.0, null, "-1");
        Neuron("hh_psc_alpha", hhPscAlpha, "Act_m", -0.1, null, "-0.1");
        Neuron("hh_psc_alpha", hhPscAlpha, "tau_syn_in", 0.0);
        Neuron("hh_psc_alpha", hhPscAlpha, "I_syn_ex", 1.0, typeof(UnaccessedDictionaryEntryException));
        Neuron("hh_cond_exp_traub", hhTraub, "Inact_h", -1.0, null, "-1");
        Neuron("hh_cond_exp_traub", hhTraub, "C_m", -1.0, null, "-1");
        Neuron("hh_cond_exp_traub", hhTraub, "tau_syn_ex", 0.0);
        Neuron("hh_cond_exp_traub", hhTraub, "g_ex", 1.0, typeof(UnaccessedDictionaryEntryException));
        // hh_cond_beta_gap_traub is not in the standard network: checked where it is created.
        void CreatedHh(string key, object value, Type? expected = null, params string[] extra) =>
            Add($"create hh_cond_beta_gap_traub with {key} = {Describe(value)}", n => n.Nest.Create("hh_cond_beta_gap_traub", 1, D(key, value)),
                expected ?? typeof(BadPropertyException), [key, .. extra]);
        CreatedHh("tau_decay_ex", 0.0);
        CreatedHh("g_K", -1.0, null, "-1");
        CreatedHh("Act_n", -0.5, null, "-0.5");
        CreatedHh("g_in", 1.0, typeof(UnaccessedDictionaryEntryException));

        // Models of the adaptive-threshold family, checked where they are created (the standard network has none of them).
        void Created(string model, string key, object value, Type? expected = null, params string[] extra) =>
            Add($"create {model} with {key} = {Describe(value)}", n => n.Nest.Create(model, 1, D(key, value)), expected ?? typeof(BadPropertyException), [key, .. extra]);
        Created("izhikevich", "V_m", "abc", typeof(TypeMismatchException), "abc");
        Created("izhikevich", "consistent_integration", "yes", typeof(TypeMismatchException), "yes");
        Created("mat2_psc_exp", "tau_m", 1.0); // equal to tau_syn_ex
        Created("mat2_psc_exp", "t_ref", 0.0);
        Created("mat2_psc_exp", "C_m", -1.0, null, "-1");
        Created("mat2_psc_exp", "V_th", -40.0, typeof(UnaccessedDictionaryEntryException));
        Created("amat2_psc_exp", "tau_v", 10.0); // equal to tau_m
        Created("amat2_psc_exp", "tau_2", -1.0, null, "-1");
        Created("iaf_tum_2000", "x", 1.5, null, "1.5");
        Created("iaf_tum_2000", "u", -0.5, null, "-0.5");
        Created("iaf_tum_2000", "U", 2.0, null, "2");
        Created("iaf_tum_2000", "tau_fac", -1.0, null, "-1");
        Created("ht_neuron", "g_peak_AMPA", -0.1, typeof(BadParameterException), "-0.1");
        Created("ht_neuron", "tau_m", 0.0, typeof(BadParameterException), "0");
        Created("ht_neuron", "t_ref", -1.0, typeof(BadParameterException), "-1");
        Created("ht_neuron", "tau_rise_NMDA", 50.0, typeof(BadParameterException), "50", "tau_decay_NMDA");
        Created("ht_neuron", "tau_Mg_fast_NMDA", 30.0, typeof(BadParameterException), "30", "tau_Mg_slow_NMDA");
        Created("ht_neuron", "voltage_clamp", "yes", typeof(TypeMismatchException), "yes");
        Created("ht_neuron", "equilibrate", "yes", typeof(TypeMismatchException), "yes");
        Created("ht_neuron", "g_NMDA", 1.0, typeof(UnaccessedDictionaryEntryException));
        Created("iaf_tum_2000", "tau_rec", 0.0);
        Created("iaf_bw_2001", "alpha", 0.0);
        Created("iaf_bw_2001", "conc_Mg2", -1.0, null, "-1");
        Created("iaf_bw_2001", "V_reset", -50.0, null, "-50");
        Created("iaf_bw_2001_exact", "tau_rise_NMDA", 0.0);
        Created("iaf_bw_2001_exact", "gsl_error_tol", -1.0, null, "-1");
        Created("iaf_cond_exp_sfa_rr", "tau_sfa", 0.0);
        Created("iaf_cond_exp_sfa_rr", "tau_rr", -1.0, null, "-1");
        Created("iaf_cond_exp_sfa_rr", "V_reset", -50.0, null, "-50");
        Created("iaf_chxk_2008", "tau_ahp", 0.0);
        Created("iaf_chxk_2008", "C_m", -1.0, null, "-1");
        Created("iaf_chxk_2008", "g_ex", 1.0, typeof(UnaccessedDictionaryEntryException));
        Created("gif_psc_exp", "lambda_0", -1.0, null, "-1");
        Created("gif_psc_exp", "Delta_V", 0.0);
        Created("gif_psc_exp", "g_L", 0.0);
        Created("gif_psc_exp", "q_sfa", new[] { 1.0 }, null, "tau_sfa");
        Created("gif_psc_exp", "E_sfa", 1.0, typeof(UnaccessedDictionaryEntryException));
        Add("create gif_psc_exp with tau_stc = [-1]", n => n.Nest.Create("gif_psc_exp", 1, new() { ["tau_stc"] = new[] { -1.0 }, ["q_stc"] = new[] { 1.0 } }),
            typeof(BadPropertyException), "tau_stc", "-1");
        Created("gif_cond_exp", "lambda_0", -1.0, null, "-1");
        Created("gif_cond_exp", "C_m", 0.0);
        Created("gif_cond_exp", "tau_syn_in", -1.0, null, "-1");
        Created("gif_cond_exp", "gsl_error_tol", 0.0);
        Created("gif_cond_exp", "q_stc", new[] { 1.0, 2.0 }, null, "tau_stc");
        Created("gif_cond_exp", "I_stc", 1.0, typeof(UnaccessedDictionaryEntryException));
        Created("aeif_cond_beta_multisynapse", "E_rev", new[] { 0.0, 0.0 }); // the length changes: all three arrays needed
        Created("aeif_cond_beta_multisynapse", "tau_rise", new[] { 30.0 }, null, "30"); // above tau_decay
        Created("aeif_cond_beta_multisynapse", "tau_decay", new[] { -1.0 }, null, "-1");
        Created("aeif_cond_beta_multisynapse", "V_peak", -60.0, null, "-60"); // below V_th
        Created("aeif_cond_beta_multisynapse", "gsl_error_tol", 0.0);
        Created("astrocyte_lr_1994", "Ca_tot", 0.0);
        Created("astrocyte_lr_1994", "tau_IP3", -1.0, null, "-1");
        Created("astrocyte_lr_1994", "h_IP3R", 1.5, null, "1.5");
        Created("astrocyte_lr_1994", "Ca_astro", -0.1, null, "-0.1");
        Created("astrocyte_lr_1994", "tau_minus", 10.0, typeof(UnaccessedDictionaryEntryException)); // a plain node, not an archiving one
        Created("aeif_cond_alpha_astro", "V_peak", -60.0, null, "-60"); // below V_th
        Created("aeif_cond_alpha_astro", "tau_syn_ex", 0.0);
        Created("aeif_cond_alpha_astro", "I_SIC", 1.0, typeof(UnaccessedDictionaryEntryException)); // recordable only
        Created("aeif_cond_beta_multisynapse", "g", new[] { 1.0 }, typeof(UnaccessedDictionaryEntryException));
        Add("create aeif_cond_beta_multisynapse with arrays of lengths 2, 2, 1",
            n => n.Nest.Create("aeif_cond_beta_multisynapse", 1, new()
            {
                ["E_rev"] = new[] { 0.0, 0.0 }, ["tau_rise"] = new[] { 1.0, 1.0 }, ["tau_decay"] = new[] { 2.0 },
            }),
            typeof(BadPropertyException), "E_rev", "same length");
        Created("aeif_cond_alpha_multisynapse", "E_rev", new[] { 0.0, 0.0 }); // the length changes: both arrays needed
        Created("aeif_cond_alpha_multisynapse", "tau_syn", new[] { -1.0 }, null, "-1");
        Created("aeif_cond_alpha_multisynapse", "V_peak", -60.0, null, "-60"); // below V_th
        Created("aeif_cond_alpha_multisynapse", "Delta_T", 0.01, null, "0.01"); // exp((V_peak - V_th)/Delta_T) would overflow
        Created("aeif_cond_alpha_multisynapse", "dg", new[] { 1.0 }, typeof(UnaccessedDictionaryEntryException));
        Add("create aeif_cond_alpha_multisynapse with arrays of lengths 2, 1",
            n => n.Nest.Create("aeif_cond_alpha_multisynapse", 1, new() { ["E_rev"] = new[] { 0.0, 0.0 }, ["tau_syn"] = new[] { 1.0 } }),
            typeof(BadPropertyException), "E_rev", "same length");
        Created("aeif_psc_delta", "V_reset", 10.0, null, "10"); // not below V_peak
        Created("aeif_psc_delta", "Delta_T", -1.0, null, "-1");
        Created("aeif_psc_delta", "C_m", 0.0);
        Created("aeif_psc_delta", "tau_w", 0.0);
        Created("aeif_psc_delta", "t_ref", -1.0, null, "-1");
        Created("aeif_psc_delta", "gsl_error_tol", 0.0);
        Created("aeif_psc_delta", "refractory_input", "yes", typeof(TypeMismatchException), "yes");
        Created("pp_psc_delta", "dead_time_shape", 0L, null, "0");
        Created("pp_psc_delta", "dead_time", -1.0, null, "-1");
        Created("pp_psc_delta", "c_3", -1.0, null, "-1");
        Created("pp_psc_delta", "t_ref_remaining", -1.0, null, "-1");
        const string lossless = "iaf_psc_exp_ps_lossless";
        Created(lossless, "V_reset", -50.0, null, "-50"); // not below V_th
        Created(lossless, "V_min", -60.0, null, "V_reset", "-70"); // above V_reset: the check names V_reset
        Created(lossless, "C_m", 0.0);
        Created(lossless, "t_ref", -1.0, null, "-1");
        Created(lossless, "tau_syn_ex", 3.0, null, "3"); // unequal to tau_syn_in
        Created(lossless, "tau_syn_in", -2.0, null, "-2"); // unequal to tau_syn_ex
        Add($"create {lossless} with tau_syn_ex = tau_syn_in = -2", n => n.Nest.Create(lossless, 1, new() { ["tau_syn_ex"] = -2.0, ["tau_syn_in"] = -2.0 }),
            typeof(BadPropertyException), "tau_syn_ex", "-2");
        Created(lossless, "tau_m", 2.0, null, "2"); // equal to the synaptic time constants
        Created(lossless, "tau_m", -10.0, null, "-10");
        Created(lossless, "offset", 0.5, typeof(UnaccessedDictionaryEntryException));
        Created(lossless, "I_syn", 1.0, typeof(UnaccessedDictionaryEntryException));

        // The GLIF models: each check of NEST's glif_*.cpp (Parameters_::set, State_::set), where it is made.
        void CreatedWith(string model, Dictionary<string, object> parameters, string key, params string[] extra) =>
            Add($"create {model} with {Describe(parameters)}", n => n.Nest.Create(model, 1, parameters), typeof(BadPropertyException), [key, .. extra]);
        Dictionary<string, object> Glif(params (string Key, object Value)[] entries) => entries.ToDictionary(e => e.Key, e => e.Value);
        const string asc = "after_spike_currents", spikeTh = "spike_dependent_threshold", adapting = "adapting_threshold";
        foreach (var (glif, conductance, portKey) in new[] { ("glif_psc", "g", "tau_syn"), ("glif_psc_double_alpha", "g", "tau_syn_fast"), ("glif_cond", "g_m", "tau_syn") })
        {
            Created(glif, adapting, true, null, "true"); // GLIF5's flag without the other two
            CreatedWith(glif, Glif((spikeTh, true), (adapting, true)), adapting, "true", "after_spike_currents = false");
            Created(glif, asc, "yes", typeof(TypeMismatchException), "yes");
            CreatedWith(glif, Glif((asc, true), ("asc_init", new[] { 0.0 })), "asc_init", "[0]");
            CreatedWith(glif, Glif((asc, true), ("asc_amps", new[] { 1.0, 2.0, 3.0 })), "asc_amps", "[1, 2, 3]");
            CreatedWith(glif, Glif((asc, true), ("asc_decay", new[] { 0.003, -0.1 })), "asc_decay", "-0.1");
            CreatedWith(glif, Glif((asc, true), ("asc_r", new[] { 1.0, 1.5 })), "asc_r", "1.5");
            CreatedWith(glif, Glif((asc, true), ("asc_r", new[] { -0.5, 1.0 })), "asc_r", "-0.5");
            Created(glif, "V_reset", -40.0, null, "-40"); // not below V_th
            Created(glif, "V_th", -80.0, null, "V_reset", "-80");
            Created(glif, "C_m", 0.0, null, "0");
            Created(glif, "C_m", -58.72, null, "-58.72");
            Created(glif, conductance, 0.0, null, "0");
            Created(glif, conductance, -9.43, null, "-9.43");
            Created(glif, "t_ref", 0.0, null, "0");
            Created(glif, "t_ref", -3.75, null, "-3.75");
            CreatedWith(glif, Glif((spikeTh, true), (asc, true), (adapting, true), ("th_voltage_decay", 0.0)), "th_voltage_decay", "0");
            CreatedWith(glif, Glif((spikeTh, true), ("th_spike_decay", -0.009)), "th_spike_decay", "-0.009");
            CreatedWith(glif, Glif((spikeTh, true), ("voltage_reset_fraction", 1.2)), "voltage_reset_fraction", "1.2");
            CreatedWith(glif, Glif((spikeTh, true), ("voltage_reset_fraction", -0.2)), "voltage_reset_fraction", "-0.2");
            Created(glif, portKey, glif == "glif_cond" ? new[] { 0.2, -2.0 } : new[] { -2.0 }, null, "-2");
            Created(glif, "ASCurrents", new[] { 1.0, 2.0 }, null, "[1, 2]", asc); // without after_spike_currents
            CreatedWith(glif, Glif((asc, true), ("ASCurrents", new[] { 1.0 })), "ASCurrents", "[1]");
            Created(glif, "threshold_spike", 1.5, null, "1.5", spikeTh); // without spike_dependent_threshold
            Created(glif, "threshold_voltage", 2.5, null, "2.5", adapting); // without adapting_threshold
            // the number of ports is fixed once a spike connection reaches the node
            AddAfter($"set {portKey} of a connected {glif} to another length",
                n => n.Nest.Connect(n.Parrots[0], n.Nest.Create(glif), syn: new Dictionary<string, object> { ["receptor_type"] = 1L }),
                n => n.Nest.Nodes(n.Nest.NetworkSize).Set(glif == "glif_cond"
                    ? Glif((portKey, new[] { 2.0, 3.0, 4.0 }), ("E_rev", new[] { 0.0, -85.0, -85.0 }))
                    : Glif((portKey, new[] { 2.0, 3.0, 4.0 }))),
                typeof(BadPropertyException), portKey, "[2, 3, 4]", "connections");
        }
        Created("glif_psc_double_alpha", "tau_syn_slow", new[] { 0.0 }, null, "[0]");
        Created("glif_psc_double_alpha", "amp_slow", new[] { -0.3 }, null, "-0.3");
        Created("glif_cond", "E_rev", new[] { 0.0 }, null, "[0]", "tau_syn (2)"); // one element, tau_syn has two
        Created("glif_cond", "tau_syn", new[] { 2.0 }, null, "[2]", "E_rev (2)");
        Created("gif_pop_psc_exp", "N", 0L, null, "0");
        Created("gif_pop_psc_exp", "lambda_0", -1.0, null, "-1");
        Created("gif_pop_psc_exp", "Delta_V", 0.0);
        Created("gif_pop_psc_exp", "tau_m", 0.0);
        Created("gif_pop_psc_exp", "tau_syn_in", -1.0, null, "-1");
        Created("gif_pop_psc_exp", "t_ref", -1.0, null, "-1");
        Created("gif_pop_psc_exp", "q_sfa", new[] { 1.0, 2.0 }, null, "tau_sfa");
        Created("gif_pop_psc_exp", "BinoRand", "yes", typeof(TypeMismatchException), "yes");
        Created("gif_pop_psc_exp", "n_events", 1L, typeof(UnaccessedDictionaryEntryException));
        Created("gif_pop_psc_exp", "tau_minus", 20.0, typeof(UnaccessedDictionaryEntryException));
        AddAfter("stdp_synapse onto gif_pop_psc_exp", n => n.Nest.Create("gif_pop_psc_exp"),
            n => n.Nest.Connect(n.Parrots, n.Nest.Nodes(n.Nest.NetworkSize), "all_to_all", D("synapse_model", "stdp_synapse")),
            typeof(IllegalConnectionException), "STDP", "stdp_synapse", "gif_pop_psc_exp");

        // cm_default: compartments and receptors given at Create (NEST's UnknownCompartment, BadProperty, TypeMismatch)
        static Dictionary<string, object> CmCompartment(object parent) => new() { ["parent_idx"] = parent };
        Created("cm_default", "compartments", new[] { CmCompartment(-1L), CmCompartment(-1L) }, typeof(UnknownCompartmentException), "root");
        Created("cm_default", "compartments", new[] { CmCompartment(-1L), CmCompartment(3L) }, typeof(UnknownCompartmentException), "3");
        Created("cm_default", "compartments", Array.Empty<Dictionary<string, object>>());
        Add("create cm_default with parent_idx = -1.0", n => n.Nest.Create("cm_default", 1, D("compartments", CmCompartment(-1.0))),
            typeof(TypeMismatchException), "parent_idx", "-1");
        Add("create cm_default with a compartment parameter g_l",
            n => n.Nest.Create("cm_default", 1, D("compartments", new Dictionary<string, object> { ["parent_idx"] = -1L, ["params"] = D("g_l", 1.0) })),
            typeof(UnaccessedDictionaryEntryException), "g_l", "compartment");
        Add("create cm_default with receptor_type GLY",
            n => n.Nest.Create("cm_default", 1, new()
            {
                ["compartments"] = CmCompartment(-1L), ["receptors"] = new Dictionary<string, object> { ["comp_idx"] = 0L, ["receptor_type"] = "GLY" },
            }),
            typeof(BadPropertyException), "receptor_type", "GLY");
        Add("create cm_default with a receptor on compartment 2",
            n => n.Nest.Create("cm_default", 1, new()
            {
                ["compartments"] = CmCompartment(-1L), ["receptors"] = new Dictionary<string, object> { ["comp_idx"] = 2L, ["receptor_type"] = "AMPA" },
            }),
            typeof(UnknownCompartmentException), "receptors", "2");

        Func<BadInputNetwork, NodeCollection> ignoreAndFire = n => n.IgnoreAndFire;
        Neuron("ignore_and_fire", ignoreAndFire, "rate", -1.0, null, "-1");
        Neuron("ignore_and_fire", ignoreAndFire, "rate", 0.0);
        Neuron("ignore_and_fire", ignoreAndFire, "phase", 2.0, null, "2");
        Neuron("ignore_and_fire", ignoreAndFire, "phase", -0.5, null, "-0.5");
        Neuron("ignore_and_fire", ignoreAndFire, "phase", 0.0);
        Neuron("parrot_neuron", n => n.Parrots, "no_such_key", 1.0, typeof(UnaccessedDictionaryEntryException));
        Neuron("parrot_neuron", n => n.Parrots, "flush_event_send_interval", 0.0);

        // ------------------------------------------------------------------ devices
        Func<BadInputNetwork, NodeCollection> poisson = n => n.Poisson, sg = n => n.SpikeGenerator, dc = n => n.Dc,
            sr = n => n.SpikeRecorder, mm = n => n.Multimeter, wr = n => n.WeightRecorder;
        Neuron("poisson_generator", poisson, "rate", -1.0, null, "-1");
        Neuron("poisson_generator", poisson, "rate", double.NaN, null, "NaN");
        Neuron("poisson_generator", poisson, "start", -1.0, null, "-1");
        Neuron("poisson_generator", poisson, "start", 0.05, null, "0.05");
        Neuron("poisson_generator", poisson, "origin", 0.05, null, "0.05");
        Neuron("poisson_generator", poisson, "origin", -5.0, null, "-5");
        Neuron("spike_recorder", sr, "stop", -1.0, null, "-1");
        Add("set poisson_generator stop < start", n => n.Poisson.Set(new Dictionary<string, object> { ["start"] = 10.0, ["stop"] = 5.0 }), typeof(BadPropertyException), "stop", "5");
        Neuron("spike_generator", sg, "spike_times", new[] { 2.0, 1.0 }, null, "sorted");
        Neuron("spike_generator", sg, "spike_times", new[] { -1.0 }, null, "-1");
        Neuron("spike_generator", sg, "spike_times", new[] { double.NaN }, null, "NaN");
        Neuron("spike_generator", sg, "spike_times", new[] { 1.05 }, null, "1.05");
        Neuron("spike_generator", sg, "origin", double.NegativeInfinity, null, "Infinity");
        Add("set spike_generator multiplicities of wrong length", n => n.SpikeGenerator.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 1.0, 2.0 }, ["spike_multiplicities"] = new[] { 1L } }), typeof(BadPropertyException), "spike_multiplicities");
        Add("set spike_generator weights of wrong length", n => n.SpikeGenerator.Set(new Dictionary<string, object> { ["spike_times"] = new[] { 1.0, 2.0 }, ["spike_weights"] = new[] { 1.0 } }), typeof(BadPropertyException), "spike_weights");
        Neuron("dc_generator", dc, "amplitude", "x", typeof(TypeMismatchException), "x");
        Neuron("dc_generator", dc, "start", 0.05, null, "0.05");
        Neuron("spike_recorder", sr, "start", double.NaN, null, "NaN");
        Neuron("spike_recorder", sr, "record_to", "no_such_backend", null, "no_such_backend");
        Neuron("spike_recorder", sr, "origin", double.PositiveInfinity, null, "Infinity");
        Neuron("spike_recorder", sr, "n_events", 5L, null, "5");
        Neuron("spike_recorder", sr, "stop", 0.05, null, "0.05");
        Neuron("spike_recorder", sr, "no_such_key", 1.0, typeof(UnaccessedDictionaryEntryException));
        Add("set spike_recorder stop < start", n => n.SpikeRecorder.Set(new Dictionary<string, object> { ["start"] = 10.0, ["stop"] = 5.0 }), typeof(BadPropertyException), "stop", "5");
        Neuron("multimeter", mm, "interval", 0.0);
        Neuron("multimeter", mm, "interval", 0.15, null, "0.15");
        Neuron("multimeter", mm, "interval", -1.0, null, "-1");
        Neuron("multimeter", mm, "offset", -1.0, null, "-1");
        Neuron("weight_recorder", wr, "no_such_key", 1.0, typeof(UnaccessedDictionaryEntryException));
        Neuron("weight_recorder", wr, "record_to", "no_such_backend", null, "no_such_backend");
        Func<BadInputNetwork, NodeCollection> cd = n => n.CorrelationDetector, cm = n => n.Correlomatrix;
        Neuron("correlation_detector", cd, "delta_tau", 0.25, typeof(StepMultipleRequiredException), "0.25");
        Neuron("correlation_detector", cd, "tau_max", 2.2, typeof(TimeMultipleRequiredException), "2.2");
        Neuron("correlation_detector", cd, "delta_tau", double.NaN, null, "NaN");
        Neuron("correlation_detector", cd, "n_events", new[] { 1L, 0L }, null, "1");
        Neuron("correlation_detector", cd, "histogram", new[] { 1.0 }, typeof(UnaccessedDictionaryEntryException));
        Neuron("correlation_detector", cd, "start", 0.05, null, "0.05");
        Neuron("correlomatrix_detector", cm, "N_channels", 0L, null, "0");
        Neuron("correlomatrix_detector", cm, "delta_tau", 0.2, null, "0.2");
        Neuron("correlomatrix_detector", cm, "n_events", new[] { 0L, 0L }, typeof(UnaccessedDictionaryEntryException));

        // ------------------------------------------------------------------ rate models, rate connections, step_rate_generator
        // The checks of NEST's rate_neuron_ipn_impl.h, rate_neuron_opn_impl.h and rate_transformer_node_impl.h (the gain
        // functions check nothing), made where the models are created (the standard network has none of them).
        foreach (var ipn in new[] { "lin_rate_ipn", "tanh_rate_ipn", "threshold_lin_rate_ipn", "sigmoid_rate_ipn", "sigmoid_rate_gg_1998_ipn", "gauss_rate_ipn" })
        {
            Created(ipn, "tau", 0.0, null, "0");
            Created(ipn, "lambda", -0.5, null, "-0.5");
            Created(ipn, "sigma", -1.0, null, "-1");
            Created(ipn, "rectify_rate", -2.0, null, "-2");
        }
        Created("lin_rate_ipn", "tau", -10.0, null, "-10");
        Created("lin_rate_ipn", "std", -1.0, null, "-1"); // NEST's old name of sigma
        Created("tanh_rate_ipn", "mean", "high", typeof(TypeMismatchException), "high"); // NEST's old name of mu
        Created("threshold_lin_rate_ipn", "linear_summation", "yes", typeof(TypeMismatchException), "yes");
        Created("sigmoid_rate_ipn", "mult_coupling", 2.5, typeof(TypeMismatchException), "2.5");
        Created("gauss_rate_ipn", "rectify_output", "no", typeof(TypeMismatchException), "no");
        foreach (var opn in new[] { "lin_rate_opn", "tanh_rate_opn", "threshold_lin_rate_opn" })
        {
            Created(opn, "tau", 0.0, null, "0");
            Created(opn, "sigma", -0.1, null, "-0.1");
        }
        Created("lin_rate_opn", "std", -3.0, null, "-3");
        Created("tanh_rate_opn", "lambda", 1.0, typeof(UnaccessedDictionaryEntryException)); // the opn models have no passive decay
        Created("threshold_lin_rate_opn", "rectify_rate", 1.0, typeof(UnaccessedDictionaryEntryException));
        foreach (var transformer in new[] { "rate_transformer_lin", "rate_transformer_tanh", "rate_transformer_threshold_lin", "rate_transformer_sigmoid", "rate_transformer_sigmoid_gg_1998", "rate_transformer_gauss" })
            Created(transformer, "linear_summation", "yes", typeof(TypeMismatchException), "yes");
        Created("rate_transformer_lin", "rate", "fast", typeof(TypeMismatchException), "fast");
        Created("rate_transformer_tanh", "tau", 10.0, typeof(UnaccessedDictionaryEntryException));
        Created("rate_transformer_gauss", "sigma", "wide", typeof(TypeMismatchException), "wide");
        Add("setdefaults lin_rate_ipn tau = -1", n => n.Nest.SetDefaults("lin_rate_ipn", D("tau", -1.0)), typeof(BadPropertyException), "tau", "-1");
        Add("setdefaults rate_transformer_tanh linear_summation as text", n => n.Nest.SetDefaults("rate_transformer_tanh", D("linear_summation", "yes")), typeof(TypeMismatchException), "linear_summation", "yes");

        // Rate connections and step_rate_generator: made after two lin_rate_ipn, one tanh_rate_opn and a step_rate_generator
        // are created (ids: network size - 3 .. network size), with a delayed and an instantaneous connection between them.
        static void RateNodes(BadInputNetwork n)
        {
            var rates = n.Nest.Create("lin_rate_ipn", 2) + n.Nest.Create("tanh_rate_opn");
            n.Nest.Create("step_rate_generator", 1, new() { ["amplitude_times"] = new[] { 1.0 }, ["amplitude_values"] = new[] { 5.0 } });
            n.Nest.Connect(rates, rates, "all_to_all", D("synapse_model", "rate_connection_delayed"));
            n.Nest.Connect(rates, rates, "one_to_one", D("synapse_model", "rate_connection_instantaneous"));
        }
        static NodeCollection Rates(BadInputNetwork n) => n.Nest.Nodes(n.Nest.NetworkSize - 3, n.Nest.NetworkSize - 2, n.Nest.NetworkSize - 1);
        static NodeCollection Srg(BadInputNetwork n) => n.Nest.Nodes(n.Nest.NetworkSize);
        void RateConnect(string name, Func<BadInputNetwork, (NodeCollection Pre, NodeCollection Post)> nodes, object? syn, Type expected, params string[] mentions) =>
            AddAfter($"connect {name}", RateNodes, n => { var (pre, post) = nodes(n); n.Nest.Connect(pre, post, "all_to_all", syn); }, expected, mentions);
        Dictionary<string, object> RateSyn(string model, params (string Key, object Value)[] entries)
        {
            var spec = D("synapse_model", model);
            foreach (var (key, value) in entries) spec[key] = value;
            return spec;
        }
        RateConnect("rate_connection_instantaneous with a delay", n => (Rates(n), Rates(n)), RateSyn("rate_connection_instantaneous", ("delay", 2.0)), typeof(BadPropertyException), "delay", "2", "rate_connection_delayed");
        RateConnect("rate_connection_delayed with delay 0", n => (Rates(n), Rates(n)), RateSyn("rate_connection_delayed", ("delay", 0.0)), typeof(BadDelayException), "delay", "0");
        RateConnect("rate_connection_delayed with delay -1.5", n => (Rates(n), Rates(n)), RateSyn("rate_connection_delayed", ("delay", -1.5)), typeof(BadDelayException), "delay", "-1.5");
        RateConnect("rate_connection_delayed with a weight as text", n => (Rates(n), Rates(n)), RateSyn("rate_connection_delayed", ("weight", "strong")), typeof(TypeMismatchException), "weight", "strong");
        RateConnect("rate_connection_delayed with receptor 1", n => (Rates(n), Rates(n)), RateSyn("rate_connection_delayed", ("receptor_type", 1L)), typeof(UnknownReceptorTypeException), "1", "lin_rate_ipn");
        RateConnect("rate_connection_instantaneous with receptor 2", n => (Rates(n), Rates(n)), RateSyn("rate_connection_instantaneous", ("receptor_type", 2L)), typeof(UnknownReceptorTypeException), "2", "lin_rate_ipn");
        RateConnect("rate_connection_delayed with an unknown key", n => (Rates(n), Rates(n)), RateSyn("rate_connection_delayed", ("tau", 1.0)), typeof(UnaccessedDictionaryEntryException), "tau");
        RateConnect("rate neuron to iaf_psc_alpha through rate_connection_delayed", n => (Rates(n), n.Iaf), RateSyn("rate_connection_delayed"), typeof(IllegalConnectionException), "delayed rate input", "iaf_psc_alpha");
        RateConnect("iaf_psc_alpha to rate neuron through rate_connection_instantaneous", n => (n.Iaf, Rates(n)), RateSyn("rate_connection_instantaneous"), typeof(IllegalConnectionException), "instantaneous rate output", "iaf_psc_alpha");
        RateConnect("rate neurons through static_synapse", n => (Rates(n), Rates(n)), null, typeof(IllegalConnectionException), "lin_rate_ipn");
        RateConnect("parrot to rate neuron", n => (n.Parrots, Rates(n)), null, typeof(IllegalConnectionException), "spike input", "lin_rate_ipn");
        // (the network's generator already sends through static_synapse, which NestSharp checks first; NEST first finds
        // that it sends no delayed rate: both IllegalConnection)
        RateConnect("poisson_generator through rate_connection_delayed", n => (n.Poisson, Rates(n)), RateSyn("rate_connection_delayed"), typeof(IllegalConnectionException), "poisson_generator", "rate_connection_delayed");
        RateConnect("dc_generator to rate neuron", n => (n.Dc, Rates(n)), null, typeof(IllegalConnectionException), "current input", "lin_rate_ipn");
        RateConnect("step_rate_generator through static_synapse", n => (Srg(n), Rates(n)), null, typeof(IllegalConnectionException), "delayed rate input", "static_synapse");
        RateConnect("step_rate_generator through rate_connection_instantaneous", n => (Srg(n), Rates(n)), RateSyn("rate_connection_instantaneous"), typeof(IllegalConnectionException), "instantaneous rate output", "step_rate_generator");
        RateConnect("step_rate_generator to iaf_psc_alpha", n => (Srg(n), n.Iaf), RateSyn("rate_connection_delayed"), typeof(IllegalConnectionException), "delayed rate input", "iaf_psc_alpha");
        RateConnect("step_rate_generator to a spike_recorder", n => (Srg(n), n.SpikeRecorder), null, typeof(IllegalConnectionException), "spike_recorder", "step_rate_generator");
        RateConnect("step_rate_generator with receptor 1", n => (Srg(n), Rates(n)), RateSyn("rate_connection_delayed", ("receptor_type", 1L)), typeof(UnknownReceptorTypeException), "1", "lin_rate_ipn");
        RateConnect("step_rate_generator with delay 0", n => (Srg(n), Rates(n)), RateSyn("rate_connection_delayed", ("delay", 0.0)), typeof(BadDelayException), "delay", "0");
        AddAfter("set delay of a rate_connection_instantaneous", RateNodes,
            n => n.Nest.GetConnections(synapseModel: "rate_connection_instantaneous").Set("delay", 2.0), typeof(BadPropertyException), "delay", "2");
        AddAfter("set weight of a rate_connection_delayed as text", RateNodes,
            n => n.Nest.GetConnections(synapseModel: "rate_connection_delayed").Set("weight", "strong"), typeof(TypeMismatchException), "weight", "strong");
        Add("setdefaults rate_connection_instantaneous delay", n => n.Nest.SetDefaults("rate_connection_instantaneous", D("delay", 2.0)), typeof(BadPropertyException), "delay", "2");
        Add("setdefaults rate_connection_delayed delay = 0", n => n.Nest.SetDefaults("rate_connection_delayed", D("delay", 0.0)), typeof(BadDelayException), "delay", "0");
        void Srgs(string label, Dictionary<string, object> values, string key, params string[] mentions) =>
            AddAfter($"set step_rate_generator {label}", RateNodes, n => Srg(n).Set(values), typeof(BadPropertyException), [key, .. mentions]);
        Dictionary<string, object> Steps(object times, object values) => new() { ["amplitude_times"] = times, ["amplitude_values"] = values };
        Srgs("amplitude_times [0]", Steps(new[] { 0.0 }, new[] { 1.0 }), "amplitude_times", "0");
        Srgs("amplitude_times [-2]", Steps(new[] { -2.0 }, new[] { 1.0 }), "amplitude_times", "-2");
        Srgs("amplitude_times [2, 1.5]", Steps(new[] { 2.0, 1.5 }, new[] { 1.0, 2.0 }), "amplitude_times", "1.5");
        Srgs("amplitude_times [1.05] off the grid", Steps(new[] { 1.05 }, new[] { 1.0 }), "amplitude_times", "1.05");
        Srgs("amplitude_times [1, 2] with one value", Steps(new[] { 1.0, 2.0 }, new[] { 1.0 }), "amplitude_values", "[1]");
        Srgs("amplitude_times alone", D("amplitude_times", new[] { 3.0 }), "amplitude_times", "given alone");
        Srgs("allow_offgrid_times after times", D("allow_offgrid_times", true), "allow_offgrid_times", "true");
        AddAfter("set step_rate_generator amplitude_values as text", RateNodes, n => Srg(n).Set(Steps(new[] { 1.0 }, "high")), typeof(TypeMismatchException), "amplitude_values", "high");
        Created("step_rate_generator", "stop", -1.0, null, "-1");

        // ------------------------------------------------------------------ defaults and models
        Add("setdefaults unknown model", n => n.Nest.SetDefaults("no_such_model", D("C_m", 1.0)), typeof(UnknownModelNameException), "no_such_model");
        Add("setdefaults unknown key", n => n.Nest.SetDefaults("iaf_psc_alpha", D("no_such_key", 1.0)), typeof(UnaccessedDictionaryEntryException), "no_such_key");
        Add("setdefaults C_m = 0", n => n.Nest.SetDefaults("iaf_psc_alpha", D("C_m", 0.0)), typeof(BadPropertyException), "C_m", "0");
        Add("setdefaults V_th = NaN", n => n.Nest.SetDefaults("iaf_psc_exp", D("V_th", double.NaN)), typeof(BadPropertyException), "V_th", "NaN");
        Add("setdefaults static delay = 0", n => n.Nest.SetDefaults("static_synapse", D("delay", 0.0)), typeof(BadDelayException), "delay", "0");
        Add("setdefaults static delay = -1", n => n.Nest.SetDefaults("static_synapse", D("delay", -1.0)), typeof(BadDelayException), "delay", "-1");
        Add("setdefaults static weight as text", n => n.Nest.SetDefaults("static_synapse", D("weight", "heavy")), typeof(TypeMismatchException), "weight", "heavy");
        Add("setdefaults stdp weight and Wmax signs", n => n.Nest.SetDefaults("stdp_synapse", D("weight", -1.0)), typeof(BadPropertyException), "Wmax", "-1");
        Add("setdefaults stdp_triplet Kplus_triplet < 0", n => n.Nest.SetDefaults("stdp_triplet_synapse", D("Kplus_triplet", -1.0)), typeof(BadPropertyException), "Kplus_triplet", "-1");
        Add("setdefaults stdp_triplet weight and Wmax signs", n => n.Nest.SetDefaults("stdp_triplet_synapse_hpc", D("Wmax", -5.0)), typeof(BadPropertyException), "Wmax", "-5");
        Add("setdefaults vogels_sprekeler Kplus < 0", n => n.Nest.SetDefaults("vogels_sprekeler_synapse", D("Kplus", -0.5)), typeof(BadPropertyException), "Kplus", "-0.5");
        Add("setdefaults vogels_sprekeler weight and Wmax signs", n => n.Nest.SetDefaults("vogels_sprekeler_synapse", D("weight", -2.0)), typeof(BadPropertyException), "Wmax", "1");
        Add("setdefaults stdp_facetshw lookuptable_0 of 15 entries", n => n.Nest.SetDefaults("stdp_facetshw_synapse_hom", D("lookuptable_0", new long[15])), typeof(BadPropertyException), "lookuptable_0", "2^4");
        Add("setdefaults stdp_facetshw lookuptable_1 entry 16", n => n.Nest.SetDefaults("stdp_facetshw_synapse_hom_hpc", D("lookuptable_1", Enumerable.Repeat(16L, 16).ToArray())), typeof(BadPropertyException), "lookuptable_1", "[0,15]");
        Add("setdefaults stdp_facetshw lookuptable_2 of non-integers", n => n.Nest.SetDefaults("stdp_facetshw_synapse_hom", D("lookuptable_2", Enumerable.Repeat(1.5, 16).ToArray())), typeof(TypeMismatchException), "lookuptable_2");
        Add("setdefaults stdp_facetshw configbit_0 of 3 bits", n => n.Nest.SetDefaults("stdp_facetshw_synapse_hom", D("configbit_0", new long[] { 0, 1, 0 })), typeof(BadPropertyException), "configbit_0", "4 configuration bits");
        Add("setdefaults stdp_facetshw reset_pattern of 5 bits", n => n.Nest.SetDefaults("stdp_facetshw_synapse_hom", D("reset_pattern", new long[] { 1, 1, 1, 1, 1 })), typeof(BadPropertyException), "reset_pattern", "6 reset bits");
        Add("setdefaults stdp_facetshw no_synapses = 2.5", n => n.Nest.SetDefaults("stdp_facetshw_synapse_hom", D("no_synapses", 2.5)), typeof(TypeMismatchException), "no_synapses", "2.5");
        Add("setdefaults stdp_facetshw init_flag = 1", n => n.Nest.SetDefaults("stdp_facetshw_synapse_hom", D("init_flag", 1L)), typeof(TypeMismatchException), "init_flag", "1");
        Add("set init_flag of a stdp_facetshw connection to 1", n => n.Nest.GetConnections(synapseModel: "stdp_facetshw_synapse_hom").Set("init_flag", 1L), typeof(TypeMismatchException), "init_flag", "1");
        Add("set synapse_id of a stdp_facetshw connection to 2.5", n => n.Nest.GetConnections(synapseModel: "stdp_facetshw_synapse_hom").Set("synapse_id", 2.5), typeof(TypeMismatchException), "synapse_id", "2.5");
        Add("set no_synapses of a stdp_facetshw connection", n => n.Nest.GetConnections(synapseModel: "stdp_facetshw_synapse_hom").Set("no_synapses", 3L), typeof(UnaccessedDictionaryEntryException), "no_synapses");
        Add("setdefaults stdp unknown key", n => n.Nest.SetDefaults("stdp_synapse", D("no_such_key", 1.0)), typeof(UnaccessedDictionaryEntryException), "no_such_key");
        Add("setdefaults num_connections", n => n.Nest.SetDefaults("static_synapse", D("num_connections", 5L)), typeof(UnaccessedDictionaryEntryException), "num_connections");
        Add("setdefaults synaptic_elements as number", n => n.Nest.SetDefaults("iaf_psc_alpha", D("synaptic_elements", 3.0)), typeof(TypeMismatchException), "synaptic_elements", "3");
        Add("copymodel onto an existing name", n => n.Nest.CopyModel("iaf_psc_alpha", "iaf_psc_exp"), typeof(NewModelNameExistsException), "iaf_psc_exp");
        Add("copymodel of an unknown model", n => n.Nest.CopyModel("no_such_model", "copy"), typeof(UnknownModelNameException), "no_such_model");
        Add("copymodel with a bad default", n => n.Nest.CopyModel("iaf_psc_alpha", "bad_copy", D("C_m", -5.0)), typeof(BadPropertyException), "C_m", "-5");
        Add("getdefaults unknown model", n => n.Nest.GetDefaults("no_such_model"), typeof(UnknownModelNameException), "no_such_model");
        Add("getdefaults unknown key", n => n.Nest.GetDefaults<double>("iaf_psc_alpha", "no_such_key"), typeof(UnaccessedDictionaryEntryException), "no_such_key");

        // ------------------------------------------------------------------ Connect
        void Connect(string name, Func<BadInputNetwork, (NodeCollection Pre, NodeCollection Post)> nodes, object conn, object? syn, Type expected, params string[] mentions) =>
            Add($"connect {name}", n => { var (pre, post) = nodes(n); n.Nest.Connect(pre, post, conn, syn); }, expected, mentions);
        Func<BadInputNetwork, (NodeCollection, NodeCollection)> iafToIaf = n => (n.Iaf, n.Iaf);
        Dictionary<string, object> Rule(string rule, string key, object value, bool multapses = true) =>
            new() { ["rule"] = rule, [key] = value, ["allow_multapses"] = multapses };
        Connect("unknown rule", iafToIaf, D("rule", "no_such_rule"), null, typeof(BadPropertyException), "no_such_rule");
        Connect("unknown synapse model", iafToIaf, "all_to_all", D("synapse_model", "no_such_synapse"), typeof(UnknownModelNameException), "no_such_synapse");
        Connect("indegree -1", iafToIaf, Rule("fixed_indegree", "indegree", -1L), null, typeof(BadPropertyException), "indegree", "-1");
        Connect("indegree beyond sources without multapses", iafToIaf, Rule("fixed_indegree", "indegree", 5L, false), null, typeof(BadPropertyException), "indegree", "5");
        Connect("outdegree -1", iafToIaf, Rule("fixed_outdegree", "outdegree", -1L), null, typeof(BadPropertyException), "outdegree", "-1");
        Connect("outdegree beyond targets without multapses", iafToIaf, Rule("fixed_outdegree", "outdegree", 5L, false), null, typeof(BadPropertyException), "outdegree", "5");
        Connect("N -1", iafToIaf, Rule("fixed_total_number", "N", -1L), null, typeof(BadPropertyException), "N", "-1");
        Connect("N beyond pairs without multapses", iafToIaf, Rule("fixed_total_number", "N", 20L, false), null, typeof(BadPropertyException), "N", "20");
        Connect("p 1.5", iafToIaf, Rule("pairwise_bernoulli", "p", 1.5), null, typeof(BadPropertyException), "p", "1.5");
        Connect("p -0.1", iafToIaf, Rule("pairwise_bernoulli", "p", -0.1), null, typeof(BadPropertyException), "p", "-0.1");
        Connect("p NaN", iafToIaf, Rule("pairwise_bernoulli", "p", double.NaN), null, typeof(BadPropertyException), "p", "NaN");
        Connect("indegree 1.5", iafToIaf, Rule("fixed_indegree", "indegree", 1.5), null, typeof(TypeMismatchException), "indegree", "1.5");
        Connect("one_to_one of unequal sizes", n => (n.Iaf, n.Exp), "one_to_one", null, typeof(BadPropertyException), "one_to_one", "4", "2");
        Connect("unknown conn_spec key", iafToIaf, new Dictionary<string, object> { ["rule"] = "all_to_all", ["no_such_key"] = 1L }, null, typeof(UnaccessedDictionaryEntryException), "no_such_key");
        Connect("stdp_facetshw with no_synapses", iafToIaf, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "stdp_facetshw_synapse_hom", ["no_synapses"] = 3L }, typeof(NestNotImplementedException), "no_synapses");
        Connect("stdp_facetshw with init_flag", iafToIaf, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "stdp_facetshw_synapse_hom", ["init_flag"] = true }, typeof(BadPropertyException), "init_flag");
        Connect("stdp_facetshw with synapse_id = 7.5", iafToIaf, "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "stdp_facetshw_synapse_hom", ["synapse_id"] = 7.5 }, typeof(TypeMismatchException), "synapse_id", "7.5");
        Connect("stdp_facetshw from a spike_generator", n => (n.SpikeGenerator, n.Iaf), "all_to_all", D("synapse_model", "stdp_facetshw_synapse_hom"), typeof(IllegalConnectionException), "stdp_facetshw_synapse_hom");
        Connect("unknown syn_spec key", iafToIaf, "all_to_all", D("no_such_key", 1.0), typeof(UnaccessedDictionaryEntryException), "no_such_key");
        Connect("delay 0", iafToIaf, "all_to_all", D("delay", 0.0), typeof(BadDelayException), "delay", "0");
        Connect("delay -1", iafToIaf, "all_to_all", D("delay", -1.0), typeof(BadDelayException), "delay", "-1");
        Connect("delay beyond 21 bits", iafToIaf, "all_to_all", D("delay", 1e6), typeof(BadDelayException), "delay", "1000000");
        Connect("weight array of wrong length", iafToIaf, "one_to_one", D("weight", new[] { 1.0, 2.0 }), typeof(BadPropertyException), "weight", "2");
        Connect("receptor 1 on iaf_psc_alpha", iafToIaf, "all_to_all", D("receptor_type", 1L), typeof(UnknownReceptorTypeException), "1", "iaf_psc_alpha");
        Connect("receptor 0 on iaf_cond_alpha_mc", n => (n.Parrots, n.Mc), "all_to_all", D("receptor_type", 0L), typeof(IncompatibleReceptorTypeException), "0", "iaf_cond_alpha_mc");
        Connect("receptor 10 on iaf_cond_alpha_mc", n => (n.Parrots, n.Mc), "all_to_all", D("receptor_type", 10L), typeof(UnknownReceptorTypeException), "10", "iaf_cond_alpha_mc");
        Connect("receptor 99 on pp_cond_exp_mc_urbanczik", n => (n.Parrots, n.Urbanczik), "all_to_all", D("receptor_type", 99L), typeof(UnknownReceptorTypeException), "99", "pp_cond_exp_mc_urbanczik");
        Connect("neuron to spike_generator", n => (n.Iaf, n.SpikeGenerator), "all_to_all", null, typeof(IllegalConnectionException), "spike_generator");
        Connect("spike_recorder to neuron", n => (n.SpikeRecorder, n.Iaf), "all_to_all", null, typeof(IllegalConnectionException), "spike_recorder");
        Connect("neuron to weight_recorder", n => (n.Iaf, n.WeightRecorder), "all_to_all", null, typeof(IllegalConnectionException), "weight_recorder");
        Connect("receptor 2 on correlation_detector", n => (n.Parrots, n.CorrelationDetector), "all_to_all", D("receptor_type", 2L), typeof(UnknownReceptorTypeException), "2", "correlation_detector");
        Connect("receptor 2 on a 2-channel correlomatrix_detector", n => (n.Parrots, n.Correlomatrix), "all_to_all", D("receptor_type", 2L), typeof(UnknownReceptorTypeException), "2", "correlomatrix_detector");
        Connect("correlation_detector to neuron", n => (n.CorrelationDetector, n.Iaf), "all_to_all", null, typeof(IllegalConnectionException), "correlation_detector");
        Connect("neuron to multimeter", n => (n.Iaf, n.Multimeter), "all_to_all", null, typeof(IllegalConnectionException), "multimeter");
        Connect("multimeter twice to a neuron", n => (n.Multimeter, n.Iaf), "all_to_all", null, typeof(IllegalConnectionException), "multimeter");
        Connect("clopath_synapse to iaf_psc_alpha", iafToIaf, "all_to_all", D("synapse_model", "clopath_synapse"), typeof(NestNotImplementedException), "clopath_synapse", "iaf_psc_alpha");
        Connect("urbanczik_synapse to iaf_psc_alpha", iafToIaf, "all_to_all", D("synapse_model", "urbanczik_synapse"), typeof(NestNotImplementedException), "urbanczik_synapse", "iaf_psc_alpha");
        // sic_connection: from astrocyte_lr_1994 to aeif_cond_alpha_astro only, on receptor 0
        var sic = D("synapse_model", "sic_connection");
        AddAfter("connect sic_connection from iaf_psc_alpha", n => n.Nest.Create("aeif_cond_alpha_astro"),
            n => n.Nest.Connect(n.Iaf, n.Nest.Nodes(n.Nest.NetworkSize), "all_to_all", sic), typeof(IllegalConnectionException), "sic_connection", "iaf_psc_alpha");
        AddAfter("connect sic_connection to iaf_psc_alpha", n => n.Nest.Create("astrocyte_lr_1994"),
            n => n.Nest.Connect(n.Nest.Nodes(n.Nest.NetworkSize), n.Iaf, "all_to_all", sic), typeof(IllegalConnectionException), "sic_connection", "iaf_psc_alpha");
        AddAfter("connect sic_connection on receptor 1", n => { n.Nest.Create("astrocyte_lr_1994"); n.Nest.Create("aeif_cond_alpha_astro"); },
            n => n.Nest.Connect(n.Nest.Nodes(n.Nest.NetworkSize - 1), n.Nest.Nodes(n.Nest.NetworkSize), "all_to_all", new Dictionary<string, object> { ["synapse_model"] = "sic_connection", ["receptor_type"] = 1L }),
            typeof(UnknownReceptorTypeException), "1", "aeif_cond_alpha_astro");
        Connect("element-bound fixed_indegree", iafToIaf, Rule("fixed_indegree", "indegree", 1L), new Dictionary<string, object> { ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den" }, typeof(NestNotImplementedException), "fixed_indegree");
        Func<BadInputNetwork, (NodeCollection, NodeCollection)> parrotsToExp = n => (n.Parrots, n.Exp);
        Dictionary<string, object> Syn(string model, params (string Key, object Value)[] entries)
        {
            var spec = new Dictionary<string, object> { ["synapse_model"] = model };
            foreach (var (key, value) in entries) spec[key] = value;
            return spec;
        }
        Connect("tsodyks_synapse x + y > 1", parrotsToExp, "all_to_all", Syn("tsodyks_synapse", ("x", 0.7), ("y", 0.5)), typeof(BadPropertyException), "x", "0.7");
        Connect("tsodyks_synapse U 1.5", parrotsToExp, "all_to_all", Syn("tsodyks_synapse", ("U", 1.5)), typeof(BadPropertyException), "U", "1.5");
        Connect("tsodyks_synapse tau_psc 0", parrotsToExp, "all_to_all", Syn("tsodyks_synapse", ("tau_psc", 0.0)), typeof(BadPropertyException), "tau_psc", "0");
        Connect("tsodyks2_synapse u -0.1", parrotsToExp, "all_to_all", Syn("tsodyks2_synapse", ("u", -0.1)), typeof(BadPropertyException), "u", "-0.1");
        Connect("tsodyks2_synapse tau_fac -1", parrotsToExp, "all_to_all", Syn("tsodyks2_synapse", ("tau_fac", -1.0)), typeof(BadPropertyException), "tau_fac", "-1");
        Connect("quantal_stp_synapse n 2.5", parrotsToExp, "all_to_all", Syn("quantal_stp_synapse", ("n", 2.5)), typeof(BadPropertyException), "n", "2.5");
        Connect("quantal_stp_synapse tau_rec 0", parrotsToExp, "all_to_all", Syn("quantal_stp_synapse", ("tau_rec", 0.0)), typeof(BadPropertyException), "tau_rec", "0");
        Connect("ht_synapse tau_P 0", parrotsToExp, "all_to_all", Syn("ht_synapse", ("tau_P", 0.0)), typeof(BadPropertyException), "tau_P", "0");
        Connect("ht_synapse delta_P 1.5", parrotsToExp, "all_to_all", Syn("ht_synapse", ("delta_P", 1.5)), typeof(BadPropertyException), "delta_P", "1.5");
        Connect("ht_synapse P -0.1", parrotsToExp, "all_to_all", Syn("ht_synapse", ("P", -0.1)), typeof(BadPropertyException), "P", "-0.1");
        Connect("spike_generator through ht_synapse", n => (n.SpikeGenerator, n.Exp), "all_to_all", Syn("ht_synapse"), typeof(IllegalConnectionException), "ht_synapse", "spike_generator");
        Connect("stdp_nn_pre_centered_synapse Kplus -1", parrotsToExp, "all_to_all", Syn("stdp_nn_pre_centered_synapse", ("Kplus", -1.0)), typeof(BadPropertyException), "Kplus", "-1");
        Connect("stdp_nn_restr_synapse weight and Wmax signs", parrotsToExp, "all_to_all", Syn("stdp_nn_restr_synapse", ("weight", -1.0), ("Wmax", 5.0)), typeof(BadPropertyException), "Wmax", "5");
        Add("setdefaults stdp_nn_symm_synapse weight -0 and Wmax signs", n => n.Nest.SetDefaults("stdp_nn_symm_synapse_hpc", D("weight", -0.0)), typeof(BadPropertyException), "Wmax", "100");
        Connect("spike_generator through stdp_nn_symm_synapse", n => (n.SpikeGenerator, n.Exp), "all_to_all", Syn("stdp_nn_symm_synapse"), typeof(IllegalConnectionException), "stdp_nn_symm_synapse", "spike_generator");
        Connect("jonke_synapse Kplus -0.5", parrotsToExp, "all_to_all", Syn("jonke_synapse", ("Kplus", -0.5)), typeof(BadPropertyException), "Kplus", "-0.5");
        Connect("jonke_synapse with tau_plus", parrotsToExp, "all_to_all", Syn("jonke_synapse", ("tau_plus", 5.0)), typeof(NestNotImplementedException), "tau_plus");
        Add("setdefaults cont_delay_synapse delay 0.05", n => n.Nest.SetDefaults("cont_delay_synapse", D("delay", 0.05)), typeof(BadDelayException), "delay", "0.05", "resolution");
        Connect("bernoulli_synapse p_transmit 1.1", parrotsToExp, "all_to_all", Syn("bernoulli_synapse", ("p_transmit", 1.1)), typeof(BadPropertyException), "p_transmit", "1.1");
        Connect("static_synapse_hom_w with a weight", parrotsToExp, "all_to_all", Syn("static_synapse_hom_w", ("weight", 2.0)), typeof(NestNotImplementedException), "weight");
        Connect("tsodyks_synapse_hom with U", parrotsToExp, "all_to_all", Syn("tsodyks_synapse_hom", ("U", 0.2)), typeof(NestNotImplementedException), "U");
        Connect("poisson_generator through tsodyks_synapse", n => (n.Poisson, n.Exp), "all_to_all", Syn("tsodyks_synapse"), typeof(IllegalConnectionException), "tsodyks_synapse", "poisson_generator");
        Connect("multimeter through static_synapse_hom_w_hpc", n => (n.Multimeter, n.Exp), "all_to_all", Syn("static_synapse_hom_w_hpc"), typeof(IllegalConnectionException), "static_synapse_hom_w_hpc");
        Add("setdefaults tsodyks_synapse_hom tau_rec 0", n => n.Nest.SetDefaults("tsodyks_synapse_hom", D("tau_rec", 0.0)), typeof(BadPropertyException), "tau_rec", "0");
        Add("setdefaults tsodyks_synapse x + y > 1", n => n.Nest.SetDefaults("tsodyks_synapse", new() { ["x"] = 0.6, ["y"] = 0.6 }), typeof(BadPropertyException), "x", "0.6");
        Add("set the weight of a static_synapse_hom_w connection", n => n.Nest.GetConnections(synapseModel: "static_synapse_hom_w").Set("weight", 3.0), typeof(UnaccessedDictionaryEntryException), "weight");
        Add("set U of a tsodyks2_synapse connection to 2", n => n.Nest.GetConnections(synapseModel: "tsodyks2_synapse").Set("U", 2.0), typeof(BadPropertyException), "U", "2");
        Connect("poisson_generator through a second synapse model", n => (n.Poisson, n.Exp), "all_to_all", D("synapse_model", "stdp_recorded"), typeof(IllegalConnectionException), "poisson_generator", "static_synapse", "stdp_recorded");

        // ------------------------------------------------------------------ TripartiteConnect (pre Iaf, post Exp, third Parrots)
        void Tripartite(string name, object conn, object third, Dictionary<string, object>? syns, Type expected, params string[] mentions) =>
            Add($"tripartite {name}", n => n.Nest.TripartiteConnect(n.Iaf, n.Exp, n.Parrots, conn, third, syns), expected, mentions);
        var bernoulli = D("rule", "pairwise_bernoulli");
        bernoulli["p"] = 1.0;
        Dictionary<string, object> Pool(params (string Key, object Value)[] entries)
        {
            var spec = new Dictionary<string, object> { ["rule"] = "third_factor_bernoulli_with_pool" };
            foreach (var (key, value) in entries) spec[key] = value;
            return spec;
        }
        Tripartite("pool_size 0", bernoulli, Pool(("pool_size", 0L)), null, typeof(BadPropertyException), "pool_size", "0");
        Tripartite("pool_size beyond the third-factor nodes", bernoulli, Pool(("pool_size", 3L)), null, typeof(BadPropertyException), "pool_size", "3");
        Tripartite("pool_type gaussian", bernoulli, Pool(("pool_type", "gaussian")), null, typeof(BadPropertyException), "pool_type", "gaussian");
        Tripartite("third-factor p 1.5", bernoulli, Pool(("p", 1.5)), null, typeof(BadPropertyException), "p", "1.5");
        Tripartite("block pools that do not fit", D("rule", "all_to_all"), Pool(("pool_type", "block"), ("pool_size", 2L)), null, typeof(BadPropertyException), "pool_size", "2");
        Tripartite("third-factor rule one_to_one", bernoulli, D("rule", "one_to_one"), null, typeof(IllegalConnectionException), "one_to_one");
        Tripartite("unknown primary rule", D("rule", "no_such_rule"), Pool(), null, typeof(IllegalConnectionException), "no_such_rule");
        Tripartite("third-factor rule as the primary rule", Pool(), Pool(), null, typeof(IllegalConnectionException), "third_factor_bernoulli_with_pool");
        Tripartite("make_symmetric", new Dictionary<string, object> { ["rule"] = "one_to_one", ["make_symmetric"] = true }, Pool(), null, typeof(BadPropertyException), "make_symmetric");
        Tripartite("third-factor spec without a rule", bernoulli, D("p", 1.0), null, typeof(BadPropertyException), "rule");
        Tripartite("unknown third-factor key", bernoulli, Pool(("no_such_key", 1L)), null, typeof(UnaccessedDictionaryEntryException), "no_such_key");
        Tripartite("unknown syn_specs part", bernoulli, Pool(), D("thirdin", "static_synapse"), typeof(UnaccessedDictionaryEntryException), "thirdin");
        Tripartite("weight list", bernoulli, Pool(), D("primary", D("weight", new[] { 1.0, 2.0 })), typeof(BadParameterException), "weight", "primary");
        Tripartite("unknown third_out synapse model", bernoulli, Pool(), D("third_out", "no_such_synapse"), typeof(UnknownModelNameException), "no_such_synapse");
        Tripartite("third_out receptor 99 on iaf_psc_exp", bernoulli, Pool(), D("third_out", D("receptor_type", 99L)), typeof(UnknownReceptorTypeException), "99", "iaf_psc_exp");
        Connect("indegree parameter above the sources", iafToIaf, Rule("fixed_indegree", "indegree", Parameter.Constant(9.0), multapses: false), null, typeof(BadPropertyException), "indegree", "9");
        Add("connect a collection of another kernel", n => n.Nest.Connect(new Simulator().Create("iaf_psc_alpha"), n.Iaf), typeof(KernelException), "InvalidNodeCollection");

        // ------------------------------------------------------------------ Simulate, Prepare, Run
        Add("simulate -1", n => n.Nest.Simulate(-1.0), typeof(BadParameterException), "-1");
        Add("simulate NaN", n => n.Nest.Simulate(double.NaN), typeof(BadParameterException), "NaN");
        Add("simulate Infinity", n => n.Nest.Simulate(double.PositiveInfinity), typeof(BadParameterException), "Infinity");
        Add("simulate 0.05", n => n.Nest.Simulate(0.05), typeof(BadParameterException), "0.05");
        Add("simulate 1e300", n => n.Nest.Simulate(1e300), typeof(BadParameterException), "1E+300");
        Add("run without prepare", n => n.Nest.Run(10.0), typeof(KernelException), "Prepare");
        AddAfter("simulate gif_pop_psc_exp without adaptation arrays",
            n => n.Nest.Create("gif_pop_psc_exp", 1, new() { ["tau_sfa"] = Array.Empty<double>(), ["q_sfa"] = Array.Empty<double>() }),
            n => n.Nest.Simulate(1.0), typeof(BadPropertyException), "tau_sfa");
        AddAfter("prepare twice", n => n.Nest.Prepare(), n => n.Nest.Prepare(), typeof(KernelException), "Prepare");
        AddAfter("run NaN", n => n.Nest.Prepare(), n => n.Nest.Run(double.NaN), typeof(BadParameterException), "NaN");
        AddAfter("run -5", n => n.Nest.Prepare(), n => n.Nest.Run(-5.0), typeof(BadParameterException), "-5");
        AddAfter("recorder start while prepared", n => n.Nest.Prepare(), n => n.SpikeRecorder.Set("start", 5.0), typeof(BadPropertyException), "start", "5", "Prepare");
        AddAfter("connect while prepared", n => n.Nest.Prepare(), n => n.Nest.Connect(n.Iaf, n.Exp), typeof(KernelException), "Connect", "Cleanup");

        // ------------------------------------------------------------------ NodeCollection
        Add("index 20 of the neurons", n => _ = n.Iaf[20], typeof(ArgumentOutOfRangeException), "20");
        Add("slice 2..10 of 4 nodes", n => _ = n.Iaf[2..10], typeof(ArgumentOutOfRangeException), "10");
        Add("positions unsorted", n => _ = n.Iaf[new[] { 2, 1 }], typeof(BadPropertyException), "2", "1");
        Add("positions duplicated", n => _ = n.Iaf[new[] { 1, 1 }], typeof(ArgumentException), "1");
        Add("node ids unsorted", n => n.Nest.Nodes(3, 1), typeof(BadPropertyException), "3", "1");
        Add("node ids duplicated", n => n.Nest.Nodes(1, 1), typeof(BadPropertyException), "1");
        Add("node id unknown", n => n.Nest.Nodes(999), typeof(UnknownNodeException), "999");
        Add("joining overlapping collections", n => _ = n.Iaf + n.Iaf[0], typeof(BadPropertyException), "overlap");
        Add("get of an unknown key", n => n.Iaf.Get("no_such_key"), typeof(UnaccessedDictionaryEntryException), "no_such_key");
        Add("get of a number as text", n => n.Iaf[0].Get<double>("model"), typeof(TypeMismatchException), "model", "iaf_psc_alpha");
        Add("mask of the wrong length", n => _ = n.Iaf[new[] { true, false }], typeof(ArgumentOutOfRangeException), "2", "4");

        // ------------------------------------------------------------------ Disconnect
        Add("disconnect a missing connection", n => n.Nest.Disconnect(n.Exp[0], n.Iaf[0]), typeof(InexistentConnectionException), "static_synapse", "5", "1");
        Add("disconnect with an unknown synapse model", n => n.Nest.Disconnect(n.Parrots, n.Parrots, "one_to_one", "no_such_synapse"), typeof(UnknownModelNameException), "no_such_synapse");

        // ------------------------------------------------------------------ structural plasticity
        Add("synaptic element with an unknown growth curve", n => n.Iaf.Set("synaptic_elements", new Dictionary<string, object> { ["Den"] = D("growth_curve", "no_such_curve") }), typeof(BadPropertyException), "growth_curve", "no_such_curve");
        Add("sp synapses with an unknown synapse model", n => n.Nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["s"] = new Dictionary<string, object> { ["synapse_model"] = "no_such_synapse", ["pre_synaptic_element"] = "Axon", ["post_synaptic_element"] = "Den" } }), typeof(UnknownModelNameException), "no_such_synapse");
        Add("sp synapses without elements", n => n.Nest.SetKernelStatus("structural_plasticity_synapses", new Dictionary<string, object> { ["s"] = D("synapse_model", "static_synapse") }), typeof(BadPropertyException), "pre_synaptic_element");
        Add("sp update interval 0", n => n.Nest.SetKernelStatus("structural_plasticity_update_interval", 0.0), typeof(BadPropertyException), "structural_plasticity_update_interval", "0");
        Add("sp update interval -1", n => n.Nest.SetKernelStatus("structural_plasticity_update_interval", -1.0), typeof(BadPropertyException), "structural_plasticity_update_interval", "-1");

        return cases;
    }
}
