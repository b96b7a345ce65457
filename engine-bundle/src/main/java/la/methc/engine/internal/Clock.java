package la.methc.engine.internal;

import com.illposed.osc.argument.OSCTimeTag64;
import java.time.Instant;
import la.methc.engine.internal.command.Command;

/**
 * Converts OSC time tags to engine time in frames. Real time: frame 0 is the wall-clock instant the driver
 * started. Offline (scores): time tags count seconds from 0, as {@code scsynth -N} reads them.
 */
public final class Clock {

    private final int sampleRate;
    private final boolean offline;
    private volatile long startEpochNanos;

    public Clock(int sampleRate, boolean offline) {
        this.sampleRate = sampleRate;
        this.offline = offline;
        markStart();
    }

    /** Called when the driver starts: frame 0 is now. */
    public void markStart() {
        startEpochNanos = epochNanos(Instant.now());
    }

    /** NRT. Frame time of {@code tag}, or {@link Command#NOW} for the immediate tag. */
    public long frameOf(OSCTimeTag64 tag) {
        if (tag == null || tag.isImmediate()) {
            return Command.NOW;
        }
        if (offline) {
            double seconds = tag.getSeconds() + tag.getFraction() / 4294967296.0;
            return Math.round(seconds * sampleRate);
        }
        long nanos = epochNanos(tag.toInstant()) - startEpochNanos;
        return Math.round(nanos * (sampleRate / 1e9));
    }

    private static long epochNanos(Instant i) {
        return i.getEpochSecond() * 1_000_000_000L + i.getNano();
    }
}
