#!/usr/bin/env bash
# The sampler's figures, measured on the built distribution (mvn -B -DskipTests package first): looping play
# voices (1 channel, cubic interpolation) sustained below 80% RT load, the offline real-time factor with 1,000
# of them for 60 s, and the RT thread's allocation with 500 play synths and a record synth (SamplerAllocationIT).
# Loopback only; every step is bounded (the voices search ends by itself within 3 minutes, and is killed at 4).
# The voices' load is measured from /proc as bench/compare.sh measures it (the RT thread's CPU time per block).
# Usage: bench/sampler.sh [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."
port=${1:-57197}
dist=distribution/target/methcla
methcla=$dist/bin/methcla
[ -x "$methcla" ] && [ -f bench/harness/target/bench-harness.jar ] ||
    { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
bench=(bench/harness.sh)
work=$(mktemp -d)
engine=
cleanup() {
    if [ -n "$engine" ] && kill -0 "$engine" 2>/dev/null; then
        kill "$engine" 2>/dev/null || true
        wait "$engine" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

echo "== play voices below 80% RT load (dummy driver, 48 kHz, 64-frame blocks)"
"$methcla" --driver dummy --port "$port" --max-nodes 16384 > "$work/engine.log" 2>&1 &
engine=$!
for _ in $(seq 100); do grep -q "methcla ready" "$work/engine.log" && break; sleep 0.1; done
grep -q "methcla ready" "$work/engine.log" || { cat "$work/engine.log" >&2; exit 1; }
timeout 240 "${bench[@]}" voices "$port" 16000 "$engine"
"$methcla" osc 127.0.0.1 "$port" /quit > /dev/null
wait "$engine" || true
engine=

echo "== offline render: 1,000 looping play voices for 60 s"
"${bench[@]}" voice-score "$work/voices.osc" 1000 60
timeout 300 "$methcla" render "$work/voices.osc" "$work/voices.wav" | grep "methcla rendered"

echo "== RT thread allocation: 500 play synths and a record synth (SamplerAllocationIT, Felix, dummy driver)"
mvn -B -o -q verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=SamplerAllocationIT \
    -Dfailsafe.failIfNoSpecifiedTests=false | grep "RT allocation"
