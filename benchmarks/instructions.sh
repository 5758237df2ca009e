#!/usr/bin/env bash
# Counts the instructions a .NET command executes, with valgrind's callgrind (counts do not move with the machine's
# load, so builds can be compared A/B on a shared machine):
#   benchmarks/instructions.sh OUT_FILE dotnet path/to/program.dll ARGS...
# Prints callgrind's total; OUT_FILE keeps the profile for callgrind_annotate.
#
# The settings matter:
# - DOTNET_TieredCompilation=0: every method is compiled once, fully optimised, as tier 1 would compile it.
# - DOTNET_JitEnableOptionalRelocs=0: under valgrind, with the JIT's optional (32-bit relative) relocations on, the
#   optimised compilation of about half the methods is abandoned part-way and the method compiled again as MinOpts
#   (unoptimised, nothing inlined), hot update and delivery loops among them; outside valgrind no method is. With
#   relocations off the JIT uses 64-bit addresses and optimises every method under valgrind too (found 2026-12-03,
#   docs/performance.md).
# - DOTNET_EnableAVX512F=0: valgrind does not emulate AVX-512.
# Check with DOTNET_JitStdOutFile=F DOTNET_JitDisasmSummary=1: F should list no method as MinOpts.
set -euo pipefail
if [ $# -lt 2 ]; then
  echo "usage: $0 OUT_FILE COMMAND [ARGS...]" >&2
  exit 2
fi
out=$1
shift
DOTNET_TieredCompilation=0 DOTNET_JitEnableOptionalRelocs=0 DOTNET_EnableAVX512F=0 \
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" 2> "$out.log"
callgrind_annotate "$out" | grep "PROGRAM TOTALS"
