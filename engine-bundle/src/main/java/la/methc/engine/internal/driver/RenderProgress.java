package la.methc.engine.internal.driver;

import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * The progress line of a command-line render on a terminal: seconds rendered of the total, speed as a multiple of
 * real time, time left; at most once a second, on one line rewritten with {@code \r}. {@link #finish} blanks it, so
 * the result line that follows starts clean. The clock and where the text goes are given, so tests fake them. NRT
 * (the thread that waits for the render).
 */
public final class RenderProgress {

    /** How often {@link #show} looks at the render. */
    private static final long POLL_MS = 250;
    /** At most one line this often. */
    static final long INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final long totalFrames;
    private final int sampleRate;
    private final LongSupplier nanoClock;
    private final Consumer<String> out;
    private final long start;
    private long lastShown;
    private int shownLength;

    /** Starts counting now: the render has just started. {@code out} gets the text to print as it is. */
    public RenderProgress(long totalFrames, int sampleRate, LongSupplier nanoClock, Consumer<String> out) {
        this.totalFrames = totalFrames;
        this.sampleRate = sampleRate;
        this.nanoClock = nanoClock;
        this.out = out;
        start = nanoClock.getAsLong();
        lastShown = start;
    }

    /**
     * Waits for {@code render}'s result, showing its progress on standard error meanwhile ({@code framesDone}: the
     * frames rendered so far, any thread), and blanks the line at the end.
     */
    public static RenderResult show(OfflineDriver render, LongSupplier framesDone)
            throws InterruptedException, ExecutionException {
        RenderProgress progress = new RenderProgress(render.totalFrames(), render.options().sampleRate(),
                System::nanoTime, text -> {
                    System.err.print(text);
                    System.err.flush();
                });
        try {
            while (true) {
                try {
                    return render.result().get(POLL_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    progress.update(framesDone.getAsLong());
                }
            }
        } finally {
            progress.finish();
        }
    }

    /** Shows the line for {@code framesDone} if a second has passed since the start or the last line. */
    public void update(long framesDone) {
        long now = nanoClock.getAsLong();
        if (now - lastShown < INTERVAL_NANOS) {
            return;
        }
        lastShown = now;
        String line = line(Math.min(framesDone, totalFrames), now - start);
        // spaces over what is left of a longer line before
        out.accept("\r" + line + " ".repeat(Math.max(0, shownLength - line.length())));
        shownLength = line.length();
    }

    /** Blanks the line if one was shown. */
    public void finish() {
        if (shownLength > 0) {
            out.accept("\r" + " ".repeat(shownLength) + "\r");
            shownLength = 0;
        }
    }

    /** e.g. {@code methcla render: 12.0 s of 60.0 s (20%), 8.5x real time, 5.6 s left}. */
    String line(long framesDone, long elapsedNanos) {
        double done = framesDone / (double) sampleRate;
        double total = totalFrames / (double) sampleRate;
        double wall = elapsedNanos / 1e9;
        int percent = totalFrames == 0 ? 100 : (int) (100 * framesDone / totalFrames);
        String head = String.format(Locale.ROOT, "methcla render: %.1f s of %.1f s (%d%%)", done, total, percent);
        if (framesDone == 0 || wall <= 0) {
            return head;
        }
        double speed = done / wall;
        return head + String.format(Locale.ROOT, ", %.1fx real time, %s left", speed, duration((total - done) / speed));
    }

    private static String duration(double seconds) {
        if (seconds < 60) {
            return String.format(Locale.ROOT, "%.1f s", seconds);
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d min %02d s", s / 60, s % 60);
    }
}
