#!/bin/bash
# The microcircuit at growing neuron numbers (full in-degrees), one thread, each run under `perf record`; then
# scaling_table.py prints the time per synaptic event, Poisson draw and neuron update (docs/performance.md, "Scaling").
# usage: benchmarks/microcircuit/scaling.sh OUTDIR [SCALES...]   (after `dotnet build NestSharp.slnx -c Release`)
set -e
out=$1; shift
scales=${*:-0.05 0.1 0.25 0.5 1}
cli="$(dirname "$0")/../../src/NestSharp.Cli/bin/Release/net10.0/NestSharp.Cli.dll"
mkdir -p "$out"
for s in $scales; do
  DOTNET_EnableWriteXorExecute=0 DOTNET_PerfMapEnabled=3 perf record -F 199 -o "$out/mc-$s.perf" \
    dotnet "$cli" microcircuit --scale-n "$s" --simtime 1000 --presimtime 0.1 --threads 1 --out "$out/mc-$s" > "$out/mc-$s.txt"
done
python3 "$(dirname "$0")/scaling_table.py" "$out" $scales
