#!/usr/bin/env bash
# Checks the four images' build steps without a Docker engine: for each Dockerfile (registry,
# payout, complaint, gateway) it copies into an empty folder exactly what the Dockerfile COPYs from
# the repository, runs the Dockerfile's own `dotnet publish` line there (output to a folder instead
# of /app), then starts the four published hosts as the image would (`dotnet <dll>`, data in a
# folder of their own, SQLite, no broker) and checks each /readyz, and that the gateway's /readyz
# sees all three services ready. Then, if a compose client is present, validates docker-compose.yml.
#   services/compose/check-images.sh        (from anywhere; about 5-10 minutes on two cores)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d /tmp/bansos-images.XXXXXX)"
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
log() { echo "[images] $*"; }

# Publish one image's build stage: its COPY lines (not --from) and its RUN dotnet publish line, verbatim.
publish() {
  local dockerfile="$1" name="$2" context="$work/$2/src"
  mkdir -p "$context"
  while read -r _ line; do
    # shellcheck disable=SC2206
    local parts=($line) n
    n=${#parts[@]}
    local dest="${parts[$((n - 1))]}"
    for src in "${parts[@]:0:$((n - 1))}"; do
      mkdir -p "$context/$(dirname "${dest%/}")"
      if [ -d "$root/$src" ]; then
        mkdir -p "$context/$dest" && (cd "$root/$src" && tar --exclude=bin --exclude=obj --exclude=data -cf - .) | (cd "$context/$dest" && tar -xf -)
      else
        cp "$root/$src" "$context/${dest%/}/$(basename "$src")"
      fi
    done
  done < <(grep -E '^COPY ' "$dockerfile" | grep -v -- '--from=')
  local command
  command="$(sed -n 's/^RUN \(dotnet publish .*\)$/\1/p' "$dockerfile")"
  [ -n "$command" ] || { echo "no 'RUN dotnet publish' line in $dockerfile" >&2; return 1; }
  log "$name: $command"
  (cd "$context" && eval "${command/-o \/app/-o $work/$name/app}") >"$work/$name/publish.log" 2>&1 \
    || { tail -30 "$work/$name/publish.log" >&2; echo "publish of $name failed" >&2; return 1; }
  sed -n 's/^ENTRYPOINT \["dotnet", "\(.*\)"\]$/\1/p' "$dockerfile" >"$work/$name/entry"
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

wait_ready() { # name url
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$2" 2>/dev/null; then log "$1 ready ($2)"; return 0; fi
    sleep 1
  done
  echo "$1 not ready at $2; its log:" >&2; tail -30 "$work/$1/run.log" >&2; return 1
}

start() { # name, then environment assignments
  local name="$1"; shift
  mkdir -p "$work/$name/data"
  (cd "$work/$name/app" && exec env Bansos__DataDir="$work/$name/data" MALLOC_ARENA_MAX=2 "$@" dotnet "$(cat "$work/$name/entry")") \
    >"$work/$name/run.log" 2>&1 &
  pids+=($!)
}

publish "$root/services/Registry/Dockerfile" registry
publish "$root/services/Payout/Dockerfile" payout
publish "$root/services/Complaint/Dockerfile" complaint
publish "$root/gateway/Bansos.Gateway/Dockerfile" gateway

declare -A grpc http
for name in registry payout complaint; do grpc[$name]=$(free_port); http[$name]=$(free_port); done
gateway_http=$(free_port); gateway_https=$(free_port)
start gateway Bansos__Gateway__HttpPort="$gateway_http" Bansos__Gateway__HttpsPort="$gateway_https" \
  Bansos__Gateway__Services__registry__Http="http://127.0.0.1:${http[registry]}" Bansos__Gateway__Services__registry__Grpc="http://127.0.0.1:${grpc[registry]}" \
  Bansos__Gateway__Services__payout__Http="http://127.0.0.1:${http[payout]}" Bansos__Gateway__Services__payout__Grpc="http://127.0.0.1:${grpc[payout]}" \
  Bansos__Gateway__Services__complaint__Http="http://127.0.0.1:${http[complaint]}" Bansos__Gateway__Services__complaint__Grpc="http://127.0.0.1:${grpc[complaint]}"
wait_ready gateway "http://127.0.0.1:$gateway_http/healthz"
for name in payout complaint registry; do
  # No broker (a closed port): readiness does not depend on it, and nothing reaches a shared one.
  start "$name" Bansos__Ports__Address=127.0.0.1 Bansos__Ports__Grpc="${grpc[$name]}" Bansos__Ports__Http="${http[$name]}" \
    Bansos__Auth__JwksUri="http://127.0.0.1:$gateway_http/.well-known/jwks.json" ConnectionStrings__rabbitmq="amqp://guest:guest@127.0.0.1:1/"
done
for name in payout complaint registry; do wait_ready "$name" "http://127.0.0.1:${http[$name]}/readyz"; done
wait_ready gateway "http://127.0.0.1:$gateway_http/readyz"
log "the published hosts start: $(curl -fsS "http://127.0.0.1:$gateway_http/healthz")"

if docker compose version >/dev/null 2>&1; then
  (cd "$root" && docker compose config --quiet) && log "docker-compose.yml is valid (docker compose config)"
elif command -v docker-compose >/dev/null 2>&1; then
  # Compose v1 (Debian's docker-compose 1.29) predates the top-level 'name' key; everything else it checks.
  grep -v '^name:' "$root/docker-compose.yml" >"$work/compose-v1.yml"
  docker-compose -f "$work/compose-v1.yml" --project-directory "$root" config --quiet \
    && log "docker-compose.yml is valid (docker-compose $(docker-compose version --short) config, without the v2 'name' key)"
else
  log "no compose client here: docker-compose.yml not validated"
fi
