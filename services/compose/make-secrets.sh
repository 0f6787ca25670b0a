#!/usr/bin/env bash
# Writes the secrets docker-compose.yml mounts, with fresh random passwords, into ./secrets at the
# repository root: a 0700 folder (no other user of the host can read in it); the files are 0644 so
# the containers' unprivileged users can read their mounted copy. Keeps existing files: the
# PostgreSQL password is fixed into the database volume at its first start, so run this once per
# installation and back ./secrets up with the volumes. Passwords are never printed or passed as arguments.
set -euo pipefail
dir="$(cd "$(dirname "$0")/../.." && pwd)/secrets"
mkdir -p "$dir" && chmod 700 "$dir"
umask 022

put() { # name, content on stdin; an existing file is kept
  if [ -e "$dir/$1" ]; then echo "kept    secrets/$1"; cat >/dev/null; return; fi
  cat >"$dir/$1.tmp" && mv "$dir/$1.tmp" "$dir/$1" && echo "written secrets/$1"
}
random() { od -An -N24 -tx1 /dev/urandom | tr -d ' \n'; }   # 48 hex digits: nothing to escape in a URI or a connection string

[ -e "$dir/postgres-password" ] || random | put postgres-password
[ -e "$dir/rabbitmq-password" ] || random | put rabbitmq-password
pg="$(cat "$dir/postgres-password")"
mq="$(cat "$dir/rabbitmq-password")"

printf 'default_user = bansos\ndefault_pass = %s\n' "$mq" | put rabbitmq.conf
printf 'amqp://bansos:%s@rabbitmq:5672/' "$mq" | put rabbitmq-uri
for db in registry complaint gateway; do
  printf 'Host=postgres;Database=%s;Username=bansos;Password=%s' "$db" "$pg" | put "$db-db"
done
printf 'Host=postgres;Database=payout;Username=bansos;Password=%s;Max Auto Prepare=20' "$pg" | put payout-db
