#!/usr/bin/env bash
# Makes the gateway's JDK 25 AOT cache (JEP 483/515: classes loaded and linked, method profiles) with a short
# training run of bin/gateway on its default config: a local stand-in for Mistral on a free loopback port
# (scripts/AotTraining.java, JDK only), then a few seconds of chat, streamed chat, embeddings and FIM requests
# from 8 threads, and the other endpoints now and then, so that the cache holds what a working gateway loads and
# its hot methods' profiles (the JIT then compiles them sooner after a start). Nothing leaves the machine. Does
# nothing on a JDK without AOT caches (before 25); bin/gateway then starts without one.
# Usage: scripts/aot-train.sh [cache file, default app/target/gateway.aot]
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
CACHE="${1:-app/target/gateway.aot}"
if ! java -XX:AOTCacheOutput="$CACHE.probe" -version >/dev/null 2>&1; then
  echo "this JDK makes no AOT cache: the gateway starts without one" >&2
  exit 0
fi
rm -f "$CACHE.probe" "$CACHE"
LOG=$(mktemp)
UPSTREAM_LOG=$(mktemp)
java scripts/AotTraining.java upstream > "$UPSTREAM_LOG" 2>&1 &
UPSTREAM=$!
trap 'kill "$UPSTREAM" 2>/dev/null || true; rm -f "$LOG" "$UPSTREAM_LOG"' EXIT
# port_in LOG PATTERN PID: the port a process prints once it listens (empty if it dies first or takes 30 s)
port_in() {
  local port=""
  for _ in $(seq 600); do
    port=$(sed -n "s/.*$2 \([0-9]*\).*/\1/p" "$1" | head -n 1)
    [ -n "$port" ] && break
    kill -0 "$3" 2>/dev/null || break
    sleep 0.05
  done
  echo "$port"
}
UPSTREAM_PORT=$(port_in "$UPSTREAM_LOG" "port" "$UPSTREAM")
GATEWAY_AOT=/nonexistent GATEWAY_JAVA_OPTS="-XX:AOTCacheOutput=$CACHE" SERVER_HOST=127.0.0.1 SERVER_PORT=0 \
  MISTRAL_BASE_URL="http://127.0.0.1:${UPSTREAM_PORT:-9}" MISTRAL_API_KEY=training bin/gateway > "$LOG" 2>&1 &
PID=$!
PORT=$(port_in "$LOG" "gateway listening on port" "$PID")
if [ -n "$PORT" ] && [ -n "$UPSTREAM_PORT" ]; then
  java scripts/AotTraining.java load "http://127.0.0.1:$PORT" "${AOT_TRAINING_SECONDS:-6}" >&2 \
    || echo "warning: some training requests failed; the cache is made all the same" >&2
else
  echo "warning: the training run did not start; the cache holds the start only" >&2
fi
# The JVM writes the cache as it exits.
kill -TERM "$PID" 2>/dev/null || true
wait "$PID" || true
if [ -f "$CACHE" ]; then
  echo "AOT cache written: $CACHE" >&2
else
  echo "no AOT cache was written; the gateway starts without one. The training run said:" >&2
  tail -n 20 "$LOG" >&2
fi
