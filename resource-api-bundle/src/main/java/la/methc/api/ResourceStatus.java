package la.methc.api;

/** Why the engine refused an acquire or a {@link World#performWithResources} dispatch (or {@link #OK}). */
public enum ResourceStatus {
    OK("ok"),
    OUT_OF_RANGE("resource id out of range"),
    NOT_LIVE("resource is not live"),
    FREE_PENDING("resource is being freed"),
    WRONG_URI("resource is of another kind"),
    NOT_EXCLUSIVE("resource has other holders"),
    IMMUTABLE("resource is immutable"),
    BUSY("too many dispatches in flight"),
    /** Since 1.4.0: an exclusive dispatch rewrites it; nothing else may acquire it until that returns. */
    EXCLUSIVE_IN_USE("resource is being rewritten by an exclusive command"),
    /** Since 1.4.0: one dispatch named the same id twice. */
    DUPLICATE_ID("resource named twice in one dispatch"),
    /** Since 1.4.0: the Resource has {@code 65535} holds, the most the engine counts. */
    HOLD_LIMIT("resource has the most holds it can count (65535)"),
    /** Since 1.4.0: the acquiring synth holds as many Resources as it declared resource ports, and more. */
    HOLDER_FULL("the synth holds as many Resources as it has room for");

    private final String reason;

    ResourceStatus(String reason) {
        this.reason = reason;
    }

    /** A short reason for {@code /error} replies and logs. */
    public String reason() {
        return reason;
    }
}
