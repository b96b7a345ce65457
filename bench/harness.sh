#!/usr/bin/env bash
# Runs the bench harness (bench/harness, built by mvn -B -DskipTests package): bench/harness.sh COMMAND ...
# Without a command it lists them (sync, resource, control, voices, chains, coldstart, sine-score, voice-score, and
# the steps of bench/compare.sh).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
target=$root/bench/harness/target
[ -f "$target/bench-harness.jar" ] || { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
# Round trips are timed on a client that compiles with C1 only: with C2, the client's own compilations during the
# measured rounds put 0.5-1 ms into its p99 (same engine, same minute: 1.06-1.50 ms against 0.33-0.42 ms; a Python
# client 0.33-0.36 ms; docs/notes/2026-12-06-round-trip-client.md). Throughput steps keep C2: C1 code sends fewer.
jit=()
case "${1:-}" in round-trips | sync | resource) jit=(-XX:TieredStopAtLevel=1) ;; esac
exec java "${jit[@]}" -cp "$target/bench-harness.jar:$target/lib/*" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    la.methc.bench.Main "$@"
