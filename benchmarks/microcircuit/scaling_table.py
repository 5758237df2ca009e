"""Reads what scaling.sh wrote and prints the table of docs/performance.md ("Scaling"): the profile's samples of
delivery, the Poisson generators and the neuron update, each divided by its work."""
import json
import re
import subprocess
import sys

SAMPLE_S = 1 / 199  # perf record -F 199
PARTS = {"delivery": "StaticSynapse::", "poisson": "PoissonGenerator::", "neuron": "IafPscExp::"}
STEPS = 10_000  # 1000 ms at 0.1 ms


def samples_by_part(perf_file):
    report = subprocess.run(["perf", "report", "-i", perf_file, "--no-children", "--sort", "symbol", "-n", "--stdio"],
                            capture_output=True, text=True, check=True).stdout
    counts = dict.fromkeys(PARTS, 0)
    for line in report.splitlines():
        m = re.match(r"\s+[\d.]+%\s+(\d+)\s+\[.\]\s+(.*)", line)
        if not m:
            continue
        for part, marker in PARTS.items():
            if marker in m.group(2):
                counts[part] += int(m.group(1))
    return counts


def main(out, scales):
    print("| scale-n | neurons | synapses | simulate 1 s, processor time | ns per synaptic event | ns per Poisson draw "
          "| ns per neuron update | peak memory |")
    print("|---|---|---|---|---|---|---|---|")
    for scale in scales:
        summary = json.load(open(f"{out}/mc-{scale}/microcircuit_summary.json"))
        counts = samples_by_part(f"{out}/mc-{scale}.perf")
        neurons, synapses = summary["neurons"], summary["synapses"]
        events = summary["total_spikes"] * synapses / neurons
        updates = neurons * STEPS
        ns = {part: counts[part] * SAMPLE_S / work * 1e9
              for part, work in (("delivery", events), ("poisson", updates), ("neuron", updates))}
        print(f"| {scale} | {neurons:,} | {synapses / 1e6:.1f} M | {summary['sim_cpu_s']:.2f} s | {ns['delivery']:.1f} "
              f"| {ns['poisson']:.1f} | {ns['neuron']:.1f} | {summary['peak_memory_bytes'] / 2**20:,.0f} MiB |")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
