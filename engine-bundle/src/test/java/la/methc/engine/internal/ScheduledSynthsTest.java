package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static la.methc.engine.internal.EngineHarness.newSynth;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code /synth/new} in a timed bundle carries a synth its SynthDef already constructed. Found by the OSC
 * fuzzer: when such a command never ran (the scheduler was full, or it was still waiting at shutdown) its synth
 * was never destroyed. Now it is, as for any synth that does not enter the tree.
 */
class ScheduledSynthsTest {

    /** Far beyond any block these tests compute (the harness reads time tags as seconds from 0). */
    private static final double LATER = 1000.0;

    @Test
    void aSynthStillScheduledAtShutdownIsDestroyed() {
        try (EngineHarness h = new EngineHarness()) {
            h.sendAt(LATER, newSynth(TestSynths.CONST, 1, 0, 1));
            h.block();
            int destroyed = TestSynths.DESTROYED.get();
            EngineCommands.FreeAll all = new EngineCommands.FreeAll(); // the first step of EngineRuntime.close()
            h.engine.submit(all, 1000);
            h.block();
            NodeTreeTest.waitFor(() -> TestSynths.DESTROYED.get() == destroyed + 1);
            h.blocks(2);
            assertEquals(destroyed + 1, TestSynths.DESTROYED.get(), "destroyed once");
        }
    }

    @Test
    void aSynthTheFullSchedulerRefusesIsDestroyed() {
        try (EngineHarness h = new EngineHarness()) {
            int capacity = 16384; // Engine.QUEUE_CAPACITY
            for (int n = 0; n < capacity; n++) {
                h.sendAt(LATER, msg("/group/new", 1, 0, 1));
                if (n % 4096 == 4095) {
                    h.block(); // from the request queue into the scheduler
                }
            }
            h.block();
            int destroyed = TestSynths.DESTROYED.get();
            h.sendAt(LATER, newSynth(TestSynths.CONST, 2, 0, 1));
            h.block();
            assertEquals(List.of("/synth/new", -1, "scheduler full"), h.client.await("/error").getArguments());
            NodeTreeTest.waitFor(() -> TestSynths.DESTROYED.get() == destroyed + 1);
        }
    }
}
