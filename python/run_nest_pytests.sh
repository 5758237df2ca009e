#!/usr/bin/env bash
# Runs NEST's own pytests (testsuite/pytests of a NEST checkout) with `import nest` resolving to NestSharp, using
# Debian's pytest:  python/run_nest_pytests.sh NEST_CHECKOUT [FILTER]
# FILTER is a pytest -k expression. Prints pytest's report, then the passed/failed/skipped counts overall and for the
# tests whose files name only models NestSharp has (see nest_pytest_counts.py). Nothing is copied from the checkout.
set -uo pipefail
if [ $# -lt 1 ] || [ ! -d "$1/testsuite/pytests" ]; then
  echo "usage: $0 NEST_CHECKOUT [FILTER]   (NEST_CHECKOUT must hold testsuite/pytests)" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(cd "$1" && pwd)"
filter="${2:-}"
args=(-p no:cacheprovider -p nest_pytest_counts -q -rfE --tb=no --continue-on-collection-errors "$checkout/testsuite/pytests")
[ -n "$filter" ] && args+=(-k "$filter")
cd "$checkout/testsuite/pytests"
env -u PYTHONHOME PYTHONPATH="$here/alias:$here" NEST_CHECKOUT="$checkout" MPLBACKEND=Agg \
  /usr/bin/python3 -m pytest "${args[@]}"
