#!/usr/bin/env bash
# NEST's example scripts timed on NestSharp and on NEST, one example after the other (the order alternates from one
# example to the next, so that a change in the machine's load does not favour one side):
#   benchmarks/examples/side_by_side.sh NEST_CHECKOUT NEST_SITE_PACKAGES [EXAMPLE.py ...]
# NEST_CHECKOUT holds pynest/examples; NEST_SITE_PACKAGES is the folder of a NEST installation that holds the `nest`
# package. Runs through python/run_nest_examples.sh (its OUT, TIMEOUT); writes $OUT/side_by_side.tsv (example, exit
# status and seconds on NestSharp, the same on NEST, NEST's seconds over NestSharp's) and prints it as it goes.
set -uo pipefail
if [ $# -lt 2 ] || [ ! -d "$2/nest" ]; then
  echo "usage: $0 NEST_CHECKOUT NEST_SITE_PACKAGES [EXAMPLE.py ...]" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
runner="$here/../../python/run_nest_examples.sh"
checkout="$1" site="$(cd "$2" && pwd)"
shift 2
out="$(mkdir -p "${OUT:-examples-side-by-side}" && cd "${OUT:-examples-side-by-side}" && pwd)"
if [ $# -gt 0 ]; then list=("$@"); else mapfile -t list < <(bash "$runner" --list "$checkout"); fi

# One example on one simulator: prints "status seconds" from the runner's line.
run() {
  local line
  if [ "$1" = nest ]; then
    line="$(OUT="$out/nest" NEST_PYTHONPATH="$site" bash "$runner" "$checkout" "$2" | head -1)"
  else
    line="$(OUT="$out/nestsharp" bash "$runner" "$checkout" "$2" | head -1)"
  fi
  awk '{ print $2, $3 }' <<< "$line"
}

tsv="$out/side_by_side.tsv"
printf 'example\tnestsharp_status\tnestsharp_s\tnest_status\tnest_s\tnest_over_nestsharp\n' > "$tsv"
i=0
for script in "${list[@]}"; do
  name="${script#*pynest/examples/}"
  if [ $((i % 2)) -eq 0 ]; then ours="$(run nestsharp "$script")"; theirs="$(run nest "$script")"
  else theirs="$(run nest "$script")"; ours="$(run nestsharp "$script")"; fi
  i=$((i + 1))
  read -r our_status our_s <<< "$ours"
  read -r nest_status nest_s <<< "$theirs"
  ratio="$(awk -v a="$nest_s" -v b="$our_s" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }')"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$our_status" "$our_s" "$nest_status" "$nest_s" "$ratio" | tee -a "$tsv"
done
