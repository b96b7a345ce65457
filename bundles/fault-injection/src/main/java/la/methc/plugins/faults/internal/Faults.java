package la.methc.plugins.faults.internal;

/** The URIs of the fault plugins and the failures they inject. */
final class Faults {

    /** Every fault plugin's URI starts with this. */
    static final String URI = "http://methc.la/test/faults/";

    /** Option value that makes a fault an {@link Error} instead of a RuntimeException. */
    static final int ERROR = 1;

    private Faults() {
    }

    /**
     * The failure to throw from {@code where}: an {@link IllegalStateException}, or with {@code kind}
     * {@link #ERROR} an {@link AssertionError} (thrown here: an Error is not a RuntimeException). Both say
     * {@code injected fault: <where>}, so a test can recognise them in replies and logs.
     */
    static RuntimeException injected(String where, int kind) {
        String message = "injected fault: " + where;
        if (kind == ERROR) {
            throw new AssertionError(message);
        }
        return new IllegalStateException(message);
    }
}
