package la.methc.engine.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.illposed.osc.argument.OSCTimeTag64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A driver that fell behind and skipped blocks makes the engine map time tags that much later: a bundle tagged for a
 * wall-clock instant still runs in the block computed at that instant, not later by every block ever skipped (seen from outside: a
 * bundle tagged 200 ms ahead answered 1.25 s late after a 1 s pause, and stayed that late).
 */
class SkippedBlocksTest {

    private static final long NTP_UNIX = 2_208_988_800L;

    @Test
    void skippedBlocksShiftTheTimeTagsAndCountAsLate() {
        try (EngineHarness h = new EngineHarness(Map.of("driver", "dummy"))) {
            AtomicLong wall = new AtomicLong(1_000L * 1_000_000_000L); // a wall clock the test turns (ns since 1970)
            h.engine.clock().useWallClock(wall::get);
            h.engine.clock().markStart();
            h.block();
            assertEquals(64, h.engine.frameTime());
            // a 1 s pause: the driver skips 750 blocks (48 kHz, 64 frames) rather than compute them in a burst
            wall.addAndGet(1_000_000_000L + 1_333_333L);
            h.engine.skipped(750);
            assertEquals(64, h.engine.frameTime(), "frame times count the frames computed, which synths see");
            // a bundle tagged 200 ms after now is due 200 ms of frames after the engine's time, not 1 s more: time tags
            // map to frames that much later
            long ntp = (NTP_UNIX + 1001) << 32 | (long) ((0.001333333 + 0.2) * 4294967296.0);
            long due = h.engine.clock().frameOf(OSCTimeTag64.valueOf(ntp));
            assertEquals(9600, due - h.engine.frameTime(), 1.0, "200 ms at 48 kHz after the engine's time");
            h.send("/status");
            List<Object> status = h.until("/status.reply").getArguments();
            assertEquals(true, (Integer) status.get(5) >= 750, "the skipped blocks count as late: " + status);
        }
    }
}
