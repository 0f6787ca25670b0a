#!/usr/bin/env bash
# Ships the agent: self-contained single-file builds of bansos-agent for linux-x64 and win-x64
# (no .NET needed on the posko PC), into artifacts/agent/<rid>/ (or $BANSOS_PUBLISH_DIR/<rid>/).
# With --tools, bansos-pcsc and bansos-vcard too. Then checks that the linux-x64 build starts
# (`bansos-agent --version`); the Windows one is built, not run. ./run-tests.sh runs this.
#   agent/publish.sh [--tools]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="${BANSOS_PUBLISH_DIR:-$root/artifacts/agent}"
projects=("$root/agent/Bansos.Agent/Bansos.Agent.csproj")
if [ "${1:-}" = "--tools" ]; then
  projects+=("$root/agent/Bansos.PcSc/Tool/Bansos.PcSc.Tool.csproj" "$root/agent/Bansos.VirtualCard/Bansos.VirtualCard.csproj")
fi

for rid in linux-x64 win-x64; do
  for project in "${projects[@]}"; do
    # Native libraries inside the one file too; no .pdb beside it.
    dotnet publish "$project" -c Release -r "$rid" --self-contained \
      -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:DebugType=none \
      -o "$out/$rid" --nologo -v quiet
  done
done

ext() { [ "$1" = win-x64 ] && echo .exe || true; }
for rid in linux-x64 win-x64; do
  file="$out/$rid/bansos-agent$(ext "$rid")"
  [ -f "$file" ] || { echo "[publish] missing: $file" >&2; exit 1; }
  echo "[publish] $file ($(( $(stat -c %s "$file") / 1048576 )) MB)"
done
version="$("$out/linux-x64/bansos-agent" --version)"
echo "[publish] linux-x64 bansos-agent starts: --version = $version"
