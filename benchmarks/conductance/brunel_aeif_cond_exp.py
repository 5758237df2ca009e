"""Brunel's sparse random network (Brunel 2000, NEST's brunel_alpha_nest.py) built from aeif_cond_exp neurons:
the NEST 3.10 side of NestSharp's timing comparison. Usage: python3 brunel_aeif_cond_exp.py [simtime_ms] [threads] [order]"""
import sys
import time

import nest

simtime = float(sys.argv[1]) if len(sys.argv) > 1 else 1000.0
threads = int(sys.argv[2]) if len(sys.argv) > 2 else 1
order = int(sys.argv[3]) if len(sys.argv) > 3 else 2500

NE, NI = 4 * order, order           # 10,000 excitatory, 2,500 inhibitory
CE, CI = NE // 10, NI // 10         # epsilon = 0.1: 1,000 and 250 inputs per neuron
delay = 1.5                         # ms
g = 6.0                             # relative strength of inhibition
J_ex = 0.5                          # nS, excitatory conductance jump
J_in = -g * J_ex                    # nS, inhibitory (negative weight: g_in)
nu_ext = 13.0                       # Hz per external input, CE external inputs
neuron_params = {"t_ref": 2.0, "tau_syn_ex": 2.0, "tau_syn_in": 2.0, "E_in": -80.0}

nest.ResetKernel()
nest.set(resolution=0.1, local_num_threads=threads, rng_seed=42, print_time=False)
start = time.perf_counter()
nodes_ex = nest.Create("aeif_cond_exp", NE, params=neuron_params)
nodes_in = nest.Create("aeif_cond_exp", NI, params=neuron_params)
nodes_ex.V_m = nest.random.uniform(-70.6, -50.4)
nodes_in.V_m = nest.random.uniform(-70.6, -50.4)
noise = nest.Create("poisson_generator", params={"rate": nu_ext * CE})
spikes_ex = nest.Create("spike_recorder")
spikes_in = nest.Create("spike_recorder")
nest.CopyModel("static_synapse", "excitatory", {"weight": J_ex, "delay": delay})
nest.CopyModel("static_synapse", "inhibitory", {"weight": J_in, "delay": delay})
nest.Connect(noise, nodes_ex + nodes_in, syn_spec="excitatory")
nest.Connect(nodes_ex[:min(50, NE)], spikes_ex, syn_spec="excitatory")
nest.Connect(nodes_in[:min(50, NI)], spikes_in, syn_spec="excitatory")
nest.Connect(nodes_ex, nodes_ex + nodes_in, {"rule": "fixed_indegree", "indegree": CE}, "excitatory")
nest.Connect(nodes_in, nodes_ex + nodes_in, {"rule": "fixed_indegree", "indegree": CI}, "inhibitory")
build = time.perf_counter() - start

start = time.perf_counter()
nest.Simulate(simtime)
sim = time.perf_counter() - start

rate_ex = spikes_ex.n_events / simtime * 1000.0 / min(50, NE)
rate_in = spikes_in.n_events / simtime * 1000.0 / min(50, NI)
print(f"NEST\tbuild {build:.2f} s\tsimulate {sim:.2f} s\trate exc {rate_ex:.2f} Hz\trate inh {rate_in:.2f} Hz\tsynapses {nest.num_connections}")
