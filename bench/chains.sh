#!/usr/bin/env bash
# How many filter + delay + pan chains (a noise through each) Methcla/J sustains below 80% RT load, in real time on
# this machine: the dummy driver at 48 kHz with 64-frame blocks, chains added in steps and searched as the looping
# play voices of bench/compare.sh are (the RT thread's share of a core from /proc; a step that reaches 80% is
# taken back and retried in quarter steps). Per chain: noise -> internal bus -> lowpass filter (2 kHz) -> bus ->
# delay (0.1 s, its own 6,000-frame AudioBuffer line) -> bus -> pan -> hardware outputs 0 and 1; every chain has
# buses of its own. Prints the search, the figure and the machine's load average before and after.
#
#   bench/chains.sh [--quick] [--parallel] [--no-delay] [--dsp-threads N] [--max N] [--port P]   (after mvn -B -DskipTests package)
#
#   --quick   larger steps and shorter windows: a smoke run of under a minute
#   --parallel  each chain a group of its own in a parallel group (/group/new … i:1), one node more per chain
#   --no-delay  noise -> filter -> pan: three isolated synths (the delay is not isolated, so a parallel
#             group's child with one stays on the RT thread)
#   --dsp-threads N  the engine's DSP threads (default 1); the load column stays the RT thread's share of a core,
#             "cores" adds up RT and the DSP helpers
#   --max N   search up to N chains (default 4000); the engine gets 3 N internal buses, N + 16 resources and
#             5 N + 16 nodes
#   --port P  the engine's UDP port (default $METHCLA_BENCH_PORT or 57412)
# Every wait is bounded; the engine it starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
quick=
parallel=
nodelay=
dsp=1
max=4000
port=${METHCLA_BENCH_PORT:-57412}
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=--quick; shift ;;
        --parallel) parallel=--parallel; shift ;;
        --no-delay) nodelay=--no-delay; shift ;;
        --dsp-threads) [ $# -ge 2 ] || usage; dsp=$2; shift 2 ;;
        --max) [ $# -ge 2 ] || usage; max=$2; shift 2 ;;
        --port) [ $# -ge 2 ] || usage; port=$2; shift 2 ;;
        *) usage ;;
    esac
done
[[ "$max" =~ ^[1-9][0-9]*$ ]] || { echo "chains: --max must be a positive number: $max" >&2; exit 2; }
[[ "$dsp" =~ ^[1-9][0-9]*$ ]] || { echo "chains: --dsp-threads must be a positive number: $dsp" >&2; exit 2; }

methcla=distribution/target/methcla/bin/methcla
[ -x "$methcla" ] && [ -f bench/harness/target/bench-harness.jar ] ||
    { echo "build first: mvn -B -DskipTests package" >&2; exit 2; }
work=$(mktemp -d "${TMPDIR:-/tmp}/methcla-chains.XXXXXX")
engine=
cleanup() {
    if [ -n "$engine" ] && kill -0 "$engine" 2>/dev/null; then
        kill -TERM "$engine" 2>/dev/null || true
        for _ in $(seq 100); do kill -0 "$engine" 2>/dev/null || break; sleep 0.1; done
        kill -KILL "$engine" 2>/dev/null || true
        wait "$engine" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

buses=$((3 * max))
echo "chains: $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "chains: engine on 127.0.0.1:$port (dummy driver, 48 kHz, 64-frame blocks, $buses internal buses, $dsp DSP" \
    "threads${parallel:+, chains in a parallel group})"
# the bus and resource counts are not command-line options: system properties, as conf/config.properties names them
JAVA_OPTS="${JAVA_OPTS:-} -Dmethcla.internalBuses=$buses -Dmethcla.maxResources=$((max + 16))" \
    "$methcla" --driver dummy --sample-rate 48000 --block-size 64 --port "$port" --bind 127.0.0.1 \
    --max-nodes $((5 * max + 16)) --dsp-threads "$dsp" >"$work/engine.log" 2>&1 </dev/null &
engine=$!
for _ in $(seq 600); do
    grep -q "methcla ready" "$work/engine.log" && break
    kill -0 "$engine" 2>/dev/null || break
    sleep 0.1
done
grep -q "methcla ready" "$work/engine.log" || { echo "chains: the engine did not start:" >&2; tail -n 15 "$work/engine.log" >&2; exit 1; }

timeout 240 bench/harness.sh chains --port "$port" --pid "$engine" --max "$max" --buses "$buses" $quick $parallel $nodelay
echo "chains: done $(date -u '+%H:%M UTC'), load average $(cut -d' ' -f1-3 /proc/loadavg)"
