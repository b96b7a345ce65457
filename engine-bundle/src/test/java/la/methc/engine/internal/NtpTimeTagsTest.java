package la.methc.engine.internal;

import static la.methc.engine.internal.HandMadeOsc.bundle;
import static la.methc.engine.internal.HandMadeOsc.immediately;
import static la.methc.engine.internal.HandMadeOsc.message;
import static la.methc.engine.internal.HandMadeOsc.timeTag;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.illposed.osc.OSCBundle;
import com.illposed.osc.OSCPacket;
import com.illposed.osc.argument.OSCTimeTag64;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import la.methc.engine.internal.command.Command;
import la.methc.osc.OscCodec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Real-time bundles are scheduled from NTP time tags (seconds since 1900), written here byte by byte as the OSC
 * 1.0 specification says, not by the codec under test. The engine runs block by block on the test thread with a
 * wall clock of the test's: it started at {@link #START}, and "now" is one second (48,000 frames) later.
 */
class NtpTimeTagsTest {

    private static final long START = Instant.parse("2026-12-06T03:00:00Z").getEpochSecond();
    private static final int SR = 48_000;
    private static final int BLOCK = 64;
    /** Frame of "now": one second after the start. */
    private static final long NOW_FRAME = SR;

    private final AtomicLong wallNanos = new AtomicLong(START * 1_000_000_000L);
    private EngineHarness h;

    @BeforeEach
    void startOneSecondAgo() {
        h = new EngineHarness(Map.of("driver", "dummy"));
        h.engine.clock().useWallClock(wallNanos::get);
        h.engine.clock().markStart();
        h.blocks((int) (NOW_FRAME / BLOCK));
        wallNanos.addAndGet(1_000_000_000L);
        assertEquals(NOW_FRAME, h.engine.frameTime());
    }

    @AfterEach
    void close() {
        h.close();
    }

    private void send(byte[] packet) throws Exception {
        h.dispatcher.onPacket(OscCodec.decode(packet, 0, packet.length), h.client);
    }

    private long frameOf(byte[] tag) throws Exception {
        byte[] b = bundle(tag, message("/status"));
        OSCPacket p = OscCodec.decode(b, 0, b.length);
        return h.engine.clock().frameOf(((OSCBundle) p).getTimestamp());
    }

    @Test
    void aBundleTaggedNowRunsInTheNextBlockAndSyncIsAnswered() throws Exception {
        assertEquals(NOW_FRAME, frameOf(timeTag(START + 1, 0)));
        send(bundle(timeTag(START + 1, 0), message("/group/new", 5, 0, 1), message("/sync", 7)));
        h.block();
        assertTrue(h.engine.tree().get(5) != null, "ran in the block of now");
        assertEquals(List.of(7), h.client.await("/synced").getArguments());
    }

    @Test
    void aBundleFiveSecondsInThePastRunsAtOnce() throws Exception {
        assertEquals(NOW_FRAME - 5 * SR, frameOf(timeTag(START - 4, 0)));
        send(bundle(timeTag(START - 4, 0), message("/group/new", 5, 0, 1), message("/sync", 8)));
        h.block();
        assertTrue(h.engine.tree().get(5) != null, "a late bundle runs at once");
        assertEquals(List.of(8), h.client.await("/synced").getArguments());
    }

    @Test
    void aBundleOneHundredMillisecondsAheadRunsInTheBlockOfItsFrame() throws Exception {
        long due = NOW_FRAME + SR / 10; // 52,800: the first frame of block 825
        assertEquals(due, frameOf(timeTag(START + 1, 0.1)));
        send(bundle(timeTag(START + 1, 0.1), message("/group/new", 5, 0, 1)));
        while (h.engine.frameTime() + BLOCK <= due) {
            h.block();
            assertNull(h.engine.tree().get(5), "ran early, in the block at frame " + (h.engine.frameTime() - BLOCK));
        }
        h.block();
        assertTrue(h.engine.tree().get(5) != null, "ran in the block of its frame");
        assertEquals(due, h.engine.frameTime() - BLOCK);
    }

    @Test
    void theImmediateTagRunsAtOnce() throws Exception {
        assertEquals(Command.NOW, frameOf(immediately()));
        send(bundle(immediately(), message("/group/new", 5, 0, 1)));
        h.block();
        assertTrue(h.engine.tree().get(5) != null);
    }

    @Test
    void aBundleMoreThanADayAheadIsRefusedWhole() throws Exception {
        send(bundle(timeTag(START + 1 + 86_523, 0.4), message("/group/new", 5, 0, 1), message("/sync", 9)));
        assertEquals(List.of("#bundle", -1, "bundle time tag is 86523.4 s ahead; the limit is one day (86400 s)"),
                h.client.await("/error").getArguments());
        // a nested one is found too
        send(bundle(immediately(), message("/group/new", 6, 0, 1),
                bundle(timeTag(START + 1 + 100_000, 0), message("/group/new", 7, 0, 1))));
        assertTrue(h.client.await("/error").getArguments().get(2).toString().startsWith(
                "bundle time tag is 100000.0 s ahead"));
        h.blocks(2);
        assertNull(h.engine.tree().get(5), "none of its messages ran");
        assertNull(h.engine.tree().get(6), "none of its messages ran");
        assertEquals(0, h.engine.tree().numGroups() - 1);
        assertEquals(List.of(), h.client.drain(100).stream().filter(m -> m.getAddress().equals("/synced")).toList());
        // a day ahead exactly is not refused: it waits in the scheduler
        send(bundle(timeTag(START + 1 + 86_400, 0), message("/group/new", 5, 0, 1)));
        h.send("/scheduler/query");
        h.block();
        assertEquals(List.of(1, 16384), h.client.await("/scheduler/info").getArguments());
    }

    @Test
    void schedulerClearDropsEveryPendingBundleAndQueryCountsThem() throws Exception {
        int destroyed = TestSynths.DESTROYED.get();
        send(bundle(timeTag(START + 1, 0.5), message("/group/new", 5, 0, 1)));
        h.dispatcher.onPacket(new OSCBundle(List.of(EngineHarness.newSynth(TestSynths.CONST, 6, 0, 1)),
                OSCTimeTag64.valueOf((HandMadeOsc.NTP_UNIX_OFFSET + START + 2) << 32)), // NTP, 1 s ahead
                h.client);
        h.send("/scheduler/query");
        h.block();
        assertEquals(List.of(2, 16384), h.client.await("/scheduler/info").getArguments());
        h.send("/scheduler/clear");
        h.block();
        assertEquals(List.of("/scheduler/clear"), h.client.await("/done").getArguments());
        NodeTreeTest.waitFor(() -> TestSynths.DESTROYED.get() == destroyed + 1); // the scheduled synth, dropped
        h.send("/scheduler/query");
        h.block();
        assertEquals(List.of(0, 16384), h.client.await("/scheduler/info").getArguments());
        h.blocks(2 * SR / BLOCK);
        assertNull(h.engine.tree().get(5), "a cleared bundle never runs");
        assertNull(h.engine.tree().get(6), "a cleared bundle never runs");
        assertFalse(h.client.drain(100).stream().anyMatch(m -> m.getAddress().equals("/error")));
    }
}
