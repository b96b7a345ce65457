#!/usr/bin/env bash
# Methcla/J side by side with SuperCollider's scsynth and supernova, on this machine, in one run: all at 48 kHz with
# 64-frame blocks on UDP loopback (127.0.0.1), measured one after the other by the same client (bench/harness),
# then Methcla/J's and scsynth's offline renderers. Prints a Markdown table, writes it to bench/results/latest.md.
#
#   bench/compare.sh [--quick] [--engine-only] [--flood-only] [--realtime]
#
#   --quick        fewer samples, shorter searches, 2 s dropout windows and 10 s renders; supernova: its voices
#                  alone: a smoke run of about 4 minutes
#   --engine-only  measure Methcla/J alone (also what happens when scsynth cannot be installed)
#   --flood-only   only the flood figure (queries over TCP: one bundle of 1,000, 6,000, 20,000; answers/s)
#   --realtime     every server's block threads at real-time priority (SCHED_FIFO), as a live server runs: jackd
#                  --realtime --realtime-priority 10 (it gives scsynth's and supernova's process threads SCHED_FIFO),
#                  Methcla/J --rt-priority 10 (its RT and DSP threads); needs root or an rtprio limit
#
# Methcla/J runs on 1 DSP thread (RT alone); METHCLA_THREADS_ARGS="--dsp-threads 2" measures its voices and
# dropout figure once more, started with those options (rows "… with N DSP threads"). Builds what is missing (mvn -B -DskipTests package). Installs
# supercollider-server, supercollider-supernova and jackd2 from Debian when they are missing and it runs as root
# with apt-get. scsynth and supernova each run on a JACK server of their own (dummy backend, jackd --no-realtime
# (--realtime: see above) -d dummy -r 48000 -p 64, named methcla-bench-PID and methcla-bench-nova-PID so that they
# meet no other JACK server); supernova with -T set to the cores and its voices in a parallel group (/p_new).
# Ports: $METHCLA_BENCH_PORT (57410), $SCSYNTH_BENCH_PORT (57411), $SUPERNOVA_BENCH_PORT (57412), UDP and TCP (the
# flood figure runs over TCP; scsynth is started with both -u and -t). Every wait is bounded; every process it
# starts is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,24p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 2; }
say() { printf 'compare: %s\n' "$*" >&2; }

quick=
engine_only=false
flood_only=false
realtime=false
for arg in "$@"; do
    case "$arg" in
        --quick) quick=--quick ;;
        --engine-only) engine_only=true ;;
        --flood-only) flood_only=true ;;
        --realtime) realtime=true ;;
        *) usage ;;
    esac
done

port_ours=${METHCLA_BENCH_PORT:-57410}
port_sc=${SCSYNTH_BENCH_PORT:-57411}
port_nova=${SUPERNOVA_BENCH_PORT:-57412}
threads_args=${METHCLA_THREADS_ARGS:-}
methcla=distribution/target/methcla/bin/methcla
harness=bench/harness/target
results=bench/results
if [ -n "$quick" ]; then seconds=10; online_limit=300; else seconds=60; online_limit=900; fi
work=$(mktemp -d "${TMPDIR:-/tmp}/methcla-compare.XXXXXX")
pids=()

