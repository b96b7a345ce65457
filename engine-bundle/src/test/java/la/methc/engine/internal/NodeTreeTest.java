package la.methc.engine.internal;

import static la.methc.engine.internal.EngineHarness.msg;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import la.methc.engine.internal.tree.Node;
import org.junit.jupiter.api.Test;

class NodeTreeTest {

    @Test
    void addActionsPlaceNodesHeadTailBeforeAfter() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", 1, 0, 1);
            h.send("/group/new", 2, 1, 1); // tail of 1
            h.send("/group/new", 3, 1, 0); // head of 1
            h.send("/group/new", 4, 2, 2); // before 2
            h.send("/group/new", 5, 3, 3); // after 3
            h.synth(TestSynths.CONST, 6, 2, 3); // after 2
            h.block();
            assertEquals(List.of(3, 5, 4, 2, 6), h.children(1));
            assertEquals(6, h.engine.tree().numGroups());
            assertEquals(1, h.engine.tree().numSynths());
        }
    }

    @Test
    void freeingAGroupFreesItsChildrenWithEndedNotifications() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/notify", 1);
            h.send("/group/new", 1, 0, 1);
            h.synth(TestSynths.CONST, 2, 1, 1);
            h.synth(TestSynths.CONST, 3, 1, 1);
            h.block();
            int destroyed = TestSynths.DESTROYED.get();
            h.send("/node/free", 1);
            h.block();
            h.client.await("/node/ended");
            h.client.await("/node/ended");
            h.client.await("/node/ended");
            assertNull(h.engine.tree().get(1));
            assertNull(h.engine.tree().get(2));
            assertEquals(0, h.engine.tree().numSynths());
            waitFor(() -> TestSynths.DESTROYED.get() == destroyed + 2);
        }
    }

    @Test
    void groupFreeAllKeepsTheGroup() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", 1, 0, 1);
            h.synth(TestSynths.CONST, 2, 1, 1);
            h.block();
            h.send("/group/freeAll", 1);
            h.block();
            assertEquals(List.of(), h.children(1));
            assertEquals(List.of(1), h.children(0));
        }
    }

    @Test
    void doneFlagsFreeSelfAndNotify() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/notify", 1);
            h.synth(TestSynths.CONST, 1, 0, 1);
            h.dispatcher.onPacket(msg("/synth/new", TestSynths.DONE, 2, 0, 1, new java.util.ArrayList<>(),
                    new java.util.ArrayList<>(List.of(3))), h.client);
            h.synth(TestSynths.CONST, 3, 0, 1);
            h.send("/synth/property/doneFlags/set", 2, Node.DONE_FREE_SELF | Node.DONE_FREE_PRECEDING
                    | Node.DONE_NOTIFY);
            h.send("/synth/activate", 2);
            h.blocks(2);
            assertEquals(List.of(1, 2, 3), h.children(0));
            h.block(); // third block: done
            assertEquals(2, h.client.await("/node/done").getArguments().get(0));
            assertEquals(List.of(3), h.children(0));
        }
    }

    @Test
    void doneFreeAllSiblingsAndParent() {
        try (EngineHarness h = new EngineHarness()) {
            h.send("/group/new", 10, 0, 1);
            h.synth(TestSynths.CONST, 1, 10, 1);
            h.dispatcher.onPacket(msg("/synth/new", TestSynths.DONE, 2, 10, 1, new java.util.ArrayList<>(),
                    new java.util.ArrayList<>(List.of(1))), h.client);
            h.synth(TestSynths.CONST, 3, 10, 1);
            h.send("/synth/property/doneFlags/set", 2, Node.DONE_FREE_ALL_SIBLINGS);
            h.send("/synth/activate", 2);
            h.block();
            assertEquals(List.of(2), h.children(10));

            h.dispatcher.onPacket(msg("/synth/new", TestSynths.DONE, 4, 10, 1, new java.util.ArrayList<>(),
                    new java.util.ArrayList<>(List.of(1))), h.client);
            h.send("/synth/property/doneFlags/set", 4, Node.DONE_FREE_PARENT);
            h.send("/synth/activate", 4);
            h.block();
            assertNull(h.engine.tree().get(10));
            assertEquals(List.of(), h.children(0));
        }
    }

    static void waitFor(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.onSpinWait();
        }
    }
}
