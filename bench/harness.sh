#!/usr/bin/env bash
# Runs the bench harness (bench/harness, built by mvn -B -DskipTests package): bench/harness.sh COMMAND ...
# Without a command it lists them (sync, resource, control, voices, chains, coldstart, sine-score, voice-score, and
# the steps of bench/compare.sh).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=$root/bench/harness/target
[ -f "$target/bench-harness.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
exec java -cp "$target/bench-harness.jar:$target/lib/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    la.methc.bench.Main "$@"
