package la.methc.api;

/**
 * A Resource could not be acquired: the id is out of range, the slot is not live or is being freed, or its
 * URI or body type is not the one asked for. Thrown on RT by {@link ResourceRef#acquire} (an error path:
 * the engine answers {@code /error} for the {@code /synth/new} that caused it).
 */
public final class ResourceAcquireError extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int resourceId;
    private final ResourceStatus status;

    public ResourceAcquireError(int resourceId, ResourceStatus status, String message) {
        // no stack trace: it is a reply to a client, not a bug report
        super(message, null, false, false);
        this.resourceId = resourceId;
        this.status = status;
    }

    public int resourceId() {
        return resourceId;
    }

    public ResourceStatus status() {
        return status;
    }
}
