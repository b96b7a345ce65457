package la.methc.client;

/**
 * The engine refused or failed a request: an {@code /error s:address i:id s:reason} or a
 * {@code /resource/error i:id s:reason} reply (for the latter the address is {@code /resource/new}).
 */
public final class ServerException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String reply;
    private final String address;
    private final int id;
    private final String reason;

    public ServerException(String reply, String address, int id, String reason) {
        super(reply + " " + address + " " + id + ": " + reason);
        this.reply = reply;
        this.address = address;
        this.id = id;
        this.reason = reason;
    }

    /** {@code /error} or {@code /resource/error}. */
    public String reply() {
        return reply;
    }

    /** The address of the refused command ({@code ""} for a malformed packet, {@code #bundle} for a bundle). */
    public String address() {
        return address;
    }

    /** The node or Resource concerned, or -1. */
    public int id() {
        return id;
    }

    /** The engine's reason, as it sent it. */
    public String reason() {
        return reason;
    }
}
