#!/usr/bin/env bash
# Builds the gateway and runs it with its production JVM settings (bin/gateway): on the embedded default config, or
# on the config file given as argument. After a build, a short training run against a local stand-in for Mistral
# makes the JDK 25 AOT cache it starts from (scripts/aot-train.sh; skipped on an older JDK).
# Environment: MISTRAL_API_KEY, MISTRAL_BASE_URL (default https://api.mistral.ai), SERVER_PORT (default 8080),
# and bin/gateway's settings (GATEWAY_HEAP, GATEWAY_JAVA_OPTS).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
./mvnw -B -q -DskipTests package
if [ ! -f app/target/gateway.aot ] || [ app/target/gateway.jar -nt app/target/gateway.aot ]; then
  scripts/aot-train.sh app/target/gateway.aot
fi
exec bin/gateway "$@"
