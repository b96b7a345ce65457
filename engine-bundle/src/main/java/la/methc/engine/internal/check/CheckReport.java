package la.methc.engine.internal.check;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * The lines of a plugin check, each {@code ok}, {@code note} or {@code FAIL} and what it is about; any FAIL makes the
 * status 1. Thread-safe enough for its one writer (the check thread) and printed once at the end.
 */
public final class CheckReport {

    /** Nothing found. */
    public static final int CLEAN = 0;
    /** Something found: at least one FAIL line. */
    public static final int FOUND = 1;
    /** Not a plugin to check at all (no such file, not a jar). */
    public static final int USAGE = 2;

    private final List<String> lines = new ArrayList<>();
    private int failures;
    private boolean usageError;

    public synchronized void ok(String what) {
        lines.add("ok    " + what);
    }

    /** Said, but not a finding: e.g. a def the check cannot run. */
    public synchronized void note(String what) {
        lines.add("note  " + what);
    }

    public synchronized void fail(String what) {
        lines.add("FAIL  " + what);
        failures++;
    }

    /** The jar cannot be checked at all (status {@value #USAGE}). */
    public synchronized void usage(String what) {
        lines.add("methcla check-plugin: " + what);
        usageError = true;
    }

    public synchronized int failures() {
        return failures;
    }

    public synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    public synchronized int status() {
        return usageError ? USAGE : failures == 0 ? CLEAN : FOUND;
    }

    /** Prints every line, then a summary line. */
    public synchronized void print(PrintStream out) {
        lines.forEach(out::println);
        if (!usageError) {
            out.println(failures == 0 ? "methcla check-plugin: clean"
                    : "methcla check-plugin: " + failures + (failures == 1 ? " finding" : " findings"));
        }
        out.flush();
    }
}
