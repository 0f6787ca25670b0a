#!/usr/bin/env bash
# Starts the Bansos pilot on this machine: RabbitMQ, the payout service and the registry behind the
# gateway (the only door: services listen on loopback, verify the gateway's ES256 tokens), loaded
# with the 707 pilot households of Bengkulu Utara and an aid card each, an open SEMBAKO-2021-11
# period (Rp 200 000) and a distribution point with a terminal per village; then personalises five
# virtual aid cards of Giri Kencana households (data/cards) and enrols one agent there (data/agent),
# once: a second start keeps what the first made. Data lives in ./data (SQLite). Ctrl+C stops it.
# No secret goes on a command line: tokens reach curl and the tools through owner-only files and
# standard input.
set -euo pipefail
cd "$(dirname "$0")"
root=$PWD

bash .ci/servers.sh
# The provisioning below reads the gateway's JSON answers with jq.
if ! command -v jq >/dev/null 2>&1; then
  echo "[pilot] installing jq"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -q --no-install-recommends jq >/dev/null
fi
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
# Later starts sign in again with the refresh token kept from then (a session lasts 8 hours).
api="http://127.0.0.1:$gateway_http"
auth_header=data/admin-auth            # "Authorization: Bearer …" for curl -H @file: the token never on a command line
keep_tokens() { # the token endpoint's JSON answer on stdin
  local answer token; answer=$(cat)
  token=$(jq -r '.accessToken // empty' <<<"$answer" 2>/dev/null || true)
  [ -n "$token" ] || return 1
  (umask 077
   echo "$token" > data/admin-token
   echo "Authorization: Bearer $token" > "$auth_header"
   jq -r '.refreshToken // empty' <<<"$answer" > data/admin-refresh-token)
}
password_file=data/gateway/initial-admin-password
rm -f data/admin-token "$auth_header"   # an earlier start's token has expired: written again below when signed in
for _ in $(seq 1 40); do [ -s "$password_file" ] && break; [ -s data/admin-refresh-token ] && break; sleep 0.25; done
token=""
credentials="set at the first start (printed then); an admin can reset passwords: POST /api/v1/gateway/users/{name}/password"
if [ -s "$password_file" ]; then
  admin_user=$(sed -n 1p "$password_file"); admin_password=$(sed -n 2p "$password_file")
  jq -Rn '[inputs] | {userName: .[0], password: .[1]}' <"$password_file" |   # the file on stdin: no password in argv
    curl -fs -H 'Content-Type: application/json' --data-binary @- "$api/api/v1/auth/token" | keep_tokens || true
  credentials="user $admin_user, password $admin_password  (shown once: note it now)"
  rm -f "$password_file"
elif [ -s data/admin-refresh-token ]; then
  jq -n --rawfile r data/admin-refresh-token '{refreshToken: ($r | rtrimstr("\n"))}' |
    curl -fs -H 'Content-Type: application/json' --data-binary @- "$api/api/v1/auth/refresh" | keep_tokens || true
fi
token=$(cat data/admin-token 2>/dev/null || true)   # keep_tokens ran at the end of a pipeline (a subshell)
api_get() { curl -fsS -H @"$auth_header" "$api$1"; }
api_post() { curl -fsS -H @"$auth_header" -H 'Content-Type: application/json' --data-binary '{}' "$api$1"; }
villages="(sign in to see them)"; periods="(sign in to see them)"; points="(sign in to see them)"

echo "[pilot] waiting for the pilot households"
for _ in $( [ -n "$token" ] && seq 1 120); do
  villages=$(api_get /api/v1/registry/villages || true)
  total=$(jq '[.villages[]?.householdCount // 0] | add // 0' <<<"$villages" 2>/dev/null || echo 0)
  [ "${total:-0}" -ge 707 ] && break
  sleep 1
done

echo "[pilot] waiting for payout's entitlements"
for _ in $( [ -n "$token" ] && seq 1 120); do
  periods=$(api_get /api/v1/payout/periods || true)
  entitled=$(jq '[.periods[]?.entitlementCount // 0 | tonumber] | add // 0' <<<"$periods" 2>/dev/null || echo 0)
  [ "${entitled:-0}" -ge 707 ] && break
  sleep 1
done

