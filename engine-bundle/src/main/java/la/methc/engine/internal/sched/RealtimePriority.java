package la.methc.engine.internal.sched;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Runs the calling thread under {@code SCHED_FIFO} at a priority, as JACK runs its clients' process threads
 * (scsynth's, supernova's): a thread at real-time priority is not descheduled for ordinary ones, so a busy machine
 * does not make a block late, nor keep a DSP thread from its share while RT waits for it (ADR 0017). The JDK has
 * no call for it, so the thread runs util-linux's {@code chrt} on its own id (from {@code /proc/thread-self}) and
 * reads the policy back from {@code /proc}. Where the OS refuses (no privilege, no {@code chrt}, not Linux) the
 * thread keeps its normal priority and the {@link Outcome} says why. Once per thread, at its start: it starts a
 * process and waits for it.
 */
public final class RealtimePriority {

    /** No real-time priority: threads keep the OS's normal policy. */
    public static final RealtimePriority OFF = new RealtimePriority(0);
    /** The highest priority {@code SCHED_FIFO} takes on Linux. */
    public static final int MAX = 99;
    /** Policy number of {@code SCHED_FIFO} in {@code /proc/<pid>/task/<tid>/stat}. */
    private static final String FIFO_POLICY = "1";
    private static final long CHRT_TIMEOUT_SECONDS = 5;

    private final int priority;
    private final String command;
    private final Path self;

    /** {@code priority}: 1–{@value #MAX} for {@code SCHED_FIFO} at that priority, 0 for none. */
    public RealtimePriority(int priority) {
        this(priority, "chrt", Path.of("/proc/thread-self"));
    }

    /** For tests: another command than {@code chrt}, another {@code /proc/thread-self}. */
    RealtimePriority(int priority, String command, Path self) {
        if (priority < 0 || priority > MAX) {
            throw new IllegalArgumentException(SchedText.outOfRange(priority));
        }
        this.priority = priority;
        this.command = command;
        this.self = self;
    }

    /** 0: none. */
    public int priority() {
        return priority;
    }

    /** What {@link #applyToCurrentThread} did, in a line for the log. */
    public record Outcome(boolean granted, String message) {
    }

    /**
     * The calling thread, at its start: {@link #applyToCurrentThread}, then says what came of it in {@code log},
     * after {@code prefix}: a warning when the OS refused, else an info line.
     */
    public Outcome applyToCurrentThread(Logger log, String prefix) {
        Outcome o = applyToCurrentThread();
        if (o.granted() || priority == 0) {
            log.info("{}{}", prefix, o.message());
        } else {
            log.warn("{}{}", prefix, o.message());
        }
        return o;
    }

    /** The calling thread, at its start: asks for {@code SCHED_FIFO} at {@link #priority} (nothing when 0). */
    public Outcome applyToCurrentThread() {
        String name = Thread.currentThread().getName();
        if (priority == 0) {
            return new Outcome(false, SchedText.normal(name));
        }
        String tid;
        try {
            tid = self.toRealPath().getFileName().toString();
        } catch (IOException e) {
            return refused(name, SchedText.noThreadId(self));
        }
        String said;
        int status;
        try {
            Process p = new ProcessBuilder(List.of(command, "--fifo", "--pid", Integer.toString(priority), tid))
                    .redirectErrorStream(true).start();
            p.getOutputStream().close();
            if (!p.waitFor(CHRT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return refused(name, SchedText.timedOut(command, CHRT_TIMEOUT_SECONDS));
            }
            said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            status = p.exitValue();
        } catch (IOException e) {
            return refused(name, SchedText.cannotRun(command, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return refused(name, SchedText.interrupted());
        }
        if (status != 0) {
            return refused(name, SchedText.failed(command, status, said));
        }
        String[] policy = policy(tid);
        if (policy == null || !policy[1].equals(FIFO_POLICY) || !policy[0].equals(Integer.toString(priority))) {
            return refused(name, SchedText.notInForce(self, policy));
        }
        return new Outcome(true, SchedText.granted(name, priority, tid));
    }

    private Outcome refused(String thread, String why) {
        return new Outcome(false, SchedText.refused(thread, priority, why));
    }

    /** {rt_priority, policy} of this thread, fields 40 and 41 of its {@code stat}; null when unreadable. */
    private String[] policy(String tid) {
        try {
            String stat = Files.readString(self.resolve("stat"), StandardCharsets.US_ASCII);
            // the name in parentheses may hold spaces: count fields after its closing one (field 2)
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
            return f.length < 39 ? null : new String[] {f[37], f[38]};
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
