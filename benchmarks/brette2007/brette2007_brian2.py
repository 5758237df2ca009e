"""The three networks of Brette et al. (2007) as NEST's pynest/examples/brette_et_al_2007 scripts build them, written
for Brian2 (C++ standalone mode): the Brian2 side of NestSharp's timing comparison (docs/performance.md).
Usage: python3 brette2007_brian2.py <cuba|coba|hh_coba> [simtime_ms] [seed] [threads]

Same sizes and parameters as NEST's scripts: 3200 excitatory and 800 inhibitory neurons, fixed in-degrees of 64 and 16
(sources drawn with replacement, autapses allowed), delays 0.1 ms, a 300 Hz Poisson stimulus from 1 to 51 ms onto the
first 50 excitatory neurons, spikes of 500 neurons per population recorded, dt 0.1 ms. Brian2 integrates the linear
models exactly and hh_cond_exp_traub's equations with exponential Euler (NEST: RKF45 with error control), so its
spike trains are not NEST's; the rates are compared as a check that the network is the same."""
import sys
import time

import numpy as np
from brian2 import (Equations, NeuronGroup, PoissonGroup, SpikeMonitor, Synapses, defaultclock, device, ms, mV, nS, pF,
                    prefs, run, seed, set_device)

network = sys.argv[1]
simtime = float(sys.argv[2]) if len(sys.argv) > 2 else (10000.0 if network == "cuba" else 1000.0)
random_seed = int(sys.argv[3]) if len(sys.argv) > 3 else 1
threads = int(sys.argv[4]) if len(sys.argv) > 4 else 1

set_device("cpp_standalone", directory=f"/tmp/brian2_brette2007_{network}", build_on_run=False)
if threads > 1:
    prefs.devices.cpp_standalone.openmp_threads = threads
defaultclock.dt = 0.1 * ms
NE, NI, CE, CI, Nrec, Nstim = 3200, 800, 64, 16, 500, 50
N = NE + NI

if network == "cuba":  # iaf_psc_exp
    equations = Equations("""
        dv/dt = (E_L - v) / tau_m + (I_ex + I_in) / C_m : volt (unless refractory)
        dI_ex/dt = -I_ex / (5 * ms) : amp
        dI_in/dt = -I_in / (10 * ms) : amp
    """, E_L=-49 * mV, tau_m=20 * ms, C_m=200 * pF)
    neurons = NeuronGroup(N, equations, threshold="v >= -50*mV", reset="v = -60*mV", refractory=5 * ms,
                          method="exact")
    neurons.v = -49 * mV
    excite, inhibit = "I_ex += 16.2*pA", "I_in -= 139.5*pA"
elif network == "coba":  # iaf_cond_exp
    equations = Equations("""
        dv/dt = (g_L * (E_L - v) + g_ex * (E_ex - v) + g_in * (E_in - v)) / C_m : volt (unless refractory)
        dg_ex/dt = -g_ex / (5 * ms) : siemens
        dg_in/dt = -g_in / (10 * ms) : siemens
    """, E_L=-60 * mV, E_ex=0 * mV, E_in=-80 * mV, g_L=10 * nS, C_m=200 * pF)
    neurons = NeuronGroup(N, equations, threshold="v >= -50*mV", reset="v = -60*mV", refractory=5 * ms,
                          method="euler")
    neurons.v = -60 * mV
    excite, inhibit = "g_ex += 6*nS", "g_in += 67*nS"
else:  # hh_cond_exp_traub with the script's parameters; V_T = -63 mV, spike at V >= V_T + 30 mV past its maximum
    equations = Equations("""
        dv/dt = (g_L * (E_L - v) - g_Na * m**3 * h * (v - E_Na) - g_K * n**4 * (v - E_K)
                 + g_ex * (E_ex - v) + g_in * (E_in - v)) / C_m : volt
        dm/dt = alpha_m * (1 - m) - beta_m * m : 1
        dn/dt = alpha_n * (1 - n) - beta_n * n : 1
        dh/dt = alpha_h * (1 - h) - beta_h * h : 1
        alpha_m = 0.32 * (13 * mV - v + V_T) / mV / (exp((13 * mV - v + V_T) / (4 * mV)) - 1) / ms : Hz
        beta_m = 0.28 * (v - V_T - 40 * mV) / mV / (exp((v - V_T - 40 * mV) / (5 * mV)) - 1) / ms : Hz
        alpha_h = 0.128 * exp((17 * mV - v + V_T) / (18 * mV)) / ms : Hz
        beta_h = 4 / (1 + exp((40 * mV - v + V_T) / (5 * mV))) / ms : Hz
        alpha_n = 0.032 * (15 * mV - v + V_T) / mV / (exp((15 * mV - v + V_T) / (5 * mV)) - 1) / ms : Hz
        beta_n = 0.5 * exp((10 * mV - v + V_T) / (40 * mV)) / ms : Hz
        dg_ex/dt = -g_ex / (5 * ms) : siemens
        dg_in/dt = -g_in / (10 * ms) : siemens
    """, E_L=-60 * mV, E_ex=0 * mV, E_in=-80 * mV, E_Na=50 * mV, E_K=-90 * mV, g_L=10 * nS, g_Na=20000 * nS,
        g_K=6000 * nS, C_m=200 * pF, V_T=-63 * mV)
    neurons = NeuronGroup(N, equations, threshold="v >= -33*mV", refractory="v >= -33*mV", method="exponential_euler")
    neurons.v = -60 * mV
    neurons.m, neurons.h, neurons.n = 0.0, 1.0, 0.0  # relaxed to equilibrium by the first steps
    excite, inhibit = "g_ex += 6*nS", "g_in += 67*nS"

seed(random_seed)  # Brian2's own draws (Poisson stimulus)
rng = np.random.default_rng(random_seed)  # the connectivity
excitatory_synapses = Synapses(neurons, neurons, on_pre=excite, delay=0.1 * ms)
inhibitory_synapses = Synapses(neurons, neurons, on_pre=inhibit, delay=0.1 * ms)
targets = np.arange(N)
excitatory_synapses.connect(i=rng.integers(0, NE, size=(N, CE)).ravel(), j=np.repeat(targets, CE))
inhibitory_synapses.connect(i=rng.integers(NE, N, size=(N, CI)).ravel(), j=np.repeat(targets, CI))
stimulus = PoissonGroup(1, rates="300*Hz*int(t >= 1*ms)*int(t < 51*ms)")
stimulus_synapses = Synapses(stimulus, neurons, on_pre=excite, delay=0.1 * ms)
stimulus_synapses.connect(i=0, j=np.arange(Nstim))
excitatory_monitor = SpikeMonitor(neurons[:Nrec])
inhibitory_monitor = SpikeMonitor(neurons[NE:NE + Nrec])

run(simtime * ms)
start = time.perf_counter()
device.build(run=True, compile=True)
wall = time.perf_counter() - start
print(f"Network           : {network}, simtime {simtime} ms, seed {random_seed}, threads {threads}")
print(f"Excitatory rate   : {excitatory_monitor.num_spikes / (Nrec * simtime) * 1000.0:.2f} spikes/s")
print(f"Inhibitory rate   : {inhibitory_monitor.num_spikes / (Nrec * simtime) * 1000.0:.2f} spikes/s")
print(f"Simulation time   : {device._last_run_time:.2f} s")
print(f"Compile and run   : {wall:.2f} s")