# The agent's posko and the households whose virtual cards are made: Giri Kencana.
agent_village=17.03.12.2003
agent_dir=data/agent
cards_dir=data/cards
cards_list=$cards_dir/cards.tsv        # card file, masked card number, holder, PIN (owner-only)
agent_dll=agent/Bansos.Agent/bin/Release/net10.0/bansos-agent.dll
vcard_dll=agent/Bansos.VirtualCard/bin/Release/net10.0/Bansos.VirtualCard.dll
pcsc_dll=agent/Bansos.PcSc/Tool/bin/Release/net10.0/bansos-pcsc.dll
gateway_tls="https://127.0.0.1:$gateway_https"
if [ -n "$token" ]; then
  points=$(api_get /api/v1/payout/points || true)
  periods=$(api_get /api/v1/payout/periods || true)
fi

# One agent, enrolled once at the Giri Kencana posko's terminal (payout's pilot seed made it): the
# admin asks the gateway for a one-time code, the agent trades it (standard input) for its certificate.
if [ ! -s "$agent_dir/terminal-cert.pem" ] && [ -n "$token" ]; then
  echo "[pilot] enrolling the agent at the Giri Kencana posko"
  point_name=$(jq -r --arg v "$agent_village" '[.points[] | select(.villageCode == $v)][0].name' <<<"$points")
  terminal_id=$(jq -r --arg v "$agent_village" '[.points[] | select(.villageCode == $v)][0].terminals[0].terminalId' <<<"$points")
  code=$(api_post "/api/v1/gateway/terminals/$terminal_id/enrolment-codes" | jq -r .code || true)
  mkdir -p "$agent_dir" && chmod 700 "$agent_dir"
  if printf '%s\n' "$code" | dotnet "$agent_dll" enroll --json --data "$agent_dir" --gateway "$gateway_tls" \
       --gateway-ca data/gateway/server-ca.crt --point "$point_name" >data/agent-enroll.log 2>&1; then
    # The virtual reader 0 is the agent's (agent.json), so starting it needs no options.
    jq '.reader = "Virtual PCD 00 00"' "$agent_dir/agent.json" >"$agent_dir/agent.json.tmp" && mv "$agent_dir/agent.json.tmp" "$agent_dir/agent.json"
  else
    echo "[pilot] the agent could not enrol; see data/agent-enroll.log"; cat data/agent-enroll.log
  fi
fi

# Five virtual aid cards of Giri Kencana households, made once, each the way a plastic card is:
# a blank card in the virtual reader 1, personalised by bansos-pcsc with its K_card from the payout
# service through the gateway (IssuerKeyService, admin token from a file), the card's record and PIN on standard input.
mkdir -p "$cards_dir" && chmod 700 "$cards_dir"
if [ ! -s "$cards_list" ] && [ -n "$token" ]; then
  echo "[pilot] personalising 5 virtual aid cards (data/cards)"
  households=$(api_get "/api/v1/registry/households?villageCode=$agent_village&pageSize=5" || true)
  i=0
  for id in $(jq -r '.households[]?.householdId' <<<"$households"); do
    i=$((i + 1))
    household=$(api_get "/api/v1/registry/households/$id")
    card=$(jq -r '[.cards[] | select(.status == "ACTIVE")][0].cardNumber' <<<"$household")
    holder=$(jq -r '[.members[] | select(.relation == "KEPALA")][0].name | ascii_upcase' <<<"$household")
    pin=$(od -An -N4 -tu4 /dev/urandom | awk '{printf "%06d", $1 % 1000000}')
    # The card's record on bansos-pcsc's stdin, built from the environment: a card number, a name and
    # a PIN in any process's arguments would be readable by every local user (ps, /proc/*/cmdline).
    record=$(CARD="$card" HOUSEHOLD="KPM-${agent_village//./}-$(printf %04d $i)" HOLDER="$holder" \
      EXPIRY="$(date -d '+2 years' +%y)1231" PIN="$pin" \
      jq -n '{cardNumber: env.CARD, householdReference: env.HOUSEHOLD, holderName: env.HOLDER, expiry: env.EXPIRY, pin: env.PIN}')
    file="$cards_dir/kpm-$i.json"
    dotnet "$vcard_dll" new --state "$file" --force >/dev/null
    dotnet "$vcard_dll" insert --reader 1 --state "$file" >"$cards_dir/insert.log" 2>&1 &
    inserted=$!; pids+=("$inserted")
    ok=""
    # The registry's CardIssued reaches payout a moment after the household: until then payout says "belum diterima".
    for _ in $(seq 1 30); do
      if printf '%s' "$record" | BANSOS_ADMIN_TOKEN_FILE=data/admin-token dotnet "$pcsc_dll" personalise --reader "Virtual PCD 00 01" --wait 20 \
           --from - --payout "$gateway_tls" --gateway-ca data/gateway/server-ca.crt >"$cards_dir/personalise.log" 2>&1; then
        ok=1; break
      fi
      grep -q "belum diterima" "$cards_dir/personalise.log" || break
      sleep 1
    done
    kill "$inserted" 2>/dev/null || true; wait "$inserted" 2>/dev/null || true
    if [ -n "$ok" ]; then
      printf '%s\t%s\t%s\t%s\n' "$file" "${card:0:6}******${card:12:4}" "$holder" "$pin" >>"$cards_list"
    else
      echo "[pilot] card $i not personalised; see $cards_dir/personalise.log"; tail -3 "$cards_dir/personalise.log"; rm -f "$file"
    fi
  done
  rm -f "$cards_dir/insert.log" "$cards_dir/personalise.log"
