#!/usr/bin/env bash
# Brings up a working local WG-AS network from a fresh clone: Kafka (KRaft, from Maven
# Central jars), one database per node with migrations, the three services for each
# member node, a demo webhook receiver per node, sample organisations, and a sample
# report whose alert you can watch arrive. Safe to run again: it reuses what is running.
#
#   bash scripts/start-network.sh            # nodes th, my and sg
#   NODES="th my" bash scripts/start-network.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

NODES="${NODES:-th my sg}"
RUN="$ROOT/run/network"
mkdir -p "$RUN/logs" "$RUN/pids"

ensure_node_modules
ensure_postgres
use_service_node_options
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

say "node keys and peer registries (federation)"
node -r ./tools/register.js tools/demo/federation-setup.ts "$RUN" $NODES >"$RUN/node-keys.txt"

i=0
for node in $NODES; do
  base=$((3000 + i * 100)); sink=$((4100 + i * 100)); i=$((i + 1))
  say "node $node: intake :$base, normaliser :$((base + 1)), fan-out :$((base + 2)), exchange :$((base + 3)); telco sink :$sink, bank sink :$((sink + 50))"
  start_process "$node-sink" env SINK_PORT="$sink" SINK_NAME="$node-telco" \
    node -r ./tools/register.js tools/demo/webhook-sink.ts
  start_process "$node-bank-sink" env SINK_PORT="$((sink + 50))" SINK_NAME="$node-bank" WEBHOOK_SECRET= \
    SINK_SECRET_FILE="$RUN/$node.bank-subscription.json" \
    node -r ./tools/register.js tools/demo/webhook-sink.ts
  common=(env NODE_ID="$node" KAFKA_BROKERS="$KAFKA_BROKERS" DATABASE_URL="$DATABASE_URL")
  NODE_ID="$node" node -r ./tools/register.js tools/demo/seed-organisations.ts >"$RUN/$node.keys"
  chmod 600 "$RUN/$node.keys"
  start_process "$node-intake" "${common[@]}" HTTP_PORT="$base" node -r ./tools/register.js apps/intake/src/main.ts
  start_process "$node-normaliser" "${common[@]}" HTTP_PORT="$((base + 1))" node -r ./tools/register.js apps/normaliser/src/main.ts
  start_process "$node-fanout" "${common[@]}" HTTP_PORT="$((base + 2))" WEBHOOK_URL="http://127.0.0.1:$sink/alerts" \
    WEBHOOK_ALLOWED_HOSTS=127.0.0.1 node -r ./tools/register.js apps/fanout/src/main.ts
  key_id="$(awk -v n="$node" '$1 == n {print $2}' "$RUN/node-keys.txt")"
  start_process "$node-exchange" "${common[@]}" HTTP_PORT="$((base + 3))" NODE_KEY_FILE="$RUN/keys/$node.pem" \
    NODE_KEY_ID="$key_id" PEER_REGISTRY_FILE="$RUN/$node.peers.json" node -r ./tools/register.js apps/exchange/src/main.ts
done

i=0
for node in $NODES; do
  base=$((3000 + i * 100)); sink=$((4100 + i * 100)); i=$((i + 1))
  wait_http "http://127.0.0.1:$base/health/ready" "$node-intake"
  wait_http "http://127.0.0.1:$((base + 1))/health/ready" "$node-normaliser"
  wait_http "http://127.0.0.1:$((base + 2))/health/ready" "$node-fanout"
  wait_http "http://127.0.0.1:$((base + 3))/health/ready" "$node-exchange"
  # The demo bank subscribes to its node's alerts (fan-out learns its key from intake).
  BANK_KEY="$(grep '^BANK_KEY=' "$RUN/$node.keys" | cut -d= -f2-)"
  for _ in $(seq 1 60); do
    code="$(curl -s -o "$RUN/$node.bank-subscription.json" -w '%{http_code}' -X POST "http://127.0.0.1:$((base + 2))/v1/subscriptions" \
      -H "authorization: Bearer $BANK_KEY" -H 'content-type: application/json' \
      -d "{\"channel\":\"webhook\",\"webhookUrl\":\"http://127.0.0.1:$((sink + 50))/alerts\",\"name\":\"demo bank\"}")"
    [ "$code" = 201 ] && break
    sleep 0.5
  done
  [ "$code" = 201 ] || { echo "could not subscribe $node's demo bank (HTTP $code)" >&2; exit 1; }
  chmod 600 "$RUN/$node.bank-subscription.json"
done

first="$(echo "$NODES" | awk '{print $1}')"
AGENCY_KEY="$(grep '^AGENCY_KEY=' "$RUN/$first.keys" | cut -d= -f2-)"
say "sending a sample report to node $first"
curl -fsS -X POST "http://127.0.0.1:3000/v1/reports" \
  -H "authorization: Bearer $AGENCY_KEY" -H 'content-type: application/json' \
  -d '{"typology":"impersonation","tlp":"GREEN","channel":"phone_call","narrative":"Caller posed as a bank officer","indicators":[{"value":"081-234-5678","type":"phone"},{"value":"KBANK 123-4-56789-0","type":"bank_account"},{"value":"https://kbank-secure-login.example/verify?utm_source=sms"}]}'
echo

wait_alert() { # sink log, pattern, description
  for _ in $(seq 1 120); do
    if grep -q "$2" "$RUN/logs/$1.log" 2>/dev/null; then grep "$2" "$RUN/logs/$1.log" | tail -1; return 0; fi
    sleep 0.5
  done
  echo "no alert at $3 yet; see $RUN/logs" >&2
  return 1
}
say "alerts (the sample is Thai: the home telco, then other members' telcos and banks via the exchange)"
wait_alert "$first-sink" "received block phone" "$first's telco"
for node in $NODES; do
  [ "$node" = "$first" ] && continue
  wait_alert "$node-sink" "received block phone +66812345678" "$node's telco"
  wait_alert "$node-bank-sink" "received block bank_account TH:004:1234567890" "$node's bank"
done

cat <<INFO

The network is up.
  Nodes:            $NODES  (node n: intake :3n00, normaliser :3n01, fan-out :3n02, exchange :3n03; n = 0, 1, ...)
  Kafka:            $KAFKA_BROKERS   (topics <node>.reports.v1, <node>.indicators.v1, ...)
  Postgres:         $DATABASE_URL   (databases wgas_<node>, schemas intake/normaliser/fanout)
  API keys:         $RUN/<node>.keys (agency, operator, telco, bank); node keys and peer registries in $RUN/keys, $RUN/<node>.peers.json
  Alerts arrive at: $RUN/logs/<node>-sink.log (telco), $RUN/logs/<node>-bank-sink.log (bank)
  Service logs:     $RUN/logs/
  Health, metrics:  http://127.0.0.1:3000/health/ready  http://127.0.0.1:3001/metrics
  Stop:             npm run stop:network

Send another report:
  curl -X POST http://127.0.0.1:3000/v1/reports -H "authorization: Bearer \$(grep AGENCY_KEY $RUN/$first.keys | cut -d= -f2-)" \\
    -H 'content-type: application/json' -d '{"typology":"investment","tlp":"GREEN","indicators":[{"value":"+66 89 999 0000"}]}'
INFO
