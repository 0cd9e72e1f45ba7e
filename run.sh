#!/usr/bin/env bash
# Builds the gateway and runs it: on the embedded default config, or on the config file given as argument.
# Environment: MISTRAL_API_KEY, MISTRAL_BASE_URL (default https://api.mistral.ai), SERVER_PORT (default 8080).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
./mvnw -B -q -DskipTests package
exec java -jar app/target/gateway.jar "$@"
