package la.methc.engine.internal.resource;

/**
 * The text of the slot pool's warnings, built on RT only on these error paths. A class of its own so that
 * {@link SlotPool}, which runs on RT, holds no String constants (see {@link JobFailures}).
 */
final class SlotWarnings {

    private SlotWarnings() {
    }

    static String notHeld(int id, HeldResources holder) {
        return "release of resource " + id + " by a holder that does not hold it; refused, nothing changed";
    }

    static String forcedWithHolds(int id, String uri, int refcount) {
        return "resource " + id + " (" + uri + ") destroyed with " + refcount
                + " holds left; they are stale now and their releases change nothing";
    }
}
