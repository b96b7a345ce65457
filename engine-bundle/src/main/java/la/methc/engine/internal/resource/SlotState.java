package la.methc.engine.internal.resource;

/** The state of a Resource slot (ADR 0001): FREE → CONSTRUCTING → LIVE → DESTROYING → FREE. */
public enum SlotState {
    FREE,
    CONSTRUCTING,
    LIVE,
    DESTROYING;

    /** Its name in {@code /resource/info}: lower case. Made once, when the enum loads. */
    private final String text = name().toLowerCase(java.util.Locale.ROOT);

    public String text() {
        return text;
    }
}