# stops PID: TERM, up to 10 s, then KILL
stop() {
    local pid=$1
    kill -0 "$pid" 2>/dev/null || return 0
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    local k
    for ((k = ${#pids[@]} - 1; k >= 0; k--)); do stop "${pids[$k]}"; done
    rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# waits up to $2 s for the text $3 in the log $1 while process $4 lives
await_log() {
    local log=$1 limit=$2 text=$3 pid=$4 k
    for ((k = 0; k < limit * 10; k++)); do
        grep -q "$text" "$log" 2>/dev/null && return 0
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    say "no '$text' within $limit s; last lines of $log:"
    tail -n 15 "$log" >&2 || true
    return 1
}

bench=(bench/harness.sh)
loadavg=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)

# ------------------------------------------------------------------ what is needed
if [ ! -x "$methcla" ] || [ ! -f "$harness/bench-harness.jar" ]; then
    say "building (mvn -B -DskipTests package)"
    mvn -B -q -DskipTests package
fi

# installs the Debian packages $2... unless the commands $1 (space-separated) are all there
install_debian() {
    local commands=$1 c missing=false
    shift
    for c in $commands; do command -v "$c" >/dev/null 2>&1 || missing=true; done
    [ "$missing" = true ] || return 0
    local packages=("$@")
    if ! command -v apt-get >/dev/null 2>&1; then say "no apt-get to install ${packages[*]}"; return 1; fi
    if [ "$(id -u)" != 0 ]; then say "not root, cannot install ${packages[*]}"; return 1; fi
    say "installing ${packages[*]}"
    export DEBIAN_FRONTEND=noninteractive
    local apt=(apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120 "${packages[@]}")
    if ! timeout 600 "${apt[@]}" >"$work/apt.log" 2>&1; then
        # the package lists may be missing or stale: update once and try again
        timeout 300 apt-get update -q -o DPkg::Lock::Timeout=120 >/dev/null 2>&1 || true
        if ! timeout 600 "${apt[@]}" >"$work/apt.log" 2>&1; then
            say "apt-get install ${packages[*]} failed:"; tail -n 5 "$work/apt.log" >&2; return 1
        fi
    fi
    for c in $commands; do command -v "$c" >/dev/null 2>&1 || return 1; done
}
nova=false
if [ "$engine_only" = false ] && ! install_debian "scsynth jackd" supercollider-server jackd2; then
    say "scsynth is not available: measuring Methcla/J alone"
    engine_only=true
fi
if [ "$engine_only" = false ] && [ "$flood_only" = false ]; then
    if install_debian supernova supercollider-supernova; then nova=true; else say "supernova is not available"; fi
fi

# starts jackd (dummy backend) as JACK server $1, with the server options $2..., waits until it runs; its pid in
# $jack, its log $work/$1.log
start_jackd() {
    local name=$1
    shift
    export JACK_DEFAULT_SERVER="$name" JACK_NO_START_SERVER=1 JACK_NO_AUDIO_RESERVATION=1
    jackd "$@" "${jack_priority[@]}" -d dummy -r 48000 -p 64 >"$work/$name.log" 2>&1 </dev/null &
    jack=$!
    pids+=("$jack")
    local up=false
    for _ in $(seq 100); do
        if timeout 5 jack_wait --check 2>/dev/null | grep -qx running; then up=true; break; fi
        kill -0 "$jack" 2>/dev/null || break
        sleep 0.1
    done
    [ "$up" = true ] || { say "jackd did not start:"; tail -n 15 "$work/$name.log" >&2; exit 1; }
}

# the same scheduling for every server: normal, or real-time priority for the threads that compute blocks
if [ "$realtime" = true ]; then
    jack_priority=(--realtime --realtime-priority 10)
    ours_priority=(--rt-priority 10)
    say "real-time priority: jackd ${jack_priority[*]}, Methcla/J ${ours_priority[*]}"
else
    jack_priority=(--no-realtime)
    ours_priority=()
fi

# ------------------------------------------------------------------ Methcla/J
say "Methcla/J: starting on 127.0.0.1:$port_ours (dummy driver, 48 kHz, 64-frame blocks, 1 DSP thread)"
# the one-thread baseline (DSP threads default to the cores); METHCLA_THREADS_ARGS measures more threads below
"$methcla" --driver dummy --sample-rate 48000 --block-size 64 --port "$port_ours" --bind 127.0.0.1 \
    --max-nodes 32768 --dsp-threads 1 "${ours_priority[@]}" >"$work/methcla.log" 2>&1 </dev/null &
ours=$!
pids+=("$ours")
await_log "$work/methcla.log" 60 "methcla ready" "$ours"
if [ "$flood_only" = false ]; then
    timeout "$online_limit" "${bench[@]}" round-trips --server methcla --port "$port_ours" $quick \
        --out "$work/methcla.tsv"
    timeout "$online_limit" "${bench[@]}" online --server methcla --port "$port_ours" $quick --pid "$ours" \
        --out "$work/methcla.tsv"
fi
# the flood last: a server that loses replies under it may be left in a state no other figure should meet.
# A flood that fails leaves its rows n/a and the run goes on.
timeout 300 "${bench[@]}" flood --server methcla --port "$port_ours" $quick --out "$work/methcla.tsv" ||
    say "Methcla/J: the flood figure failed (status $?)"
stop "$ours"

# ------------------------------------------------------------------ Methcla/J with N DSP threads
if [ -n "$threads_args" ] && [ "$flood_only" = false ]; then
    say "Methcla/J: starting again with $threads_args"
    # shellcheck disable=SC2086 # the options are words
    "$methcla" --driver dummy --sample-rate 48000 --block-size 64 --port "$port_ours" --bind 127.0.0.1 \
        --max-nodes 32768 "${ours_priority[@]}" $threads_args >"$work/methcla-threads.log" 2>&1 </dev/null &
    ours=$!
    pids+=("$ours")
    await_log "$work/methcla-threads.log" 60 "methcla ready" "$ours"
    timeout "$online_limit" "${bench[@]}" voices-dropout --server methcla --port "$port_ours" $quick --pid "$ours" \
        --suffix .threads --label "$threads_args" --out "$work/methcla.tsv"
    stop "$ours"
fi

# ------------------------------------------------------------------ scsynth
if [ "$engine_only" = false ]; then
    say "scsynth: starting jackd (server methcla-bench-$$, dummy backend) and scsynth on 127.0.0.1:$port_sc"
    start_jackd "methcla-bench-$$"
    # -D 0: no synthdefs from disk (the harness sends its own); -R 0: no Zeroconf; -t: TCP too, for the flood
    scsynth -u "$port_sc" -t "$port_sc" -B 127.0.0.1 -S 48000 -Z 64 -z 64 -i 0 -o 2 -R 0 -D 0 -m 262144 \
        -n 32768 >"$work/scsynth.log" 2>&1 </dev/null &
    sc=$!
    pids+=("$sc")
    await_log "$work/scsynth.log" 30 "server ready" "$sc"
    if [ "$flood_only" = false ]; then
        timeout "$online_limit" "${bench[@]}" round-trips --server scsynth --port "$port_sc" $quick \
            --jack-log "$work/methcla-bench-$$.log" --scsynth-log "$work/scsynth.log" --out "$work/scsynth.tsv"
        timeout "$online_limit" "${bench[@]}" online --server scsynth --port "$port_sc" $quick --pid "$sc" \
            --jack-log "$work/methcla-bench-$$.log" --scsynth-log "$work/scsynth.log" --out "$work/scsynth.tsv"
    fi
    timeout 300 "${bench[@]}" flood --server scsynth --port "$port_sc" $quick --out "$work/scsynth.tsv" \
        --jack-log "$work/methcla-bench-$$.log" --scsynth-log "$work/scsynth.log" ||
        say "scsynth: the flood figure failed (status $?)"
    stop "$sc"
    stop "$jack"
fi

# ------------------------------------------------------------------ supernova
if [ "$nova" = true ]; then
    cores=$(nproc)
    say "supernova: starting jackd (server methcla-bench-nova-$$) and supernova -T $cores on 127.0.0.1:$port_nova"
    # -t 10000: a client timeout of 10 s instead of 0.5 s; on a busy machine supernova's process callback, whose
    # helper threads spin while they wait for work, can miss 0.5 s, and jackd then drops it as a zombie, after which
    # supernova computes and answers nothing (seen at 4,400 voices under a load average of 7)
    start_jackd "methcla-bench-nova-$$" -t 10000
    supernova -u "$port_nova" -B 127.0.0.1 -S 48000 -Z 64 -z 64 -i 0 -o 2 -R 0 -D 0 -m 262144 -n 32768 \
        -T "$cores" >"$work/supernova.log" 2>&1 </dev/null &
    sn=$!
    pids+=("$sn")
    await_log "$work/supernova.log" 30 "Supernova ready" "$sn"
    # the quick run keeps to its voices; the full run measures its round trips and control rate too
    step=online
    if [ -n "$quick" ]; then
        step=voices-dropout
    else
        timeout "$online_limit" "${bench[@]}" round-trips --server supernova --port "$port_nova" \
            --supernova "$(command -v supernova)" --jack-log "$work/methcla-bench-nova-$$.log" \
            --scsynth-log "$work/supernova.log" --out "$work/supernova.tsv" ||
            say "supernova: the round trips failed (status $?)"
    fi
    timeout "$online_limit" "${bench[@]}" "$step" --server supernova --port "$port_nova" $quick --pid "$sn" \
        --supernova "$(command -v supernova)" --jack-log "$work/methcla-bench-nova-$$.log" \
        --scsynth-log "$work/supernova.log" --out "$work/supernova.tsv" ||
        say "supernova: the online figures failed (status $?)"
    stop "$sn"
    stop "$jack"
fi

# ------------------------------------------------------------------ offline renders (nothing else running)
# both renderers take turns render by render, so that a spell of noise on the machine weighs on both alike
if [ "$flood_only" = true ]; then
    : # no renders
elif [ "$engine_only" = false ]; then
    timeout 900 "${bench[@]}" offline --server both --methcla "$methcla" --scsynth "$(command -v scsynth)" \
        --work "$work" --seconds "$seconds" --out "$work/methcla.tsv" --theirs "$work/scsynth.tsv"
else
    timeout 900 "${bench[@]}" offline --server methcla --methcla "$methcla" --work "$work" --seconds "$seconds" \
        --out "$work/methcla.tsv"
fi

# ------------------------------------------------------------------ the table
mkdir -p "$results"
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
version=$( [ "$engine_only" = false ] && scsynth -v 2>/dev/null | head -n 1 || echo "scsynth not measured")
if [ "$nova" = true ]; then version="$version, $(supernova -v 2>/dev/null | head -n 1) with -T $(nproc)"; fi
if [ -n "$threads_args" ]; then version="$version; Methcla/J with N DSP threads: $threads_args"; fi
if [ "$realtime" = true ]; then
    version="$version; real-time priority (SCHED_FIFO): jackd ${jack_priority[*]}, Methcla/J ${ours_priority[*]}"
fi
flood_note=
if [ "$flood_only" = true ]; then flood_note="; the flood figure only"; fi
header="Side by side, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores ${cpu:+($cpu)}, load average at the start \
$loadavg; $version${quick:+; quick run (fewer samples)}${flood_note}"
"${bench[@]}" table --ours "$work/methcla.tsv" --theirs "$work/scsynth.tsv" --seconds "$seconds" \
    --supernova-figures "$work/supernova.tsv" --header "$header" --out "$results/latest.md"
say "written to $results/latest.md"
