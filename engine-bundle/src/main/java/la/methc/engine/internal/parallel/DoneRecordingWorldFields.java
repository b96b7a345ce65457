package la.methc.engine.internal.parallel;

import la.methc.api.World;
import la.methc.engine.internal.tree.SynthNode;

/** {@link DoneRecordingWorld}'s fields, between its two paddings. */
abstract class DoneRecordingWorldFields extends DoneRecordingWorldL1Pad {

    final World engine;
    /** The synth whose process the owning thread is in, null between two. */
    SynthNode current;

    DoneRecordingWorldFields(World engine) {
        this.engine = engine;
    }
}
