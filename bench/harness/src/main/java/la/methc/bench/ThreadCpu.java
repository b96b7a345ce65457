package la.methc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A server's block load measured from outside, the same way for every server: the mean CPU time its busiest
 * thread spends per block, as a fraction of the block period. The thread's CPU time comes from
 * /proc/PID/task/TID/schedstat (nanoseconds), its blocks from its voluntary context switches (it sleeps once
 * after each block: Methcla/J's {@code methcla-rt} parks until the next block, scsynth's JACK process thread
 * waits for the next cycle). Blocks a server skipped (a JACK client that was not finished misses cycles) thus
 * do not make it look idle, and a busy machine's wake-up delays are not counted as load. The servers' own
 * figures are not comparable: scsynth reports JACK's DSP load, built from the slowest of every 32 cycles and
 * including wake-up latency.
 */
final class ThreadCpu {

    /** A thread's CPU time and voluntary context switches. */
    record Counters(long runNanos, long sleeps) {
    }

    private final Path tasks;
    private final double blockNanos;

    ThreadCpu(long pid, double blockSeconds) {
        tasks = Path.of("/proc", String.valueOf(pid), "task");
        blockNanos = blockSeconds * 1e9;
    }

    Map<String, Counters> snapshot() {
        Map<String, Counters> all = new HashMap<>();
        try (Stream<Path> threads = Files.list(tasks)) {
            threads.forEach(t -> {
                try {
                    all.put(t.getFileName().toString(), new Counters(runNanos(Files.readString(t.resolve("schedstat"))),
                            sleeps(Files.readString(t.resolve("status")))));
                } catch (NoSuchFileException e) {
                    // the thread ended meanwhile
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tasks, e);
        }
        return all;
    }

    /** The busiest thread's mean CPU time per block between {@code a} and {@code b}, over the block period. */
    double load(Map<String, Counters> a, Map<String, Counters> b) {
        long most = 0;
        long sleeps = 1;
        for (Map.Entry<String, Counters> e : b.entrySet()) {
            Counters before = a.getOrDefault(e.getKey(), new Counters(0, 0));
            long run = e.getValue().runNanos() - before.runNanos();
            if (run > most) {
                most = run;
                sleeps = Math.max(1, e.getValue().sleeps() - before.sleeps());
            }
        }
        return most / (double) sleeps / blockNanos;
    }

    /** The first field of a schedstat line: time on the CPU in nanoseconds. */
    static long runNanos(String schedstat) {
        String s = schedstat.trim();
        int space = s.indexOf(' ');
        return Long.parseLong(space < 0 ? s : s.substring(0, space));
    }

    /** {@code voluntary_ctxt_switches} of a /proc status file. */
    static long sleeps(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("voluntary_ctxt_switches:")) {
                return Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
            }
        }
        throw new IllegalArgumentException("no voluntary_ctxt_switches in the status file");
    }
}
