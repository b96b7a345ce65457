package la.methc.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A server's block load measured from outside, the same way for every server: the share of one core its busiest
 * thread (the one that computes the blocks) used over a window, from /proc/PID/task/TID/schedstat (CPU time in
 * nanoseconds) and the wall-clock time between two snapshots. 80% means the block thread computed for 80% of the
 * time, whatever it did in between blocks and however often it slept (Methcla/J's RT thread also wakes between
 * blocks to take requests and worker results). The servers' own figures are not comparable: scsynth reports
 * JACK's DSP load, built from the slowest of every 32 cycles and including wake-up latency.
 *
 * <p>The threads are those of the process and of its descendants (a launcher script may run the server as its
 * child). When the server names its block threads (names or name prefixes: {@code methcla-rt}, supernova's
 * {@code DSP Thread} and {@code Jack Helper}), only threads so named count, so that a JIT compiler thread warming
 * up cannot pass for one. {@link #cores} adds up the CPU time of all of them: the load of a server that computes
 * its blocks on several threads, in cores.
 */
final class ThreadCpu {

    /** A thread's CPU time, and when it was read ({@link System#nanoTime()}). */
    record Counters(long runNanos, long wallNanos) {
    }

    private static final int MAX_DEPTH = 4;

    private final long pid;
    private final List<String> prefixes;

    /** @param threadName the server's block thread's name (Linux comm), or null for the busiest thread */
    ThreadCpu(long pid, String threadName) {
        this(pid, threadName == null ? List.of() : List.of(threadName));
    }

    /**
     * @param prefixes the names of the server's block threads, or prefixes of them (Linux comm); empty: every
     *     thread, and {@link #cores} is the busiest one's load (a server whose block thread has no name of its own)
     */
    ThreadCpu(long pid, List<String> prefixes) {
        this.pid = pid;
        this.prefixes = List.copyOf(prefixes);
    }

    /** Whether a thread of this name counts. */
    boolean counts(String comm) {
        return prefixes.isEmpty() || prefixes.stream().anyMatch(comm::startsWith);
    }

    Map<String, Counters> snapshot() {
        Map<String, Counters> all = new HashMap<>();
        collect(pid, 0, System.nanoTime(), all);
        return all;
    }

    private void collect(long process, int depth, long now, Map<String, Counters> all) {
        Path tasks = Path.of("/proc", String.valueOf(process), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            for (Path t : (Iterable<Path>) threads::iterator) {
                try {
                    if (counts(Files.readString(t.resolve("comm")).strip())) {
                        all.put(process + "/" + t.getFileName(), new Counters(
                                runNanos(Files.readString(t.resolve("schedstat"))), now));
                    }
                    if (depth < MAX_DEPTH) {
                        for (String child : Files.readString(t.resolve("children")).trim().split("\\s+")) {
                            if (!child.isEmpty()) {
                                collect(Long.parseLong(child), depth + 1, now, all);
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

    /** The busiest thread's CPU time between {@code a} and {@code b} over the wall-clock time between them. */
    double load(Map<String, Counters> a, Map<String, Counters> b) {
        long most = 0;
        long wall = 1;
        for (Map.Entry<String, Counters> e : b.entrySet()) {
            Counters before = a.get(e.getKey());
            long run = e.getValue().runNanos() - (before == null ? 0 : before.runNanos());
            if (run > most && before != null) {
                most = run;
                wall = Math.max(1, e.getValue().wallNanos() - before.wallNanos());
            }
        }
        return most / (double) wall;
    }

    /**
     * The CPU time of all counted threads between {@code a} and {@code b} over the wall-clock time between the
     * snapshots, in cores (1.5: one and a half cores busy); threads that started meanwhile count from zero. With no
     * names given, the busiest thread's {@link #load}: every thread of the process would count the OSC and
     * helper threads too.
     */
    double cores(Map<String, Counters> a, Map<String, Counters> b) {
        if (prefixes.isEmpty()) {
            return load(a, b);
        }
        long run = 0;
        long wall = 1;
        for (Map.Entry<String, Counters> e : b.entrySet()) {
            Counters before = a.get(e.getKey());
            run += e.getValue().runNanos() - (before == null ? 0 : before.runNanos());
            if (before != null) {
                wall = Math.max(wall, e.getValue().wallNanos() - before.wallNanos());
            }
        }
        return run / (double) wall;
    }

    /** The first field of a schedstat line: time on the CPU in nanoseconds. */
    static long runNanos(String schedstat) {
        String s = schedstat.trim();
        int space = s.indexOf(' ');
        return Long.parseLong(space < 0 ? s : s.substring(0, space));
    }
}
