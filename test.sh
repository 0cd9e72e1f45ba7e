#!/usr/bin/env bash
# Builds every module and runs the whole test suite (unit, end-to-end, architecture).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/jdk.sh
exec ./mvnw -B verify "$@"
