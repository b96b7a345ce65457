package la.methc.engine.internal;

import java.util.concurrent.CountDownLatch;
import la.methc.engine.internal.command.Command;
import la.methc.engine.internal.command.RtContext;
import la.methc.engine.internal.tree.Node;
import la.methc.engine.internal.tree.NodeTree;
import la.methc.engine.internal.tree.SynthDefEntry;
import la.methc.engine.internal.tree.SynthNode;

/**
 * The engine's own commands, sent by NRT threads that wait for RT: shutdown, departing SynthDefs, latches. Their
 * addresses live in {@link EngineText}: {@code perform} runs on RT.
 */
public final class EngineCommands {

    private EngineCommands() {
    }

    /** Counts a latch down once the notifier handled everything RT published before it. */
    static final class Latch extends Command {
        private final RtEvents events;
        private final CountDownLatch latch;

        Latch(RtEvents events, CountDownLatch latch) {
            super(EngineText.latch(), null);
            this.events = events;
            this.latch = latch;
        }

        @Override
        public void perform(RtContext rt, int offset) {
            events.latch(latch);
        }
    }

    /** Frees every synth of a SynthDef whose bundle is leaving. */
    static final class RetireSynths extends Command {
        private final SynthDefEntry def;

        RetireSynths(SynthDefEntry def) {
            super(EngineText.retire(), null);
            this.def = def;
        }

        @Override
        public void perform(RtContext rt, int offset) {
            NodeTree t = rt.tree();
            Node n = t.root();
            while (n != null) {
                Node next = NodeTree.next(n, t.root()); // a synth has no children: its successor outlives it
                if (n instanceof SynthNode s && s.entry() == def) {
                    t.free(s, null);
                }
                n = next;
            }
        }
    }

    /**
     * Frees every node but the root, drops scheduled commands and refuses the plugin commands waiting for Resources:
     * the first step of shutdown.
     */
    public static final class FreeAll extends Command {
        private int freed;

        public FreeAll() {
            super(EngineText.shutdown(), null);
        }

        @Override
        public void perform(RtContext rt, int offset) {
            rt.dropScheduled(); // e.g. a /synth/new's synth, constructed already, is destroyed
            rt.abandonWaiting(); // plugin commands waiting for Resources being made: /error, never a leak
            freed = rt.tree().numSynths() + rt.tree().numGroups() - 1;
            rt.tree().freeChildren(rt.tree().root(), null);
        }

        /** How many nodes it freed; read after it ran (the latch of {@code runAndWait} orders it). */
        public int freed() {
            return freed;
        }
    }
}
