#!/usr/bin/env bash
# The foundation's figures, measured on the built distribution (mvn -B -DskipTests package first):
# cold start, /sync round trip, /resource/new → /resource/ready round trip (an AudioBuffer), offline
# real-time factor with 1,000 sines, and the RT thread's allocation.
# Loopback only; every loop is bounded. Usage: bench/foundation.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-57199}
dist=distribution/target/methcla
methcla=$dist/bin/methcla
[ -x "$methcla" ] && [ -f bench/harness/target/bench-harness.jar ] ||
    { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
bench=(bench/harness.sh)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== cold start (3 runs)"
for _ in 1 2 3; do "${bench[@]}" coldstart "$dist" "$port"; done

echo "== /sync round trip"
"$methcla" --driver dummy --port "$port" > "$work/engine.log" 2>&1 &
engine=$!
for _ in $(seq 100); do grep -q "methcla ready" "$work/engine.log" && break; sleep 0.1; done
"${bench[@]}" sync "$port" 3000
echo "== /resource/new -> /resource/ready and /resource/free -> /resource/destroyed round trips (AudioBuffer, 1 x 48,000)"
"${bench[@]}" resource "$port" 2000
"$methcla" osc 127.0.0.1 "$port" /status -- /quit
wait "$engine" || true

echo "== offline render: 1,000 sines for 60 s"
"${bench[@]}" sine-score "$work/sines.osc" 1000 60
"$methcla" render "$work/sines.osc" "$work/sines.wav" | grep "methcla rendered"

echo "== RT thread allocation"
mvn -B -o -q -pl engine-bundle -am test -Dtest=RtAllocationTest -Dsurefire.failIfNoSpecifiedTests=false \
    | grep "RT allocation"
