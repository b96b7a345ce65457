package la.methc.plugins.testkit;

import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import la.methc.api.OscArgs;
import la.methc.api.SynthDef;

/**
 * One-call checks of a SynthDef's RT contract for a plugin's unit tests: its {@code process} allocates nothing, and
 * an {@link SynthDef#isolated() isolated()} def gives the same output on two threads at once as on one. They fail
 * with an {@link AssertionError} (any test framework reports it) whose message says what went wrong where.
 *
 * <p>Unless given, synths run at {@link #SAMPLE_RATE} Hz in blocks of {@link #BLOCK_SIZE} frames, every audio
 * input fed with looped white noise ({@link Signals#noise}) and every control at its default.
 *
 * <p>Threads: call from the test's thread; each check starts threads of its own and waits for them.
 */
public final class SynthChecks {

    /** The sample rate the checks run synths at when not given one. */
    public static final double SAMPLE_RATE = 48000;
    /** The block size the checks run synths at when not given one. */
    public static final int BLOCK_SIZE = 64;
    /** Blocks run before an allocation measurement (then more until the JIT is quiet, see {@link JitQuiet}). */
    public static final int WARM_UP_BLOCKS = 20_000;

    /** Before each block of an allocation check: control changes, say; called on the measuring thread. */
    @FunctionalInterface
    public interface BeforeBlock {
        /**
         * Called before runner {@code voice} (its index among those given) runs block {@code block} (counted from
         * the runner's first block); must not allocate itself, since it runs inside the measurement.
         */
        void before(BlockRunner runner, int voice, long block);
    }

    private SynthChecks() {
    }

    /**
     * Asserts that {@code process} of a synth of {@code def} made with {@code options} allocates nothing in
     * {@code blocks} blocks, after a warm-up; inputs are noise and controls their defaults.
     *
     * @throws AssertionError saying how many bytes it allocated in how many blocks
     */
    public static void assertProcessAllocatesNothing(SynthDef def, OscArgs options, int blocks) {
        assertProcessAllocatesNothing(blocks, null, withNoise(BlockRunner.of(def, options, SAMPLE_RATE, BLOCK_SIZE)));
    }

    /**
     * Asserts that the runners' synths allocate nothing in {@code blocks} blocks, each block stepping every runner
     * in turn ({@link BlockRunner#step}, which applies their scheduled {@link BlockRunner#changes()}), after
     * {@link #WARM_UP_BLOCKS} blocks and until the JIT is quiet, on a thread of its own, measured with
     * {@code ThreadMXBean.getThreadAllocatedBytes} ({@link RtAllocation}). Feed long runs with
     * {@link BlockRunner#audioInputLooped}: a finite input turns to silence.
     *
     * @param beforeBlock called before each runner's block, or null; it runs in the measured window
     * @throws AssertionError saying how many bytes the synths allocated in how many blocks
     */
    public static void assertProcessAllocatesNothing(int blocks, BeforeBlock beforeBlock, BlockRunner... runners) {
        if (blocks <= 0 || runners.length == 0) {
            throw new IllegalArgumentException("give at least one block and one runner");
        }
        RtAllocation.Measured m;
        try {
            m = RtAllocation.measure(n -> step(runners, beforeBlock, n), WARM_UP_BLOCKS, blocks);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while measuring", e);
        }
        if (m.bytes() != 0) {
            throw new AssertionError(String.format("process allocated %,d bytes in %,d blocks of %d %s (%s) "
                    + "after a warm-up; RT code must allocate nothing (reading the counter cost %d bytes, subtracted)",
                    m.bytes(), blocks, runners.length, runners.length == 1 ? "synth" : "synths", describe(runners),
                    m.cost()));
        }
    }

    private static void step(BlockRunner[] runners, BeforeBlock beforeBlock, int blocks) {
        for (int b = 0; b < blocks; b++) {
            for (int v = 0; v < runners.length; v++) {
                BlockRunner r = runners[v];
                if (beforeBlock != null) {
                    beforeBlock.before(r, v, r.blocks());
                }
                r.step();
            }
        }
    }

    /**
     * Asserts that an {@link SynthDef#isolated() isolated()} def gives the same output on two threads at once as on
     * one, with noise on every audio input and default controls; see
     * {@link #assertSameOnTwoThreads(SynthDef, OscArgs, double, int, int, Consumer)}.
     */
    public static void assertSameOnTwoThreads(SynthDef def, OscArgs options, int blocks) {
        assertSameOnTwoThreads(def, options, SAMPLE_RATE, BLOCK_SIZE, blocks, SynthChecks::withNoise);
    }

