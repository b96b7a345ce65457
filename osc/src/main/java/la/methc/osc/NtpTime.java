package la.methc.osc;

import java.time.Instant;

/**
 * OSC time tags as the OSC 1.0 specification defines them: NTP time, an unsigned 64-bit fixed-point count of
 * seconds since 1900-01-01 UTC (32 bits of whole seconds, 32 of fraction), the raw value 1 meaning "now". JavaOSC
 * 0.8 converts them from and to 1970 ({@code OSCTimeTag64.valueOf(Instant)}, {@code toInstant()}), which disagrees
 * with sclang, liblo and python-osc, so the engine converts the raw value here. The 32-bit seconds wrap in 2036
 * (NTP era 1): a value with the top bit clear is read as era 1 (RFC 4330's rule), so tags are read right from 1968
 * to 2104.
 */
public final class NtpTime {

    /** Seconds from 1900-01-01 to 1970-01-01 (70 years, 17 of them leap years). */
    public static final long UNIX_EPOCH_SECONDS = 2_208_988_800L;
    /** The raw time tag "immediately". */
    public static final long IMMEDIATE = 1L;

    private static final long NANOS = 1_000_000_000L;

    private NtpTime() {
    }

    /** Nanoseconds since 1970 of the raw time tag {@code ntp}. Exact to the nanosecond (rounded down). */
    public static long toUnixNanos(long ntp) {
        long seconds = ntp >>> 32;
        if ((seconds & 0x8000_0000L) == 0) {
            seconds += 1L << 32; // era 1: from 2036-02-07 on
        }
        long fraction = ntp & 0xffff_ffffL;
        // fraction · 10^9 < 2^62: no overflow
        return (seconds - UNIX_EPOCH_SECONDS) * NANOS + ((fraction * NANOS) >>> 32);
    }

    /** The raw time tag of {@code unixNanos} nanoseconds since 1970 (from 1900 to 2036). */
    public static long fromUnixNanos(long unixNanos) {
        long seconds = Math.floorDiv(unixNanos, NANOS) + UNIX_EPOCH_SECONDS;
        long nanos = Math.floorMod(unixNanos, NANOS);
        return seconds << 32 | (nanos << 32) / NANOS;
    }

    public static Instant toInstant(long ntp) {
        long nanos = toUnixNanos(ntp);
        return Instant.ofEpochSecond(Math.floorDiv(nanos, NANOS), Math.floorMod(nanos, NANOS));
    }

    public static long fromInstant(Instant instant) {
        return fromUnixNanos(Math.addExact(Math.multiplyExact(instant.getEpochSecond(), NANOS), instant.getNano()));
    }

    /**
     * The raw time tag of {@code seconds} counted from 0 rather than 1900, as a score's are ({@code scsynth -N}):
     * whole seconds in the high 32 bits, the fraction in the low 32 (0 ≤ seconds < 2^32).
     */
    public static long fromSeconds(double seconds) {
        if (!(seconds >= 0 && seconds < 4294967296.0)) {
            throw new IllegalArgumentException("time out of range: " + seconds + " s");
        }
        long whole = (long) Math.floor(seconds);
        // the fraction can round up to a whole second
        return (whole << 32) + Math.round((seconds - whole) * 4294967296.0);
    }

    /** Seconds from 0 of the raw time tag {@code tag} (a score's): the inverse of {@link #fromSeconds}. */
    public static double toSeconds(long tag) {
        return (tag >>> 32) + (tag & 0xffff_ffffL) / 4294967296.0;
    }
}
