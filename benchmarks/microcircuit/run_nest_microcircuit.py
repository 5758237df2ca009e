"""Runs the reference implementation of the Potjans-Diesmann microcircuit (INM-6/microcircuit-PD14-model, its
PyNEST/src/microcircuit package) on NEST with the scales, thread count and times given here, timing each phase as the
repository's examples/run_microcircuit.py does (wall clock, and processor time of all threads: on a shared machine what
the run itself used), and prints the process's peak resident memory. The evaluation (raster
and box plots) is left out: it is not part of the simulation.

Usage: PYTHONPATH=<NEST's site-packages> python3 run_nest_microcircuit.py MICROCIRCUIT_CHECKOUT N_SCALING K_SCALING
           THREADS [SIMTIME_MS [PRESIMTIME_MS]]
Compare with: nestsharp microcircuit --scale-n N_SCALING --scale-k K_SCALING --threads THREADS --simtime SIMTIME_MS
           --presimtime PRESIMTIME_MS
"""
import os
import resource
import sys
import tempfile
import time

import matplotlib

matplotlib.use("Agg")


def main():
    checkout = sys.argv[1]
    n_scaling, k_scaling, threads = float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
    simtime = float(sys.argv[5]) if len(sys.argv) > 5 else 1000.0
    presimtime = float(sys.argv[6]) if len(sys.argv) > 6 else 500.0
    sys.path.insert(0, os.path.join(checkout, "PyNEST", "src"))
    from microcircuit import network
    from microcircuit.network_params import default_net_dict as net_dict
    from microcircuit.sim_params import default_sim_dict as sim_dict
    from microcircuit.stimulus_params import default_stim_dict as stim_dict

    net_dict.update({"N_scaling": n_scaling, "K_scaling": k_scaling, "bg_input_type": "poisson"})
    sim_dict.update({"local_num_threads": threads, "t_sim": simtime, "t_presim": presimtime, "print_time": False,
                     "data_path": tempfile.mkdtemp(prefix="microcircuit-nest-") + "/"})
    stim_dict.update({"thalamic_input": False, "dc_transient": False})

    marks = [(time.time(), time.process_time())]
    net = network.Network(sim_dict, net_dict, stim_dict)
    marks.append((time.time(), time.process_time()))
    net.create()
    marks.append((time.time(), time.process_time()))
    net.connect()
    marks.append((time.time(), time.process_time()))
    net.simulate(presimtime)
    marks.append((time.time(), time.process_time()))
    net.simulate(simtime)
    marks.append((time.time(), time.process_time()))
    for k, phase in enumerate(["init", "create", "connect", "presimulate", "simulate"]):
        wall = marks[k + 1][0] - marks[k][0]
        cpu = marks[k + 1][1] - marks[k][1]
        print(f"{phase} {wall:.3f} s, processor time {cpu:.3f} s")
    import nest

    print(f"local spikes {sum(int(r.n_events) for r in net.spike_recorders)}, "
          f"connections {nest.num_connections}")
    print(f"peak resident memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
