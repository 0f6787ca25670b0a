#!/usr/bin/env bash
# Installs (Debian packages) and starts what the system and its tests need, without systemd:
# RabbitMQ, PostgreSQL 15, pcscd with the vsmartcard virtual reader, chromium (headless UI test), tmux (terminal UI test). Safe to run again: what is
# installed is not reinstalled, what runs is not restarted.
set -euo pipefail

log() { echo "[servers] $*"; }
SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"

need_pkgs=()
command -v rabbitmq-server >/dev/null 2>&1 || need_pkgs+=(rabbitmq-server)
[ -x /usr/lib/postgresql/15/bin/postgres ] || need_pkgs+=(postgresql)
command -v pcscd >/dev/null 2>&1 || need_pkgs+=(pcscd)
dpkg -s vsmartcard-vpcd >/dev/null 2>&1 || need_pkgs+=(vsmartcard-vpcd)
dpkg -s libpcsclite1 >/dev/null 2>&1 || need_pkgs+=(libpcsclite1)
# The gateway's OpenAPI UI test opens the page in a real headless browser.
command -v chromium >/dev/null 2>&1 || need_pkgs+=(chromium)
# The end-to-end test drives the agent's terminal UI in a real terminal.
command -v tmux >/dev/null 2>&1 || need_pkgs+=(tmux)
if [ ${#need_pkgs[@]} -gt 0 ]; then
  log "installing ${need_pkgs[*]}"
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${need_pkgs[@]}" >/dev/null
fi

# RabbitMQ
if ! rabbitmq-diagnostics -q ping >/dev/null 2>&1; then
  log "starting rabbitmq"
  $SUDO rabbitmq-server -detached >/dev/null 2>&1 || true
  for _ in $(seq 1 60); do rabbitmq-diagnostics -q ping >/dev/null 2>&1 && break; sleep 1; done
  rabbitmq-diagnostics -q ping >/dev/null
fi
log "rabbitmq is up (amqp://guest@127.0.0.1:5672)"

# PostgreSQL: a 'bansos' superuser for tests and the pilot (loopback only).
if ! pg_lsclusters -h 2>/dev/null | grep -q '^15 *main'; then
  $SUDO pg_createcluster 15 main >/dev/null
fi
if ! pg_lsclusters -h | awk '$1==15 && $2=="main" {print $4}' | grep -q online; then
  log "starting postgresql"
  $SUDO pg_ctlcluster 15 main start
fi
for _ in $(seq 1 30); do su postgres -c "psql -qAtc 'select 1'" >/dev/null 2>&1 && break; sleep 1; done
su postgres -c "psql -qAtc \"select 1 from pg_roles where rolname='bansos'\"" | grep -q 1 \
  || echo "create role bansos login superuser password 'bansos'" | su postgres -c "psql -q" >/dev/null # the password on stdin, not in argv
log "postgresql is up (Host=127.0.0.1;Username=bansos;Password=bansos)"

# pcscd with vpcd: readers 'Virtual PCD 00 00' and '00 01' on TCP 35963/35964.
if ! pgrep -x pcscd >/dev/null 2>&1; then
  log "starting pcscd"
  $SUDO mkdir -p /run/pcscd
  (setsid pcscd --foreground >/tmp/pcscd.log 2>&1 &)
  for _ in $(seq 1 30); do
    (exec 3<>/dev/tcp/127.0.0.1/35963) 2>/dev/null && break; sleep 0.5
  done
fi
(exec 3<>/dev/tcp/127.0.0.1/35963) 2>/dev/null || { echo "vpcd is not listening on 35963" >&2; exit 1; }
log "pcscd is up with the virtual readers"