fi

if [ -s "$agent_dir/terminal-id" ]; then
  agent_line="terminal $(cat "$agent_dir/terminal-id") of $(jq -r '.point // "?"' "$agent_dir/agent.json"), data in $agent_dir"
else
  agent_line="not enrolled (sign in and start again, or: docs/agent.md, enroll)"
fi
if [ -s "$cards_list" ]; then
  cards=$(awk -F'\t' '{printf "  %-22s %s  %-28s PIN %s\n", $1, $2, $3, $4}' "$cards_list")
  first_card=$(head -1 "$cards_list" | cut -f1)
else
  cards="  (none yet)"; first_card="$cards_dir/kpm-1.json"
fi
pretty() { jq -r "$1" <<<"$2" 2>/dev/null || echo "$2"; }

cat <<INFO

Bansos pilot is running.
  Gateway REST   $api/api/v1/{registry,payout,complaint,gateway}/...  (loopback, cleartext)
  Gateway TLS    https://$(hostname):$gateway_https  (REST; agents' gRPC with mutual TLS; CA: data/gateway/server-ca.crt)
  OpenAPI UI     $api/docs   (document: $api/openapi/v1.json)
  Admin          $credentials
  Admin token    $root/data/admin-token (15 minutes; sign in again: POST $api/api/v1/auth/token; refreshed at the next start within 8 hours)
  Services       registry 127.0.0.1:5201 / :5101, payout 127.0.0.1:5202 / :5102, complaint 127.0.0.1:5203 / :5103 (loopback only, behind the gateway)
  RabbitMQ       amqp://guest:guest@127.0.0.1:5672/bansos-pilot  (virtual host of the pilot)
  Data and logs  $root/data

Villages served:
$(pretty '.villages[] | "  \(.code) \(.name): \(.householdCount) households"' "$villages")

Aid periods:
$(pretty '.periods[] | "  \(.code) (id \(.periodId)) \(.status): Rp \(.amountPerHousehold) per household, \(.entitlementCount) entitlements"' "$periods")

Distribution points and terminals:
$(pretty '.points[] | "  \(.name) (\(.villageCode)): point \(.pointId), terminals \([.terminals[].terminalId] | join(", "))"' "$points")

Agent            $agent_line
Virtual aid cards ($cards_dir, owner-only; PINs for the demonstration):
$cards

Pay a household: two commands, each in a terminal of its own (from $root):
  1. insert a card   dotnet $vcard_dll insert --reader 0 --state $first_card
  2. start the agent dotnet $agent_dll pay --data $agent_dir
  The agent shows the card, asks the amount (Enter: the whole balance) and the PIN; Ctrl+C in
  terminal 1 pulls the card out, Ctrl+C in terminal 2 stops the agent. Receipts: $agent_dir/receipts.

Try:  curl -H @data/admin-auth '$api/api/v1/registry/households?villageCode=17.03.12.2003&pageSize=5'
      (data/admin-auth holds the admin token's header; sign in again for a fresh one: POST $api/api/v1/auth/token)
Ctrl+C stops everything.
INFO
wait
