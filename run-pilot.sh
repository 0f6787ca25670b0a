#!/usr/bin/env bash
# Starts the Bansos pilot on this machine: RabbitMQ, the payout service and the registry behind the
# gateway (the only door: services listen on loopback, verify the gateway's ES256 tokens), loaded
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
# NIK, KK, names, keys and the admin token live here: the folder and everything in it are the
# user's alone (0700/0600), also what an older pilot left, and whatever is written from here on.
chmod 700 data && chmod -R go-rwx data
umask 077
# [gateway] Services listen on loopback only and verify tokens with the gateway's public keys (no shared secret).
gateway_http=8080
gateway_https=8443
export Bansos__Ports__Address=127.0.0.1
export Bansos__Auth__JwksUri="http://127.0.0.1:$gateway_http/.well-known/jwks.json"
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
# Complaint before the registry too: it projects the households (and opens tickets from payout declines).
start complaint services/Complaint/bin/Release/net10.0/Bansos.Complaint.dll 5203 5103
start registry services/Registry/bin/Release/net10.0/Bansos.Registry.dll 5201 5101

# [gateway] The gateway in front: TLS on :$gateway_https (REST, agents' gRPC with mutual TLS), cleartext REST on loopback :$gateway_http.
echo "[pilot] starting gateway (HTTPS :$gateway_https, HTTP 127.0.0.1:$gateway_http)"
Bansos__Gateway__HttpPort=$gateway_http Bansos__Gateway__HttpsPort=$gateway_https \
  dotnet gateway/Bansos.Gateway/bin/Release/net10.0/Bansos.Gateway.dll >data/gateway.log 2>&1 &
pids+=($!)
for _ in $(seq 1 120); do
  curl -fs "http://127.0.0.1:$gateway_http/healthz" >/dev/null 2>&1 && break
  kill -0 "${pids[-1]}" 2>/dev/null || { echo "[pilot] gateway stopped; see data/gateway.log"; tail -20 data/gateway.log; exit 1; }
  sleep 0.5
done

# [gateway] At set-up the gateway writes the first admin's generated password to an owner-only file:
# print it once, sign in with it (the password goes to curl on stdin, never on a command line), delete the file.
password_file=data/gateway/initial-admin-password
for _ in $(seq 1 40); do [ -s "$password_file" ] && break; sleep 0.25; done
token=""
credentials="set at the first start (printed then); an admin can reset passwords: POST /api/v1/gateway/users/{name}/password"
if [ -s "$password_file" ]; then
  admin_user=$(sed -n 1p "$password_file"); admin_password=$(sed -n 2p "$password_file")
  token=$(printf '{"userName":"%s","password":"%s"}' "$admin_user" "$admin_password" |
    curl -fs -H 'Content-Type: application/json' --data-binary @- "http://127.0.0.1:$gateway_http/api/v1/auth/token" |
    grep -o '"accessToken": *"[^"]*"' | sed 's/.*"\([^"]*\)"$/\1/' || true)
  credentials="user $admin_user, password $admin_password  (shown once: note it now)"
  rm -f "$password_file"
  (umask 077; echo "$token" > data/admin-token)
fi
api="http://127.0.0.1:$gateway_http"
villages="(sign in to see them)"; periods="(sign in to see them)"

echo "[pilot] waiting for the pilot households"
for _ in $( [ -n "$token" ] && seq 1 120); do
  villages=$(curl -fs -H "Authorization: Bearer $token" $api/api/v1/registry/villages || true)
  total=$(echo "$villages" | grep -o '"householdCount": *[0-9]*' | grep -o '[0-9]*$' | awk '{s+=$1} END {print s+0}' || true)
  [ "${total:-0}" -ge 707 ] && break
  sleep 1
done

echo "[pilot] waiting for payout's entitlements"
for _ in $( [ -n "$token" ] && seq 1 120); do
  periods=$(curl -fs -H "Authorization: Bearer $token" $api/api/v1/payout/periods || true)
  entitled=$(echo "$periods" | grep -o '"entitlementCount": *[0-9]*' | grep -o '[0-9]*$' | awk '{s+=$1} END {print s+0}' || true)
  [ "${entitled:-0}" -ge 707 ] && break
  sleep 1
done

cat <<INFO

Bansos pilot is running.
  Gateway REST   $api/api/v1/{registry,payout,complaint,gateway}/...  (loopback, cleartext)
  Gateway TLS    https://$(hostname):$gateway_https  (REST; agents' gRPC with mutual TLS; CA: data/gateway/server-ca.crt)
  OpenAPI UI     $api/docs   (document: $api/openapi/v1.json)
  Admin          $credentials
  Admin token    $root/data/admin-token (15 minutes; sign in again: POST $api/api/v1/auth/token)
  Services       registry 127.0.0.1:5201 / :5101, payout 127.0.0.1:5202 / :5102, complaint 127.0.0.1:5203 / :5103 (loopback only, behind the gateway)
  RabbitMQ       amqp://guest:guest@127.0.0.1:5672/bansos-pilot  (virtual host of the pilot)
  Data and logs  $root/data

Villages served:
$villages

Aid periods:
$periods

Try:  curl -H "Authorization: Bearer \$(cat data/admin-token)" '$api/api/v1/registry/households?villageCode=17.03.12.2003&pageSize=5'
Ctrl+C stops everything.
INFO
wait
