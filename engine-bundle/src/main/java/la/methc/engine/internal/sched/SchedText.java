package la.methc.engine.internal.sched;

import java.nio.file.Path;
import java.util.Arrays;

/** The lines {@link RealtimePriority} reports. */
final class SchedText {

    private SchedText() {
    }

    static String outOfRange(int priority) {
        return "rtPriority must be 0 (none) or a SCHED_FIFO priority from 1 to " + RealtimePriority.MAX + ": "
                + priority;
    }

    static String normal(String thread) {
        return thread + " runs at normal priority (rtPriority 0)";
    }

    static String granted(String thread, int priority, String tid) {
        return thread + " runs at real-time priority: SCHED_FIFO " + priority + " (thread " + tid + ")";
    }

    static String refused(String thread, int priority, String why) {
        return thread + " runs at normal priority: SCHED_FIFO " + priority + " was refused (" + why + "); allow it"
                + " (run as root, or grant rtprio in /etc/security/limits.conf) or start with --rt-priority 0";
    }

    static String noThreadId(Path self) {
        return "no " + self + ": not Linux?";
    }

    static String timedOut(String command, long seconds) {
        return command + " did not end within " + seconds + " s";
    }

    static String cannotRun(String command, String why) {
        return "cannot run " + command + " (util-linux): " + why;
    }

    static String interrupted() {
        return "interrupted while asking";
    }

    static String failed(String command, int status, String said) {
        return command + " ended with status " + status + (said.isEmpty() ? "" : ": " + said);
    }

    static String notInForce(Path self, String[] policy) {
        return self + "/stat shows " + (policy == null ? "no policy" : "priority and policy "
                + Arrays.toString(policy));
    }
}
