#!/usr/bin/env bash
# Builds every module and runs the whole test suite (unit, end-to-end, real client SDKs, architecture).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
# The official OpenAI and Mistral npm SDKs the client tests drive, at the versions pinned in the lock file.
if [ ! -d clients/node/node_modules ] || [ clients/node/package-lock.json -nt clients/node/node_modules ]; then
  (cd clients/node && npm ci --no-audit --no-fund)
fi
exec ./mvnw -B verify "$@"
