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
[ -x "$methcla" ] || { echo "build the distribution first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "== cold start (3 runs)"
for _ in 1 2 3; do java bench/Bench.java coldstart "$dist" "$port"; done

echo "== /sync round trip"
"$methcla" --driver dummy --port "$port" > "$work/engine.log" 2>&1 &
engine=$!
for _ in $(seq 100); do grep -q "methcla ready" "$work/engine.log" && break; sleep 0.1; done
java bench/Bench.java sync 127.0.0.1 "$port" 3000
echo "== /resource/new -> /resource/ready round trip (AudioBuffer, 1 channel, 48,000 frames)"
java bench/Bench.java resource 127.0.0.1 "$port" 2000
"$methcla" osc 127.0.0.1 "$port" /status -- /quit
wait "$engine" || true

echo "== offline render: 1,000 sines for 60 s"
java bench/Bench.java score "$work/sines.osc" 1000 60
"$methcla" render "$work/sines.osc" "$work/sines.wav" | grep "methcla rendered"

echo "== RT thread allocation"
mvn -B -o -q -pl engine-bundle -am test -Dtest=RtAllocationTest -Dsurefire.failIfNoSpecifiedTests=false \
    | grep "RT allocation"
