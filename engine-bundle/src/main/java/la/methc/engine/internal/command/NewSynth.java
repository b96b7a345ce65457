package la.methc.engine.internal.command;

import la.methc.api.Host;
import la.methc.engine.internal.osc.Client;
import la.methc.engine.internal.tree.SynthDestruction;
import la.methc.engine.internal.tree.SynthNode;

/**
 * {@code /synth/new}: links a synth constructed and connected on the network thread, then runs its attach.
 * If it cannot be linked or attached the synth goes back to a worker to be destroyed.
 */
public final class NewSynth extends Command {

    private final SynthNode node;
    private final int target;
    private final int addAction;

    public NewSynth(Client client, SynthNode node, int target, int addAction) {
        super(CommandText.synthNew(), client);
        this.node = node;
        this.target = target;
        this.addAction = addAction;
    }

    /** RT. */
    @Override
    public void perform(RtContext rt, int offset) {
        if (node.entry().isRetired()) {
            // its bundle left while this command was queued
            rt.error(address, node.id(), CommandText.synthDefRetired(node), client);
            rt.discard(node.synth());
        } else if (!NodeCommand.insert(rt, this, node, target, addAction)) {
            rt.discard(node.synth());
        } else {
            // attach acquires the synth's Resources; on failure the engine answers /error and discards it
            rt.attach(node, this);
        }
    }

    /** An {@code /error} and the synth's discard at most (its node's own events are in the engine's reserve). */
    @Override
    public int events() {
        return 2;
    }

    /** Network thread. RT never had it: destroy the synth here. */
    @Override
    public void refused(Host host) {
        SynthDestruction.destroy(node.synth(), host, CommandText.refusedSynth(node));
    }

    /** RT. Never linked: its synth is destroyed as one that could not be. */
    @Override
    public void drop(RtContext rt) {
        rt.discard(node.synth());
    }
}
