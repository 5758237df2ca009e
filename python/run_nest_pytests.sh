#!/usr/bin/env bash
# Runs NEST's own pytests (testsuite/pytests of a NEST checkout) with `import nest` resolving to NestSharp, using
# Debian's pytest:  python/run_nest_pytests.sh NEST_CHECKOUT [FILTER]
# FILTER is a pytest -k expression. Prints pytest's report, then the passed/failed/skipped counts overall and for the
# tests whose files name only models NestSharp has (see nest_pytest_counts.py). Nothing is copied from the checkout.
# As NEST's testsuite/do_tests.sh does, mpi_direct/ and mpi_indirect/ are left out: NEST runs mpi_direct/N under
# `mpirun -np N` (most files there are links to tests run here already), and the Python front end runs in one process.
set -uo pipefail
if [ $# -lt 1 ] || [ ! -d "$1/testsuite/pytests" ]; then
  echo "usage: $0 NEST_CHECKOUT [FILTER]   (NEST_CHECKOUT must hold testsuite/pytests)" >&2
  exit 2
fi
here="$(cd "$(dirname "$0")" && pwd)"
checkout="$(cd "$1" && pwd)"
filter="${2:-}"
args=(-p no:cacheprovider -p nest_pytest_counts -q -rfE --tb=no --continue-on-collection-errors
      --ignore="$checkout/testsuite/pytests/mpi_direct" --ignore="$checkout/testsuite/pytests/mpi_indirect"
      "$checkout/testsuite/pytests")
[ -n "$filter" ] && args+=(-k "$filter")
# build_info["docdir"] (NEST_DOCDIR): an installed NEST keeps pynest/examples as <docdir>/examples/pynest, where tests
# such as connect/test_sonata.py read their data; lay out that tree for the checkout (a link, nothing is copied).
docdir="${NEST_DOCDIR:-}"
if [ -z "$docdir" ] && [ -d "$checkout/pynest/examples" ]; then
  docdir="$(mktemp -d)"
  trap 'rm -rf "$docdir"' EXIT
  mkdir -p "$docdir/examples"
  ln -s "$checkout/pynest/examples" "$docdir/examples/pynest"
fi
cd "$checkout/testsuite/pytests"
env -u PYTHONHOME PYTHONPATH="$here/alias:$here" NEST_CHECKOUT="$checkout" NEST_DOCDIR="$docdir" MPLBACKEND=Agg \
  /usr/bin/python3 -m pytest "${args[@]}"
