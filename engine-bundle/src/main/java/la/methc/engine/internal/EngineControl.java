package la.methc.engine.internal;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.DrainResources;
import la.methc.engine.internal.resource.ResourceDefEntry;
import la.methc.engine.internal.tree.SynthDefEntry;

/**
 * NRT threads (shutdown, a departing plugin bundle, tests) hand RT a command here and wait until RT and the notifier
 * have handled it and everything it caused. When no driver runs any more, the waiting thread computes the block
 * itself. Any thread but RT.
 */
public final class EngineControl {

    private final Engine engine;
    private final RtEvents events;

    EngineControl(Engine engine, RtEvents events) {
        this.engine = engine;
        this.events = events;
    }

    /** Runs {@code rtWork} on RT and waits until it and what it caused was handled; false on timeout. */
    public boolean runAndWait(Command rtWork, long timeoutMs) {
        return runAndWait(rtWork, timeoutMs, false);
    }

    /** Like {@link #runAndWait(Command, long)} once no driver runs: the calling thread computes a silent block. */
    public boolean runStopped(Command rtWork, long timeoutMs) {
        return runAndWait(rtWork, timeoutMs, true);
    }

    private boolean runAndWait(Command rtWork, long timeoutMs, boolean stopped) {
        CountDownLatch done = new CountDownLatch(1);
        // the engine's own queue: a flood of client requests held back by the event pool must not keep these out
        if (!engine.submitInternal(rtWork, timeoutMs)
                || !engine.submitInternal(new EngineCommands.Latch(events, done), timeoutMs)) {
            return false;
        }
        if (stopped) {
            EngineOptions o = engine.options();
            engine.process(new float[o.hardwareInputs()][o.blockSize()], new float[o.hardwareOutputs()][o.blockSize()]);
        }
        try {
            return done.await(timeoutMs, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Frees every synth of {@code def} (its bundle is leaving) and waits until they are destroyed. */
    public boolean retire(SynthDefEntry def, long timeoutMs, boolean stopped) {
        def.retire();
        return runAndWait(new EngineCommands.RetireSynths(def), timeoutMs, stopped);
    }

    /**
     * A ResourceDef's bundle is leaving: refuse new Resources of it (at once), free every synth holding one of its
     * slots, wait for its dispatches and constructs, destroy its live slots and return once every body is destroyed,
     * so the bundle's classes stay valid until then. False when that took longer than {@code timeoutMs}.
     */
    public boolean retire(ResourceDefEntry def, long timeoutMs, boolean stopped) {
        def.retire();
        return drain(new DrainResources(def), d -> d.pending() == 0, timeoutMs, stopped);
    }

    /** Runs {@code drain} on RT again and again until {@code done} holds or {@code timeoutMs} passed. */
    public boolean drain(DrainResources drain, Predicate<DrainResources> done, long timeoutMs, boolean stopped) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (true) {
            long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (left <= 0 || !runAndWait(drain, left, stopped)) {
                return false;
            }
            if (done.test(drain)) {
                return true;
            }
            if (stopped) {
                LockSupport.parkNanos(200_000); // let the workers run
            }
        }
    }
}
