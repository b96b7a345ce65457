package la.methc.engine.internal.resource;

/**
 * The text of the slot pool's warnings, built on RT only on these error paths. A class of its own so that
 * {@link SlotPool}, which runs on RT, holds no String constants (see {@link JobFailures}).
 */
final class SlotWarnings {

    private SlotWarnings() {
    }

    static String untracked(int id) {
        return "a synth holds more Resources than its table tracks; resource " + id + " is held untracked";
    }

    static String unbalancedRelease(int id, int state) {
        return "release of resource " + id + ", which is not held (state " + ResourceSlot.name(state) + "); ignored";
    }

    static String forcedWithReferences(int id, String uri, int refcount) {
        return "resource " + id + " (" + uri + ") destroyed with " + refcount
                + " untracked references left (acquired outside attach/remap)";
    }
}
