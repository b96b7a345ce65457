#!/usr/bin/env bash
# JMH micro-benchmarks of the engine's hot paths: block processing per voice and for the whole engine with
# 1/100/1,000 voices, the queue hand-offs (network -> RT, RT -> notifier, notifier -> worker), OSC decode and
# encode, and a /node/set from the dispatcher to the synth. See bench/jmh/src/main/java/la/methc/bench/jmh/.
#
# Usage: bench/jmh.sh [--no-build] [JMH options...]
#   bench/jmh.sh                          everything, bounded (about 4 minutes)
#   bench/jmh.sh -prof gc                 ... with gc.alloc.rate.norm (bytes per op, all threads)
#   bench/jmh.sh 'EngineBlock' -p voices=1000 -prof gc
#   bench/jmh.sh -l                       list the benchmarks;  bench/jmh.sh -h  JMH's options
# Defaults, each replaced when given: -f 1 -wi 3 -w 1s -i 5 -r 1s, results also in
# bench/jmh/target/jmh-result.json (-rf json -rff ...). --no-build reuses bench/jmh/target/benchmarks.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=bench/jmh/target/benchmarks.jar

if [ "${1:-}" = "--no-build" ]; then
    shift
else
    # the reactor builds the engine and plugins this checkout holds (never ~/.m2 snapshots); tests run in mvn verify
    mvn -B -q -o -pl bench/jmh -am package -DskipTests || {
        echo "build failed; if JMH is not in ~/.m2 yet, run once online: mvn -B -pl bench/jmh -am package -DskipTests" >&2
        exit 1
    }
fi
[ -f "$jar" ] || { echo "no $jar: run without --no-build" >&2; exit 2; }

defaults=(-f 1 -wi 3 -w 1s -i 5 -r 1s -rf json -rff bench/jmh/target/jmh-result.json)
options=()
for ((k = 0; k < ${#defaults[@]}; k += 2)); do
    given=false
    for a in "$@"; do
        [ "$a" = "${defaults[k]}" ] && given=true
    done
    $given || options+=("${defaults[k]}" "${defaults[k + 1]}")
done
exec java -jar "$jar" "${options[@]}" "$@"
