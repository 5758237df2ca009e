"""Runs NEST's own pynest/examples/hpc_benchmark.py from a NEST checkout with the scale, thread count and times
given here (the script keeps them in its `params` dictionary, which the sizes are derived from when it is loaded),
headless, and prints its log lines, the processor time of each phase it times (all threads; on a shared machine what
the run itself used) and the process's peak resident memory.

Usage: PYTHONPATH=<NEST's site-packages> python3 run_nest_hpc_benchmark.py NEST_CHECKOUT SCALE THREADS
           [SIMTIME_MS [PRESIMTIME_MS]]
Compare with: nestsharp hpc-benchmark --scale SCALE --threads THREADS --simtime SIMTIME_MS --presimtime PRESIMTIME_MS
"""
import os
import re
import resource
import sys
import time

import matplotlib

matplotlib.use("Agg")


def main():
    checkout, scale, threads = sys.argv[1], float(sys.argv[2]), int(sys.argv[3])
    simtime = float(sys.argv[4]) if len(sys.argv) > 4 else 250.0
    presimtime = float(sys.argv[5]) if len(sys.argv) > 5 else 50.0
    path = os.path.join(checkout, "pynest", "examples", "hpc_benchmark.py")
    with open(path) as f:
        source = f.read()
    settings = {"num_threads": threads, "scale": scale, "simtime": simtime, "presimtime": presimtime}
    for key, value in settings.items():
        source, count = re.subn(rf'("{key}":\s*)[0-9.]+', rf"\g<1>{value!r}", source, count=1)
        if count != 1:
            sys.exit(f"{path}: no '{key}' entry in params")
    # The script times its phases with tic = time.time() ... time.time() - tic: each reading also notes the processor time.
    readings = []

    def phase_clock():
        readings.append(time.process_time())
        return time.time()

    source = source.replace("time.time()", "__phase_clock()")
    exec(compile(source, path, "exec"), {"__name__": "__main__", "__file__": path, "__phase_clock": phase_clock})
    phases = ["build_time_nodes", "build_edge_time", "presim_time", "sim_time"]
    if len(readings) != 2 * len(phases):
        sys.exit(f"{path}: expected {2 * len(phases)} timer readings, got {len(readings)}")
    for k, phase in enumerate(phases):
        print(f"{phase} processor time {readings[2 * k + 1] - readings[2 * k]:.3f} s")
    print(f"peak resident memory {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
