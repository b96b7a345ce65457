package la.methc.engine.internal.tree;

import la.methc.api.Host;
import la.methc.api.Synth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a plugin's {@link Synth#destroy}, which must not fail: whatever it throws (an {@link Error} too) is
 * logged and handed back, never propagated, so a broken plugin cannot take down the thread that destroys its
 * synths (the notifier, or a network thread for a synth refused before it reached RT).
 */
public final class SynthDestruction {

    private static final Logger LOG = LoggerFactory.getLogger(SynthDestruction.class);

    private SynthDestruction() {
    }

    /**
     * NRT. Destroys {@code synth}; {@code what} names it in the log (e.g. its node id and SynthDef URI).
     *
     * @return what destroy threw, or null
     */
    public static Throwable destroy(Synth synth, Host host, String what) {
        try {
            synth.destroy(host);
            return null;
        } catch (Throwable t) {
            LOG.error("destroy of {} threw, though it must not fail", what, t);
            return t;
        }
    }
}
