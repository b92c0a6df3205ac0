#!/usr/bin/env bash
# Stops everything start-network.sh started (services, sinks, Kafka). Data is kept;
# `--purge` also deletes the Kafka data and the node databases.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
RUN="$ROOT/run/network"
for pidfile in "$RUN"/pids/*.pid; do
  [ -f "$pidfile" ] || continue
  pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || true
  rm -f "$pidfile"
done
KAFKA_INSTANCE=network bash deploy/kafka-local/kafka-local.sh stop
if [ "${1:-}" = "--purge" ]; then
  KAFKA_INSTANCE=network bash deploy/kafka-local/kafka-local.sh reset
  for node in ${NODES:-th my sg}; do
    psql "$DATABASE_URL/postgres" -qc "DROP DATABASE IF EXISTS wgas_$node WITH (FORCE)" 2>/dev/null || true
  done
  rm -rf "$RUN"
fi
say "network stopped"
