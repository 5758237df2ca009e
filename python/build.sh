#!/usr/bin/env bash
# Builds NestSharp's interop assembly (Release) and copies it, with NestSharp.dll, into python/nestsharp/_lib, so that
# the package works from PYTHONPATH=python or after `pip install ./python --break-system-packages`. On Linux x64 and
# arm64 the assemblies are compiled ahead of time (ReadyToRun): a script's first calls then run precompiled code
# instead of waiting for the JIT (docs/performance.md, "Python front end"); elsewhere they are built as usual.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
project="$here/../src/NestSharp.Python/NestSharp.Python.csproj"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) rid=linux-x64 ;;
  Linux-aarch64) rid=linux-arm64 ;;
  *) rid= ;;
esac
rm -rf "$here/nestsharp/_lib"
mkdir -p "$here/nestsharp/_lib"
if [ -n "$rid" ]; then
  staging="$(mktemp -d)"
  dotnet publish "$project" -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true -o "$staging" --nologo -v quiet
  cp "$staging"/*.{dll,json} "$here/nestsharp/_lib/"
  rm -rf "$staging"
else
  dotnet build "$project" -c Release --nologo -v quiet
  cp "$here"/../src/NestSharp.Python/bin/Release/net10.0/*.{dll,json} "$here/nestsharp/_lib/"
fi
echo "nestsharp: assemblies copied to $here/nestsharp/_lib${rid:+ (ReadyToRun, $rid)}"
