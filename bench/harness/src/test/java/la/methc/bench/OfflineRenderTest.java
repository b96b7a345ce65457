package la.methc.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineRenderTest {

    @Test
    void theRenderersTakeTurnsAndTheFirstAlternates() {
        // two renderers: 0 1, 1 0, 0 1, ...; one renders alone every time
        assertEquals(List.of(0, 1), List.of(OfflineRender.turn(0, 0, 2), OfflineRender.turn(0, 1, 2)));
        assertEquals(List.of(1, 0), List.of(OfflineRender.turn(1, 0, 2), OfflineRender.turn(1, 1, 2)));
        assertEquals(List.of(0, 1), List.of(OfflineRender.turn(4, 0, 2), OfflineRender.turn(4, 1, 2)));
        assertEquals(0, OfflineRender.turn(3, 0, 1));
    }

    @Test
    void theOutcomeIsTheMedianRenderAndListsThemAllInTheOrderTheyRan() {
        List<OfflineRender.Run> runs = List.of(new OfflineRender.Run(1.58, "a"), new OfflineRender.Run(1.42, "b"),
                new OfflineRender.Run(1.32, "c"), new OfflineRender.Run(1.30, "d"), new OfflineRender.Run(1.45, "e"));
        OfflineRender.Outcome o = OfflineRender.outcome(runs, 60, 0.42);
        assertEquals(60 / 1.42, o.rtf(), 1e-9);
        assertEquals(60 / (1.42 - 0.42), o.rendering(), 1e-9);
        assertEquals("median of 5 renders, wall times 1.58, 1.42, 1.32, 1.30, 1.45 s; b", o.said());
        assertEquals(1.30, OfflineRender.fixedCost(runs), 0.0);
    }
}
