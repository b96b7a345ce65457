package la.methc.bench;

import java.util.SplittableRandom;
import java.util.concurrent.locks.LockSupport;

/**
 * Waits a random time, uniform within one block period, before each timed send: the send then falls at a
 * random phase of the server's block cycle, so that neither server's block phase is favoured.
 */
final class Pacer {

    static final double BLOCK_SECONDS = 64 / 48000.0;

    private final SplittableRandom random;

    Pacer(long seed) {
        random = new SplittableRandom(seed);
    }

    void pause() {
        long until = System.nanoTime() + (long) (random.nextDouble() * BLOCK_SECONDS * 1e9);
        // parkNanos may wake early
        for (long left = until - System.nanoTime(); left > 0; left = until - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
