#!/usr/bin/env bash
# Brings up a working local WG-AS network from a fresh clone: Kafka (KRaft, from Maven
# Central jars), one database per node with migrations, the three services for each
# member node, a demo webhook receiver per node, sample organisations, and a sample
# report whose alert you can watch arrive. Safe to run again: it reuses what is running.
#
#   bash scripts/start-network.sh            # nodes th and my
#   NODES="th my sg" bash scripts/start-network.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

NODES="${NODES:-th my}"
RUN="$ROOT/run/network"
mkdir -p "$RUN/logs" "$RUN/pids"

ensure_node_modules
ensure_postgres
say "starting Kafka on 127.0.0.1:${KAFKA_PORT:-9092}"
KAFKA_INSTANCE=network bash deploy/kafka-local/kafka-local.sh start
export KAFKA_BROKERS="127.0.0.1:${KAFKA_PORT:-9092}"

# Secrets are generated once per checkout and never printed.
if [ ! -f "$RUN/secrets.env" ]; then
  umask 077
  {
    echo "CONSORTIUM_KEY=$(node -e "console.log(require('crypto').randomBytes(32).toString('base64url'))")"
    echo "WEBHOOK_SECRET=whsec_$(node -e "console.log(require('crypto').randomBytes(32).toString('base64'))")"
  } >"$RUN/secrets.env"
fi
set -a; source "$RUN/secrets.env"; set +a

start_process() { # name, command...
  local name="$1"; shift
  local pidfile="$RUN/pids/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then return 0; fi
  nohup "$@" >"$RUN/logs/$name.log" 2>&1 &
  echo $! >"$pidfile"
}

wait_http() { # url, name
  for _ in $(seq 1 120); do
    if curl -fsS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    sleep 0.5
  done
  echo "$2 did not become ready; see $RUN/logs/$2.log" >&2
  tail -n 20 "$RUN/logs/$2.log" >&2 || true
  exit 1
}

i=0
for node in $NODES; do
  base=$((3000 + i * 100)); sink=$((4100 + i * 100)); i=$((i + 1))
  say "node $node: intake :$base, normaliser :$((base + 1)), fan-out :$((base + 2)), telco webhook sink :$sink"
  start_process "$node-sink" env SINK_PORT="$sink" SINK_NAME="$node-telco" \
    node -r ./tools/register.js tools/demo/webhook-sink.ts
  common=(env NODE_ID="$node" KAFKA_BROKERS="$KAFKA_BROKERS" DATABASE_URL="$DATABASE_URL")
  NODE_ID="$node" node -r ./tools/register.js tools/demo/seed-organisations.ts >"$RUN/$node.keys"
  chmod 600 "$RUN/$node.keys"
  start_process "$node-intake" "${common[@]}" HTTP_PORT="$base" node -r ./tools/register.js apps/intake/src/main.ts
  start_process "$node-normaliser" "${common[@]}" HTTP_PORT="$((base + 1))" node -r ./tools/register.js apps/normaliser/src/main.ts
  start_process "$node-fanout" "${common[@]}" HTTP_PORT="$((base + 2))" WEBHOOK_URL="http://127.0.0.1:$sink/alerts" \
    node -r ./tools/register.js apps/fanout/src/main.ts
done

i=0
for node in $NODES; do
  base=$((3000 + i * 100)); i=$((i + 1))
  wait_http "http://127.0.0.1:$base/health/ready" "$node-intake"
  wait_http "http://127.0.0.1:$((base + 1))/health/ready" "$node-normaliser"
  wait_http "http://127.0.0.1:$((base + 2))/health/ready" "$node-fanout"
done

first="$(echo "$NODES" | awk '{print $1}')"
AGENCY_KEY="$(grep '^AGENCY_KEY=' "$RUN/$first.keys" | cut -d= -f2-)"
say "sending a sample report to node $first"
curl -fsS -X POST "http://127.0.0.1:3000/v1/reports" \
  -H "authorization: Bearer $AGENCY_KEY" -H 'content-type: application/json' \
  -d '{"typology":"impersonation","tlp":"GREEN","channel":"phone_call","narrative":"Caller posed as a bank officer","indicators":[{"value":"081-234-5678","type":"phone"},{"value":"https://kbank-secure-login.example/verify?utm_source=sms"}]}'
echo

say "waiting for the alert at $first's telco webhook"
for _ in $(seq 1 60); do
  if grep -q "received block phone" "$RUN/logs/$first-sink.log"; then break; fi
  sleep 0.5
done
grep "received" "$RUN/logs/$first-sink.log" || { echo "no alert arrived; see $RUN/logs" >&2; exit 1; }

cat <<INFO

The network is up.
  Nodes:            $NODES  (node n: intake :3n00, normaliser :3n01, fan-out :3n02; n = 0, 1, ...)
  Kafka:            $KAFKA_BROKERS   (topics <node>.reports.v1, <node>.indicators.v1, ...)
  Postgres:         $DATABASE_URL   (databases wgas_<node>, schemas intake/normaliser/fanout)
  API keys:         $RUN/<node>.keys (agency, operator, telco, bank)
  Alerts arrive at: $RUN/logs/<node>-sink.log   (tail -f it)
  Service logs:     $RUN/logs/
  Health, metrics:  http://127.0.0.1:3000/health/ready  http://127.0.0.1:3001/metrics
  Stop:             npm run stop:network

Send another report:
  curl -X POST http://127.0.0.1:3000/v1/reports -H "authorization: Bearer \$(grep AGENCY_KEY $RUN/$first.keys | cut -d= -f2-)" \\
    -H 'content-type: application/json' -d '{"typology":"investment","tlp":"GREEN","indicators":[{"value":"+66 89 999 0000"}]}'
INFO
