#!/usr/bin/env bash
# A headless, real-time "sound card" for the javasound tests: JACK's dummy (timer-driven) backend, and the
# ALSA jack plugin as ALSA's default PCM through a scratch $HOME/.asoundrc. See
# /work/shared/docs/toolchain-notes.md §6 (JACK dummy: write() blocks at ~1.0x real time).
#
#   headless-audio.sh install     install jackd2 and libasound2-plugins, and python3 for the docs' Python
#                                 client (needs root and apt-get; otherwise says that the javasound tests
#                                 will be skipped, and exits 0)
#   headless-audio.sh start DIR   start jackd (log DIR/jackd.log, pid DIR/jackd.pid), write DIR/.asoundrc;
#                                 a JVM run with HOME=DIR then sees JACK as ALSA's default device
#   headless-audio.sh stop DIR    stop that jackd and wait for it
#
# Idempotent: install skips what is there, start reuses a live jackd of DIR, stop of a stopped one is a
# no-op. Never touches /etc/asound.conf or the real ~/.asoundrc. The JACK server is named by
# $JACK_DEFAULT_SERVER ("default" when unset), as for every JACK client: give start, stop and the JVM the same
# value to keep a test's server apart from any other one on the machine.
set -euo pipefail

PACKAGES=(jackd2 libasound2-plugins python3)
RATE=48000
PERIOD=256
START_TIMEOUT_S=10
STOP_TIMEOUT_S=10

