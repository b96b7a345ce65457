package la.methc.bench.soak;

/** Lets the lanes run, holds them between two lifecycles (a quiescent point), or stops them. */
final class Gate {

    private static final long POLL_MS = 5;

    private volatile boolean held;
    private volatile boolean stopped;

    void hold() {
        held = true;
    }

    void open() {
        held = false;
    }

    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }

    boolean held() {
        return held;
    }

    /** Lane thread: waits while held (and not stopped). */
    void pass() throws InterruptedException {
        while (held && !stopped) {
            Thread.sleep(POLL_MS);
        }
    }
}
