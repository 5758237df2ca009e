#!/usr/bin/env bash
# Runs every nestsharp experiment small, on 1 and 2 threads, and writes a SHA-256 of each data file it writes
# (spikes, weights, series, statistics; not the figures, the logs, or the timings), so that two builds can be checked
# to give the same results to the bit:
#   benchmarks/golden.sh path/to/NestSharp.Cli.dll OUT_DIR
#   diff <(cut -c1-64,66- A/hashes.txt) <(cut -c1-64,66- B/hashes.txt)      # or: join on the file name
# Takes about 5 minutes on two cores.
set -euo pipefail
if [ $# -ne 2 ]; then
  echo "usage: $0 NestSharp.Cli.dll OUT_DIR" >&2
  exit 2
fi
cli=$1
out=$(mkdir -p "$2" && cd "$2" && pwd)
run() {
  local name=$1
  shift
  dotnet "$cli" "$@" --out "$out/$name" > "$out/$name.log" 2>&1 || { echo "$name failed: see $out/$name.log" >&2; exit 1; }
}
for t in 1 2; do
  run brunel-t$t brunel --order 200 --simtime 300 --threads $t
  run ignore-and-fire-t$t ignore-and-fire --N 1250 --K 125 --T 200 --threads $t
  run ignore-and-fire-iaf-t$t ignore-and-fire --neuron-model iaf_psc_alpha --N 1250 --K 125 --T 200 --threads $t
  run structural-plasticity-t$t structural-plasticity --simtime 20000 --threads $t
  run clopath-t$t clopath --simtime 1000 --threads $t
  run urbanczik-t$t urbanczik --repetitions 20 --threads $t
  run hpc-benchmark-t$t hpc-benchmark --scale 0.02 --simtime 50 --presimtime 20 --threads $t
  run brette-cuba-t$t brette-2007 --network cuba --simtime 200 --threads $t
  run brette-coba-t$t brette-2007 --network coba --simtime 200 --threads $t
  run microcircuit-t$t microcircuit --scale-n 0.02 --simtime 100 --presimtime 50 --threads $t
done
run clopath-pairing clopath-pairing --frequencies 1,10,30
# Figures, logs and files that hold timings are left out; the output directory's own path is taken out of the files
# that name it (data_path in model_instance_parameters.json).
cd "$out"
find . -type f ! -name '*.svg' ! -name '*.png' ! -name '*.log' ! -name 'log_*' ! -name '*summary.json' ! -name hashes.txt \
  | sort | while read -r file; do
    echo "$(sed "s|$out|OUT|g" "$file" | sha256sum | cut -c1-64)  $file"
  done > hashes.txt
echo "$(wc -l < "$out/hashes.txt") files hashed into $out/hashes.txt"
