"""PyNEST-style scripting overhead: the same calls timed against NEST's PyNEST and against nestsharp.

Usage:
    PYTHONPATH=<NEST's site-packages> python3 pynest_overhead.py nest      [--scale F]
    PYTHONPATH=python                 python3 pynest_overhead.py nestsharp [--scale F]

Each step is timed alone (wall clock and the process's processor time) and printed as one line
`step wall_s cpu_s`; the steps are those of the Python front-end issue: Create 1M neurons, Connect 10M synapses
with fixed_indegree, get("V_m") on 1M nodes, and reading a spike recorder's events when it holds 10M events.
--scale multiplies the sizes (1M neurons, 10M synapses, 10M events at 1) for a quick check.
"""
import argparse
import importlib
import resource
import time

import numpy as np


def timed(label, call):
    wall0, cpu0 = time.perf_counter(), time.process_time()
    result = call()
    wall, cpu = time.perf_counter() - wall0, time.process_time() - cpu0
    print(f"{label:<34} {wall:8.3f} {cpu:8.3f}", flush=True)
    return result


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("simulator", choices=["nest", "nestsharp"])
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    nest = importlib.import_module(args.simulator)
    if hasattr(nest, "set_verbosity"):
        nest.set_verbosity("M_ERROR")

    n_neurons = int(1_000_000 * args.scale)
    indegree = 10
    nest.ResetKernel()
    nest.SetKernelStatus({"local_num_threads": args.threads})
    print(f"{'step':<34} {'wall_s':>8} {'cpu_s':>8}")
    neurons = timed(f"Create {n_neurons} iaf_psc_alpha", lambda: nest.Create("iaf_psc_alpha", n_neurons))
    timed(f"Connect fixed_indegree {indegree * n_neurons}",
          lambda: nest.Connect(neurons, neurons, {"rule": "fixed_indegree", "indegree": indegree},
                               {"synapse_model": "static_synapse", "weight": 1.0, "delay": 1.5}))
    v_m = timed(f"get('V_m') on {n_neurons}", lambda: neurons.get("V_m"))
    assert len(v_m) == n_neurons
    timed(f"set(V_m=array) on {n_neurons}", lambda: neurons.set(V_m=np.full(n_neurons, -65.0)))

    # A recorder with 10M events: 10,000 unconnected neurons driven to fire regularly by I_e.
    nest.ResetKernel()
    nest.SetKernelStatus({"local_num_threads": args.threads})
    n_firing = 10_000
    firing = nest.Create("iaf_psc_alpha", n_firing, params={"I_e": 2000.0})
    recorder = nest.Create("spike_recorder")
    nest.Connect(firing, recorder)
    target_events = int(10_000_000 * args.scale)
    nest.Simulate(100.0)
    remaining = target_events - recorder.n_events
    if remaining > 0:
        nest.Simulate(np.ceil(remaining / (recorder.n_events / 100.0)))
    n_events = recorder.n_events
    events = timed(f"spike_recorder.events ({n_events})", lambda: recorder.events)
    assert len(events["times"]) == n_events and len(events["senders"]) == n_events
    print(f"peak resident memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
