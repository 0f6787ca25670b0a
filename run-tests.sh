#!/usr/bin/env bash
# Runs every test of the solution against real servers (RabbitMQ, PostgreSQL, pcscd + vpcd),
# installing and starting them first, after publishing the agent's single-file builds (agent/publish.sh;
# a failed publish counts as one failure). Ends with one line: "N passed, N failed, N skipped".
set -uo pipefail
cd "$(dirname "$0")"

bash .ci/servers.sh || { echo "could not start the test servers"; echo "0 passed, 1 failed"; exit 1; }

export BANSOS_TEST_POSTGRES="${BANSOS_TEST_POSTGRES:-Host=127.0.0.1;Username=bansos;Password=bansos}"
export BANSOS_TEST_RABBITMQ="${BANSOS_TEST_RABBITMQ:-amqp://guest:guest@127.0.0.1:5672/}"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# The agent ships as self-contained single files for linux-x64 and win-x64 (docs/agent.md): both are
# built (the Windows one not run), the Linux one must start. Before the tests, alone: nothing else heavy runs.
publish_started=$(date +%s)
if agent/publish.sh; then publish_failed=0; else publish_failed=1; echo "[publish] the agent's self-contained publish failed"; fi
echo "[publish] took $(( $(date +%s) - publish_started )) s"

log=$(mktemp)
dotnet test --solution Bansos.sln -c Release "$@" 2>&1 | tee "$log"
rc=${PIPESTATUS[0]}

# Microsoft.Testing.Platform closes with "total/failed/succeeded/skipped"; sum over every summary block.
read -r passed failed skipped < <(awk '
  /^[[:space:]]*failed:/    {f+=$2}
  /^[[:space:]]*succeeded:/ {p+=$2}
  /^[[:space:]]*skipped:/   {s+=$2}
  END {print p+0, f+0, s+0}' "$log")
rm -f "$log"
if [ "$rc" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi   # a build or host failure counts as a failure
if [ "$publish_failed" -ne 0 ]; then failed=$((failed + 1)); rc=1; fi
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
exit "$rc"
