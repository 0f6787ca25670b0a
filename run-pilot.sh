#!/usr/bin/env bash
# Starts the Bansos pilot on this machine: RabbitMQ, the payout service and the registry, loaded
# with the 707 pilot households of Bengkulu Utara and an aid card each, an open SEMBAKO-2021-11
# period (Rp 200 000) and a distribution point with a terminal per village. Data lives in ./data
# (SQLite). Ctrl+C stops it.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

bash .ci/servers.sh
echo "[pilot] building (Release)"
dotnet build Bansos.sln -c Release -nologo -v q -clp:ErrorsOnly

# The pilot's messages live in their own RabbitMQ virtual host. A fresh data folder gets a fresh
# one too, so no event of an earlier pilot (other household ids) reaches the new databases.
if [ ! -d data ]; then
  rabbitmqctl -q delete_vhost bansos-pilot >/dev/null 2>&1 || true
fi
rabbitmqctl -q list_vhosts | grep -qx bansos-pilot || rabbitmqctl -q add_vhost bansos-pilot
rabbitmqctl -q set_permissions -p bansos-pilot guest '.*' '.*' '.*'
export Bansos__RabbitMq__VirtualHost=bansos-pilot

mkdir -p data
# The services validate tokens signed with this key; in production the gateway holds it.
[ -s data/signing-key ] || (umask 077; head -c 32 /dev/urandom | base64 > data/signing-key)
export Bansos__Auth__SigningKey; Bansos__Auth__SigningKey=$(cat data/signing-key)
export Bansos__DataDir="$root/data"
export Bansos__Pilot__Seed=true
export DOTNET_NOLOGO=1
# glibc gives each thread that mallocs its own arena and keeps what they free: SQLite and the
# RabbitMQ client, called from many pool threads, otherwise grow a service by a few hundred MB.
export MALLOC_ARENA_MAX=2

pids=()
cleanup() { for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

start() { # name dll http-port grpc-port
  echo "[pilot] starting $1 (REST :$3, gRPC :$4)"
  Bansos__Ports__Http=$3 Bansos__Ports__Grpc=$4 \
    dotnet "$2" >"data/$1.log" 2>&1 &
  pids+=($!)
  for _ in $(seq 1 120); do
    curl -fs "http://127.0.0.1:$3/readyz" >/dev/null 2>&1 && return 0
    kill -0 "${pids[-1]}" 2>/dev/null || { echo "[pilot] $1 stopped; see data/$1.log"; tail -20 "data/$1.log"; exit 1; }
    sleep 0.5
  done
  echo "[pilot] $1 did not become ready; see data/$1.log"; exit 1
}

# Payout first, so its terminals and period exist when the households arrive; the order no longer
# matters for the events themselves: the registry declares payout's queues before publishing (docs/decisions.md D42).
start payout services/Payout/bin/Release/net10.0/Bansos.Payout.dll 5202 5102
start registry services/Registry/bin/Release/net10.0/Bansos.Registry.dll 5201 5101

# An admin token for trying the REST facade (HS256, one hour), until the gateway issues real ones.
b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }
now=$(date +%s)
header=$(printf '{"alg":"HS256","typ":"JWT"}' | b64url)
payload=$(printf '{"sub":"pilot-admin","name":"Pilot admin","role":"admin","iss":"bansos-gateway","aud":"bansos","iat":%d,"nbf":%d,"exp":%d}' "$now" "$now" $((now+3600)) | b64url)
key_hex=$(base64 -d data/signing-key | od -An -tx1 | tr -d ' \n')
sig=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -mac HMAC -macopt "hexkey:$key_hex" -binary | b64url)
token="$header.$payload.$sig"
echo "$token" > data/admin-token

echo "[pilot] waiting for the pilot households"
for _ in $(seq 1 120); do
  villages=$(curl -fs -H "Authorization: Bearer $token" http://127.0.0.1:5201/api/v1/registry/villages || true)
  total=$(echo "$villages" | grep -o '"householdCount": *[0-9]*' | grep -o '[0-9]*$' | awk '{s+=$1} END {print s+0}' || true)
  [ "${total:-0}" -ge 707 ] && break
  sleep 1
done

echo "[pilot] waiting for payout's entitlements"
for _ in $(seq 1 120); do
  periods=$(curl -fs -H "Authorization: Bearer $token" http://127.0.0.1:5202/api/v1/payout/periods || true)
  entitled=$(echo "$periods" | grep -o '"entitlementCount": *[0-9]*' | grep -o '[0-9]*$' | awk '{s+=$1} END {print s+0}' || true)
  [ "${entitled:-0}" -ge 707 ] && break
  sleep 1
done

cat <<INFO

Bansos pilot is running.
  Registry REST  http://127.0.0.1:5201/api/v1/registry/...   (health: /healthz, /readyz)
  Registry gRPC  http://127.0.0.1:5101  (h2c; services bansos.registry.v1.*)
  Payout REST    http://127.0.0.1:5202/api/v1/payout/...
  Payout gRPC    http://127.0.0.1:5102  (h2c; services bansos.payout.v1.*)
  RabbitMQ       amqp://guest:guest@127.0.0.1:5672/bansos-pilot  (virtual host of the pilot)
  Data and logs  $root/data
  Admin token    $root/data/admin-token (valid one hour)

Villages served:
$villages

Aid periods:
$periods

Try:  curl -H "Authorization: Bearer \$(cat data/admin-token)" 'http://127.0.0.1:5201/api/v1/registry/households?villageCode=17.03.12.2003&pageSize=5'
Ctrl+C stops everything.
INFO
wait
