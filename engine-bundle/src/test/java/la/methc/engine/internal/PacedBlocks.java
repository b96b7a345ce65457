package la.methc.engine.internal;

import la.methc.plugins.testkit.JitQuiet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The RT loop of {@link RtAllocationTest}, as the dummy driver runs it: a block, then {@link Engine#between} in
 * slices until the next block is due. A class of its own without String constants: a method compiled late
 * resolves its class's Strings on the thread that asked for the compile, which would count as RT allocation.
 */
final class PacedBlocks {

    private PacedBlocks() {
    }

    /**
     * RT thread. Unpaced (and calling between once a block) for the first {@code warmup} blocks, to make the RT path
     * hot fast; then paced, the shape the tests measure, which they run until the JIT settled ({@link JitQuiet})
     * before they measure.
     */
    static void run(Engine engine, float[][] in, float[][] out, AtomicBoolean running, AtomicLong blocks,
            int warmup, long period) {
        long next = System.nanoTime();
        while (running.get()) {
            engine.process(in, out);
            if (blocks.incrementAndGet() < warmup) {
                engine.between();
                next = System.nanoTime();
                continue;
            }
            next += period;
            boolean rest = engine.between();
            for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                LockSupport.parkNanos(rest ? wait : Math.min(wait, 50_000));
                rest = rest || engine.between();
            }
        }
    }
}
