#!/usr/bin/env bash
# The whole test suite from a fresh clone: installs what it needs, starts a test Kafka
# broker from Maven-fetched jars, checks types, lint and formatting, and runs every
# unit, integration and end-to-end test against the real Kafka and Postgres.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

ensure_node_modules
ensure_postgres

export KAFKA_INSTANCE=test KAFKA_PORT="${TEST_KAFKA_PORT:-19092}"
started_kafka=0
if [ -z "${KAFKA_BROKERS:-}" ]; then
  say "starting test Kafka on 127.0.0.1:$KAFKA_PORT"
  bash deploy/kafka-local/kafka-local.sh reset >/dev/null 2>&1 || true
  bash deploy/kafka-local/kafka-local.sh start
  started_kafka=1
  export KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
fi
cleanup() { [ "$started_kafka" = 1 ] && bash "$ROOT/deploy/kafka-local/kafka-local.sh" stop >/dev/null 2>&1 || true; }
trap cleanup EXIT

say "type-checking"
npx tsc -p tsconfig.json --noEmit
say "linting (module boundaries from the Nx project graph)"
export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
npx nx show projects >/dev/null
npx eslint . --max-warnings=0
say "checking formatting"
npx prettier --check . --log-level warn

say "running tests (Kafka $KAFKA_BROKERS, Postgres $DATABASE_URL)"
npx jest --ci --maxWorkers=2 "$@"
