#!/usr/bin/env bash
# Makes the gateway's JDK 25 AOT cache (JEP 483/515: classes loaded and linked, method profiles) with a short
# training run of bin/gateway: its start, then requests on every route of the embedded default config, whose
# upstream is a closed local port (so nothing leaves the machine and each request takes the error path after its
# parsing, routing and egress). Does nothing on a JDK without AOT caches (before 25); bin/gateway then starts
# without one. Usage: scripts/aot-train.sh [cache file, default app/target/gateway.aot]
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
trap 'rm -f "$LOG"' EXIT
GATEWAY_AOT=/nonexistent GATEWAY_JAVA_OPTS="-XX:AOTCacheOutput=$CACHE" SERVER_HOST=127.0.0.1 SERVER_PORT=0 \
  MISTRAL_BASE_URL=http://127.0.0.1:9 MISTRAL_API_KEY=training bin/gateway > "$LOG" 2>&1 &
PID=$!
PORT=""
for _ in $(seq 300); do
  PORT=$(sed -n 's/.*gateway listening on port \([0-9]*\).*/\1/p' "$LOG" | head -n 1)
  [ -n "$PORT" ] && break
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.05
done
if [ -n "$PORT" ] && command -v curl >/dev/null; then
  URL="http://127.0.0.1:$PORT"
  for _ in $(seq 20); do
    for path in /health/ready /metrics /v1/models; do curl -s -o /dev/null "$URL$path" || true; done
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d '{"model":"mistral-small-latest","messages":[{"role":"user","content":"Hello"}],"max_tokens":8}' \
      "$URL/v1/chat/completions" || true
    curl -s -o /dev/null -H 'Content-Type: application/json' \
      -d '{"model":"mistral-small-latest","stream":true,"messages":[{"role":"user","content":"Hello"}]}' \
      "$URL/v1/chat/completions" || true
    curl -s -o /dev/null -H 'Content-Type: application/json' -d '{"model":"mistral-embed","input":["Hello"]}' \
      "$URL/v1/embeddings" || true
  done
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