    /**
     * Asserts that an {@link SynthDef#isolated() isolated()} def gives the same output on two threads at once as on
     * one: a synth of {@code def} runs {@code blocks} blocks alone, then two more run the same blocks on two threads
     * in step (both start each block together), and each thread's output must equal the lone run's bit for bit, as
     * must the blocks in which they said they are done. Each runner is set up by {@code setUp} (inputs, controls,
     * scheduled changes, Resources) before its first block. It also fails when {@code process} called a World method
     * an isolated synth may not call ({@link BlockRunner#forbiddenWorldCall}). State shared between synths through a
     * static shows as a difference: the lone run leaves it changed for the two threads, which change it at once.
     *
     * @throws AssertionError when the def is not isolated, or naming the first frame that differs
     */
    public static void assertSameOnTwoThreads(SynthDef def, OscArgs options, double sampleRate, int blockSize,
            int blocks, Consumer<BlockRunner> setUp) {
        if (!def.isolated()) {
            throw new AssertionError(def.uri() + " is not isolated(): its process runs on RT only, so there is "
                    + "nothing to check on two threads");
        }
        BlockRunner alone = BlockRunner.of(def, options, sampleRate, blockSize);
        setUp.accept(alone);
        float[][] expected = alone.run(blocks);
        checkWorldCalls(def, alone, "alone");
        BlockRunner[] runners = new BlockRunner[2];
        float[][][] outputs = new float[2][][];
        for (int t = 0; t < 2; t++) {
            runners[t] = BlockRunner.of(def, options, sampleRate, blockSize);
            setUp.accept(runners[t]);
            outputs[t] = new float[runners[t].audioOutputs()][blocks * blockSize];
        }
        runInStep(runners, outputs, blocks, blockSize);
        for (int t = 0; t < 2; t++) {
            checkWorldCalls(def, runners[t], "on thread " + (t + 1));
            compare(def, expected, outputs[t], blockSize, t + 1);
            if (!alone.doneBlocks().equals(runners[t].doneBlocks())) {
                throw new AssertionError(def.uri() + " on thread " + (t + 1) + " said it is done in blocks "
                        + runners[t].doneBlocks() + ", alone in blocks " + alone.doneBlocks());
            }
        }
    }

    /**
     * Runs both runners block by block on two threads, both waiting for the other before each block. A thread whose
     * synth threw keeps arriving at the barrier without running it, so the other never waits for it in vain.
     */
    private static void runInStep(BlockRunner[] runners, float[][][] outputs, int blocks, int blockSize) {
        CyclicBarrier barrier = new CyclicBarrier(2);
        Throwable[] failures = new Throwable[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
            int k = t;
            threads[t] = new Thread(() -> {
                for (int b = 0; b < blocks; b++) {
                    try {
                        barrier.await(60, TimeUnit.SECONDS);
                    } catch (BrokenBarrierException | TimeoutException | InterruptedException e) {
                        failures[k] = failures[k] != null ? failures[k]
                                : new AssertionError("waited in vain for the other thread's block " + b, e);
                        return;
                    }
                    if (failures[k] == null) {
                        try {
                            float[][] out = runners[k].run(1);
                            for (int o = 0; o < out.length; o++) {
                                System.arraycopy(out[o], 0, outputs[k][o], b * blockSize, blockSize);
                            }
                        } catch (Throwable e) {
                            failures[k] = e;
                        }
                    }
                }
            }, "isolated-check-" + (t + 1));
            threads[t].setDaemon(true); // a process that never returns must not keep the test JVM alive
        }
        for (Thread t : threads) {
            t.start();
        }
        try {
            for (Thread t : threads) {
                t.join(TimeUnit.MINUTES.toMillis(5));
                if (t.isAlive()) {
                    throw new AssertionError(t.getName() + " did not finish " + blocks + " blocks in 5 minutes");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while the two threads ran", e);
        }
        for (int t = 0; t < 2; t++) {
            if (failures[t] != null) {
                throw new AssertionError("the synth on thread " + (t + 1) + " failed: " + failures[t], failures[t]);
            }
        }
    }

    private static void compare(SynthDef def, float[][] expected, float[][] actual, int blockSize, int thread) {
        for (int o = 0; o < expected.length; o++) {
            for (int f = 0; f < expected[o].length; f++) {
                if (Float.floatToIntBits(expected[o][f]) != Float.floatToIntBits(actual[o][f])) {
                    throw new AssertionError(String.format("%s is isolated() but on thread %d its audio output %d "
                            + "differs from a lone run's first at frame %d (block %d, frame %d of it): %s, alone %s",
                            def.uri(), thread, o, f, f / blockSize, f % blockSize, actual[o][f], expected[o][f]));
                }
            }
        }
    }

    private static void checkWorldCalls(SynthDef def, BlockRunner r, String where) {
        if (r.forbiddenWorldCall() != null) {
            throw new AssertionError(def.uri() + " is isolated() but its process called World."
                    + r.forbiddenWorldCall() + " (" + where + "); an isolated synth may call only sampleRate, "
                    + "blockSize, currentTime and synthDone there");
        }
    }

    /** Feeds every audio input of {@code r} with its own looped second of white noise. */
    private static BlockRunner withNoise(BlockRunner r) {
        for (int i = 0; i < r.audioInputs(); i++) {
            r.audioInputLooped(i, Signals.noise(1 + i, (int) r.sampleRate()));
        }
        return r;
    }

    private static String describe(BlockRunner[] runners) {
        StringBuilder s = new StringBuilder();
        for (BlockRunner r : runners) {
            Class<?> c = r.synth().getClass();
            String name = c.getSimpleName().isEmpty() ? c.getName() : c.getSimpleName();
            if (s.indexOf(name) < 0) {
                s.append(s.length() == 0 ? "" : ", ").append(name);
            }
        }
        return s.toString();
    }
}
