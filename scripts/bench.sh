#!/usr/bin/env bash
# Runs every bench/*.bench.ts in turn against a Kafka of its own and local Postgres, then
# renders docs/benchmarks.md from bench/results/*.json. Bounded: each script limits its
# own load; the whole run is meant to stay under 15 minutes on 2 cores.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"
ensure_node_modules
ensure_postgres
use_service_node_options

export KAFKA_INSTANCE=bench KAFKA_PORT="${BENCH_KAFKA_PORT:-19792}"
bash deploy/kafka-local/kafka-local.sh reset >/dev/null 2>&1 || true
bash deploy/kafka-local/kafka-local.sh start
export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
trap 'bash "$ROOT/deploy/kafka-local/kafka-local.sh" reset >/dev/null 2>&1 || true' EXIT

scripts=("$@")
if [ ${#scripts[@]} -eq 0 ]; then
  # Ceilings first, so every later figure has its baseline from the same run.
  scripts=(bench/baseline-kafka.bench.ts bench/baseline-postgres.bench.ts)
  for f in bench/*.bench.ts; do
    case "$f" in bench/baseline-*) ;; *) scripts+=("$f") ;; esac
  done
fi
for s in "${scripts[@]}"; do
  say "running $s"
  start=$SECONDS
  node -r ./tools/register.js "$s"
  say "$s took $((SECONDS - start)) s"
done
node -r ./tools/register.js bench/render-benchmarks.ts
