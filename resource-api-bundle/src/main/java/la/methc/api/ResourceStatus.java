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
    BUSY("too many dispatches in flight");

    private final String reason;

    ResourceStatus(String reason) {
        this.reason = reason;
    }

    /** A short reason for {@code /error} replies and logs. */
    public String reason() {
        return reason;
    }
}
