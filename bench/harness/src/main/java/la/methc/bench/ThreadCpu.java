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
 * A server's block load measured from outside, the same way for every server: the share of one core its busiest
 * thread (the one that computes the blocks) used over a window, from /proc/PID/task/TID/schedstat (CPU time in
 * nanoseconds) and the wall-clock time between two snapshots. 80% means the block thread computed for 80% of the
 * time, whatever it did in between blocks and however often it slept (Methcla/J's RT thread also wakes between
 * blocks to take requests and worker results). The servers' own figures are not comparable: scsynth reports
 * JACK's DSP load, built from the slowest of every 32 cycles and including wake-up latency.
 *
 * <p>The threads are those of the process and of its descendants (a launcher script may run the server as its
 * child). When the server names its block thread, only threads of that name count, so that a JIT compiler
 * thread warming up cannot pass for it.
 */
final class ThreadCpu {

    /** A thread's CPU time, and when it was read ({@link System#nanoTime()}). */
    record Counters(long runNanos, long wallNanos) {
    }

    private static final int MAX_DEPTH = 4;

    private final long pid;
    private final String threadName;

    /** @param threadName the server's block thread's name (Linux comm), or null for the busiest thread */
    ThreadCpu(long pid, String threadName) {
        this.pid = pid;
        this.threadName = threadName;
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
                    if (threadName == null || Files.readString(t.resolve("comm")).strip().equals(threadName)) {
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

    /** The first field of a schedstat line: time on the CPU in nanoseconds. */
    static long runNanos(String schedstat) {
        String s = schedstat.trim();
        int space = s.indexOf(' ');
        return Long.parseLong(space < 0 ? s : s.substring(0, space));
    }
}
