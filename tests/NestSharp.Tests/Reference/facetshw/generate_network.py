# NEST 3.10 reference for NestSharp's StdpFacetshwNetworkTests: several parrots -> several iaf_psc_alpha through
# stdp_facetshw_synapse_hom (all_to_all), one thread; writes the connection statuses and the model's common values.
import sys, json
import nest
nest.set_verbosity("M_ERROR")
threads = int(sys.argv[1])
out = sys.argv[2]
nest.ResetKernel()
nest.local_num_threads = threads
m = "stdp_facetshw_synapse_hom"
nest.SetDefaults(m, {"synapses_per_driver": 7, "driver_readout_time": 2.0, "a_thresh_th": 1.3, "a_thresh_tl": 0.9})
n_pre, n_post = 6, 10
pre_times = [[5.0 + 7.3 * k + 0.4 * i for k in range(40)] for i in range(n_pre)]
pre_times = [[round(t, 1) for t in ts] for ts in pre_times]
gs = nest.Create("spike_generator", n_pre, params=[{"spike_times": t} for t in pre_times])
ps = nest.Create("parrot_neuron", n_pre)
post = nest.Create("iaf_psc_alpha", n_post, params={"I_e": 0.0, "tau_minus": 15.0})
drive = nest.Create("spike_generator", n_post, params=[{"spike_times": [round(3.0 + 9.1 * k + 0.7 * j, 1) for k in range(30)]} for j in range(n_post)])
nest.Connect(gs, ps, "one_to_one")
nest.Connect(drive, post, "one_to_one", syn_spec={"weight": 3000.0})
# connections made source by source: NEST keeps each source's synapses in target order (its sort by source finds them sorted)
for p in ps:
    nest.Connect(p, post, "all_to_all", syn_spec={"synapse_model": m, "weight": 40.0, "delay": 1.5})
nest.Simulate(300.0)
c = nest.GetConnections(ps, post)
keys = ["source", "target", "synapse_id", "next_readout_time", "weight", "a_causal", "a_acausal"]
rows = sorted(zip(*[c.get(k) for k in keys]))
d = nest.GetDefaults(m)
json.dump({"pre_times": pre_times, "connections": [dict(zip(keys, r)) for r in rows],
           "no_synapses": d["no_synapses"], "readout_cycle_duration": d["readout_cycle_duration"]}, open(out, "w"), indent=1)
