package la.methc.engine.internal.driver;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The render's progress line, on a fake clock into a list. */
class RenderProgressTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    private long now = 5 * SECOND; // any origin: only differences count
    private final List<String> printed = new ArrayList<>();

    /** 60 s of audio at 48 kHz. */
    private RenderProgress progress() {
        return new RenderProgress(60 * 48000, 48000, () -> now, printed::add);
    }

    @Test
    void showsSecondsSpeedAndTimeLeftAtMostOnceASecond() {
        RenderProgress p = progress();
        now += SECOND / 2;
        p.update(48000);
        assertEquals(List.of(), printed, "nothing within the first second");
        now += SECOND / 2;
        // 1 s of wall time, 12 s of audio: 12x real time, 48 s left at that speed, 4 s
        p.update(12 * 48000);
        assertEquals(List.of("\rmethcla render: 12.0 s of 60.0 s (20%), 12.0x real time, 4.0 s left"), printed);
        now += SECOND - 1;
        p.update(20 * 48000);
        assertEquals(1, printed.size(), "not twice within a second");
        now += 1;
        p.update(30 * 48000);
        assertEquals("\rmethcla render: 30.0 s of 60.0 s (50%), 15.0x real time, 2.0 s left", printed.get(1));
        p.finish();
        String blank = "\r" + " ".repeat(printed.get(1).length() - 1) + "\r";
        assertEquals(blank, printed.get(2), "the line is blanked for the result line");
    }

    @Test
    void aShorterLineCoversTheLongerOneBefore() {
        RenderProgress p = new RenderProgress(120 * 48000, 48000, () -> now, printed::add);
        now += SECOND;
        p.update(48000); // 1 s a second: 1 min 59 s left
        assertEquals("\rmethcla render: 1.0 s of 120.0 s (0%), 1.0x real time, 1 min 59 s left", printed.get(0));
        now += 10 * SECOND;
        p.update(110 * 48000);
        // one character shorter: a space covers the last one of the line before
        assertEquals("\rmethcla render: 110.0 s of 120.0 s (91%), 10.0x real time, 1.0 s left ", printed.get(1));
    }

    @Test
    void aRenderWithinASecondPrintsNothing() {
        RenderProgress p = progress();
        now += SECOND / 3;
        p.update(60 * 48000);
        p.finish();
        assertEquals(List.of(), printed);
    }

    @Test
    void nothingRenderedYetSaysSoWithoutASpeed() {
        RenderProgress p = progress();
        now += 2 * SECOND;
        p.update(0);
        assertEquals(List.of("\rmethcla render: 0.0 s of 60.0 s (0%)"), printed);
    }
}
