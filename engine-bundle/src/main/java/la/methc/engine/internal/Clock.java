package la.methc.engine.internal;

import com.illposed.osc.argument.OSCTimeTag64;
import java.time.Instant;
import java.util.function.LongSupplier;
import la.methc.engine.internal.command.Command;
import la.methc.osc.NtpTime;

/**
 * Converts OSC time tags to engine time in frames. Real time: tags are NTP time ({@link NtpTime}, seconds since
 * 1900), and frame 0 is the wall-clock instant the driver started. Offline (scores): time tags count seconds from
 * 0, as {@code scsynth -N} reads them.
 */
public final class Clock {

    private final int sampleRate;
    private final boolean offline;
    /** Nanoseconds since 1970; tests replace it to control "now". */
    private volatile LongSupplier wallClock = Clock::systemUnixNanos;
    private volatile long startUnixNanos;

    public Clock(int sampleRate, boolean offline) {
        this.sampleRate = sampleRate;
        this.offline = offline;
        markStart();
    }

    /** Called when the driver starts: frame 0 is now. */
    public void markStart() {
        startUnixNanos = wallClock.getAsLong();
    }

    /**
     * RT. The driver skipped {@code frames} frames it did not compute: the wall-clock instant of frame 0 moves on by
     * as much, so a time tag still falls in the block computed at its wall-clock time (frame times count the frames
     * computed, which synths see). A volatile write; no allocation.
     */
    public void skip(long frames) {
        startUnixNanos += frames * 1_000_000_000L / sampleRate;
    }

    /** Tests: reads "now" from {@code unixNanos} instead of the system clock, from the next {@link #markStart} on. */
    void useWallClock(LongSupplier unixNanos) {
        wallClock = unixNanos;
    }

    /** NRT. Frame time of {@code tag}, or {@link Command#NOW} for the immediate tag. A past tag gives a past frame. */
    public long frameOf(OSCTimeTag64 tag) {
        if (tag == null || tag.isImmediate()) {
            return Command.NOW;
        }
        if (offline) {
            double seconds = tag.getSeconds() + tag.getFraction() / 4294967296.0;
            return Math.round(seconds * sampleRate);
        }
        long nanos = NtpTime.toUnixNanos(tag.getNtpTime()) - startUnixNanos;
        return Math.round(nanos * (sampleRate / 1e9));
    }

    /**
     * NRT. Seconds from now (the wall clock) to {@code tag}, negative for a past one; 0 for the immediate tag and
     * offline, where tags are score time.
     */
    public double secondsAhead(OSCTimeTag64 tag) {
        if (tag == null || tag.isImmediate() || offline) {
            return 0;
        }
        return (NtpTime.toUnixNanos(tag.getNtpTime()) - wallClock.getAsLong()) / 1e9;
    }

    private static long systemUnixNanos() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }
}
