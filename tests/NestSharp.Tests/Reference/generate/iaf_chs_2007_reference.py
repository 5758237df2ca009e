"""NEST 3.10 reference experiments of iaf_chs_2007 (det/iaf_chs_2007_*), in the format of shared/reference/det.

A spec file for shared/reference/generate/generate_reference.py (which defines the runner and the file format):
    PYNEST_QUIET=1 python3 ../shared/reference/generate/generate_reference.py --only iaf_chs_2007 --out /tmp/unused \
        --extra tests/NestSharp.Tests/Reference/generate/iaf_chs_2007_reference.py
with NEST 3.10.0's PyNEST on the Python path; the files go to OUT_DIR (set NESTSHARP_REFERENCE_OUT, default /tmp/chs).
The experiments: spikes of positive weight (negative ones are ignored by the model) from two generators; a noise
signal split over two Simulate calls; other time constants and amplitudes with spike multiplicities.
"""

import math
import os

OUT_DIR = os.environ.get("NESTSHARP_REFERENCE_OUT", "/tmp/chs")

EXC = [10.0, 10.5, 11.0, 30.0, 30.1, 30.2, 30.3, 75.0, 130.0, 131.0, 132.0, 210.0, 260.0, 260.2]
INH = [20.0, 45.0, 45.5, 100.0, 160.0, 161.0, 230.0, 275.0]
EXC_C = [5.0, 25.0, 25.2, 25.4, 50.0, 50.1, 90.0, 120.0, 150.0, 151.0, 152.0, 180.0]
NOISE = [math.sin(0.05 * k) + 0.3 * math.cos(0.31 * k) for k in range(2600)]


def sg(times, weight, delay, **params):
    return {"device": "spike_generator", "params": dict({"spike_times": list(times)}, **params), "weight": weight,
            "delay": delay, "receptor_type": 0}


def experiment(name, params, inputs, sim_time, note, **more):
    e = {"kind": "neuron", "name": name, "model": "iaf_chs_2007", "params": params, "inputs": inputs,
         "sim_time": sim_time, "note": note, "tolerance": "exact"}
    e.update(more)
    return e


EXPERIMENTS = [
    experiment("iaf_chs_2007_spikes", {}, [sg(EXC, 0.6, 1.0), sg(INH, -0.8, 1.5)], 300.0,
               "default parameters; weight 0.6 spikes (sums cross the threshold 1), weight -0.8 spikes ignored"),
    experiment("iaf_chs_2007_noise", {"V_noise": 0.4, "noise": NOISE}, [sg(EXC_C, 0.5, 1.0)], 250.0,
               "noise signal of 2600 values scaled by V_noise 0.4, one per step, over two Simulate calls",
               simulate_calls=[100.0, 150.0]),
    experiment("iaf_chs_2007_tau3_reset1.5",
               {"tau_epsp": 3.0, "tau_reset": 5.0, "V_epsp": 1.2, "V_reset": 1.5, "V_m": 0.2},
               [sg(EXC_C, 0.9, 2.0, spike_multiplicities=[1, 2, 1, 1, 3, 1, 1, 2, 1, 1, 1, 2])], 200.0,
               "other time constants and amplitudes; spike multiplicities multiply the weight"),
]
