package la.methc.engine.internal.sched;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RealtimePriorityTest {

    @Test
    void refusesPrioritiesOutsideFifosRange() {
        assertThrows(IllegalArgumentException.class, () -> new RealtimePriority(-1));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RealtimePriority(100));
        assertTrue(e.getMessage().contains("1 to 99"), e.getMessage());
    }

    @Test
    void zeroAsksForNothing() throws Exception {
        RealtimePriority.Outcome o = onThread("plain", new RealtimePriority(0, "no-such-command", Path.of("/nowhere")));
        assertFalse(o.granted());
        assertEquals("plain runs at normal priority (rtPriority 0)", o.message());
    }

    @Test
    void saysWhyWhenTheCommandIsMissing() throws Exception {
        RealtimePriority.Outcome o = onThread("methcla-rt",
                new RealtimePriority(10, "methcla-no-such-chrt", Path.of("/proc/thread-self")));
        assertFalse(o.granted());
        assertTrue(o.message().startsWith("methcla-rt runs at normal priority: SCHED_FIFO 10 was refused (cannot run"
                + " methcla-no-such-chrt"), o.message());
    }

    @Test
    void saysWhatTheCommandSaidWhenItFails(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("fake-chrt");
        Files.writeString(fake, "#!/bin/sh\necho \"chrt: failed to set pid $4's policy: Operation not permitted\"\n"
                + "exit 1\n");
        assumeTrue(fake.toFile().setExecutable(true));
        RealtimePriority.Outcome o = onThread("methcla-dsp-1",
                new RealtimePriority(10, fake.toString(), Path.of("/proc/thread-self")));
        assertFalse(o.granted());
        assertTrue(o.message().contains("ended with status 1: chrt: failed to set pid "), o.message());
        assertTrue(o.message().contains("Operation not permitted"), o.message());
    }

    @Test
    void aCommandThatDoesNothingIsNotTakenForAGrant(@TempDir Path dir) throws Exception {
        Path fake = dir.resolve("true-chrt");
        Files.writeString(fake, "#!/bin/sh\nexit 0\n");
        assumeTrue(fake.toFile().setExecutable(true));
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        RealtimePriority.Outcome o = onThread("methcla-rt",
                new RealtimePriority(10, fake.toString(), Path.of("/proc/thread-self")));
        assertFalse(o.granted(), o.message());
        assertTrue(o.message().contains("/proc/thread-self/stat shows priority and policy [0, 0]"), o.message());
    }

    /**
     * Where the OS grants it (root, or an rtprio limit): the thread runs SCHED_FIFO, as util-linux's own
     * {@code chrt -p} reads it back, and not the threads beside it.
     */
    @Test
    void theThreadRunsFifoAsChrtReadsItBack() throws Exception {
        assumeTrue(Files.exists(Path.of("/proc/thread-self/stat")), "Linux only");
        AtomicReference<String> tid = new AtomicReference<>();
        AtomicReference<RealtimePriority.Outcome> outcome = new AtomicReference<>();
        Object hold = new Object();
        Thread t = new Thread(() -> {
            try {
                tid.set(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            outcome.set(new RealtimePriority(3).applyToCurrentThread());
            synchronized (hold) {
                try {
                    hold.wait(10_000); // alive while chrt reads it
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, "methcla-dsp-7");
        t.start();
        while (outcome.get() == null) {
            Thread.sleep(5);
        }
        try {
            assumeTrue(outcome.get().granted(), "the OS refused: " + outcome.get().message());
            assertEquals("methcla-dsp-7 runs at real-time priority: SCHED_FIFO 3 (thread " + tid.get() + ")",
                    outcome.get().message());
            String theirs = ThreadPolicy.ofThread(tid.get());
            assertTrue(theirs.contains("SCHED_FIFO") && theirs.contains("priority: 3"), theirs);
            String mine = ThreadPolicy.ofThread(Path.of("/proc/thread-self").toRealPath().getFileName().toString());
            assertTrue(mine.contains("SCHED_OTHER"), mine);
        } finally {
            synchronized (hold) {
                hold.notifyAll();
            }
            t.join(10_000);
        }
    }

    private static RealtimePriority.Outcome onThread(String name, RealtimePriority p) throws InterruptedException {
        AtomicReference<RealtimePriority.Outcome> o = new AtomicReference<>();
        Thread t = new Thread(() -> o.set(p.applyToCurrentThread()), name);
        t.start();
        t.join(20_000);
        return o.get();
    }
}