say() { printf 'headless-audio: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }
usage() { sed -n '5,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

installed() {
    # jackd itself, and the ALSA jack plugin with its pcm.jack definition (system:playback_1/2)
    command -v jackd >/dev/null 2>&1 || return 1
    command -v python3 >/dev/null 2>&1 || return 1
    [ -e /etc/alsa/conf.d/50-jack.conf ] || [ -e /usr/share/alsa/alsa.conf.d/50-jack.conf ] || return 1
    compgen -G '/usr/lib/*/alsa-lib/libasound_module_pcm_jack.so' >/dev/null
}

cmd_install() {
    if installed; then
        say "jackd2, libasound2-plugins and python3 are installed"
        return 0
    fi
    local skip="the javasound tests will be skipped"
    if ! command -v apt-get >/dev/null 2>&1; then
        say "no apt-get to install ${PACKAGES[*]}: $skip"
        return 0
    fi
    if [ "$(id -u)" != 0 ]; then
        say "not root, cannot install ${PACKAGES[*]}: $skip"
        return 0
    fi
    export DEBIAN_FRONTEND=noninteractive
    # wait for a dpkg lock held by someone else instead of failing at once
    local apt=(apt-get install -y -q --no-install-recommends -o DPkg::Lock::Timeout=120
        -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${PACKAGES[@]}")
    # the package lists may be missing or stale: update once when a package is not known
    if ! apt-cache show "${PACKAGES[@]}" >/dev/null 2>&1; then
        apt-get update -q -o DPkg::Lock::Timeout=120 >/dev/null 2>&1 || true
    fi
    local log
    log=$(mktemp "${TMPDIR:-/tmp}/headless-audio-install.XXXXXX")
    if ! "${apt[@]}" >"$log" 2>&1; then
        # maybe the lists are stale (a 404 on a superseded version): update and try once more
        apt-get update -q -o DPkg::Lock::Timeout=120 >/dev/null 2>&1 || true
        if ! "${apt[@]}" >"$log" 2>&1; then
            say "apt-get install ${PACKAGES[*]} failed (last lines below): $skip"
            tail -n 5 "$log" >&2 || true
            rm -f "$log"
            return 0
        fi
    fi
    rm -f "$log"
    if installed; then
        say "installed ${PACKAGES[*]}"
    else
        say "${PACKAGES[*]} installed, but jackd or the ALSA jack plugin is missing: $skip"
    fi
    return 0
}

# process PID exists and is not a zombie (an unreaped jackd whose parent is gone counts as ended)
alive() {
    local state
    kill -0 "$1" 2>/dev/null || return 1
    state=$(sed -n 's/^State:[[:space:]]*\([A-Z]\).*/\1/p' "/proc/$1/status" 2>/dev/null) || return 1
    [ "$state" != Z ]
}

# pid of DIR's jackd if it is alive (and is a jackd), else nothing
live_pid() {
    local dir=$1 pid
    [ -f "$dir/jackd.pid" ] || return 1
    pid=$(cat "$dir/jackd.pid" 2>/dev/null) || return 1
    [[ "$pid" =~ ^[0-9]+$ ]] || return 1
    alive "$pid" || return 1
    case "$(cat "/proc/$pid/comm" 2>/dev/null)" in
        jackd*) printf '%s\n' "$pid" ;;
        *) return 1 ;;
    esac
}

# a JACK server of this name ($JACK_DEFAULT_SERVER, else "default") answers ("running", or "not running")
jack_running() {
    JACK_NO_START_SERVER=1 timeout 5 jack_wait --check 2>/dev/null | grep -qx 'running'
}

# the JACK server of DIR answers (jack_wait ships with jackd2); without jack_wait: the backend started
server_up() {
    local dir=$1
    if command -v jack_wait >/dev/null 2>&1; then
        jack_running
    else
        grep -q 'JackDriver: start' "$dir/jackd.log" 2>/dev/null
    fi
}

# JACK keeps at most 8 server names in /dev/shm/jack-shm-registry and reclaims an entry only for a server of the
# same name: servers killed before they could unregister (tests give each a name of its own) fill it until jackd
# refuses to start ("Too many servers already active"). With no jackd alive, every entry is stale: remove it.
# Under a lock, so a start running beside this one cannot lose the registry it just made.
clear_stale_registry() {
    local registry=/dev/shm/jack-shm-registry
    [ -e "$registry" ] || return 0
    exec 9>"${TMPDIR:-/tmp}/methcla-headless-audio.lock"
    flock -w 30 9 || return 0
    if ! pgrep -x jackd >/dev/null 2>&1 && ! pgrep -x jackdbus >/dev/null 2>&1; then
        rm -f "$registry" 2>/dev/null && say "removed JACK's stale server registry (no jackd was running)"
    fi
}

cmd_start() {
    local dir=${1:-}
    [ -n "$dir" ] || usage
    command -v jackd >/dev/null 2>&1 || die "no jackd on the PATH (run: $0 install)"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    # ALSA's default PCM -> the jack plugin (pcm.jack: /etc/alsa/conf.d/50-jack.conf, system:playback_1/2)
    cat >"$dir/.asoundrc" <<'CONF'
pcm.!default {
    type plug
    slave.pcm "jack"
}
CONF
    local pid
    if pid=$(live_pid "$dir"); then
        say "jackd already running (pid $pid, $dir)"
        return 0
    fi
    clear_stale_registry
    # one JACK server per machine (the "default" server name): refuse to start a second one
    if command -v jack_wait >/dev/null 2>&1 && jack_running; then
        die "another JACK server is already running (not started by $dir); stop it first"
    fi
    # dummy backend: a timer-driven 48 kHz card with 2 in / 2 out; no realtime scheduling (no rtprio here);
    # clients (the ALSA plugin) must not start a server of their own
    export JACK_NO_START_SERVER=1 JACK_NO_AUDIO_RESERVATION=1
    setsid jackd --no-realtime -d dummy -r "$RATE" -p "$PERIOD" -P 2 -C 2 \
        >"$dir/jackd.log" 2>&1 </dev/null 9>&- &
    pid=$!
    echo "$pid" >"$dir/jackd.pid"
    local deadline=$((SECONDS + START_TIMEOUT_S))
    while ((SECONDS < deadline)); do
        if ! alive "$pid"; then
            rm -f "$dir/jackd.pid"
            tail -n 20 "$dir/jackd.log" >&2 || true
            die "jackd exited at start (log: $dir/jackd.log)"
        fi
        if server_up "$dir"; then
            say "jackd running (pid $pid, dummy ${RATE} Hz, period $PERIOD; HOME=$dir for ALSA)"
            return 0
        fi
        sleep 0.2
    done
    kill "$pid" 2>/dev/null || true
    rm -f "$dir/jackd.pid"
    tail -n 20 "$dir/jackd.log" >&2 || true
    die "jackd did not come up within ${START_TIMEOUT_S} s (log: $dir/jackd.log)"
}

cmd_stop() {
    local dir=${1:-}
    [ -n "$dir" ] || usage
    local pid
    if ! pid=$(live_pid "$dir"); then
        rm -f "$dir/jackd.pid"
        say "jackd not running ($dir)"
        return 0
    fi
    kill -TERM "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + STOP_TIMEOUT_S))
    while alive "$pid" && ((SECONDS < deadline)); do
        sleep 0.1
    done
    if alive "$pid"; then
        say "jackd (pid $pid) did not stop within ${STOP_TIMEOUT_S} s: killing it"
        kill -KILL "$pid" 2>/dev/null || true
        while alive "$pid"; do sleep 0.1; done
    fi
    rm -f "$dir/jackd.pid"
    # semaphores of clients that outlived the server (the server's name is free now: they are stale)
    rm -f "/dev/shm/jack_sem.$(id -u)_${JACK_DEFAULT_SERVER:-default}_"* 2>/dev/null || true
    say "jackd stopped (pid $pid)"
}

case "${1:-}" in
    install) cmd_install ;;
    start) cmd_start "${2:-}" ;;
    stop) cmd_stop "${2:-}" ;;
    *) usage ;;
esac
