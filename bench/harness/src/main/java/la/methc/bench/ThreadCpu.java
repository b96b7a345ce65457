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
 *
 * <p>The threads are those of the process and of its descendants (a launcher script may run the server as its
 * child). When the server names its block thread, only threads of that name count, so that a JIT compiler
 * thread warming up cannot pass for it.
 */
final class ThreadCpu {

    /** A thread's CPU time and voluntary context switches. */
    record Counters(long runNanos, long sleeps) {
    }

    private static final int MAX_DEPTH = 4;

    private final long pid;
    private final String threadName;
    private final double blockNanos;

    /** @param threadName the server's block thread's name (Linux comm), or null for the busiest thread */
    ThreadCpu(long pid, String threadName, double blockSeconds) {
        this.pid = pid;
        this.threadName = threadName;
        blockNanos = blockSeconds * 1e9;
    }

    Map<String, Counters> snapshot() {
        Map<String, Counters> all = new HashMap<>();
        collect(pid, 0, all);
        return all;
    }

    private void collect(long process, int depth, Map<String, Counters> all) {
        Path tasks = Path.of("/proc", String.valueOf(process), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                try {
                    if (threadName == null || Files.readString(t.resolve("comm")).strip().equals(threadName)) {
                        all.put(process + "/" + t.getFileName(), new Counters(
                                runNanos(Files.readString(t.resolve("schedstat"))),
                                sleeps(Files.readString(t.resolve("status")))));
                    }
                    if (depth < MAX_DEPTH) {
                        for (String child : Files.readString(t.resolve("children")).trim().split("\\s+")) {
                            if (!child.isEmpty()) {
                                collect(Long.parseLong(child), depth + 1, all);
                            }
                        }
                    }
                } catch (NoSuchFileException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (NoSuchFileException e) {
            // the process ended meanwhile
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + tasks, e);
        }
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
