#!/usr/bin/env bash
# The soak, on demand (not in CI): the built distribution on the dummy driver, driven for MINUTES minutes (default
# 10) by la.methc.bench.soak.Soak from 2 UDP and 2 TCP clients, 1,000 lifecycles a minute each (AudioBuffer made,
# played, freed, destroyed; groups with a sine and a done-after synth). Every minute: /status at a quiescent
# point, the server's heap after a full GC (jcmd, jstat), RSS and threads (/proc). Prints a per-minute table and
# PASS, or FAIL and exit 1 (growth of heap or threads from the first third of the minutes to the last, anything
# left in the engine at a quiescent point, an unexpected /error, a lost reply, an ERROR in the engine's log).
# Loopback only; bounded (the load generator is killed 5 minutes after its time).
# Usage: bench/soak.sh [MINUTES] [PORT]   (SOAK_ARGS: more options for Soak, e.g. "--rate 2000 --udp 4")
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-10}
port=${2:-57198}
dist=distribution/target/methcla
methcla=$dist/bin/methcla
harness=bench/harness/target/bench-harness.jar
if [ ! -x "$methcla" ] || [ ! -f "$harness" ]; then
    echo "== building the distribution and the harness: mvn -B -o -DskipTests package"
    mvn -B -o -q -DskipTests package
fi
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

echo "== engine: $methcla --driver dummy --port $port (log in $work/engine.log while it runs)"
"$methcla" --driver dummy --port "$port" > "$work/engine.log" 2>&1 &
engine=$!
for _ in $(seq 300); do grep -q "methcla ready" "$work/engine.log" && break; sleep 0.1; done
grep -q "methcla ready" "$work/engine.log" || { cat "$work/engine.log" >&2; exit 1; }

status=0
timeout $((minutes * 60 + 300)) java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    -cp "$harness:bench/harness/target/lib/*" la.methc.bench.soak.Soak \
    --port "$port" --pid "$engine" --minutes "$minutes" ${SOAK_ARGS:-} || status=$?

"$methcla" osc 127.0.0.1 "$port" /quit > /dev/null || true
for _ in $(seq 100); do kill -0 "$engine" 2>/dev/null || break; sleep 0.1; done
wait "$engine" 2>/dev/null || true
engine=
errors=$(grep -c "ERROR" "$work/engine.log" || true)
warnings=$(grep -c "WARN" "$work/engine.log" || true)
echo "== engine log: $errors ERROR lines, $warnings WARN lines"
if [ "$errors" -gt 0 ]; then
    grep "ERROR" "$work/engine.log" | head -5
    echo "soak: FAIL: the engine logged errors"
    status=1
fi
exit "$status"
