package la.methc.engine.internal.resource;

/** The outcome of a client's {@code /resource/new} or {@code /resource/free} on a slot (RT answers the others). */
public enum SlotResult {
    OK,
    /** {@code /resource/new}: the id is in use. */
    IN_USE,
    /** {@code /resource/new}: the ResourceDef's bundle is leaving. */
    RETIRED,
    /** {@code /resource/free}: nothing there. */
    NOT_ALLOCATED,
    /** {@code /resource/free}: being destroyed already. */
    BEING_DESTROYED,
    /** {@code /resource/free}: freed already, waiting for its holders. */
    ALREADY_FREEING
}
