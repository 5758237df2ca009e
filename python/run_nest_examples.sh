#!/usr/bin/env bash
# Runs NEST's own example scripts (pynest/examples of a NEST checkout) with `import nest` resolving to NestSharp:
#   python/run_nest_examples.sh NEST_CHECKOUT [EXAMPLE.py ...]
#   python/run_nest_examples.sh --list NEST_CHECKOUT      (prints the scripts it would run, one per line)
# Without examples it runs every one NEST's run_examples.sh runs (the scripts at the top of pynest/examples and of each
# folder without run_example.py, and each folder's run_example.py), leaving out the ones NEST's script skips. Each runs
# in a copy of its folder under $OUT (default ./nest-examples-out), with the Agg backend and a time limit of $TIMEOUT
# seconds (default 300); its output goes to $OUT/<name>.log. Prints one line per example (exit status, seconds, the
# last error line) and the counts; the exit status is 1 when any example failed. With NEST_PYTHONPATH set (the
# site-packages folder of a NEST installation), `import nest` resolves to that NEST instead: the same scripts timed on
# NEST (benchmarks/examples/side_by_side.sh runs both).
set -uo pipefail
list_only=false
[ "${1:-}" = --list ] && { list_only=true; shift; }
if [ $# -lt 1 ] || [ ! -d "$1/pynest/examples" ]; then
  echo "usage: $0 NEST_CHECKOUT [EXAMPLE.py ...]   (NEST_CHECKOUT must hold pynest/examples)" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
examples="$(cd "$1/pynest/examples" && pwd)"
shift
out="$(mkdir -p "${OUT:-nest-examples-out}" && cd "${OUT:-nest-examples-out}" && pwd)"
timeout="${TIMEOUT:-300}"
pythonpath="${NEST_PYTHONPATH:-$here/alias:$here}"
skipped=" brette_et_al_2007_benchmark.py nest_script.py receiver_script.py eprop_supervised_classification_neuromorphic_mnist.py csa_example.py csa_spatial_example.py "

if [ $# -gt 0 ]; then
  list=("$@")
else
  mapfile -t list < <( (find "$examples" -maxdepth 1 -type d -not -exec test -e '{}/run_example.py' \; \
      -exec find '{}' -maxdepth 1 -name '*.py' \; ; ls "$examples"/*/run_example.py) | sort)
fi

if $list_only; then
  for script in "${list[@]}"; do [[ "$skipped" == *" $(basename "$script") "* ]] || echo "$script"; done
  exit 0
fi

passed=0 failed=0
for script in "${list[@]}"; do
  script="$(cd "$(dirname "$script")" && pwd)/$(basename "$script")"
  [[ "$skipped" == *" $(basename "$script") "* ]] && continue
  name="${script#"$examples"/}"
  work="$out/work/${name//\//__}"
  rm -rf "$work" && mkdir -p "$work" && cp -r "$(dirname "$script")"/. "$work"/
  log="$out/${name//\//__}.log"
  start=$(date +%s.%N)
  (cd "$work" && env -u PYTHONHOME PYTHONPATH="$pythonpath" MPLBACKEND=Agg \
    timeout "$timeout" /usr/bin/python3 "$(basename "$script")" > "$log" 2>&1)
  status=$?
  seconds=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
  if [ $status -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
  [ $status -eq 124 ] && reason="timed out after ${timeout} s" || reason="$(grep -E 'Error|Exception' "$log" | tail -1 | cut -c1-160)"
  printf '%-90s %3d %8s s  %s\n' "$name" "$status" "$seconds" "$( [ $status -eq 0 ] || echo "$reason")"
done
echo "examples: $passed passed, $failed failed"
[ $failed -eq 0 ]
