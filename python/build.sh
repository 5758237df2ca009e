#!/usr/bin/env bash
# Builds NestSharp's interop assembly (Release) and copies it, with NestSharp.dll, into python/nestsharp/_lib, so that
# the package works from PYTHONPATH=python or after `pip install ./python --break-system-packages`.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dotnet build "$here/../src/NestSharp.Python/NestSharp.Python.csproj" -c Release --nologo -v quiet
rm -rf "$here/nestsharp/_lib"
mkdir -p "$here/nestsharp/_lib"
cp "$here"/../src/NestSharp.Python/bin/Release/net10.0/*.{dll,json} "$here/nestsharp/_lib/"
echo "nestsharp: assemblies copied to $here/nestsharp/_lib"
