package la.methc.engine.internal.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * For tests: the scheduling policy of a thread of this process, as util-linux's {@code chrt -p} reads it (a source
 * independent of {@link RealtimePriority}), found by the name the JVM gives the OS thread.
 */
public final class ThreadPolicy {

    private ThreadPolicy() {
    }

    /** Whether this process may give a thread {@code SCHED_FIFO} (root, or an rtprio limit), tried on a thread. */
    public static boolean fifoAllowed() throws InterruptedException {
        if (!Files.exists(Path.of("/proc/thread-self/stat"))) {
            return false;
        }
        AtomicBoolean granted = new AtomicBoolean();
        Thread t = new Thread(() -> granted.set(new RealtimePriority(1).applyToCurrentThread().granted()),
                "methcla-probe");
        t.start();
        t.join(20_000);
        return granted.get();
    }

    /** {@code chrt -p}'s lines for the thread of this process named {@code name}. */
    public static String of(String name) throws IOException, InterruptedException {
        String tid;
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            tid = tasks.filter(t -> comm(t).equals(name)).map(t -> t.getFileName().toString()).findFirst()
                    .orElseThrow(() -> new AssertionError("no thread " + name));
        }
        return ofThread(tid);
    }

    /** {@code chrt -p}'s lines for the thread {@code tid} (an id from {@code /proc}). */
    public static String ofThread(String tid) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("chrt", "-p", tid).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    private static String comm(Path task) {
        try {
            return Files.readString(task.resolve("comm"), StandardCharsets.US_ASCII).strip();
        } catch (IOException e) {
            return ""; // the thread ended
        }
    }
}
