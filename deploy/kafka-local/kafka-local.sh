#!/usr/bin/env bash
# Runs a single-node Apache Kafka 4.x broker (KRaft, combined broker+controller) from the
# jars Maven fetches into ./lib. No Docker. Idempotent: `start` reuses the jars, the
# formatted storage and a broker that is already running.
#
#   kafka-local.sh fetch | start | stop | status | wait
#
# Environment (defaults in brackets):
#   KAFKA_INSTANCE [default]   name of this broker; state lives in run/<instance>/
#   KAFKA_PORT [9092]          client (PLAINTEXT) port on 127.0.0.1
#   KAFKA_CONTROLLER_PORT [KAFKA_PORT+1]
#   KAFKA_HEAP [768m]          JVM heap
#   KAFKA_WAIT_SECONDS [90]    how long `start`/`wait` waits for the broker to answer
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
instance="${KAFKA_INSTANCE:-default}"
port="${KAFKA_PORT:-9092}"
cport="${KAFKA_CONTROLLER_PORT:-$((port + 1))}"
heap="${KAFKA_HEAP:-768m}"
wait_s="${KAFKA_WAIT_SECONDS:-90}"
lib="$here/lib"
run="$here/run/$instance"
pidfile="$run/kafka.pid"
logfile="$run/kafka.log"
props="$run/server.properties"

log() { printf '[kafka-local:%s] %s\n' "$instance" "$*" >&2; }

fetch() {
  if [ -f "$lib/.complete" ]; then return 0; fi
  command -v mvn >/dev/null || { log "Maven (mvn) is required to fetch the Kafka jars"; exit 1; }
  command -v java >/dev/null || { log "Java 17+ is required to run Kafka"; exit 1; }
  log "fetching Apache Kafka jars from Maven Central into $lib"
  rm -rf "$lib"
  (cd "$here" && mvn -B -q package)
  touch "$lib/.complete"
}

kjava() { java -Xmx256m -Dlog4j2.configurationFile="$here/log4j2-tools.properties" -cp "$lib/*" "$@"; }

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; }

# A real metadata request (list topics) rather than a port check: the port opens before
# the broker has joined the KRaft quorum.
answers() {
  timeout 30 java -Xmx128m -Dlog4j2.configurationFile="$here/log4j2-tools.properties" -cp "$lib/*" \
    org.apache.kafka.tools.TopicCommand --bootstrap-server "127.0.0.1:$port" --list >/dev/null 2>&1
}

wait_ready() {
  local deadline=$((SECONDS + wait_s))
  until port_open && answers; do
    if ! running; then log "broker process exited; see $logfile"; tail -n 30 "$logfile" >&2 || true; exit 1; fi
    if [ $SECONDS -ge $deadline ]; then log "broker did not answer within ${wait_s}s; see $logfile"; exit 1; fi
    sleep 1
  done
}

write_config() {
  mkdir -p "$run/data"
  cat >"$props" <<PROPS
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$cport
listeners=PLAINTEXT://127.0.0.1:$port,CONTROLLER://127.0.0.1:$cport
advertised.listeners=PLAINTEXT://127.0.0.1:$port
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
log.dirs=$run/data
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=6
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
delete.topic.enable=true
log.retention.hours=168
PROPS
}

start() {
  fetch
  if running; then
    log "already running (pid $(cat "$pidfile")) on 127.0.0.1:$port"
    wait_ready
    return 0
  fi
  if port_open; then log "port $port is taken by another process"; exit 1; fi
  write_config
  if [ ! -f "$run/data/meta.properties" ]; then
    local cluster_id
    cluster_id="$(kjava kafka.tools.StorageTool random-uuid)"
    log "formatting KRaft storage (cluster $cluster_id)"
    kjava kafka.tools.StorageTool format -t "$cluster_id" -c "$props" --ignore-formatted >>"$logfile" 2>&1
  fi
  log "starting broker on 127.0.0.1:$port (log: $logfile)"
  nohup java -Xms"$heap" -Xmx"$heap" -XX:+UseG1GC -Djava.awt.headless=true \
    -Dkafka.logs.dir="$run" -Dlog4j2.configurationFile="$here/log4j2-broker.properties" \
    -cp "$lib/*" kafka.Kafka "$props" >>"$logfile" 2>&1 &
  echo $! >"$pidfile"
  wait_ready
  log "ready on 127.0.0.1:$port"
}

stop() {
  if ! running; then log "not running"; rm -f "$pidfile"; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  log "stopping pid $pid"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  fetch) fetch ;;
  start) start ;;
  stop) stop ;;
  wait) wait_ready ;;
  status) if running && answers; then echo "running pid $(cat "$pidfile") 127.0.0.1:$port"; else echo "stopped"; exit 3; fi ;;
  reset) stop; rm -rf "$run" ;;
  *) echo "usage: $0 fetch|start|stop|status|wait|reset" >&2; exit 2 ;;
esac
