#!/usr/bin/env bash
# Runs Kafka's MirrorMaker 2 (dedicated mode, from the same Maven-fetched jars) to copy
# the exchange topics of one member's cluster into another's. The identity replication
# policy keeps topic names unchanged, so `th.exchange.v1` on Thailand's cluster arrives
# as `th.exchange.v1` on Malaysia's and the nodes' code is the same as on one cluster.
#
#   MM2_NAME=th-to-my MM2_SOURCE=th=127.0.0.1:9092 MM2_TARGET=my=127.0.0.1:9192 \
#     mirror-maker.sh start|stop|status
#
# Environment:
#   MM2_NAME     name of this replication flow (state and log in run/mm2-<name>/)
#   MM2_SOURCE   <alias>=<bootstrap servers> of the cluster to copy from
#   MM2_TARGET   <alias>=<bootstrap servers> of the cluster to copy into
#   MM2_TOPICS   regex of topics to copy [.*\.exchange\.v1]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
name="${MM2_NAME:?set MM2_NAME}"
src_alias="${MM2_SOURCE%%=*}"; src_servers="${MM2_SOURCE#*=}"
dst_alias="${MM2_TARGET%%=*}"; dst_servers="${MM2_TARGET#*=}"
topics="${MM2_TOPICS:-.*\\.exchange\\.v1}"
run="$here/run/mm2-$name"
pidfile="$run/mm2.pid"

running() { [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; }

start() {
  bash "$here/kafka-local.sh" fetch
  if running; then echo "mm2 $name already running"; return 0; fi
  mkdir -p "$run"
  cat >"$run/mm2.properties" <<PROPS
clusters = $src_alias, $dst_alias
$src_alias.bootstrap.servers = $src_servers
$dst_alias.bootstrap.servers = $dst_servers
$src_alias->$dst_alias.enabled = true
$src_alias->$dst_alias.topics = $topics
$dst_alias->$src_alias.enabled = false
replication.policy.class = org.apache.kafka.connect.mirror.IdentityReplicationPolicy
replication.factor = 1
checkpoints.topic.replication.factor = 1
heartbeats.topic.replication.factor = 1
offset-syncs.topic.replication.factor = 1
offset.storage.replication.factor = 1
status.storage.replication.factor = 1
config.storage.replication.factor = 1
sync.topic.acls.enabled = false
sync.topic.configs.enabled = true
emit.checkpoints.enabled = false
refresh.topics.interval.seconds = 5
refresh.groups.enabled = false
PROPS
  nohup java -Xmx512m -Dlog4j2.configurationFile="$here/log4j2-broker.properties" -cp "$here/lib/*" \
    org.apache.kafka.connect.mirror.MirrorMaker "$run/mm2.properties" --clusters "$dst_alias" \
    >>"$run/mm2.log" 2>&1 &
  echo $! >"$pidfile"
  echo "mm2 $name started ($src_alias -> $dst_alias, topics $topics); log $run/mm2.log"
}

stop() {
  if ! running; then rm -f "$pidfile"; return 0; fi
  local pid; pid="$(cat "$pidfile")"
  kill "$pid" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$pid" 2>/dev/null || true
  rm -f "$pidfile"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) if running; then echo "running"; else echo "stopped"; exit 3; fi ;;
  *) echo "usage: $0 start|stop|status" >&2; exit 2 ;;
esac
