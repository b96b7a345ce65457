package la.methc.osc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Raw NTP time tags, as the OSC 1.0 specification defines them, against values worked out by hand. */
class NtpTimeTest {

    @Test
    void readsSecondsSince1900AndTheFraction() {
        assertEquals(0, NtpTime.toUnixNanos(2_208_988_800L << 32), "1970-01-01 is 2,208,988,800 s after 1900");
        // era 1: the 32-bit seconds wrapped on 2036-02-07T06:28:16Z; a value with the top bit clear is after it
        assertEquals(Instant.parse("2036-02-07T06:28:16Z"), NtpTime.toInstant(0));
        // 2040-01-01 is 2,208,988,800 s after 1970, 4,417,977,600 after 1900: 123,010,304 in era 1
        assertEquals(Instant.parse("2040-01-01T00:00:00Z"), NtpTime.toInstant(123_010_304L << 32));
        assertEquals(1_500_000_000L, NtpTime.toUnixNanos((2_208_988_801L << 32) | 0x8000_0000L), "1.5 s");
        assertEquals(Instant.parse("2026-12-06T03:00:00.250Z"),
                NtpTime.toInstant(((1_796_526_000L + 2_208_988_800L) << 32) | 0x4000_0000L));
        // the largest fraction is just under a second
        assertEquals(999_999_999L, NtpTime.toUnixNanos((2_208_988_800L << 32) | 0xffff_ffffL));
    }

    @Test
    void writesWhatItReads() {
        assertEquals((2_208_988_801L << 32) | 0x8000_0000L, NtpTime.fromUnixNanos(1_500_000_000L));
        assertEquals(((1_796_526_000L + 2_208_988_800L) << 32) | 0x4000_0000L,
                NtpTime.fromInstant(Instant.parse("2026-12-06T03:00:00.250Z")));
        for (long nanos : new long[] {0, 1, 999_999_999L, 1_796_526_000_123_456_789L, -5_000_000_001L,
                2_208_988_800_000_000_000L}) { // … and 2040
            assertEquals(nanos, NtpTime.toUnixNanos(NtpTime.fromUnixNanos(nanos)), 1, "round trip of " + nanos);
        }
    }
}
